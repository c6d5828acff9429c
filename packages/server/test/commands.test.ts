// Operator commands over real sockets and SQLite: what each answers, creates, and never shows visitors.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableModules, runCommand, texts } from './commands-harness.ts';
import {
  type Client,
  SITE_ORIGIN,
  type TestServer,
  connectOperator,
  createOperator,
  loginCookie,
  newVisitor,
  discard,
  reply,
  say,
  settle,
  startServer,
  sync,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

/** Alice online, a visitor who wrote once: the usual starting point. */
async function chat(role: 'admin' | 'operator' = 'admin') {
  const alice = await createOperator(server, 'Alice', role);
  const operator = await connectOperator(server, alice);
  const handle = await newVisitor(server);
  const visitor = await handle.connect();
  const first = await say(visitor, 'Hello, my Aurora lamp flickers');
  await operator.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
  return { alice, operator, handle, visitor, conversationId: first.conversationId };
}

const wire = (client: Client) => JSON.stringify(client.frames);

describe('/help', () => {
  it('names who is here, explains @, / and :, and lists only the available commands', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const { operator, conversationId } = await chat();
    const result = await runCommand(operator, conversationId, 'help');
    expect(result.status).toBe('ok');
    const lines = texts(result);
    expect(lines[0]).toMatch(/^In this conversation: Visitor #\w{4}, Alice$/);
    expect(lines.some((line) => line.startsWith('Type @username'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Type /command'))).toBe(true);
    expect(lines.some((line) => line.startsWith('Type :shortcut'))).toBe(true);
    expect(lines).toContain('/ticket TITLE');
    expect(lines).toContain('/search_tickets KEYWORDS');
    expect(lines).not.toContain('/lead TITLE');
  });
});

describe('/ticket', () => {
  it('creates a ticket in the highest-priority live chat team with the public transcript', async () => {
    await enableModules(server, { helpdesk: true, crm: true }, [
      { name: 'Sales', sequence: 20, livechatEnabled: true },
      { name: 'Back office', sequence: 1, livechatEnabled: false },
      { name: 'Support', sequence: 5, livechatEnabled: true },
    ]);
    const { operator, visitor, conversationId, alice } = await chat();
    await sync(operator, 0, conversationId);
    await reply(operator, conversationId, 'Sorry to hear that! Which bulb?');
    await reply(operator, conversationId, 'internal: probably the E14 batch', 'operator');
    await say(visitor, 'The E14 one');

    const result = await runCommand(operator, conversationId, 'ticket', 'Aurora lamp flickers');
    expect(result.status).toBe('ok');
    const link = result.lines.find((line) => line.href?.startsWith('#/tickets/'));
    expect(link?.text).toMatch(/^Aurora lamp flickers \(#(\d+)\)$/);
    const number = Number(link?.href?.split('/').pop());
    const ticket = await server.app.store.helpdesk.ticket(number, { id: '', role: 'admin' });
    expect(ticket).toMatchObject({
      title: 'Aurora lamp flickers',
      teamName: 'Support',
      conversationId,
      createdBy: alice.id,
      customerName: null,
      description: [
        'Visitor: Hello, my Aurora lamp flickers',
        'Alice: Sorry to hear that! Which bulb?',
        'Visitor: The E14 one',
      ].join('\n'),
    });
  });

  it('answers with the usage when the title is missing, and creates nothing', async () => {
    await enableModules(server, { helpdesk: true, crm: true });
    const { operator, conversationId } = await chat();
    const result = await runCommand(operator, conversationId, 'ticket', '');
    expect(result).toMatchObject({ status: 'usage' });
    expect(texts(result)[0]).toBe('Usage: /ticket TITLE');
    expect(await server.sql('SELECT * FROM tickets')).toEqual([]);
  });

  it('is unavailable while the helpdesk is off or no team takes live chat', async () => {
    await enableModules(server, { helpdesk: false, crm: false }, [
      { name: 'Support', sequence: 1, livechatEnabled: false },
    ]);
    const { operator, conversationId } = await chat();
    const welcome = await operator.wait('welcome');
    expect(welcome.type === 'welcome' && welcome.role === 'operator' && welcome.commands).toEqual([
      'help',
      'history',
      'leave',
    ]);
    for (const name of ['ticket', 'search_tickets']) {
      const result = await runCommand(operator, conversationId, name, 'anything');
      expect(result.status).toBe('error');
      expect(texts(result)[0]).toContain('is not available');
    }
    await server.app.store.settings.saveModules({ helpdesk: true, crm: false });
    expect((await runCommand(operator, conversationId, 'ticket', 'x')).status).toBe('error');
    expect(await server.sql('SELECT * FROM tickets')).toEqual([]);
  });

  it('announces the commands live when an admin switches a module on', async () => {
    const { operator, alice } = await chat();
    const cookie = await loginCookie(server, alice.email);
    const response = await fetch(`${server.url}/api/admin/modules`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ crm: true }),
    });
    expect(response.status).toBe(200);
    const announced = await operator.wait('commands.available');
    expect(announced.commands).toContain('lead');
  });
});

describe('unknown commands', () => {
  it('are answered for the operator only, and nothing reaches the visitor', async () => {
    const { operator, visitor, conversationId } = await chat();
    const result = await runCommand(operator, conversationId, 'frobnicate', 'secret-argument');
    expect(result.status).toBe('error');
    expect(texts(result)[0]).toBe('Unknown command /frobnicate.');
    await settle();
    expect(wire(visitor)).not.toContain('frobnicate');
    expect(wire(visitor)).not.toContain('secret-argument');
    expect(await server.sql("SELECT count(*) AS n FROM messages WHERE author_kind <> 'system'")).toEqual([{ n: 1 }]);
  });
});

describe('/search_tickets', () => {
  async function seedTickets(count: number, alice: { id: string }) {
    const { store } = server.app;
    const team = await store.helpdesk.livechatTeam();
    const created = [];
    for (let i = 1; i <= count; i++) {
      created.push(
        await store.helpdesk.createTicket({
          title: i === 3 ? 'Broken Aurora switch' : `Question ${i}`,
          description: i === 4 ? 'Customer: the shade of my lampe électrique is cracked' : 'General enquiry',
          customerName: i === 5 ? 'Zoé Martin' : null,
          customerEmail: i === 5 ? 'zoe@example.org' : null,
          teamId: team?.id ?? '',
          conversationId: null,
          createdBy: alice.id,
        }),
      );
    }
    return created;
  }

  it('finds by number, by words in title, description and customer, newest first', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const { operator, conversationId, alice } = await chat();
    await seedTickets(6, alice);
    const links = async (query: string) =>
      (await runCommand(operator, conversationId, 'search_tickets', query)).lines.filter((line) => line.href);

    expect((await links('#3')).map((l) => l.text)).toEqual(['Broken Aurora switch (#3)']);
    expect((await links('3'))[0]?.text).toBe('Broken Aurora switch (#3)');
    expect((await links('aurora')).map((l) => l.href)).toEqual(['#/tickets/3']);
    expect((await links('cracked shade')).map((l) => l.href)).toEqual(['#/tickets/4']);
    expect((await links('electrique')).map((l) => l.href)).toEqual(['#/tickets/4']);
    // A word cut short still finds its ticket, once whole words found nothing.
    expect((await links('electri')).map((l) => l.href)).toEqual(['#/tickets/4']);
    expect((await links('zoe@example.org')).map((l) => l.href)).toEqual(['#/tickets/5']);
    expect((await links('question')).map((l) => l.href)).toEqual([6, 5, 4, 2, 1].map((n) => `#/tickets/${n}`));
  });

  it('shows at most ten with a link to the rest', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const { operator, conversationId, alice } = await chat();
    await seedTickets(14, alice);
    const result = await runCommand(operator, conversationId, 'search_tickets', 'enquiry');
    const tickets = result.lines.filter((line) => line.href?.startsWith('#/tickets/'));
    expect(tickets).toHaveLength(10);
    expect(tickets[0]?.href).toBe('#/tickets/14');
    const more = result.lines.find((line) => line.href?.startsWith('#/tickets?q='));
    // Ticket 4's description says something else: 13 of the 14 match.
    expect(more).toEqual({ text: 'See all 13 tickets for "enquiry"', href: '#/tickets?q=enquiry' });
    const cookie = await loginCookie(server, alice.email);
    const all = await fetch(`${server.url}/api/operator/tickets?q=enquiry&offset=10`, { headers: { cookie } }).then(
      (r) => r.json() as Promise<{ tickets: Array<{ number: number }>; total: number }>,
    );
    expect(all).toMatchObject({ total: 13 });
    expect(all.tickets.map((t) => t.number)).toEqual([3, 2, 1]);
  });

  it('says when nothing is found, and gives the usage without keywords', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const { operator, conversationId } = await chat();
    const none = await runCommand(operator, conversationId, 'search_tickets', 'unicorn "OR" *');
    expect(texts(none)).toEqual(['No tickets found for "unicorn "OR" *".', 'Usage: /search_tickets KEYWORDS']);
    const bare = await runCommand(operator, conversationId, 'search_tickets', '');
    expect(bare.status).toBe('usage');
  });
});

