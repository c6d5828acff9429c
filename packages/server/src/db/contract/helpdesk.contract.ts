// The helpdesk's contract: teams, tickets and who may read them, ticket search by number, words and
// prefixes, leads, and a command's record stored with its result or not at all.

import type { CommandResult, OperatorProfile } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import type { NewTicket } from '../../helpdesk/repository.ts';
import type { Store } from '../store.ts';
import { aChat, aMomentLater, anOperator, freshStore, type OpenStore } from './fixtures.ts';

const aTicket = (store: Store, teamId: string, by: OperatorProfile, fields: Partial<NewTicket> = {}) =>
  store.helpdesk.createTicket({
    title: 'Printer on fire',
    description: 'It smokes',
    customerName: null,
    customerEmail: null,
    teamId,
    conversationId: null,
    createdBy: by.id,
    ...fields,
  });

const aResult = (conversationId: string, operatorId: string, input: string): CommandResult => ({
  id: `result-${input}-${Math.random()}`,
  conversationId,
  operatorId,
  input,
  status: 'ok',
  lines: [{ text: input, href: '#/tickets/1', meta: 'now' }],
  createdAt: new Date().toISOString(),
});

export function helpdeskContract(open: OpenStore): void {
  describe('helpdesk and CRM', () => {
    const store = freshStore(open);

    it('keeps teams by sequence, changes only what is asked, and sends live chat to the lowest enabled', async () => {
      const late = await store().helpdesk.createTeam({ name: 'Late', sequence: 20, livechatEnabled: true });
      const first = await store().helpdesk.createTeam({ name: 'First', sequence: 5, livechatEnabled: false });
      expect((await store().helpdesk.teams()).map((t) => t.name)).toEqual(['First', 'Late']);
      expect(await store().helpdesk.livechatTeam()).toEqual(late);
      const changed = await store().helpdesk.updateTeam(first.id, { livechatEnabled: true });
      expect(changed).toEqual({ ...first, livechatEnabled: true });
      expect(await store().helpdesk.team(first.id)).toEqual(changed);
      expect((await store().helpdesk.livechatTeam())?.id).toBe(first.id);
      expect(await store().helpdesk.updateTeam('no-such-team', { name: 'x' })).toBeNull();
      expect(await store().helpdesk.deleteTeam(late.id)).toBe(true);
      expect(await store().helpdesk.deleteTeam(late.id)).toBe(false);
      expect(await store().helpdesk.team(late.id)).toBeNull();
    });

    it('numbers tickets in order, counts them per team, and names their team and author', async () => {
      const olga = await anOperator(store(), 'Olga');
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const one = await aTicket(store(), team.id, olga);
      const two = await aTicket(store(), team.id, olga, { customerName: 'Ada', customerEmail: 'ada@example.com' });
      expect(two.number).toBeGreaterThan(one.number);
      expect(two).toMatchObject({ teamName: 'Support', createdByName: 'Olga', status: 'new', customerName: 'Ada' });
      expect(await store().helpdesk.countTickets(team.id)).toBe(2);
      expect(await store().helpdesk.ticket(two.number, olga)).toEqual(two);
      const together = await Promise.all([1, 2, 3].map(() => aTicket(store(), team.id, olga)));
      expect(new Set(together.map((t) => t.number)).size).toBe(3);
      expect(await store().helpdesk.countTickets(team.id)).toBe(5);
    });

    it('shows a ticket made from a conversation only to those who may read the conversation', async () => {
      const chat = await aChat(store());
      const [olga, piet] = [await anOperator(store(), 'Olga'), await anOperator(store(), 'Piet')];
      const admin = await anOperator(store(), 'Ines', 'admin');
      await store().conversations.join(chat.conversation.id, olga.id);
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const fromChat = await aTicket(store(), team.id, olga, { conversationId: chat.conversation.id });
      const loose = await aTicket(store(), team.id, olga, { title: 'Printer jam' });
      expect(await store().helpdesk.ticket(fromChat.number, piet)).toBeNull();
      expect(await store().helpdesk.ticket(fromChat.number, admin)).toEqual(fromChat);
      expect((await store().helpdesk.searchTickets('', 0, 10, piet)).tickets.map((t) => t.number)).toEqual([
        loose.number,
      ]);
      expect(await store().helpdesk.searchTickets('printer', 0, 10, piet)).toMatchObject({ total: 1 });
      await store().mentions.record(chat.conversation.id, piet.id, 'message-1');
      expect(await store().helpdesk.ticket(fromChat.number, piet)).toEqual(fromChat);
    });

    it('finds tickets by words without their diacritics, newest first, and by the last word as a prefix', async () => {
      const olga = await anOperator(store(), 'Olga');
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const cafe = await aTicket(store(), team.id, olga, { title: 'Café crème', description: 'Dimmer broken' });
      const dimmer = await aTicket(store(), team.id, olga, {
        title: 'Dimmer flickers',
        customerEmail: 'zoë@example.com',
      });
      await aTicket(store(), team.id, olga, { title: 'Something else' });
      const numbers = async (text: string) =>
        (await store().helpdesk.searchTickets(text, 0, 10, olga)).tickets.map((t) => t.number);
      expect(await numbers('dimmer')).toEqual([dimmer.number, cafe.number]);
      expect(await numbers('CAFE creme')).toEqual([cafe.number]);
      expect(await numbers('dimm')).toEqual([dimmer.number, cafe.number]);
      expect(await numbers('zoe')).toEqual([dimmer.number]);
      expect(await numbers('example.com')).toEqual([dimmer.number]);
      expect(await numbers('dimmer nowhere')).toEqual([]);
      expect(await numbers('" OR * -:')).toEqual([]);
    });

    it('puts the ticket a number names first, counts it once, and pages after it', async () => {
      const olga = await anOperator(store(), 'Olga');
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const named = await aTicket(store(), team.id, olga, { title: 'Lamp' });
      const others = [];
      for (let i = 0; i < 3; i++)
        others.push(await aTicket(store(), team.id, olga, { title: `Order ${named.number}` }));
      const page = await store().helpdesk.searchTickets(`#${named.number}`, 0, 2, olga);
      expect(page.tickets.map((t) => t.number)).toEqual([named.number, others[2]?.number]);
      expect(page.total).toBe(4);
      expect(page.totalCapped).toBe(false);
      const next = await store().helpdesk.searchTickets(`${named.number}`, 2, 2, olga);
      expect(next.tickets.map((t) => t.number)).toEqual([others[1]?.number, others[0]?.number]);
      const all = await store().helpdesk.searchTickets('', 1, 2, olga);
      expect(all).toEqual({
        tickets: [others[1], others[0]].map((t) => expect.objectContaining({ number: t?.number })),
        total: 4,
      });
    });

    it('lists the leads one may read, newest first, with their total', async () => {
      const chat = await aChat(store());
      const [olga, piet] = [await anOperator(store(), 'Olga'), await anOperator(store(), 'Piet')];
      await store().conversations.join(chat.conversation.id, olga.id);
      const base = { internalNotes: 'Wants 40 seats', contactName: 'Ada', contactEmail: null, createdBy: olga.id };
      const older = await store().crm.createLead({ ...base, title: 'Older', conversationId: null });
      await aMomentLater();
      const fromChat = await store().crm.createLead({ ...base, title: 'Seats', conversationId: chat.conversation.id });
      expect(fromChat).toMatchObject({ source: 'Livechat', createdByName: 'Olga', contactName: 'Ada' });
      expect(await store().crm.leads(0, 10, olga)).toEqual({ leads: [fromChat, older], total: 2 });
      expect(await store().crm.leads(1, 10, olga)).toEqual({ leads: [older], total: 2 });
      expect(await store().crm.leads(0, 10, piet)).toEqual({ leads: [older], total: 1 });
      expect(await store().crm.lead(fromChat.id, piet)).toBeNull();
      expect(await store().crm.lead(fromChat.id, olga)).toEqual(fromChat);
    });

    it('keeps command results for the operator who ran them, oldest first, lines and all', async () => {
      const chat = await aChat(store());
      const [olga, piet] = [await anOperator(store(), 'Olga'), await anOperator(store(), 'Piet')];
      const results = ['/help', '/ticket a', '/lead b'].map((input) => aResult(chat.conversation.id, olga.id, input));
      for (const result of results) await store().commandResults.save(result);
      await store().commandResults.save(aResult(chat.conversation.id, piet.id, '/help'));
      expect(await store().commandResults.list(chat.conversation.id, olga.id)).toEqual(results);
    });

    it("stores a command's ticket or lead with its result, and neither when announcing it fails", async () => {
      const chat = await aChat(store());
      const olga = await anOperator(store(), 'Olga');
      const team = await store().helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
      const ticket: NewTicket = {
        title: 'From chat',
        description: 'x',
        customerName: null,
        customerEmail: null,
        teamId: team.id,
        conversationId: chat.conversation.id,
        createdBy: olga.id,
      };
      let numbered = 0;
      const stored = await store().commandWrites.ticketWithResult(ticket, (t) => {
        numbered = t.number;
        return aResult(chat.conversation.id, olga.id, `/ticket #${t.number}`);
      });
      const lead = {
        title: 'Lead',
        internalNotes: '',
        contactName: null,
        contactEmail: null,
        conversationId: chat.conversation.id,
        createdBy: olga.id,
      };
      const storedLead = await store().commandWrites.leadWithResult(lead, (l) =>
        aResult(chat.conversation.id, olga.id, `/lead ${l.id}`),
      );
      expect(await store().commandResults.list(chat.conversation.id, olga.id)).toEqual([stored, storedLead]);
      const refused = () => {
        throw new Error('announcing failed');
      };
      await expect(store().commandWrites.ticketWithResult(ticket, refused)).rejects.toThrow('announcing failed');
      await expect(store().commandWrites.leadWithResult(lead, refused)).rejects.toThrow('announcing failed');
      expect(await store().helpdesk.countTickets(team.id)).toBe(1);
      expect((await store().crm.leads(0, 10, olga)).total).toBe(1);
      expect(await store().commandResults.list(chat.conversation.id, olga.id)).toHaveLength(2);
      // What was rolled back used up no number: people read the numbers as a count.
      expect((await store().helpdesk.createTicket(ticket)).number).toBe(numbered + 1);
    });
  });
}
