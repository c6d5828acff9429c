// Many machines: the round trip with visitors on one node and operators on another, both on one
// PostgreSQL and one Redis, against one node on SQLite (today's default) and one node on PostgreSQL
// and Redis. The deployments take turns step by step; their closed loops run one at a time.

import { startPostgres } from '@livechat/server/test/nodes/postgres-server.ts';
import { type RedisServer, startRedis } from '@livechat/server/test/nodes/redis-server.ts';
import { type BenchContext, createOperators, logIn, mintVisitorTokens, type Running, type Shared } from '../context.ts';
import { connectOperator } from '../load/livechat-client.ts';
import { cpuSecondsBetween, cpuSecondsOf } from '../servers/process-cpu.ts';
import { clockMs, median } from '../stats.ts';
import { inTurn } from './lanes.ts';
import { closedLoops, type RateStep, type RoundTripResult, type Timed, timedStep } from './round-trip.ts';

export type DeploymentName = 'sqlite' | 'postgres' | 'twoNodes';
export const DEPLOYMENT_LABEL: Record<DeploymentName, string> = {
  sqlite: 'one node on SQLite',
  postgres: 'one node on PostgreSQL and Redis',
  twoNodes: 'two nodes on PostgreSQL and Redis',
};

export interface DeploymentResult {
  steps: RateStep[];
  p50: number;
  p99: number;
  saturation: RoundTripResult['saturation'];
  /** Messages its conversations gained while the participants were open, and those the visitors sent. */
  stored: number;
  sent: number;
  /**
   * Share of a core that its PostgreSQL and Redis used (null on SQLite): median over the measured
   * steps, and in the closed loops. The servers' own CPU is in each step's load.
   */
  backingCpu: { steps: number; saturation: number } | null;
}

interface Deployment extends Timed {
  name: DeploymentName;
  /** Where the visitors connect (node A); the operators connect to the last of `servers` (node B). */
  visitorsAt: Running;
  operatorsAt: Running;
  operatorCookie: (worker: number) => Promise<string>;
  tokens: string[];
  conversationIds: string[];
  storedBefore: number;
  steps: RateStep[];
  /** What its PostgreSQL and Redis processes' command lines hold, one list of markers for each. */
  backing: string[][];
  backingCpu: { steps: number[]; saturation: number };
  failed: boolean;
}

export async function twoNodes(
  ctx: BenchContext,
  onError: (deployment: DeploymentName, error: unknown) => void,
): Promise<Partial<Record<DeploymentName, DeploymentResult>>> {
  const { rate, repeats } = ctx.sizes.twoNodes;
  const visitors = ctx.sizes.roundTrip.visitors;
  // Durable, as the SQLite node syncs every commit: the comparison is of deployments, not of settings.
  const postgres = await startPostgres({ durable: true });
  const redises: RedisServer[] = [];
  const deployments: Deployment[] = [];
  const fail = (deployment: Deployment, error: unknown) => {
    deployment.failed = true;
    onError(deployment.name, error);
  };
  try {
    const starts: Record<DeploymentName, () => Promise<Deployment>> = {
      sqlite: () => oneSqliteNode(ctx, visitors),
      postgres: async () => sharedNodes(ctx, 'postgres', 1, await newShared(postgres.url, redises), visitors),
      twoNodes: async () =>
        sharedNodes(ctx, 'twoNodes', 2, await newShared(await postgres.newDatabase(), redises), visitors),
    };
    for (const name of ['sqlite', 'postgres', 'twoNodes'] as const) {
      try {
        const deployment = await starts[name]();
        deployments.push(deployment);
        await prepare(ctx, deployment).catch((error: unknown) => fail(deployment, error));
      } catch (error) {
        onError(name, error);
      }
    }

    let tag = 0;
    const stepTag = (deployment: Deployment) => `${deployment.name}-${Date.now()}-${tag++}`;
    const warmUpMs = ctx.sizes.roundTrip.warmUpMs;
    for (const deployment of deployments.filter((d) => !d.failed && warmUpMs > 0)) {
      await timedStep(ctx, deployment, 1000, stepTag(deployment), warmUpMs).then(
        (step) => deployment.steps.push(step),
        (error: unknown) => fail(deployment, error),
      );
    }
    for (let turn = 0; turn < repeats; turn++) {
      for (const deployment of inTurn(
        deployments.filter((d) => !d.failed),
        turn,
      )) {
        await measured(deployment, () => timedStep(ctx, deployment, rate, stepTag(deployment))).then(
          ({ result, backingCpu }) => {
            deployment.steps.push(result);
            deployment.backingCpu.steps.push(backingCpu);
          },
          (error: unknown) => fail(deployment, error),
        );
      }
    }
    const saturations = new Map<Deployment, RoundTripResult['saturation']>();
    for (const deployment of deployments.filter((d) => !d.failed)) {
      await measured(deployment, () => closedLoops(ctx, deployment)).then(
        ({ result, backingCpu }) => {
          saturations.set(deployment, result);
          deployment.backingCpu.saturation = backingCpu;
        },
        (error: unknown) => fail(deployment, error),
      );
    }

    for (const deployment of deployments.filter((d) => !d.failed && d.backing.length > 0)) {
      const { steps, saturation } = deployment.backingCpu;
      const share = (cpu: number) => `${(cpu * 100).toFixed(0)} %`;
      console.log(
        `  ${deployment.label}: PostgreSQL and Redis cpu ${steps.map(share).join(', ')} in the steps, ${share(saturation)} in the closed loops`,
      );
    }
    const results: Partial<Record<DeploymentName, DeploymentResult>> = {};
    for (const deployment of deployments) {
      await Promise.all(ctx.workers.map((worker) => worker.call('close', { name: deployment.participants })));
      const saturation = saturations.get(deployment);
      if (deployment.failed || !saturation) continue;
      const measured = deployment.steps.filter((step) => !step.warmUp);
      results[deployment.name] = {
        steps: deployment.steps,
        p50: median(measured.map((step) => step.p50)),
        p99: median(measured.map((step) => step.p99)),
        saturation,
        stored: (await stored(deployment)) - deployment.storedBefore,
        sent: deployment.steps.reduce((sum, step) => sum + step.sent, 0) + saturation.sent,
        backingCpu:
          deployment.backing.length === 0
            ? null
            : { steps: median(deployment.backingCpu.steps), saturation: deployment.backingCpu.saturation },
      };
    }
    return results;
  } finally {
    for (const deployment of deployments) {
      for (const server of deployment.servers) await ctx.stop(server).catch(() => undefined);
    }
    for (const redis of redises) await redis.stop();
    await postgres.stop();
  }
}

