// Who may read tickets and leads: those made from a conversation follow its read rule, the others are everyone's.

import type { LeadList, OperatorProfile, TicketList } from '@livechat/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enableModules, runCommand, texts } from './commands-harness.ts';
import {
  type Client,
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  say,
  startServer,
} from './harness.ts';

let server: TestServer;
let alice: OperatorProfile;
let bob: OperatorProfile;
let ada: OperatorProfile;
let aliceSocket: Client;
let bobSocket: Client;
let bobConversationId: string;
let chatTicket: number;
let freeTicket: number;
let chatLead: string;
let freeLead: string;

async function get<T>(operator: OperatorProfile, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { cookie: await loginCookie(server, operator.email) },
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A visitor writes; the operator waits until the conversation reaches their list. */
async function conversationFor(operator: Client, text: string): Promise<string> {
  const visitor = await (await newVisitor(server)).connect();
  const message = await say(visitor, text);
  await operator.wait('conversation.updated', (frame) => frame.conversation.id === message.conversationId);
  return message.conversationId;
}

beforeAll(async () => {
  server = await startServer();
  await enableModules(server, { helpdesk: true, crm: true });
  alice = await createOperator(server, 'Alice');
  bob = await createOperator(server, 'Bob');
  ada = await createOperator(server, 'Ada', 'admin');
  // Alice alone online takes the first chat; Bob, less busy, the second.
  aliceSocket = await connectOperator(server, alice);
  const aliceConversationId = await conversationFor(aliceSocket, 'My Aurora lamp flickers');
  bobSocket = await connectOperator(server, bob);
  bobConversationId = await conversationFor(bobSocket, 'Where is my parcel?');

  const ticketResult = await runCommand(aliceSocket, aliceConversationId, 'ticket', 'Aurora lamp flickers');
  chatTicket = Number(
    ticketResult.lines
      .find((line) => line.href?.startsWith('#/tickets/'))
      ?.href?.split('/')
      .pop(),
  );
  const leadResult = await runCommand(aliceSocket, aliceConversationId, 'lead', 'Aurora bulk order');
  chatLead =
    leadResult.lines
      .find((line) => line.href?.startsWith('#/leads/'))
      ?.href?.split('/')
      .pop() ?? '';
  const team = await server.app.store.helpdesk.livechatTeam();
  if (!team) throw new Error('no live chat team');
  freeTicket = (
    await server.app.store.helpdesk.createTicket({
      title: 'Aurora shelf restock',
      description: 'Phoned in',
      customerName: null,
      customerEmail: null,
      teamId: team.id,
      conversationId: null,
      createdBy: ada.id,
    })
  ).number;
  freeLead = (
    await server.app.store.crm.createLead({
      title: 'Aurora trade fair',
      internalNotes: 'Met at the fair',
      contactName: null,
      contactEmail: null,
      conversationId: null,
      createdBy: ada.id,
    })
  ).id;
});
afterAll(async () => {
  await discard(server);
});

describe('an operator refused the conversation', () => {
  it('does not see its ticket in the list or in a search of its words or number', async () => {
    const all = await get<TicketList>(bob, '/api/operator/tickets');
    expect(all.body.tickets.map((ticket) => ticket.number)).toEqual([freeTicket]);
    expect(all.body.total).toBe(1);
    const words = await get<TicketList>(bob, '/api/operator/tickets?q=flickers');
    expect(words.body).toMatchObject({ tickets: [], total: 0 });
    const prefix = await get<TicketList>(bob, '/api/operator/tickets?q=Auro');
    expect(prefix.body.tickets.map((ticket) => ticket.number)).toEqual([freeTicket]);
    const byNumber = await get<TicketList>(bob, `/api/operator/tickets?q=%23${chatTicket}`);
    expect(byNumber.body.tickets).toEqual([]);
    expect(JSON.stringify([all, words, prefix, byNumber])).not.toContain('flickers');
  });

  it('gets 404 for the ticket and the lead, as for ones that do not exist', async () => {
    const ticket = await get<{ error: { code: string } }>(bob, `/api/operator/tickets/${chatTicket}`);
    expect(ticket.status).toBe(404);
    expect(ticket.body.error.code).toBe('not_found');
    const lead = await get<{ error: { code: string } }>(bob, `/api/operator/leads/${chatLead}`);
    expect(lead.status).toBe(404);
    expect(lead.body.error.code).toBe('not_found');
  });

  it('does not see its lead in the list', async () => {
    const leads = await get<LeadList>(bob, '/api/operator/leads');
    expect(leads.body.leads.map((lead) => lead.id)).toEqual([freeLead]);
    expect(leads.body.total).toBe(1);
  });

  it('does not find its ticket with /search_tickets', async () => {
    const words = await runCommand(bobSocket, bobConversationId, 'search_tickets', 'Aurora');
    expect(texts(words)).toEqual(['1 ticket found for "Aurora":', `Aurora shelf restock (#${freeTicket})`]);
    const number = await runCommand(bobSocket, bobConversationId, 'search_tickets', `#${chatTicket}`);
    expect(texts(number)[0]).toBe(`No tickets found for "#${chatTicket}".`);
  });
});

describe('who may read the conversation', () => {
  it('reads its ticket and lead: the operator in it, and admins', async () => {
    for (const reader of [alice, ada]) {
      const tickets = await get<TicketList>(reader, '/api/operator/tickets?q=Aurora');
      expect(tickets.body.tickets.map((ticket) => ticket.number)).toEqual([freeTicket, chatTicket]);
      const detail = await get<{ ticket: { description: string } }>(reader, `/api/operator/tickets/${chatTicket}`);
      expect(detail.status).toBe(200);
      expect(detail.body.ticket.description).toContain('My Aurora lamp flickers');
      const lead = await get<{ lead: { internalNotes: string } }>(reader, `/api/operator/leads/${chatLead}`);
      expect(lead.body.lead.internalNotes).toContain('My Aurora lamp flickers');
      const leads = await get<LeadList>(reader, '/api/operator/leads');
      expect(leads.body.total).toBe(2);
    }
    const found = await runCommand(aliceSocket, await aliceConversation(), 'search_tickets', 'flickers');
    expect(texts(found)).toContain(`Aurora lamp flickers (#${chatTicket})`);
  });
});

async function aliceConversation(): Promise<string> {
  const open = await server.app.store.conversations.listVisibleTo(alice.id);
  const id = open.find((conversation) => conversation.memberIds.includes(alice.id))?.id;
  if (!id) throw new Error('Alice has no conversation');
  return id;
}

describe('the rule in the database', () => {
  it('agrees with the conversation rule for every kind of conversation and reader', async () => {
    const other = await startServer();
    try {
      const { store } = other.app;
      const [al, bo, ad] = [
        await createOperator(other, 'Al'),
        await createOperator(other, 'Bo'),
        await createOperator(other, 'Ad', 'admin'),
      ];
      const team = await store.helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      /** A conversation of a new visitor, put in a state by `arrange`, with a ticket and a lead made from it. */
      const made: Array<{ conversationId: string; ticket: number; lead: string }> = [];
      async function conversation(arrange: (id: string) => Promise<unknown>): Promise<void> {
        const visitor = await newVisitor(other);
        const { conversation: opened } = await store.conversations.findOrCreateOpen('shop', visitor.visitorId);
        await arrange(opened.id);
        const ticket = await store.helpdesk.createTicket({
          title: 't',
          description: 'd',
          customerName: null,
          customerEmail: null,
          teamId: team.id,
          conversationId: opened.id,
          createdBy: ad.id,
        });
        const lead = await store.crm.createLead({
          title: 'l',
          internalNotes: 'n',
          contactName: null,
          contactEmail: null,
          conversationId: opened.id,
          createdBy: ad.id,
        });
        made.push({ conversationId: opened.id, ticket: ticket.number, lead: lead.id });
      }
      const message = async (id: string) =>
        (
          await store.messages.append({
            conversationId: id,
            author: { kind: 'operator', id: bo.id, name: 'Bo' },
            body: '@Al',
            visibility: 'operator',
            clientId: `m-${id}`,
          })
        ).message.id;
      await conversation(async () => {}); // queued
      await conversation((id) => store.conversations.join(id, al.id)); // Al's
      await conversation((id) => store.conversations.leave(id, al.id)); // queued, but Al left it
      await conversation(async (id) => {
        await store.conversations.join(id, al.id);
        await store.conversations.close(id);
      }); // closed with Al in it
      await conversation((id) => store.conversations.close(id)); // closed, nobody in it
      await conversation(async (id) => {
        await store.conversations.join(id, bo.id);
        await store.mentions.record(id, al.id, await message(id));
      }); // Bo's, Al mentioned
      await conversation(async (id) => {
        await store.conversations.join(id, bo.id);
        await store.conversations.leave(id, bo.id);
        await store.conversations.close(id);
      }); // closed after Bo left
      for (const reader of [al, bo, ad]) {
        for (const { conversationId, ticket, lead } of made) {
          const current = await store.conversations.byId(conversationId);
          if (!current) throw new Error('a conversation vanished');
          const may = await other.app.conversations.mayRead(reader, current);
          expect({
            reader: reader.name,
            conversationId,
            ticket: (await store.helpdesk.ticket(ticket, reader)) !== null,
          }).toEqual({ reader: reader.name, conversationId, ticket: may });
          expect((await store.crm.lead(lead, reader)) !== null).toBe(may);
        }
      }
      // Each reader is refused some and allowed some: the comparison is not empty on either side.
      for (const reader of [al, bo]) {
        const seen = (await store.helpdesk.searchTickets('', 0, 100, reader)).total;
        expect(seen).toBeGreaterThan(0);
        expect(seen).toBeLessThan(made.length);
      }
    } finally {
      await discard(other);
    }
  });
});
