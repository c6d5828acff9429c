// Connects the workspace to the server: socket frames and HTTP results in, the operator's actions out.

import { batch, effect } from '@preact/signals';
import type {
  Attachment,
  ConversationSummary,
  NotificationPreference,
  OperatorToServer,
  ProfileUpdate,
  ServerToClient,
  Visibility,
} from '@livechat/protocol';
import { accountApi } from '../transport/accounts.ts';
import { ApiError, api } from '../transport/http.ts';
import { inboxApi } from '../transport/inbox.ts';
import { OperatorSocket, operatorSocketUrl } from '../transport/socket.ts';
import { pageVisible } from './browser.ts';
import { animationFrameScheduler, FrameQueue, messageRuns } from './frame-queue.ts';
import { newId } from './ids.ts';
import { contiguousSeq, lastSeq } from './messages.ts';
import { DEFAULT_RETRY_MS } from './rate-limits.ts';
import { endSession, SIGNED_OUT_NOTICE, session } from './session.ts';
import type { PendingSend } from './timeline.ts';
import { forgetTrays, trayOf } from './upload-tray.ts';
import { PAGE_VIEW_LIMIT, TYPING_TIMEOUT_MS, Workspace } from './workspace.ts';

export const workspace = new Workspace();

/** Resend "typing" this often while the operator keeps typing, and stop after this much quiet. */
const TYPING_REFRESH_MS = 3_000;
const TYPING_IDLE_MS = 5_000;
/** After the first failed connect and every this many after, ask HTTP whether the session still exists: an upgrade refused for auth looks like any failure. */
const SESSION_CHECK_EVERY = 3;

let socket: OperatorSocket | null = null;

/** What was known just before a frame was applied. */
export interface KnownBefore {
  conversations: ReadonlyMap<string, ConversationSummary>;
  departed: ReadonlyMap<string, ConversationSummary>;
}
type FrameListener = (frame: ServerToClient, before: KnownBefore) => void;
const frameListeners = new Set<FrameListener>();
const readyListeners = new Set<() => void>();

/** Slices with I/O of their own (views, alerts) follow the frames and every (re)connect; returns the way to stop. */
export function followLive(listeners: { frame?: FrameListener; ready?: () => void }): () => void {
  const { frame, ready } = listeners;
  if (frame) frameListeners.add(frame);
  if (ready) readyListeners.add(ready);
  return () => {
    if (frame) frameListeners.delete(frame);
    if (ready) readyListeners.delete(ready);
  };
}

/** Whether the live connection runs (signed in, workspace shown): late HTTP answers are dropped otherwise. */
export function isLive(): boolean {
  return socket !== null;
}
let disposers: Array<() => void> = [];
const pageViewsLoading = new Set<string>();
let typing: { conversationId: string; sentAt: number; idleTimer: ReturnType<typeof setTimeout> } | null = null;

/** A flood of frames (one visitor sending hundreds a second) is applied once per animation frame, not once per frame. */
const incoming = new FrameQueue<ServerToClient>(applyFrames, animationFrameScheduler);

/** Exported for the tests that feed frames as the socket would. */
export function applyFrames(frames: readonly ServerToClient[]): void {
  let typingStarted = false;
  batch(() => {
    for (const run of messageRuns(frames)) {
      // Listeners learn what was known before the frame: "a conversation not seen before" is news.
      const before = { conversations: workspace.conversations.value, departed: workspace.departed.value };
      const applied = run.kind === 'messages' ? run.frames : [run.frame];
      if (run.kind === 'messages') {
        workspace.addMessages(
          run.conversationId,
          run.frames.map((frame) => frame.message),
        );
      } else {
        retryRefusedSync(run.frame);
        returnRefusedFiles(run.frame);
        workspace.applyServerFrame(run.frame);
        if (run.frame.type === 'typing' && run.frame.active) typingStarted = true;
      }
      for (const frame of applied) for (const listener of frameListeners) listener(frame, before);
    }
  });
  if (typingStarted) setTimeout(() => workspace.expireTyping(Date.now()), TYPING_TIMEOUT_MS + 100);
}

