// The pure parts of "My account" and the team list: what a profile form sends, and how a member is described.

import { MIN_PASSWORD_LENGTH } from '@livechat/protocol';
import type { OperatorProfile, ProfileUpdate, TeamMember } from '@livechat/protocol';

export interface ProfileDraft {
  name: string;
  email: string;
  currentPassword: string;
  newPassword: string;
}

export type ProfileChange = { update: ProfileUpdate } | { problem: string } | { unchanged: true };

/** Only what changed is sent; an email or password change must carry the current password. */
export function profileChange(operator: Pick<OperatorProfile, 'name' | 'email'>, draft: ProfileDraft): ProfileChange {
  const update: ProfileUpdate = {};
  const name = draft.name.trim();
  const email = draft.email.trim();
  if (name === '') return { problem: 'Your name cannot be empty.' };
  if (email === '') return { problem: 'Your email cannot be empty.' };
  if (name !== operator.name) update.name = name;
  if (email !== operator.email) update.email = email;
  if (draft.newPassword !== '') {
    if (draft.newPassword.length < MIN_PASSWORD_LENGTH) {
      return { problem: `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
    }
    update.newPassword = draft.newPassword;
  }
  if (Object.keys(update).length === 0) return { unchanged: true };
  if (update.email !== undefined || update.newPassword !== undefined) {
    if (draft.currentPassword === '') {
      return { problem: 'Type your current password to change your email or password.' };
    }
    update.currentPassword = draft.currentPassword;
  }
  return { update };
}

export const STATUS_LABEL: Record<TeamMember['status'], string> = {
  active: 'Active',
  invited: 'Invited',
  disabled: 'Disabled',
};

export const NOTIFY_LABEL: Record<TeamMember['notify'], string> = {
  inbox: 'Mentions in the inbox',
  email: 'Mentions by email',
};

/** Team order: active members first, then invited, then disabled; by name within each. */
export function sortMembers(members: readonly TeamMember[]): TeamMember[] {
  const rank = { active: 0, invited: 1, disabled: 2 } as const;
  return [...members].sort((a, b) => rank[a.status] - rank[b.status] || a.name.localeCompare(b.name));
}

export function upsertMember(members: readonly TeamMember[], member: TeamMember): TeamMember[] {
  return sortMembers([...members.filter((known) => known.id !== member.id), member]);
}
