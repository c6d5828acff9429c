// A one-time link as both stores read it: its row and the AccountLink it stands for.

import type { AccountLink, LinkKind, LinkState } from '../../operators/links.ts';

export interface LinkRow {
  kind: LinkKind;
  operator_id: string | null;
  state: LinkState;
  created_at: string;
  expires_at: string | null;
}

export const link = (row: LinkRow): AccountLink => ({
  kind: row.kind,
  operatorId: row.operator_id,
  state: row.state,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
});
