// Builders for protocol objects used by the unit tests, with defaults a test overrides as needed.

import type {
  AuditEntry,
  ConversationSummary,
  Message,
  OutboxEmail,
  PageView,
  Report,
  ReportFigures,
  SiteDetails,
} from '@livechat/protocol';

export function aMessage(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: null,
    author: { kind: 'visitor', id: 'v1', name: 'Ada' },
    body: `message ${seq}`,
    visibility: 'public',
    createdAt: new Date(Date.UTC(2030, 0, 1, 12, 0, seq)).toISOString(),
    ...overrides,
  };
}

export function aConversation(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'c1',
    siteId: 's1',
    status: 'open',
    visitor: { id: 'v1', name: null, email: null },
    memberIds: [],
    assignedOperatorId: null,
    lastSeq: 0,
    lastMessage: null,
    unread: 0,
    currentPage: null,
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function aPageView(url: string, viewedAt: string, title = 'Page'): PageView {
  return { url, title, referrer: '', viewedAt };
}

export function aOutboxEmail(overrides: Partial<OutboxEmail> = {}): OutboxEmail {
  return {
    id: 'e1',
    kind: 'reply',
    to: 'jo@example.com',
    subject: 'Shop replied to your message',
    text: 'It left this morning.',
    createdAt: '2030-01-01T11:00:00.000Z',
    status: 'sent',
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    sentAt: '2030-01-01T11:00:01.000Z',
    ...overrides,
  };
}

export function someFigures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    conversations: 0,
    answered: 0,
    firstResponseMedianSeconds: null,
    firstResponseP90Seconds: null,
    resolutionMedianSeconds: null,
    ratings: { good: 0, okay: 0, bad: 0 },
    ...overrides,
  };
}

export function aReport(overrides: Partial<Report> = {}): Report {
  return {
    days: 7,
    from: '2029-12-25T12:00:00.000Z',
    to: '2030-01-01T12:00:00.000Z',
    totals: someFigures(),
    operators: [],
    sites: [],
    ...overrides,
  };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'a1',
    at: '2030-01-01T12:00:00.000Z',
    actor: { id: 'op1', name: 'Alice' },
    action: 'operator.role_changed',
    target: { kind: 'operator', id: 'op2', label: 'Bob' },
    details: { before: 'operator', after: 'admin' },
    ...overrides,
  };
}

export function aSite(overrides: Partial<SiteDetails> = {}): SiteDetails {
  return {
    id: 's1',
    name: 'Shop',
    allowedOrigins: ['https://shop.example.com'],
    widget: {
      color: null,
      position: 'right',
      title: null,
      greeting: null,
      locale: null,
      prechat: { name: 'off', email: 'off' },
    },
    requireIdentity: false,
    queueAlertSeconds: 120,
    workingHours: { timeZone: 'UTC', spans: null },
    awayMessage: null,
    retention: { conversationsDays: null, pageViewsDays: null },
    attachments: { maxBytes: 10 * 1024 * 1024, kinds: ['image', 'pdf', 'text', 'office'] },
    archived: false,
    snippet: '<script src="https://chat.example.com/widget.js" data-site="s1" async></script>',
    createdAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}
