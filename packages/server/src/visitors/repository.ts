// Visitors (identified by server-minted tokens, one per device), the contacts among them, and the pages they view.

import type { PageView, VisitorProfile } from '@livechat/protocol';

export interface Visitor extends VisitorProfile {
  siteId: string;
  externalId: string | null;
  attributes: Record<string, string>;
}

export interface ProfileChange {
  name?: string | undefined;
  email?: string | undefined;
}

export interface VisitorRepository {
  create(siteId: string, tokenHash: string, profile?: ProfileChange): Promise<Visitor>;
  byToken(tokenHash: string): Promise<Visitor | null>;
  byId(id: string): Promise<Visitor | null>;
  /** The visitor a token belongs to stops answering to it. */
  revokeToken(tokenHash: string): Promise<void>;
  /** The visitor also answers to this token (another device, opened from a reply email's link). */
  addToken(visitorId: string, tokenHash: string): Promise<void>;
  /**
   * The site's contact with this external id, in one transaction: an existing contact gets a new
   * token (another device); otherwise the current visitor becomes the contact if it is anonymous,
   * or a new visitor is created for it. `tokenIssued` says whether `tokenHash` was used.
   */
  resolveContact(
    siteId: string,
    currentVisitorId: string,
    externalId: string,
    tokenHash: string,
  ): Promise<{ visitorId: string; tokenIssued: boolean }>;
  updateProfile(visitorId: string, change: ProfileChange): Promise<void>;
  /**
   * Merges into the stored attributes (a null value removes one) and returns the result, or
   * null, changing nothing, when the result would hold more than `maxCount` attributes.
   */
  mergeAttributes(
    visitorId: string,
    change: Record<string, string | null>,
    maxCount: number,
  ): Promise<Record<string, string> | null>;
  /** Copies one visitor's page views to another (an anonymous visitor who turned out to be a known contact). */
  copyPageViews(fromVisitorId: string, toVisitorId: string): Promise<void>;
  addPageView(visitorId: string, view: Omit<PageView, 'viewedAt'>): Promise<PageView>;
  /** Newest first. */
  recentPageViews(visitorId: string, limit: number): Promise<PageView[]>;
  /** The latest view of each of the visitor's most recently viewed distinct URLs, newest first. */
  recentDistinctPages(visitorId: string, limit: number): Promise<PageView[]>;
}
