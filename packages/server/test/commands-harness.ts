// Helpers for command tests: run a command over a real socket, set modules and teams.

import type { CommandResult } from '@livechat/protocol';
import type { Client, TestServer } from './harness.ts';

export async function runCommand(
  client: Client,
  conversationId: string,
  name: string,
  args = '',
): Promise<CommandResult> {
  const id = client.nextId();
  client.send({ type: 'command.run', id, conversationId, name, args });
  return (await client.wait('command.result', (frame) => frame.id === id)).result;
}

export async function enableModules(
  server: TestServer,
  modules: { helpdesk: boolean; crm: boolean },
  teams: Array<{ name: string; sequence: number; livechatEnabled: boolean }> = [
    { name: 'Support', sequence: 10, livechatEnabled: true },
  ],
): Promise<void> {
  const { store } = server.app;
  await store.settings.saveModules(modules);
  for (const team of teams) await store.helpdesk.createTeam(team);
}

export const texts = (result: CommandResult) => result.lines.map((line) => line.text);
