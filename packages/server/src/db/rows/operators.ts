// An operator as both stores read one: the row, the columns selected for it, and the profile and member it stands for.

import type { NotificationPreference, OperatorProfile, OperatorRole } from '@livechat/protocol';
import type { Availability, Member, MemberChange } from '../../operators/repository.ts';
import { flag } from './values.ts';

export interface OperatorRow {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  notify: NotificationPreference;
  password_hash: string;
  status: 'active' | 'invited';
  disabled_at: string | null;
  last_seen_at: string | null;
  availability: Availability;
  capacity: number;
  alert_sound: number | boolean;
  alert_desktop: number | boolean;
}

export const COLUMNS = `id, name, email, role, notify, password_hash, status, disabled_at, last_seen_at, availability, capacity,
  alert_sound, alert_desktop`;

export const profile = (row: OperatorRow): OperatorProfile => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  notify: row.notify,
  alerts: { sound: flag(row.alert_sound), desktop: flag(row.alert_desktop) },
  availability: row.availability,
});

export const member = (row: OperatorRow): Member => ({
  ...profile(row),
  status: row.disabled_at ? 'disabled' : row.status,
  capacity: row.capacity,
  lastSeenAt: row.last_seen_at,
});

export const isUsable = (row: OperatorRow): boolean => row.status === 'active' && row.disabled_at === null;

/**
 * The row a member change makes (disabling keeps the first time it was disabled), and whether it takes
 * an active admin away, which each store refuses when that admin is the last one.
 */
export function memberChanged(
  row: OperatorRow,
  change: MemberChange,
  at: string,
): { next: OperatorRow; removesAdmin: boolean } {
  const disabledAt = change.disabled === undefined ? row.disabled_at : change.disabled ? (row.disabled_at ?? at) : null;
  const next: OperatorRow = {
    ...row,
    role: change.role ?? row.role,
    disabled_at: disabledAt,
    capacity: change.capacity ?? row.capacity,
  };
  const wasActiveAdmin = row.role === 'admin' && isUsable(row);
  const staysActiveAdmin = next.role === 'admin' && isUsable(next);
  return { next, removesAdmin: wasActiveAdmin && !staysActiveAdmin };
}