/** A message refused for speed was not stored: its text goes back to the composer (the workspace does that), its files to the tray. */
function returnRefusedFiles(frame: ServerToClient): void {
  if (frame.type !== 'error' || frame.code !== 'rate_limited' || frame.frameId === null) return;
  const send = workspace.outbox.value.find((item) => item.frameId === frame.frameId);
  if (send?.attachments) trayOf(send.conversationId).restore(send.attachments);
}

/** A conversation's load refused for speed is asked for again once the server's wait is over. */
function retryRefusedSync(frame: ServerToClient): void {
  if (frame.type !== 'error' || frame.code !== 'rate_limited' || frame.frameId === null) return;
  const sent = workspace.sentFrameOf(frame.frameId);
  if (sent?.kind !== 'sync') return;
  const { conversationId } = sent;
  setTimeout(() => {
    if (socket && workspace.openConversationId.value === conversationId) sendSync(conversationId);
  }, frame.retryAfterMs ?? DEFAULT_RETRY_MS);
}

export function startLive(): void {
  if (socket) return;
  const live = new OperatorSocket(operatorSocketUrl(location), {
    onFrame(frame) {
      if (frame.type !== 'welcome') {
        incoming.push(frame);
        return;
      }
      // What the previous connection delivered comes first; `resync` right after the welcome reads the state.
      incoming.flush();
      applyFrames([frame]);
    },
    onReady: resync,
    onStatus(status) {
      workspace.connection.value = status;
    },
    onDisconnected(failures) {
      if (failures === 1 || failures % SESSION_CHECK_EVERY === 0) void checkSession();
    },
    onSessionInvalid() {
      endSession(SIGNED_OUT_NOTICE);
    },
    onTooManySockets(reason, delayMs) {
      workspace.alert.value = tooManySocketsText(reason, delayMs);
      tooManySocketsAlert = workspace.alert.value;
    },
  });
  socket = live;
  live.start();
  void loadTeam();
  void loadCanned();
  void loadNotifications();
  const onOnline = () => live.reconnectNow();
  window.addEventListener('online', onOnline);
  disposers.push(() => window.removeEventListener('online', onOnline));
  disposers.push(effect(markOpenConversationRead));
}

export function stopLive(): void {
  if (typing) clearTimeout(typing.idleTimer);
  typing = null;
  socket?.stop();
  socket = null;
  incoming.clear();
  for (const dispose of disposers) dispose();
  disposers = [];
  pageViewsLoading.clear();
  forgetTrays();
  workspace.reset();
}

/** The banner said this tab was refused as one socket too many; the next welcome takes it down. */
let tooManySocketsAlert: string | null = null;

export function tooManySocketsText(reason: string, delayMs: number): string {
  const why = reason.trim() === '' ? '' : ` (${reason.trim()})`;
  const minutes = Math.max(1, Math.round(delayMs / 60_000));
  return `Too many connections are open for your session${why}, so this tab stopped connecting. Close other tabs of the operator UI; this one tries again in about ${minutes} min.`;
}

/** After every (re)connect: the server forgot what this socket had open, and frames may have been missed. */
function resync(): void {
  if (tooManySocketsAlert !== null && workspace.alert.value === tooManySocketsAlert) workspace.alert.value = null;
  tooManySocketsAlert = null;
  workspace.forgetReads();
  workspace.forgetRunningCommands();
  const open = workspace.openConversationId.value;
  if (open) {
    sendSync(open);
    void loadCommandResults(open);
  }
  for (const send of workspace.unacknowledged()) socket?.send(messageFrame(send));
  for (const listener of readyListeners) listener();
  // Frames missed while offline: live updates of these lists only apply from now on.
  void loadCanned();
  void loadNotifications();
  const visitorId = open ? workspace.conversations.value.get(open)?.visitor.id : undefined;
  if (visitorId) void loadPageViews(visitorId, true);
}

export function openConversation(conversationId: string | null): void {
  const previous = workspace.openConversationId.value;
  if (previous === conversationId) return;
  if (previous) stopTyping(previous);
  workspace.openConversationId.value = conversationId;
  if (conversationId) {
    sendSync(conversationId);
    void loadCommandResults(conversationId);
  }
}