describe('/history', () => {
  it('tells apart two pages with the same title by their URL', async () => {
    const { operator, handle, conversationId } = await chat();
    for (const path of ['lamps/aurora', 'lamps/borealis']) {
      await fetch(`${server.url}/api/sites/shop/page-views`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json', origin: SITE_ORIGIN },
        body: JSON.stringify({ url: `http://shop.test/${path}`, title: 'Lamp' }),
      });
    }
    const result = await runCommand(operator, conversationId, 'history');
    expect(result.lines.filter((line) => line.href).map((line) => line.text)).toEqual([
      'Lamp — http://shop.test/lamps/borealis',
      'Lamp — http://shop.test/lamps/aurora',
    ]);
  });

  it('lists the last 15 distinct pages, newest first, even with the visitor offline', async () => {
    const { operator, visitor, handle, conversationId } = await chat();
    const view = (path: string) =>
      fetch(`${server.url}/api/sites/shop/page-views`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json', origin: SITE_ORIGIN },
        body: JSON.stringify({ url: `http://shop.test/${path}`, title: `Page ${path}` }),
      });
    for (let i = 1; i <= 17; i++) await view(`p${i}`);
    await view('p3');
    await view('p17');
    await view('p3');
    await visitor.close();

    const result = await runCommand(operator, conversationId, 'history');
    const pages = result.lines.filter((line) => line.href);
    expect(pages.map((line) => line.text)).toEqual([
      'Page p3 — http://shop.test/p3',
      'Page p17 — http://shop.test/p17',
      'Page p16 — http://shop.test/p16',
      'Page p15 — http://shop.test/p15',
      'Page p14 — http://shop.test/p14',
      'Page p13 — http://shop.test/p13',
      'Page p12 — http://shop.test/p12',
      'Page p11 — http://shop.test/p11',
      'Page p10 — http://shop.test/p10',
      'Page p9 — http://shop.test/p9',
      'Page p8 — http://shop.test/p8',
      'Page p7 — http://shop.test/p7',
      'Page p6 — http://shop.test/p6',
      'Page p5 — http://shop.test/p5',
      'Page p4 — http://shop.test/p4',
    ]);
    expect(pages[0]?.href).toBe('http://shop.test/p3');
    expect(pages.every((line) => typeof line.meta === 'string' && line.meta.length > 0)).toBe(true);
  });
});

