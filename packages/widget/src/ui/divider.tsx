// Where one conversation ends and the next begins, in the log of a returning visitor.

import type { Strings } from '../i18n.ts';

export const CSS = `
.divider{display:flex;align-items:center;gap:8px;margin:8px 0;color:#6b7280;font-size:12px}
.divider::before,.divider::after{content:"";flex:1;border-top:1px solid #e5e7eb}
`;

export function Divider({ strings }: { strings: Strings }) {
  return (
    <li class="divider" data-testid="lc-new-conversation">
      <span>{strings.newConversation}</span>
    </li>
  );
}
