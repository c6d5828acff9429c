// `pnpm bench` / `pnpm bench:quick`: runs every scenario against the live chat and its baselines in
// one go, prints the table, writes bench/results.json (full run) and ends with "N passed, N failed"
// for the functional checks (lost, duplicated or missing messages), never for timings.

import { fileURLToPath } from 'node:url';
import { attempt, firstLine, systemFailed } from './attempt.ts';
import { BenchContext } from './context.ts';
import { readOptions, runs, stopAtDeadline } from './options.ts';
import { describeLoad, Report, type Row } from './report.ts';
import { avalanche } from './scenarios/avalanche.ts';
import { benchCommands } from './scenarios/commands.ts';
import { FAN_OUT_P99_MS, fanOut } from './scenarios/fan-out.ts';
import { flood } from './scenarios/flood.ts';
import { idle } from './scenarios/idle.ts';
import { jitter } from './scenarios/jitter.ts';
import { roundTrip, type RoundTripResult } from './scenarios/round-trip.ts';
import { benchSearch } from './scenarios/search.ts';
import { storageBaseline } from './scenarios/storage.ts';
import { OPERATOR_UI_FULL, OPERATOR_UI_QUICK, operatorUi } from './scenarios/operator-ui.ts';
import { DEPLOYMENT_LABEL, twoNodes } from './scenarios/two-nodes.ts';
import { widget } from './scenarios/widget.ts';
import { clockMs, ratio, total } from './stats.ts';

const options = readOptions(process.argv, process.env);
const { quick, only, sizes, synchronous } = options;
const report = new Report();
const startedAt = clockMs();
stopAtDeadline(options.deadlineMs, report);
const KIB = 1024;

function roundTripRows(results: Record<'livechat' | 'r1' | 'r2', RoundTripResult | null>, r3: number | null) {
  const { livechat, r1, r2 } = results;
  for (const rate of sizes.roundTrip.rates) {
    const ours = livechat?.p99ByRate[rate] ?? null;
    const r1p99 = r1?.p99ByRate[rate] ?? null;
    const target = rate === 1000 ? '< 10 ms and ≤ R1 + 3 ms' : undefined;
    report.add({
      scenario: 'round trip',
      metric: `p99 at ${rate} msg/s`,
      unit: 'ms',
      livechat: ours,
      r1: r1p99,
      r2: r2?.p99ByRate[rate] ?? null,
      ratios: { 'vs R1': ratio(ours, r1p99), 'vs R2': ratio(ours, r2?.p99ByRate[rate]) },
      ...(target ? { target, meets: ours === null || r1p99 === null ? null : ours < 10 && ours <= r1p99 + 3 } : {}),
      limit: describeLoad(livechat?.steps.find((s) => !s.warmUp && s.rate === rate)?.load),
    });
    report.add({
      scenario: 'round trip',
      metric: `p50 at ${rate} msg/s`,
      unit: 'ms',
      livechat: livechat?.p50ByRate[rate] ?? null,
      r1: r1?.p50ByRate[rate] ?? null,
      r2: r2?.p50ByRate[rate] ?? null,
      ratios: { 'vs R1': ratio(livechat?.p50ByRate[rate], r1?.p50ByRate[rate]) },
    });
  }
  const sat = livechat?.saturation.perSecond ?? null;
  report.add({
    scenario: 'round trip',
    metric: 'saturation throughput',
    unit: 'msg/s',
    livechat: sat,
    r1: r1?.saturation.perSecond ?? null,
    r2: r2?.saturation.perSecond ?? null,
    r3,
    ratios: { 'vs R3': ratio(sat, r3), 'vs R2': ratio(sat, r2?.saturation.perSecond) },
    target: '≥ 0.5× R3 and > R2',
    meets: sat === null || r3 === null || !r2 ? null : sat >= 0.5 * r3 && sat > r2.saturation.perSecond,
    limit: describeLoad(livechat?.saturation.load),
  });
  // What one message costs the server at saturation: its CPU share over the messages it carried.
  const cpuPerMessage = (result: RoundTripResult | null) =>
    result ? (result.saturation.load.cpu * 1e6) / result.saturation.perSecond : null;
  report.add({
    scenario: 'round trip',
    metric: 'server CPU per message at saturation',
    unit: 'µs',
    livechat: cpuPerMessage(livechat),
    r1: cpuPerMessage(r1),
    r2: cpuPerMessage(r2),
    ratios: { 'vs R2': ratio(cpuPerMessage(livechat), cpuPerMessage(r2)) },
  });
  if (livechat) {
    const steps = livechat.steps;
    const lost = steps.reduce((n, s) => n + (s.sent - s.received), 0);
    const duplicated = steps.reduce((n, s) => n + s.duplicates, 0) + livechat.saturation.duplicates;
    const unacked = steps.reduce((n, s) => n + (s.sent - (s.acked ?? 0)), 0);
    report.check(
      'round trip: every sent message reached the operator once',
      lost === 0 && duplicated === 0,
      `${lost} lost, ${duplicated} duplicated`,
    );
    report.check('round trip: every sent message was acknowledged', unacked === 0, `${unacked} without ack`);
    // Persisted: the store holds one row per message sent (warm-up, steps and closed loops), no more.
    const sent = steps.reduce((n, s) => n + s.sent, 0) + livechat.saturation.sent;
    report.check(
      'round trip: every sent message was stored once',
      livechat.storedDelta === sent,
      `${livechat.storedDelta ?? 'unknown'} stored of ${sent} sent`,
    );
  }
}