describe('/lead', () => {
  it('creates a lead with the transcript, source Livechat, and the visitor as contact', async () => {
    await enableModules(server, { helpdesk: false, crm: true });
    const { operator, conversationId, alice } = await chat();
    await reply(operator, conversationId, 'We can offer a bulk discount.');
    const result = await runCommand(operator, conversationId, 'lead', 'Bulk order of Aurora lamps');
    const link = result.lines.find((line) => line.href?.startsWith('#/leads/'));
    expect(link?.text).toBe('Bulk order of Aurora lamps');
    const lead = await server.app.store.crm.lead(link?.href?.split('/').pop() ?? '', { id: '', role: 'admin' });
    expect(lead).toMatchObject({
      title: 'Bulk order of Aurora lamps',
      source: 'Livechat',
      conversationId,
      createdBy: alice.id,
      internalNotes: expect.stringMatching(/: Hello, my Aurora lamp flickers\nAlice: We can offer a bulk discount\.$/),
    });
    expect((await runCommand(operator, conversationId, 'lead', '')).status).toBe('usage');
  });

  it('is unavailable while the CRM is off', async () => {
    await enableModules(server, { helpdesk: true, crm: false });
    const { operator, conversationId } = await chat();
    const result = await runCommand(operator, conversationId, 'lead', 'x');
    expect(result.status).toBe('error');
    expect(texts(result)[0]).toBe('/lead is not available: the CRM is switched off.');
    expect(await server.sql('SELECT * FROM leads')).toEqual([]);
  });
});

