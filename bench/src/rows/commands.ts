// Commands as rows: /search_tickets and /ticket over a large help desk, and the canned responses'
// filter on one keystroke.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report, Row } from '../report.ts';
import { benchCommands } from '../scenarios/commands.ts';

/** Times the commands and the canned filter, and reports their rows. */
export async function reportCommands(ctx: BenchContext, report: Report): Promise<void> {
  const c = await attempt(report, 'commands', () => benchCommands(ctx.sizes.commands));
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
