// What the layout shows on a narrow screen, where the visitor panel does not fit beside the conversation.

import { signal } from '@preact/signals';

export const visitorPanelShown = signal(false);
