// What an admin sees of a site: its settings and the two lines to paste into its pages.

import type { SiteDetails } from '@livechat/protocol';
import type { Site } from './repository.ts';

/** The queue stub, so that calls made before the script has loaded are kept (README, "Embed the widget"). */
const QUEUE_STUB =
  '<script>window.LiveChat=window.LiveChat||function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};</script>';

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The install snippet for a site, served by the chat server at `publicBase` (an origin). */
export function installSnippet(publicBase: string, siteId: string): string {
  const src = `${publicBase}/widget.js`;
  return `${QUEUE_STUB}\n<script src="${escapeAttribute(src)}" data-site="${escapeAttribute(siteId)}" async></script>`;
}

export function siteDetails(site: Site, publicBase: string): SiteDetails {
  return {
    id: site.id,
    name: site.name,
    allowedOrigins: site.allowedOrigins,
    widget: site.widget,
    requireIdentity: site.requireIdentity,
    queueAlertSeconds: site.queueAlertSeconds,
    workingHours: site.workingHours,
    awayMessage: site.awayMessage,
    retention: site.retention,
    attachments: site.attachments,
    archived: site.archivedAt !== null,
    snippet: installSnippet(publicBase, site.id),
    createdAt: site.createdAt,
  };
}
