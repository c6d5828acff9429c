// The root component: a one-time link's page, or the login page or the workspace, depending on the session.

import { AcceptPage } from './routes/accept.tsx';
import { LoginPage } from './routes/login.tsx';
import { SetupPage } from './routes/setup.tsx';
import { WorkspacePage } from './routes/workspace.tsx';
import { entry } from './state/browser.ts';
import { session } from './state/session.ts';

export function App() {
  const page = entry.value;
  // A link page wins over a session this browser may already have: the link is what was opened.
  // Keyed by token: a link pasted into the same tab is checked afresh, not shown with the last one's verdict.
  if (page.page === 'setup') return <SetupPage key={page.token} token={page.token} />;
  if (page.page === 'accept') return <AcceptPage key={page.token} token={page.token} />;
  const operator = session.value;
  if (operator === undefined) {
    return (
      <p class="splash" role="status">
        Loading…
      </p>
    );
  }
  return operator === null ? <LoginPage /> : <WorkspacePage />;
}
