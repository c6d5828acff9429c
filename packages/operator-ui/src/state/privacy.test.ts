// Erasing asks for the word ERASE or the visitor's id; the export is named after the visitor; the result is counted.

import { describe, expect, it } from 'vitest';
import { erasedSummary, eraseConfirmed, exportFileName } from './privacy.ts';

describe('the erase confirmation', () => {
  it('takes the word ERASE or the visitor’s id, and nothing else', () => {
    expect(eraseConfirmed('ERASE', 'v_1')).toBe(true);
    expect(eraseConfirmed('  ERASE ', 'v_1')).toBe(true);
    expect(eraseConfirmed('v_1', 'v_1')).toBe(true);
    expect(eraseConfirmed('erase', 'v_1')).toBe(false);
    expect(eraseConfirmed('ERAS', 'v_1')).toBe(false);
    expect(eraseConfirmed('v_', 'v_1')).toBe(false);
    expect(eraseConfirmed('', '')).toBe(false);
  });
});

describe('the export and the erasure', () => {
  it('names the file after the visitor', () => {
    expect(exportFileName('V1a-_x')).toBe('visitor-V1a-_x.json');
    expect(exportFileName('../x')).toBe('visitor-___x.json');
  });

  it('says what was erased and what keeps a redacted reference', () => {
    expect(erasedSummary({ visitorId: 'v1', conversations: 2, messages: 31, pageViews: 1, redactedRecords: 1 })).toBe(
      'Erased: 2 conversations, 31 messages, 1 page view. 1 ticket or lead keeps a redacted reference.',
    );
    expect(erasedSummary({ visitorId: 'v1', conversations: 1, messages: 1, pageViews: 0, redactedRecords: 0 })).toBe(
      'Erased: 1 conversation, 1 message, 0 page views.',
    );
  });
});
