// The inbox's I/O: views with their pages and counts, search, resolving, assigning, status, and alerts on frames.

import { effect } from '@preact/signals';
import type { AlertPreferences, InboxView, ServerToClient } from '@livechat/protocol';
import { alertChannels, alertFor, soundDue } from '../alerts/decide.ts';
import { desktopPermission, refreshPermission, showDesktop } from '../alerts/desktop.ts';
import { playTone, readyAudioOnFirstUse } from '../alerts/sound.ts';
import { conversationHref } from '../routes/route.ts';
import { inboxApi } from '../transport/inbox.ts';
import { navigate, pageVisible } from './browser.ts';
import { errorText, followLive, isLive, type KnownBefore, loadTeam, reportLoadError, workspace } from './live.ts';
import { session } from './session.ts';
import { throttle } from './throttle.ts';

export const PAGE_SIZE = 50;
/** Counts are refetched at most this often while frames change the lists. */
const COUNTS_INTERVAL_MS = 1_000;

const LIST_FRAMES = new Set<ServerToClient['type']>([
  'conversation.updated',
  'conversation.removed',
  'queue.waiting',
  'notification.created',
  'notifications.read',
]);

const refreshCounts = throttle(() => void loadCounts(), COUNTS_INTERVAL_MS);
let lastToneAt: number | null = null;

export function startInbox(): () => void {
  const stopFollowing = followLive({
    frame(frame, before) {
      if (LIST_FRAMES.has(frame.type)) refreshCounts();
      alertOn(frame, before);
    },
    ready() {
      void loadView(false);
      refreshCounts();
    },
  });
  const stopWatching = effect(() => {
    // Back in the tab: the browser's permission may have been changed meanwhile.
    if (pageVisible.value) refreshPermission();
  });
  const stopReadying = readyAudioOnFirstUse();
  void loadView(false);
  void loadCounts();
  return () => {
    stopFollowing();
    stopWatching();
    stopReadying();
    refreshCounts.cancel();
    lastToneAt = null;
  };
}

// ---- views -------------------------------------------------------------------------------------

/** Only the newest first-page fetch may apply: an older answer could show another view's rows. */
let viewFetch = 0;

export function switchView(view: InboxView): void {
  if (workspace.views.view.value === view && workspace.views.loaded.value) return;
  workspace.views.switchTo(view);
  void loadView(false);
}

/** The first page of the view (`more` false) or the next one. */
export async function loadView(more: boolean): Promise<void> {
  const views = workspace.views;
  const cursor = more ? views.nextCursor.value : null;
  if (more && (cursor === null || views.loading.value)) return;
  const generation = more ? viewFetch : ++viewFetch;
  const view = views.view.value;
  views.loading.value = true;
  if (!more) workspace.beginConversationsFetch();
  try {
    const page = await inboxApi.conversations(view, cursor, PAGE_SIZE);
    if (generation !== viewFetch || view !== views.view.value || !isLive()) return;
    workspace.mergeConversations(page.conversations);
    views.addPage(page, !more);
  } catch (error) {
    reportLoadError('Conversations could not be loaded', error);
  } finally {
    if (generation === viewFetch) views.loading.value = false;
  }
}

async function loadCounts(): Promise<void> {
  try {
    const counts = await inboxApi.counts();
    if (isLive()) workspace.views.counts.value = counts;
  } catch (error) {
    // The views still work without their numbers; the next change asks again.
    void error;
  }
}

// ---- search ------------------------------------------------------------------------------------

export async function search(query: string, more = false): Promise<void> {
  const state = workspace.search;
  if (!more) state.begin(query);
  const q = state.query.value.trim();
  const cursor = more ? state.nextCursor.value : null;
  if (q === '' || (more && cursor === null)) return;
  if (more) state.loading.value = true;
  const asked = state.query.value;
  try {
    state.addPage(asked, await inboxApi.search(q, cursor), !more);
  } catch (error) {
    state.fail(asked, errorText(error));
  }
}

/** Opens a result's conversation, scrolled to the message that matched when there is one. */
export function openSearchResult(conversationId: string, seq: number | null): void {
  workspace.focusSeq.value = seq === null ? null : { conversationId, seq };
  navigate(conversationHref(conversationId));
}

// ---- lifecycle and routing ---------------------------------------------------------------------

/** Throws ApiError for the header to show. */
export async function resolveConversation(conversationId: string): Promise<void> {
  const { conversation } = await inboxApi.resolve(conversationId);
  workspace.applyServerFrame({ type: 'conversation.updated', conversation });
  refreshCounts();
}

/** A transfer to a colleague, or taking a queued conversation (`operatorId` = oneself). */
export async function assignConversation(conversationId: string, operatorId: string): Promise<void> {
  const { conversation } = await inboxApi.assign(conversationId, { operatorId });
  workspace.applyServerFrame({ type: 'conversation.updated', conversation });
  refreshCounts();
  void loadTeam();
}

export async function setMyStatus(status: 'online' | 'away'): Promise<void> {
  const answer = await inboxApi.setStatus({ status });
  const operator = workspace.operator.value;
  if (operator) workspace.operator.value = { ...operator, availability: answer.status };
}

export async function loadVisitorConversations(visitorId: string): Promise<void> {
  try {
    const { conversations } = await inboxApi.visitorConversations(visitorId);
    if (isLive()) workspace.visitorHistory.set(visitorId, conversations);
  } catch (error) {
    reportLoadError("The visitor's earlier conversations could not be loaded", error);
  }
}

// ---- alerts ------------------------------------------------------------------------------------

export function alertPreferences(): AlertPreferences {
  const operator = workspace.operator.value ?? session.value;
  return { sound: operator?.alerts?.sound ?? true, desktop: operator?.alerts?.desktop ?? true };
}

/** Throws ApiError for the settings card to show. */
export async function saveAlertPreferences(change: Partial<AlertPreferences>): Promise<void> {
  const { operator } = await inboxApi.saveAlerts(change);
  workspace.operator.value = operator;
  if (session.value) session.value = operator;
}

function alertOn(frame: ServerToClient, before: KnownBefore): void {
  const selfId = workspace.operator.value?.id ?? null;
  const alert = alertFor(frame, {
    selfId,
    // Until the first page is in, every conversation would look new.
    known: (id) => !workspace.views.loaded.value || before.conversations.has(id) || before.departed.has(id),
    mine: (id) => {
      const summary = workspace.conversations.value.get(id);
      return (
        !!summary && selfId !== null && (summary.assignedOperatorId === selfId || summary.memberIds.includes(selfId))
      );
    },
    openConversationId: workspace.openConversationId.value,
    pageVisible: pageVisible.value,
  });
  if (!alert) return;
  const channels = alertChannels(alertPreferences(), desktopPermission.value);
  if (channels.desktop) showDesktop(alert, (conversationId) => navigate(conversationHref(conversationId)));
  const now = Date.now();
  if (channels.sound && soundDue(lastToneAt, now)) {
    lastToneAt = now;
    playTone();
  }
}
