// The list's views (Mine, Unassigned, Mentions, Resolved, and All for admins), each with its count.

import { switchView } from '../../state/inbox-live.ts';
import { workspace } from '../../state/live.ts';
import { session } from '../../state/session.ts';
import { VIEWS } from '../../state/views.ts';

export function ViewTabs() {
  const operator = workspace.operator.value ?? session.value;
  const admin = operator?.role === 'admin';
  const current = workspace.views.view.value;
  const counts = workspace.views.counts.value;
  return (
    <div class="views" role="group" aria-label="Views">
      {VIEWS.filter((entry) => admin || !entry.adminOnly).map(({ view, label }) => {
        const count = counts?.[view];
        return (
          <button
            key={view}
            type="button"
            class="views__view"
            aria-pressed={current === view}
            onClick={() => switchView(view)}
            data-testid={`op-view-${view}`}
          >
            {label}
            <span class="views__count" data-testid="op-view-count">
              {count ?? '–'}
            </span>
          </button>
        );
      })}
    </div>
  );
}
