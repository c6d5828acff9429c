// HTTP calls for going live: first run, one-time password links, the team, one's own account and sites.

import type {
  AcceptCheck,
  AcceptInput,
  InviteInput,
  InviteResult,
  LoginResult,
  MemberBody,
  MemberUpdate,
  PasswordLink,
  ProfileUpdate,
  SetupInput,
  SetupStatus,
  SiteBody,
  SiteIdentitySettings,
  SiteIdentityUpdate,
  SiteInput,
  SiteList,
  SiteUpdate,
  TeamMemberList,
} from '@livechat/protocol';
import { request } from './http.ts';

const segment = encodeURIComponent;

/** Pages reached by a link, before anyone is signed in: a 401 there says nothing about a session. */
export const linkApi = {
  setupStatus: () => request<SetupStatus>('GET', '/api/setup', undefined, false),
  checkSetup: (token: string) => request<{ ok: true }>('POST', '/api/setup/check', { token }, false),
  setup: (input: SetupInput) => request<LoginResult>('POST', '/api/setup', input, false),
  checkAccept: (token: string) => request<AcceptCheck>('POST', '/api/accept/check', { token }, false),
  accept: (input: AcceptInput) => request<LoginResult>('POST', '/api/accept', input, false),
};

export const accountApi = {
  /** A 401 here may be a wrong current password: the caller checks whether the session still exists. */
  update: (input: ProfileUpdate) => request<LoginResult>('PATCH', '/api/operator/me', input, false),
};

export const teamApi = {
  list: () => request<TeamMemberList>('GET', '/api/admin/team'),
  invite: (input: InviteInput) => request<InviteResult>('POST', '/api/admin/invites', input),
  update: (id: string, input: MemberUpdate) => request<MemberBody>('PATCH', `/api/admin/team/${segment(id)}`, input),
  passwordLink: (id: string) => request<PasswordLink>('POST', `/api/admin/team/${segment(id)}/password-link`, {}),
};

export const siteApi = {
  list: () => request<SiteList>('GET', '/api/admin/sites'),
  create: (input: SiteInput) => request<SiteBody>('POST', '/api/admin/sites', input),
  update: (id: string, input: SiteUpdate) => request<SiteBody>('PATCH', `/api/admin/sites/${segment(id)}`, input),
  identity: (id: string) => request<SiteIdentitySettings>('GET', `/api/operator/sites/${segment(id)}/identity`),
  updateIdentity: (id: string, input: SiteIdentityUpdate) =>
    request<SiteIdentitySettings>('PUT', `/api/operator/sites/${segment(id)}/identity`, input),
};
