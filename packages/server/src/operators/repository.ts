// Operator accounts (active, invited or disabled) and their login sessions.

import type {
  AlertPreferences,
  MemberStatus,
  NotificationPreference,
  OperatorProfile,
  OperatorRole,
} from '@livechat/protocol';

export interface NewOperator {
  name: string;
  email: string;
  passwordHash: string;
  role: OperatorRole;
  notify: NotificationPreference;
  /** `invited` until they choose a password on their link; `active` by default. */
  status?: 'active' | 'invited';
}

/** An operator as the team list shows them. */
export interface Member extends OperatorProfile {
  status: MemberStatus;
  capacity: number;
  lastSeenAt: string | null;
}

export interface ProfileChange {
  name?: string;
  email?: string;
  notify?: NotificationPreference;
  passwordHash?: string;
  alerts?: Partial<AlertPreferences>;
}

export type Availability = 'online' | 'away';

/** What the queue hand-out needs to know of an operator who may work. */
export interface RoutingInfo {
  id: string;
  availability: Availability;
  capacity: number;
}

export interface MemberChange {
  role?: OperatorRole;
  disabled?: boolean;
  capacity?: number;
}

/** A refused change says why; nothing was written. */
export type Changed<T> = { ok: true; value: T } | { ok: false; reason: 'not_found' | 'email_taken' | 'last_admin' };

export interface OperatorRepository {
  create(input: NewOperator): Promise<OperatorProfile>;
  byId(id: string): Promise<OperatorProfile | null>;
  /** The operator if they may work now: neither invited nor disabled. */
  usable(id: string): Promise<OperatorProfile | null>;
  member(id: string): Promise<Member | null>;
  memberByEmail(email: string): Promise<Member | null>;
  /** The profile, stored password hash and whether the account may log in, for login. */
  credentials(email: string): Promise<{ operator: OperatorProfile; passwordHash: string; usable: boolean } | null>;
  /** Operators who may be mentioned or assigned: neither invited nor disabled, by name. */
  list(): Promise<OperatorProfile[]>;
  /** Every operator, whatever their status, by name. */
  team(): Promise<Member[]>;
  /** Sets how the operator hears of mentions; null when there is no such operator. */
  setNotify(id: string, notify: NotificationPreference): Promise<OperatorProfile | null>;
  updateProfile(id: string, change: ProfileChange): Promise<Changed<OperatorProfile>>;
  /** Role or disabled; refused when it would leave no active admin. */
  updateMember(id: string, change: MemberChange): Promise<Changed<Member>>;
  activeAdminCount(): Promise<number>;
  touchLastSeen(id: string, at: string): Promise<void>;
  /** Online or away, kept across sign-ins; null when there is no such operator. */
  setAvailability(id: string, availability: Availability): Promise<OperatorProfile | null>;
  /** Availability and capacity of those among `ids` who may work (neither invited nor disabled). */
  routingInfo(ids: readonly string[]): Promise<RoutingInfo[]>;
  createSession(tokenHash: string, operatorId: string, expiresAt: string): Promise<void>;
  /**
   * The operator owning an unexpired session used after `idleSince`, or null (also when they are
   * disabled).
   */
  bySession(tokenHash: string, idleSince: string): Promise<OperatorProfile | null>;
  /** Records a use of the session, unless one after `unlessSince` is recorded already. */
  touchSession(tokenHash: string, at: string, unlessSince: string): Promise<void>;
  /** Deletes the sessions expired or unused since `idleSince`; their hashes, to close their sockets. */
  endStaleSessions(idleSince: string): Promise<string[]>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the operator but `keepHash`. */
  deleteSessions(operatorId: string, keepHash?: string): Promise<void>;
}
