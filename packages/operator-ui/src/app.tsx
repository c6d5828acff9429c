// The root component: the login page or the workspace, depending on the session.

import { LoginPage } from './routes/login.tsx';
import { WorkspacePage } from './routes/workspace.tsx';
import { session } from './state/session.ts';

export function App() {
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
