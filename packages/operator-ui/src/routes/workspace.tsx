// The signed-in layout: header, conversation list, the open conversation and its visitor panel.

import { useEffect } from 'preact/hooks';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';
import { Header } from '../components/header.tsx';
import { VisitorPanel } from '../components/visitor-panel.tsx';
import { route } from '../state/browser.ts';
import { openConversation, startLive, stopLive, workspace } from '../state/live.ts';

export function WorkspacePage() {
  const conversationId = route.value.conversationId;

  // The live connection exists exactly while this page is shown (signed in).
  useEffect(() => {
    startLive();
    return stopLive;
  }, []);

  useEffect(() => {
    openConversation(conversationId);
  }, [conversationId]);

  return (
    <div class="workspace">
      <Header />
      <Alert />
      <div class={`columns${conversationId ? ' columns--open' : ''}`}>
        <ConversationList selectedId={conversationId} />
        <main class="main">
          {conversationId ? (
            <ConversationView key={conversationId} conversationId={conversationId} />
          ) : (
            <div class="main__empty">
              <h2>No conversation selected</h2>
              <p>Pick a conversation on the left to read and reply.</p>
            </div>
          )}
        </main>
        {conversationId && <VisitorPanel conversationId={conversationId} />}
      </div>
    </div>
  );
}

function Alert() {
  const message = workspace.alert.value;
  if (!message) return null;
  return (
    <div class="alert" role="alert">
      <span>{message}</span>
      <button
        type="button"
        class="button button--small button--quiet"
        onClick={() => {
          workspace.alert.value = null;
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
