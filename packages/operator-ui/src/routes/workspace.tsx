// The signed-in layout: header, then the page the hash names (conversations, tickets, leads, settings).

import { useEffect } from 'preact/hooks';
import { ConversationList } from '../components/conversation-list.tsx';
import { ConversationView } from '../components/conversation-view.tsx';
import { Header } from '../components/header.tsx';
import { VisitorPanel } from '../components/visitor-panel.tsx';
import { route } from '../state/browser.ts';
import { startInbox } from '../state/inbox-live.ts';
import { visitorPanelShown } from '../state/layout.ts';
import { openConversation, startLive, stopLive, workspace } from '../state/live.ts';
import { LeadPage, LeadsPage } from './leads.tsx';
import type { Route } from './route.ts';
import { SettingsPage } from './settings.tsx';
import { TicketPage, TicketsPage } from './tickets.tsx';

export function WorkspacePage() {
  const current = route.value;
  const conversationId = current.view === 'conversations' ? current.conversationId : null;

  // The live connection exists exactly while this page is shown (signed in).
  useEffect(() => {
    startLive();
    const stopInbox = startInbox();
    return () => {
      stopInbox();
      stopLive();
    };
  }, []);

  useEffect(() => {
    openConversation(conversationId);
    visitorPanelShown.value = false;
  }, [conversationId]);

  return (
    <div class="workspace">
      <Header />
      <Alert />
      {current.view === 'conversations' ? (
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
      ) : (
        <main class="screen-main">
          <OtherPage route={current} />
        </main>
      )}
    </div>
  );
}

function OtherPage({ route: current }: { route: Exclude<Route, { view: 'conversations' }> }) {
  switch (current.view) {
    case 'tickets':
      return <TicketsPage query={current.query} />;
    case 'ticket':
      return <TicketPage key={current.number} number={current.number} />;
    case 'leads':
      return <LeadsPage />;
    case 'lead':
      return <LeadPage key={current.leadId} leadId={current.leadId} />;
    case 'settings':
      return <SettingsPage />;
  }
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