describe('/leave', () => {
  it('takes the operator out while another stays; the visitor is told nothing', async () => {
    const bob = await createOperator(server, 'Bob');
    const bobSocket = await connectOperator(server, bob);
    const visitor = await (await newVisitor(server)).connect();
    const { conversationId } = await say(visitor, 'Hello');
    // Bob was the only one online: the conversation is his; Alice (admin) joins by answering.
    const alice = await connectOperator(server, await createOperator(server, 'Alice', 'admin'));
    await sync(alice, 0, conversationId);
    await reply(alice, conversationId, 'Alice here too');
    await visitor.wait('message.created', (f) => f.message.body === 'Alice here too');
    const before = visitor.frames.length;

    const result = await runCommand(alice, conversationId, 'leave');
    expect(texts(result)).toEqual([
      'You left this conversation. The visitor was not told, and it stays open.',
      'Bob is still in it.',
    ]);
    await alice.wait('conversation.removed', (f) => f.conversationId === conversationId);
    await reply(bobSocket, conversationId, 'Bob continues');
    await visitor.wait('message.created', (f) => f.message.body === 'Bob continues');
    await settle();
    expect(alice.of('message.created').map((f) => f.message.body)).not.toContain('Bob continues');
    expect(visitor.frames.slice(before).map((f) => f.type)).toEqual(['message.created']);
    const conversation = await server.app.store.conversations.byId(conversationId);
    expect(conversation).toMatchObject({ status: 'open', memberIds: [bob.id] });
  });

  it('sends the conversation back to the queue when nobody is left', async () => {
    const { operator: alice, visitor, conversationId, alice: aliceProfile } = await chat('operator');
    const bob = await createOperator(server, 'Bob');
    const bobSocket = await connectOperator(server, bob);
    const result = await runCommand(alice, conversationId, 'leave');
    expect(texts(result)[1]).toBe('No operator is left in it: it went back to the queue.');
    await alice.wait('conversation.removed', (f) => f.conversationId === conversationId);
    const queued = await bobSocket.wait('conversation.updated', (f) => f.conversation.id === conversationId);
    expect(queued.conversation.memberIds).toEqual([]);

    const list = async (email: string) => {
      const cookie = await loginCookie(server, email);
      const body = await fetch(`${server.url}/api/operator/conversations`, { headers: { cookie } }).then(
        (r) => r.json() as Promise<{ conversations: Array<{ id: string }> }>,
      );
      return body.conversations.map((c) => c.id);
    };
    expect(await list(aliceProfile.email)).toEqual([]);
    expect(await list(bob.email)).toEqual([conversationId]);
    // The visitor writes on; Bob can take it, Alice is not bothered.
    await say(visitor, 'still there?');
    await bobSocket.wait('conversation.updated', (f) => f.conversation.lastMessage?.body === 'still there?');
    await settle();
    expect(alice.of('conversation.updated').some((f) => f.conversation.lastMessage?.body === 'still there?')).toBe(
      false,
    );
    expect(visitor.frames.some((f) => JSON.stringify(f).includes('left'))).toBe(false);
  });
});

describe('command results', () => {
  it('are kept for the operator who ran them, and only for them', async () => {
    await enableModules(server, { helpdesk: true, crm: true });
    const { operator, conversationId, alice } = await chat('admin');
    await runCommand(operator, conversationId, 'ticket', 'Kept for Alice');
    await runCommand(operator, conversationId, 'help');
    const bob = await createOperator(server, 'Bob', 'admin');
    const fetchResults = async (email: string) => {
      const cookie = await loginCookie(server, email);
      return fetch(`${server.url}/api/operator/conversations/${conversationId}/command-results`, {
        headers: { cookie },
      }).then((r) => r.json() as Promise<{ results: Array<{ input: string }> }>);
    };
    expect((await fetchResults(alice.email)).results.map((r) => r.input)).toEqual(['/ticket Kept for Alice', '/help']);
    expect((await fetchResults(bob.email)).results).toEqual([]);
  });
});