/** Asks for a conversation's messages (again): the open one, or an earlier one the operator expands. */
export function sendSync(conversationId: string): void {
  const id = newId();
  workspace.trackFrame(id, { kind: 'sync', conversationId });
  // Not connected: `resync` sends it on the next welcome.
  socket?.send({ type: 'sync', id, conversationId, afterSeq: contiguousSeq(workspace.messagesOf(conversationId)) });
}

/** Runs as an effect: whatever is on screen in a visible tab counts as read. */
function markOpenConversationRead(): void {
  const conversationId = workspace.openConversationId.value;
  if (!conversationId || !pageVisible.value || workspace.connection.value !== 'online') return;
  const seq = lastSeq(workspace.messagesOf(conversationId));
  if (seq === 0 || seq <= (workspace.readSeqs.value.get(conversationId) ?? 0)) return;
  const id = newId();
  workspace.trackFrame(id, { kind: 'read', conversationId });
  if (socket?.send({ type: 'conversation.read', id, conversationId, seq })) workspace.markRead(conversationId, seq);
}

// ---- composer actions ------------------------------------------------------------------------

/** Queues the message and sends it now if connected; it is resent on reconnect until acked. */
export function sendMessage(
  conversationId: string,
  body: string,
  visibility: Visibility,
  refs: { mentionIds?: string[]; cannedIds?: string[]; attachments?: Attachment[] } = {},
): boolean {
  stopTyping(conversationId);
  const send = workspace.queueSend(conversationId, body, visibility, refs);
  socket?.send(messageFrame(send));
  return true;
}

/**
 * Commands are not queued while offline: they have effects (tickets, leads) and no idempotency
 * key, so running one late or twice would surprise. Returns false when it could not be sent.
 */
export function runCommand(conversationId: string, name: string, args: string, typed: string): boolean {
  stopTyping(conversationId);
  const id = newId();
  if (socket?.send({ type: 'command.run', id, conversationId, name, args })) {
    workspace.startCommand(id, conversationId, typed);
    return true;
  }
  workspace.addNotice(conversationId, 'Not connected, so the command did not run. Try again once reconnected.', typed);
  return false;
}

export function retrySend(frameId: string): void {
  const send = workspace.retrySend(frameId);
  if (send) socket?.send(messageFrame(send));
}

export function discardSend(frameId: string): void {
  workspace.discardSend(frameId);
}

export function messageFrame(send: PendingSend): OperatorToServer {
  return {
    type: 'message.send',
    id: send.frameId,
    conversationId: send.conversationId,
    clientId: send.clientId,
    body: send.body,
    visibility: send.visibility,
    ...(send.mentionIds ? { mentionIds: send.mentionIds } : {}),
    ...(send.cannedIds ? { cannedIds: send.cannedIds } : {}),
    ...(send.attachments ? { attachmentIds: send.attachments.map((attachment) => attachment.id) } : {}),
  };
}

/** Called on each keystroke with `isPublic` false for notes and commands, which the visitor must not see. */
export function reportTyping(conversationId: string, isPublic: boolean): void {
  if (!isPublic) {
    stopTyping(conversationId);
    return;
  }
  if (typing && typing.conversationId !== conversationId) stopTyping(typing.conversationId);
  const now = Date.now();
  if (typing) clearTimeout(typing.idleTimer);
  const idleTimer = setTimeout(() => stopTyping(conversationId), TYPING_IDLE_MS);
  if (!typing || now - typing.sentAt > TYPING_REFRESH_MS) {
    sendTyping(conversationId, true);
    typing = { conversationId, sentAt: now, idleTimer };
  } else {
    typing = { ...typing, idleTimer };
  }
}

export function stopTyping(conversationId: string): void {
  if (!typing || typing.conversationId !== conversationId) return;
  clearTimeout(typing.idleTimer);
  typing = null;
  sendTyping(conversationId, false);
}

