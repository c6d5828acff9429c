// HTTP calls for privacy and accountability (admins): a visitor's data exported or erased, and the audit log.

import type { AuditPage, VisitorErased, VisitorEraseInput, VisitorExport } from '@livechat/protocol';
import { request } from './http.ts';

const segment = encodeURIComponent;

export interface PrivacyApi {
  audit(cursor: string | null): Promise<AuditPage>;
  exportVisitor(visitorId: string): Promise<VisitorExport>;
  eraseVisitor(visitorId: string, input: VisitorEraseInput): Promise<VisitorErased>;
}

export const privacyApi: PrivacyApi = {
  audit: (cursor) => request<AuditPage>('GET', `/api/admin/audit${cursor ? `?cursor=${segment(cursor)}` : ''}`),
  exportVisitor: (visitorId) => request<VisitorExport>('GET', `/api/admin/visitors/${segment(visitorId)}/export`),
  eraseVisitor: (visitorId, input) =>
    request<VisitorErased>('POST', `/api/admin/visitors/${segment(visitorId)}/erase`, input),
};
