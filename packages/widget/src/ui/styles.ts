// The panel's styles, injected into the shadow root so they neither leak into nor inherit from the page.

import { CSS as CONVERSATION_CSS } from './conversation.tsx';

const PANEL_OWN_CSS = `
.panel{position:fixed;right:20px;bottom:88px;z-index:2147483000;display:flex;flex-direction:column;width:370px;height:min(600px,calc(100vh - 108px));background:#fff;color:#1f2937;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.18);overflow:hidden;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.panel[hidden]{display:none}
:host([position=left]) .panel{right:auto;left:20px}
header{display:flex;align-items:center;gap:4px;padding:14px 16px;background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff)}
h2{flex:1;margin:0;font-size:16px;font-weight:600}
button{font:inherit;cursor:pointer}
.menu{position:relative}
.icon{display:grid;place-items:center;width:32px;height:32px;border:0;border-radius:8px;background:transparent;color:inherit}
.icon:hover,.icon[aria-expanded=true]{background:rgba(127,127,127,.25)}
:focus-visible{outline:2px solid #1f2937;outline-offset:2px}
header :focus-visible{outline-color:currentColor}
.status{margin:0;padding:6px 16px;background:#fef3c7;color:#78350f;font-size:13px}
.status.blocked{background:#fee2e2;color:#7f1d1d}
.log{flex:1;overflow-y:auto;padding:16px}
ol{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.msg{max-width:82%;align-self:flex-start}
.msg p{margin:0;padding:8px 12px;border-radius:14px;background:#f3f4f6;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.operator{display:grid;grid-template-columns:28px auto;column-gap:6px}
.msg.operator>:not(.avatar){grid-column:2}
.typing{min-height:20px;margin:0;padding:0 16px;color:#6b7280;font-size:12px}
form{display:flex;align-items:flex-end;gap:8px;padding:10px 12px;border-top:1px solid #e5e7eb}
textarea{flex:1;box-sizing:border-box;max-height:120px;margin:0;padding:8px 10px;border:1px solid #d1d5db;border-radius:10px;resize:none;font:inherit;color:inherit;background:#fff}
textarea:focus{outline:2px solid var(--lc-accent,#2563eb);outline-offset:-1px;border-color:transparent}
.send{display:grid;place-items:center;width:38px;height:38px;border:0;border-radius:10px;background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff)}
[dir=rtl] .send svg{transform:scaleX(-1)}
.attach{position:relative;color:#6b7280}
.attach:focus-within{outline:2px solid}
.attach input{position:absolute;inset:0;opacity:0}
.send:disabled{opacity:.5;cursor:default}
@media (max-width:480px){.panel,:host([position=left]) .panel{inset:0;width:auto;height:auto;border-radius:0}}
@media (prefers-reduced-motion:no-preference){.panel{animation:lc-in .18s ease-out}}
@keyframes lc-in{from{opacity:0;transform:translateY(12px)}}
`;

// The messages' rules come after the panel's, as they did when they came in a chunk of their own.
export const PANEL_CSS = `${PANEL_OWN_CSS}${CONVERSATION_CSS}`;