/** Today's default: one process on SQLite, with the context's own operators and visitors. */
async function oneSqliteNode(ctx: BenchContext, visitors: number): Promise<Deployment> {
  const node = await ctx.start('livechat');
  return deployment('sqlite', [node], {
    operatorCookie: async (worker) => (await ctx.operator(node, `op${worker}`)).cookie,
    tokens: await ctx.visitorTokens(node, visitors),
  });
}

/**
 * Nodes on one database and one Redis of their own: accounts are made through the first node, the
 * operators (the one on duty, who gets the conversations, and each load process's) log in at the last.
 */
async function sharedNodes(
  ctx: BenchContext,
  name: DeploymentName,
  count: number,
  shared: Shared,
  visitors: number,
): Promise<Deployment> {
  const nodes: Running[] = [];
  try {
    // One after the other: the second finds the migrations done (they run under an advisory lock).
    for (let i = 0; i < count; i++) nodes.push(await ctx.start('livechat', { shared }));
  } catch (error) {
    for (const node of nodes) await ctx.stop(node).catch(() => undefined);
    throw error;
  }
  const [first, last] = [nodes[0] as Running, nodes.at(-1) as Running];
  const operators = ['duty', ...ctx.workers.map((_, w) => `op${w}`)];
  await createOperators(first, operators);
  last.duty = (await connectOperator(last.server, (await logIn(last, 'duty')).cookie)).socket;
  const port = (url: string) => new URL(url).port;
  return deployment(name, nodes, {
    operatorCookie: async (worker) => (await logIn(last, `op${worker}`)).cookie,
    tokens: await mintVisitorTokens(first, visitors),
    // The cluster is shared by both deployments on it, which never run at the same moment.
    backing: [
      ['postgres -D', `-p ${port(shared.databaseUrl)} `],
      ['redis-server', `127.0.0.1:${port(shared.redisUrl)} `],
    ],
  });
}

function deployment(
  name: DeploymentName,
  servers: Running[],
  parts: Pick<Deployment, 'operatorCookie' | 'tokens'> & Partial<Pick<Deployment, 'backing'>>,
): Deployment {
  return {
    name,
    label: DEPLOYMENT_LABEL[name],
    participants: `nodes-${name}`,
    servers,
    visitorsAt: servers[0] as Running,
    operatorsAt: servers.at(-1) as Running,
    backing: [],
    ...parts,
    backingCpu: { steps: [], saturation: 0 },
    conversationIds: [],
    storedBefore: 0,
    steps: [],
    failed: false,
  };
}

/** Runs a timed phase, and says what share of a core the deployment's PostgreSQL and Redis used in it. */
async function measured<T>(deployment: Deployment, run: () => Promise<T>): Promise<{ result: T; backingCpu: number }> {
  const read = () => deployment.backing.map((markers) => cpuSecondsOf(markers));
  const [before, startedAt] = [read(), clockMs()];
  const result = await run();
  const used = read().reduce((sum, after, i) => sum + cpuSecondsBetween(before[i] ?? new Map(), after), 0);
  return { result, backingCpu: used / ((clockMs() - startedAt) / 1000) };
}

/** The deployment's database (its first node migrates it) and a Redis of its own. */
async function newShared(databaseUrl: string, redises: RedisServer[]): Promise<Shared> {
  // Redis channels are not per database: a deployment that shared a server would hear the other's events.
  const redis = await startRedis();
  redises.push(redis);
  return { databaseUrl, redisUrl: redis.url };
}

/** Opens the participants in every load process: visitors at node A, one operator socket each at node B. */
async function prepare(ctx: BenchContext, deployment: Deployment): Promise<void> {
  const slices = ctx.slices(deployment.tokens);
  const opened = await Promise.all(
    ctx.workers.map(async (worker, w) =>
      worker.call<{ rooms: Array<{ id: string }> }>('open', {
        name: deployment.participants,
        setup: {
          system: 'livechat',
          server: deployment.visitorsAt.server,
          operatorServer: deployment.operatorsAt.server,
          visitors: slices[w],
          operatorCookie: await deployment.operatorCookie(w),
          operatorSockets: 1,
        },
      }),
    ),
  );
  deployment.conversationIds = opened.flatMap(({ rooms }) => rooms.map((room) => room.id));
  deployment.storedBefore = await stored(deployment);
}

/** Messages in the deployment's conversations, read through the store of node A. */
async function stored(deployment: Deployment): Promise<number> {
  const truth = await deployment.visitorsAt.child.call<{ messages: number }>('truth', {
    conversationIds: deployment.conversationIds,
  });
  return truth.messages;
}