function sendTyping(conversationId: string, active: boolean): void {
  const id = newId();
  workspace.trackFrame(id, { kind: 'typing', conversationId });
  socket?.send({ type: 'typing.set', id, conversationId, active });
}

// ---- HTTP loads ------------------------------------------------------------------------------

/** Names for the side panel, and status and load for the assign picker. */
export async function loadTeam(): Promise<void> {
  try {
    const { operators } = await api.operators();
    if (socket) workspace.team.value = operators;
  } catch (error) {
    // The team is only used for names in the side panel; ids are shown without it.
    void error;
  }
}

/** Loads a visitor's recent pages once; `force` refetches (after a reconnect). */
export async function loadPageViews(visitorId: string, force = false): Promise<void> {
  if (pageViewsLoading.has(visitorId) || (!force && workspace.pageViews.value.has(visitorId))) return;
  pageViewsLoading.add(visitorId);
  try {
    const { pageViews } = await api.pageViews(visitorId, PAGE_VIEW_LIMIT);
    if (socket) workspace.setPageViews(visitorId, pageViews);
  } catch (error) {
    reportLoadError("The visitor's pages could not be loaded", error);
  } finally {
    pageViewsLoading.delete(visitorId);
  }
}

/** This operator's earlier command results in a conversation: a reload shows them again. */
async function loadCommandResults(conversationId: string): Promise<void> {
  try {
    const { results } = await api.commandResults(conversationId);
    if (socket) workspace.addCommandResults(conversationId, results);
  } catch (error) {
    // Not being able to show old command results must not block the conversation.
    if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return;
    workspace.addNotice(conversationId, `Earlier command results could not be loaded: ${errorText(error)}`);
  }
}

async function loadCanned(): Promise<void> {
  try {
    const { cannedResponses } = await api.cannedResponses();
    if (socket) workspace.canned.set(cannedResponses);
  } catch (error) {
    reportLoadError('Canned responses could not be loaded', error);
  }
}

async function loadNotifications(): Promise<void> {
  try {
    const { notifications, unread } = await api.notifications();
    if (socket) workspace.inbox.set(notifications, unread);
  } catch (error) {
    reportLoadError('Notifications could not be loaded', error);
  }
}

/** Marks notifications read (all of them without ids); the server's answer carries the new count. */
export async function markNotificationsRead(ids?: readonly string[]): Promise<void> {
  const input = ids ? { ids: [...ids] } : { all: true };
  workspace.inbox.markRead(ids ?? [], ids ? Math.max(0, workspace.inbox.unread.value - unreadAmong(ids)) : 0);
  try {
    const { unread } = await api.readNotifications(input);
    workspace.inbox.markRead(ids ?? [], unread);
  } catch (error) {
    reportLoadError('Notifications could not be marked read', error);
  }
}

function unreadAmong(ids: readonly string[]): number {
  const wanted = new Set(ids);
  return workspace.inbox.notifications.value.filter((n) => n.readAt === null && wanted.has(n.id)).length;
}

/** Saves the operator's own notification preference; throws ApiError for the form to show. */
export async function saveNotificationPreference(notify: NotificationPreference): Promise<void> {
  const { operator } = await api.updatePreferences({ notify });
  workspace.operator.value = operator;
  if (session.value) session.value = operator;
}

/** Saves the operator's own name, email or password; throws ApiError for the form to show. */
export async function saveProfile(update: ProfileUpdate): Promise<void> {
  try {
    const { operator } = await accountApi.update(update);
    workspace.operator.value = operator;
    if (session.value) session.value = operator;
  } catch (error) {
    // A 401 is either a wrong current password or a session that ended; only the server knows which.
    if (error instanceof ApiError && error.status === 401) await checkSession();
    throw error;
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function reportLoadError(what: string, error: unknown): void {
  // A 401 already sent the operator to the login page.
  if (error instanceof ApiError && error.status === 401) return;
  workspace.alert.value = `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

async function checkSession(): Promise<void> {
  try {
    if ((await inboxApi.session()).operator === null) endSession(SIGNED_OUT_NOTICE);
  } catch {
    // Still unreachable: keep retrying the socket.
  }
}