/** A load's description with the share of a core its PostgreSQL and Redis used, where it has them. */
const withBacking = (load: string, backing: number | undefined) =>
  backing === undefined ? load : `${load}, PostgreSQL and Redis cpu ${(backing * 100).toFixed(0)} %`;

function twoNodeRows(ran: Awaited<ReturnType<typeof twoNodes>>) {
  const { rate } = sizes.twoNodes;
  const one = ran.sqlite ?? null;
  const two = ran.twoNodes ?? null;
  const names = ['sqlite', 'postgres', 'twoNodes'] as const;
  const at = `at ${rate.toLocaleString('en')} msg/s${sizes.twoNodes.repeats > 1 ? ` (median of ${sizes.twoNodes.repeats})` : ''}`;
  for (const name of names) {
    const result = ran[name] ?? null;
    const isTwo = name === 'twoNodes';
    report.add({
      scenario: 'two nodes',
      metric: `p99 ${at}, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'ms',
      livechat: result?.p99 ?? null,
      ...(isTwo
        ? {
            target: '≤ one node on SQLite + 10 ms',
            meets: two === null || one === null ? null : two.p99 <= one.p99 + 10,
          }
        : {}),
      limit: withBacking(describeLoad(result?.steps.find((step) => !step.warmUp)?.load), result?.backingCpu?.steps),
    });
    report.add({
      scenario: 'two nodes',
      metric: `p50 ${at}, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'ms',
      livechat: result?.p50 ?? null,
    });
  }
  for (const name of names) {
    const result = ran[name] ?? null;
    report.add({
      scenario: 'two nodes',
      metric: `saturation throughput, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'msg/s',
      livechat: result?.saturation.perSecond ?? null,
      ratios:
        name === 'sqlite'
          ? {}
          : { 'vs one node on SQLite': ratio(result?.saturation.perSecond, one?.saturation.perSecond) },
      limit: withBacking(describeLoad(result?.saturation.load), result?.backingCpu?.saturation),
    });
  }
  for (const name of names) {
    const result = ran[name];
    if (!result) continue;
    const lost = result.steps.reduce((n, step) => n + (step.sent - step.received), 0);
    const duplicated = result.steps.reduce((n, step) => n + step.duplicates, 0) + result.saturation.duplicates;
    const unacked = result.steps.reduce((n, step) => n + (step.sent - (step.acked ?? 0)), 0);
    const label = `two nodes, ${DEPLOYMENT_LABEL[name]}`;
    report.check(
      `${label}: every sent message reached the operator once`,
      lost === 0 && duplicated === 0,
      `${lost} lost, ${duplicated} duplicated`,
    );
    report.check(`${label}: every sent message was acknowledged`, unacked === 0, `${unacked} without ack`);
    report.check(
      `${label}: every sent message was stored once`,
      result.stored === result.sent,
      `${result.stored} stored of ${result.sent} sent`,
    );
  }
}

async function main() {
  console.log(`${quick ? 'bench:quick' : 'bench'}: SQLite synchronous=${synchronous}, ${sizes.workers} load processes`);
  const ctx = new BenchContext(sizes, synchronous);
  await ctx.init();
  try {
    const r3 = runs(options, 'storage')
      ? await attempt(report, 'R3 storage baseline', () => storageBaseline(ctx))
      : null;
    if (runs(options, 'storage')) {
      report.raw.r3 = r3;
      report.add({
        scenario: 'storage',
        metric: 'rows/s, one commit each',
        unit: 'rows/s',
        livechat: '',
        r3: r3?.single ?? null,
      });
      report.add({
        scenario: 'storage',
        metric: 'rows/s, 100 per commit',
        unit: 'rows/s',
        livechat: '',
        r3: r3?.batched ?? null,
      });
      report.add({
        scenario: 'storage',
        metric: `CPU per row, ${sizes.roundTrip.visitors} per commit over ${sizes.roundTrip.visitors} conversations`,
        unit: 'µs',
        livechat: '',
        r3: r3?.spread.cpuPerRowUs ?? null,
        limit: r3 ? `${Math.round(r3.spread.rowsPerSecond)} rows/s` : undefined,
      });
      for (const [when, figures] of [
        ['cores idle', r3?.fsync.quiet],
        ['every core busy', r3?.fsync.busy],
      ] as const) {
        report.add({
          scenario: 'storage',
          metric: `fsync of 3 appended pages, p99, ${when}`,
          unit: 'ms',
          livechat: '',
          r3: figures?.p99 ?? null,
          limit: figures ? `p50 ${figures.p50.toFixed(2)} ms` : undefined,
        });
      }
    }
    if (runs(options, 'round-trip')) {
      console.log('\nround trip: R1, R2 and live chat, taking turns');
      const ran = await roundTrip(ctx, ['r1', 'r2', 'livechat'], systemFailed(report, 'round trip')).catch(
        (error: unknown) => {
          report.check('round trip ran', false, firstLine(error));
          return {} as Awaited<ReturnType<typeof roundTrip>>;
        },
      );
      const rt = { r1: ran.r1 ?? null, r2: ran.r2 ?? null, livechat: ran.livechat ?? null };
      report.raw.roundTrip = rt;
      roundTripRows(rt, r3?.single ?? null);
    }
    if (runs(options, 'two-nodes')) {
      console.log('\ntwo nodes: one node on SQLite, one on PostgreSQL and Redis, two on them, taking turns');
      const ran = await twoNodes(ctx, (deployment, error) =>
        report.check(`two nodes: ${DEPLOYMENT_LABEL[deployment]} ran`, false, firstLine(error)),
      ).catch((error: unknown) => {
        report.check('two nodes ran', false, firstLine(error));
        return {};
      });
      report.raw.twoNodes = ran;
      twoNodeRows(ran);
    }
    if (runs(options, 'fan-out')) {
      console.log('\nfan-out: R1, R2 and live chat, taking turns');
      const ran = await fanOut(ctx, ['r1', 'r2', 'livechat'], systemFailed(report, 'fan-out')).catch(
        (error: unknown) => {
          report.check('fan-out ran', false, error instanceof Error ? error.message : String(error));
          return {} as Awaited<ReturnType<typeof fanOut>>;
        },
      );
      const fan = { r1: ran.r1 ?? null, r2: ran.r2 ?? null, livechat: ran.livechat ?? null };
      report.raw.fanOut = fan;
      // A system that ran but kept no step within the p99 limit sustained 0 deliveries/s by this measure.
      const fanBest = (f: typeof fan.r1) => (f ? (f.best?.deliveriesPerSecond ?? 0) : null);
      const [ours, r1Best, r2Best] = [fanBest(fan.livechat), fanBest(fan.r1), fanBest(fan.r2)];
      report.add({
        scenario: 'fan-out',
        metric: `deliveries/s to ${sizes.fanOut.sockets} sockets, p99 ≤ ${FAN_OUT_P99_MS} ms`,
        unit: '/s',
        livechat: ours,
        r1: r1Best,
        r2: r2Best,
        ratios: { 'vs R1': ratio(ours, r1Best), 'vs R2': ratio(ours, r2Best) },
        target: '≥ 0.6× R1 and ≥ 1.5× R2',
        meets:
          ours === null || r1Best === null || r2Best === null || r1Best === 0
            ? null
            : ours >= 0.6 * r1Best && ours >= 1.5 * r2Best && ours > 0,
        limit: describeLoad(fan.livechat?.steps.at(-1)?.load),
      });
      if (fan.livechat) {
        const { steps, outsideSteps } = fan.livechat;
        const expected = total(steps, (s) => s.expected);
        const received = total(steps, (s) => s.received);
        const duplicates = total(steps, (s) => s.duplicates);
        const strays = total(steps, (s) => s.strays);
        report.check(
          'fan-out: every socket got every message once',
          steps.length > 0 && received === expected && duplicates === 0 && strays === 0 && outsideSteps === 0,
          `${received}/${expected} received, ${duplicates} repeated, ${strays} unreadable, ${outsideSteps} outside a step`,
        );
      }
    }
    if (runs(options, 'idle')) {
      const idleResults = {
        r1: await attempt(report, 'idle connections: R1', () => idle(ctx, 'r1')),
        r2: await attempt(report, 'idle connections: R2', () => idle(ctx, 'r2')),
        livechat: await attempt(report, 'idle connections: live chat', () => idle(ctx, 'livechat')),
      };
      report.raw.idle = idleResults;
      const perConn = (r: typeof idleResults.r1) => (r ? r.rssPerConnection / KIB : null);
      report.add({
        scenario: 'idle connections',
        metric: `memory per connection (${sizes.idle.connections} held)`,
        unit: 'KiB rss',
        livechat: perConn(idleResults.livechat),
        r1: perConn(idleResults.r1),
        r2: perConn(idleResults.r2),
        ratios: {
          'vs R1': ratio(perConn(idleResults.livechat), perConn(idleResults.r1)),
          'vs R2': ratio(perConn(idleResults.livechat), perConn(idleResults.r2)),
        },
        target: '≤ 3× R1 and ≤ 0.5× R2',
        meets:
          idleResults.livechat && idleResults.r1 && idleResults.r2
            ? idleResults.livechat.rssPerConnection <= 3 * idleResults.r1.rssPerConnection &&
              idleResults.livechat.rssPerConnection <= 0.5 * idleResults.r2.rssPerConnection
            : null,
      });
      if (idleResults.livechat) {
        const { connected, connections } = idleResults.livechat;
        report.check('idle: every visitor connected', connected === connections, `${connected}/${connections}`);
      }
    }
    if (runs(options, 'jitter')) {
      const jit = {
        livechat: await attempt(report, 'jitter: live chat', () => jitter(ctx, 'livechat')),
        r2: quick ? null : await attempt(report, 'jitter: R2', () => jitter(ctx, 'r2')),
      };
      report.raw.jitter = jit;
      const exactlyOnce = (o: typeof jit.livechat) =>
        o
          ? (100 *
              (o.visitorAcked +
                o.operatorAcked -
                o.visitorLost -
                o.visitorDuplicated -
                o.operatorLost -
                o.operatorDuplicated)) /
            Math.max(1, o.visitorAcked + o.operatorAcked)
          : null;
      report.add({
        scenario: 'jitter',
        metric: `acked messages delivered exactly once (${sizes.jitter.visitors} visitors, ${sizes.jitter.durationMs / 1000} s)`,
        unit: '%',
        livechat: exactlyOnce(jit.livechat),
        r2: exactlyOnce(jit.r2),
        target: '100 %',
        meets: jit.livechat ? exactlyOnce(jit.livechat) === 100 : null,
      });
      if (jit.livechat) {
        const o = jit.livechat;
        const bad = o.visitorLost + o.visitorDuplicated + o.operatorLost + o.operatorDuplicated + o.gaps;
        report.check(
          'jitter: every acknowledged message delivered exactly once, no gaps',
          bad === 0 && o.errors === 0 && o.visitorAcked > 0,
          `${o.visitorAcked} + ${o.operatorAcked} acked, lost ${o.visitorLost}/${o.operatorLost}, duplicated ${o.visitorDuplicated}/${o.operatorDuplicated}, gaps ${o.gaps}, errors ${o.errors}`,
        );
      }
    }
    // Not in bench:quick unless asked for by name (`--quick --only=flood`): quick already takes over a minute.
    if (runs(options, 'flood') && (!quick || only?.has('flood'))) {
      const flooded = await attempt(report, 'flood: live chat', () => flood(ctx));
      report.raw.flood = flooded;
      const visitors = `${sizes.flood.visitors} visitors, a message a second each`;
      report.add({
        scenario: 'flood',
        metric: `round trip p99, ${visitors}, quiet`,
        unit: 'ms',
        livechat: flooded?.quiet.p99 ?? null,
      });
      report.add({
        scenario: 'flood',
        metric: `round trip p99, ${visitors}, while one visitor sends ${sizes.flood.framesPerSecond} frames/s`,
        unit: 'ms',
        livechat: flooded?.flooded.p99 ?? null,
        ratios: { 'vs quiet': ratio(flooded?.flooded.p99, flooded?.quiet.p99) },
        target: '≤ 2× quiet',
        meets: flooded ? flooded.flooded.p99 <= 2 * flooded.quiet.p99 : null,
      });
      if (flooded) {
        const { quiet, flood: count } = flooded;
        const probesArrived = quiet.received === quiet.probes && flooded.flooded.received === flooded.flooded.probes;
        report.check(
          'flood: every ordinary message reached the operator',
          probesArrived,
          `${quiet.received}/${quiet.probes} quiet, ${flooded.flooded.received}/${flooded.flooded.probes} flooded`,
        );
        report.check(
          'flood: the flooder is told rate_limited and its socket stays open',
          count.limited > 0 && count.otherErrors === 0 && count.stillOpen,
          `${count.sent} sent, ${count.acked} stored, ${count.limited} refused, ${count.otherErrors} other errors`,
        );
      }
    }
    if (runs(options, 'avalanche')) {
      const restart = {
        livechat: await attempt(report, 'restart avalanche: live chat', () => avalanche(ctx, 'livechat')),
        r1: await attempt(report, 'restart avalanche: R1', () => avalanche(ctx, 'r1')),
        restarted: await attempt(report, 'restart avalanche, graceful: live chat', () =>
          avalanche(ctx, 'livechat', 'restarted'),
        ),
      };
      report.raw.avalanche = restart;
      report.add({
        scenario: 'restart avalanche',
        metric: `99 % of ${sizes.avalanche.visitors} resumed, from listening`,
        unit: 'ms',
        livechat: restart.livechat?.p99ResumeMs ?? null,
        r1: restart.r1?.p99ResumeMs ?? null,
        ratios: { 'vs R1': ratio(restart.livechat?.p99ResumeMs, restart.r1?.p99ResumeMs) },
        target: 'nothing missed',
        meets: restart.livechat ? restart.livechat.missing === 0 && restart.livechat.duplicates === 0 : null,
      });
      report.add({
        scenario: 'restart avalanche',
        metric: `99 % of ${sizes.avalanche.visitors} resumed after a graceful restart (SIGTERM, close 1012), from listening`,
        unit: 'ms',
        livechat: restart.restarted?.p99ResumeMs ?? null,
        r1: null,
        ratios: {},
        target: 'nothing missed',
        meets: restart.restarted ? restart.restarted.missing === 0 && restart.restarted.duplicates === 0 : null,
      });
      for (const [label, a] of [
        ['restart', restart.livechat],
        ['graceful restart', restart.restarted],
      ] as const) {
        if (!a) continue;
        report.check(
          `${label}: every visitor resumed with nothing missed or repeated`,
          a.resumed === a.visitors && a.missing === 0 && a.duplicates === 0,
          `${a.resumed}/${a.visitors} resumed, ${a.missing} missing, ${a.duplicates} duplicated`,
        );
      }
    }
    if (runs(options, 'commands')) {
      const c = await attempt(report, 'commands', () => benchCommands(sizes.commands));
      report.raw.commands = c;
      if (c) {
        const tickets = c.tickets.toLocaleString('en');
        const transcript = c.ticketTranscriptMessages.toLocaleString('en');
        const canned = c.cannedResponses.toLocaleString('en');
        const rows: Row[] = [
          {
            scenario: 'commands',
            metric: `/search_tickets over ${tickets} tickets, p99`,
            unit: 'ms',
            livechat: c.searchTickets.p99,
            target: '< 5 ms',
            meets: c.searchTickets.p99 < 5,
          },
          {
            scenario: 'commands',
            metric: `/search_tickets over ${tickets} tickets, p50`,
            unit: 'ms',
            livechat: c.searchTickets.p50,
          },
          {
            scenario: 'commands',
            metric: `/ticket with a ${transcript}-message transcript, p99`,
            unit: 'ms',
            livechat: c.ticket.p99,
            target: '< 20 ms',
            meets: c.ticket.p99 < 20,
          },
          {
            scenario: 'canned filter',
            metric: `one keystroke over ${canned} responses, p99`,
            unit: 'ms',
            livechat: c.cannedKeystroke.p99,
            target: '< 1 ms',
            meets: c.cannedKeystroke.p99 < 1,
          },
        ];
        rows.forEach((row) => report.add(row));
      }
    }
    // Seeding a million messages takes about a minute: only in the full run, or when named.
    if (runs(options, 'search') && (!quick || only?.has('search'))) {
      const s = await attempt(report, 'search', () => benchSearch(sizes.search));
      report.raw.search = s;
      if (s) {
        const over = `over ${s.messages.toLocaleString('en')} messages in ${s.conversations.toLocaleString('en')} conversations`;
        const rows: Row[] = [
          {
            scenario: 'search',
            metric: `inbox search ${over}, admin, p99`,
            unit: 'ms',
            livechat: s.admin.p99,
            target: '< 20 ms',
            meets: s.admin.p99 < 20,
            limit: `seeded in ${s.seedSeconds.toFixed(0)} s`,
          },
          {
            scenario: 'search',
            metric: `index after the seed → after ${s.quietMergeSeconds.toFixed(1)} s of quiet merges`,
            unit: 'segments',
            livechat: `${s.segments.seeded} → ${s.segments.merged}`,
          },
          { scenario: 'search', metric: `inbox search ${over}, admin, p50`, unit: 'ms', livechat: s.admin.p50 },
          {
            scenario: 'search',
            metric: `inbox search ${over}, operator, p99`,
            unit: 'ms',
            livechat: s.operator.p99,
            target: '< 20 ms',
            meets: s.operator.p99 < 20,
          },
          { scenario: 'search', metric: `inbox search ${over}, operator, p50`, unit: 'ms', livechat: s.operator.p50 },
          { scenario: 'search', metric: 'inbox search, next page (cursor), p99', unit: 'ms', livechat: s.nextPage.p99 },
        ];
        rows.forEach((row) => report.add(row));
      }
    }
    if (runs(options, 'widget')) {
      const w = await attempt(report, 'widget', () => widget(ctx));
      report.raw.widget = w;
      if (w) {
        const rows: Row[] = [
          {
            scenario: 'widget',
            metric: 'loader size',
            unit: 'B gzip',
            livechat: w.loaderGzipBytes,
            target: '≤ 2 KB',
            meets: w.loaderGzipBytes <= 2048,
          },
          {
            scenario: 'widget',
            metric: 'opened widget size (what the page loaded)',
            unit: 'B gzip',
            livechat: w.openedGzipBytes ?? w.browserNote ?? 'skipped in bench:quick',
            target: '≤ 25 KB',
            meets: w.openedGzipBytes === null ? null : w.openedGzipBytes <= 25 * 1024,
          },
          {
            scenario: 'widget',
            metric: 'opened widget size once the visitor wrote a message',
            unit: 'B gzip',
            livechat: w.writtenGzipBytes ?? w.browserNote ?? 'skipped in bench:quick',
            target: '≤ 25 KB',
            meets: w.writtenGzipBytes === null ? null : w.writtenGzipBytes <= 25 * 1024,
          },
          {
            scenario: 'widget',
            metric: 'script tag to visible launcher',
            unit: 'ms',
            livechat: w.launcherMs ?? w.browserNote ?? 'skipped in bench:quick',
            target: '< 100 ms',
            meets: w.launcherMs === null ? null : w.launcherMs < 100,
          },
        ];
        rows.forEach((row) => report.add(row));
      }
    }
    if (runs(options, 'operator-ui')) {
      const ui = await attempt(report, 'operator UI', () => operatorUi(quick ? OPERATOR_UI_QUICK : OPERATOR_UI_FULL));
      report.raw.operatorUi = ui;
      if (ui) operatorUiRows(ui).forEach((row) => report.add(row));
      if (ui && ui.browserNote === null) {
        report.check(
          'operator UI: every message stored during the flood showed',
          ui.floodStored === 0 || ui.floodCatchUpMs !== null,
          `${ui.floodStored} stored, ${ui.floodRefused} refused`,
        );
      }
    }
  } finally {
    await ctx.dispose();
  }

  report.print();
  const seconds = (clockMs() - startedAt) / 1000;
  console.log(`\n${quick ? 'bench:quick' : 'bench'} took ${seconds.toFixed(0)} s`);
  if (!quick && only === null) {
    const path = fileURLToPath(new URL('../results.json', import.meta.url));
    report.write(path, { command: 'pnpm bench', synchronous, sizes, seconds });
    console.log(`wrote ${path}`);
  }
  console.log(report.summaryLine());
  process.exitCode = report.checks.some((check) => !check.passed) ? 1 : 0;
}

await main();

function operatorUiRows(ui: NonNullable<Awaited<ReturnType<typeof operatorUi>>>): Row[] {
  const skipped = ui.browserNote ?? 'not measured';
  return [
    {
      scenario: 'operator UI',
      metric: `open a ${ui.history.toLocaleString('en')}-message conversation, to its last message shown`,
      unit: 'ms',
      livechat: ui.openMs ?? skipped,
      target: '< 1000 ms',
      meets: ui.openMs === null ? null : ui.openMs < 1000,
    },
    {
      scenario: 'operator UI',
      metric: `longest main-thread task, one visitor flooding ${ui.floodSent} messages at 1,000/s`,
      unit: 'ms',
      livechat: ui.longestTaskMs ?? skipped,
      target: '< 100 ms',
      meets: ui.longestTaskMs === null ? null : ui.longestTaskMs < 100,
      limit: `${ui.longTasks} tasks ≥ 50 ms; last message shown ${ui.floodCatchUpMs ?? '?'} ms after the flood, the server's last answer ${ui.floodAnsweredMs ?? '?'} ms`,
    },
  ];
}
