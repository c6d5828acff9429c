// Each site's rules for attachments (Settings → Sites): set by admins, read by the widget, applied to
// visitors' uploads but not to operators'; and the pixel size of uploaded images.

import {
  type AttachmentSettings,
  type ErrorBody,
  MAX_ATTACHMENT_MAX_BYTES,
  type OperatorProfile,
  type SiteBody,
  type WidgetConfig,
} from '@livechat/protocol';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { operatorUpload, PDF, PNG, storedFiles, uploadCount, visitorUpload } from './attachments-harness.ts';
import { GIF_5X4, JPEG_7X3, png, turnedJpeg, WEBP_6X2 } from './attachments-images.ts';
import {
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  SITE_ORIGIN,
  type TestServer,
  startServer,
  type VisitorHandle,
} from './harness.ts';
import { api, snapshot } from './privacy-harness.ts';

const DEFAULTS: AttachmentSettings = { maxBytes: 10 * 1024 * 1024, kinds: ['image', 'pdf', 'text', 'office'] };

let server: TestServer;
let ada: OperatorProfile;
let olga: OperatorProfile;
let vera: VisitorHandle;

beforeAll(async () => {
  server = await startServer();
  ada = await createOperator(server, 'Ada', 'admin');
  olga = await createOperator(server, 'Olga');
  vera = await newVisitor(server);
});
afterAll(() => discard(server));

/** The shop's settings as an admin leaves them before each story. */
const setShop = async (attachments: Partial<AttachmentSettings>) => {
  const answer = await api<SiteBody>(server, ada, 'PATCH', '/api/admin/sites/shop', { attachments });
  expect(answer.status).toBe(200);
  return answer.body.site;
};

const widgetConfig = async (): Promise<WidgetConfig> => {
  const response = await fetch(`${server.url}/api/sites/shop/widget`, { headers: { origin: SITE_ORIGIN } });
  return (await response.json()) as WidgetConfig;
};

const auditOf = (siteId: string) =>
  server
    .query<{ action: string; details: string }>(
      "SELECT action, details FROM audit_log WHERE target_kind = 'site' AND target_id = ? ORDER BY seq",
      siteId,
    )
    .map((row) => ({ action: row.action, details: JSON.parse(row.details) as Record<string, unknown> }));

describe('an admin sets what visitors may attach', () => {
  beforeEach(() => setShop(DEFAULTS));

  it('changes the size and the kinds each on its own, and the widget reads them', async () => {
    expect((await setShop({ maxBytes: 2048 })).attachments).toEqual({ ...DEFAULTS, maxBytes: 2048 });
    // Kinds come back in one order, whatever order the admin ticked them in.
    const site = await setShop({ kinds: ['text', 'pdf'] });
    expect(site.attachments).toEqual({ maxBytes: 2048, kinds: ['pdf', 'text'] });
    expect((await widgetConfig()).attachments).toEqual({ maxBytes: 2048, kinds: ['pdf', 'text'] });
    const listed = await api<{ sites: SiteBody['site'][] }>(server, ada, 'GET', '/api/admin/sites');
    expect(listed.body.sites.find((s) => s.id === 'shop')?.attachments).toEqual(site.attachments);
  });

  it('writes who changed them, before and after, in the audit log', async () => {
    const before = auditOf('shop').length;
    await setShop({ kinds: ['image'] });
    await setShop({ kinds: ['image'] });
    expect(auditOf('shop').slice(before)).toEqual([
      {
        action: 'site.updated',
        details: { attachments: { before: DEFAULTS, after: { ...DEFAULTS, kinds: ['image'] } } },
      },
    ]);
  });

  it('gives a new site the defaults, or what the admin chose', async () => {
    const plain = await api<SiteBody>(server, ada, 'POST', '/api/admin/sites', { name: 'Plain', allowedOrigins: [] });
    expect(plain.body.site.attachments).toEqual(DEFAULTS);
    const strict = await api<SiteBody>(server, ada, 'POST', '/api/admin/sites', {
      name: 'Strict',
      allowedOrigins: [],
      attachments: { kinds: [] },
    });
    expect(strict.status).toBe(201);
    expect(strict.body.site.attachments).toEqual({ maxBytes: DEFAULTS.maxBytes, kinds: [] });
    expect(auditOf(strict.body.site.id)[0]?.details.attachments).toEqual({ maxBytes: DEFAULTS.maxBytes, kinds: [] });
  });

  it.each([
    ['a size under 1 KB', { maxBytes: 1023 }, 'attachments.maxBytes: at least 1024 bytes'],
    ['a size over 25 MB', { maxBytes: MAX_ATTACHMENT_MAX_BYTES + 1 }, 'attachments.maxBytes: at most 26214400 bytes'],
    ['a size in part bytes', { maxBytes: 2048.5 }, 'attachments.maxBytes: a whole number of bytes'],
    ['a size as text', { maxBytes: '2048' }, 'attachments.maxBytes'],
    ['an unknown kind', { kinds: ['pdf', 'zip'] }, 'attachments.kinds.1: each kind is one of image, pdf, text, office'],
    ['a kind twice', { kinds: ['pdf', 'image', 'pdf'] }, 'attachments.kinds: each kind at most once'],
    ['kinds that are not a list', { kinds: 'pdf' }, 'attachments.kinds'],
    ['an unknown field', { maxSize: 2048 }, 'attachments'],
  ])('refuses %s with bad_request naming the field, and nothing changes', async (_what, attachments, message) => {
    const before = await snapshot(server);
    const changed = await api<ErrorBody>(server, ada, 'PATCH', '/api/admin/sites/shop', { attachments });
    expect(changed.status).toBe(400);
    expect(changed.body.error.code).toBe('bad_request');
    expect(changed.body.error.message).toContain(message);
    const created = await api<ErrorBody>(server, ada, 'POST', '/api/admin/sites', {
      name: 'Refused',
      allowedOrigins: [],
      attachments,
    });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain(message);
    expect(await snapshot(server)).toBe(before);
  });

  it('may be changed by admins only', async () => {
    const before = await snapshot(server);
    const answer = await api<ErrorBody>(server, olga, 'PATCH', '/api/admin/sites/shop', { attachments: { kinds: [] } });
    expect(answer.status).toBe(403);
    expect(await snapshot(server)).toBe(before);
  });
});

describe('a visitor’s upload follows the site’s settings', () => {
  /** Runs the upload and checks that a refusal left neither a record nor a file. */
  async function upload(name: string, bytes: Buffer) {
    const [uploadsBefore, filesBefore] = [uploadCount(server), storedFiles(server).length];
    const result = await visitorUpload(server, vera.token, name, bytes);
    if (result.status !== 201) {
      expect(uploadCount(server)).toBe(uploadsBefore);
      expect(storedFiles(server)).toHaveLength(filesBefore);
    }
    return result;
  }

  it('refuses a file over the site’s size with 413, and takes a smaller one', async () => {
    await setShop({ ...DEFAULTS, maxBytes: 2048 });
    const big = await upload('notes.txt', Buffer.alloc(3 * 1024, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({ code: 'file_too_large', message: expect.stringContaining('2048 bytes') });
    expect((await upload('notes.txt', Buffer.alloc(1024, 'b'))).status).toBe(201);
  });

  it('refuses a kind the site does not take with 415, and takes one it does', async () => {
    await setShop({ ...DEFAULTS, kinds: ['pdf'] });
    const image = await upload('shot.png', PNG);
    expect(image.status).toBe(415);
    expect(image.body.error?.code).toBe('file_kind_refused');
    expect((await upload('invoice.pdf', PDF)).status).toBe(201);
  });

  it('refuses every file when the site takes no kind, saying attachments are off', async () => {
    await setShop({ ...DEFAULTS, kinds: [] });
    for (const [name, bytes] of [
      ['invoice.pdf', PDF],
      ['shot.png', PNG],
      ['notes.txt', Buffer.from('hello\n')],
    ] as const) {
      const refused = await upload(name, bytes);
      expect(refused.status, name).toBe(415);
      expect(refused.body.error, name).toEqual({ code: 'file_kind_refused', message: expect.stringContaining('off') });
      // The widget on the shop's page must be able to read why.
      expect(refused.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    }
  });

  it('does not bind an operator, who may send any kind up to 25 MB', async () => {
    await setShop({ maxBytes: 2048, kinds: [] });
    const cookie = await loginCookie(server, olga.email);
    expect((await operatorUpload(server, cookie, 'notes.txt', Buffer.alloc(3 * 1024, 'c'))).status).toBe(201);
    expect((await operatorUpload(server, cookie, 'shot.png', PNG)).status).toBe(201);
    const [uploadsBefore, filesBefore] = [uploadCount(server), storedFiles(server).length];
    const huge = await operatorUpload(server, cookie, 'huge.txt', Buffer.alloc(MAX_ATTACHMENT_MAX_BYTES + 1, 'd'));
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('file_too_large');
    expect([uploadCount(server), storedFiles(server).length]).toEqual([uploadsBefore, filesBefore]);
  });
});

describe('an uploaded image’s size', () => {
  beforeAll(() => setShop(DEFAULTS));

  const pixelsOf = (id: string | undefined) =>
    server.query<{ width: number | null; height: number | null }>(
      'SELECT width, height FROM uploads WHERE id = ?',
      id,
    )[0];

  it.each([
    ['a PNG', 'wide.png', png(9, 4), 9, 4],
    ['a JPEG', 'photo.jpg', JPEG_7X3, 7, 3],
    ['a GIF', 'badge.gif', GIF_5X4, 5, 4],
    ['a WebP', 'sticker.webp', WEBP_6X2, 6, 2],
    ['a phone photo turned by its metadata, past the first 4 KB', 'turned.jpg', turnedJpeg(), 3, 7],
  ])('is read from %s, stored and answered', async (_what, name, bytes, width, height) => {
    const result = await visitorUpload(server, vera.token, name, bytes);
    expect(result.status).toBe(201);
    expect(result.body.attachment).toMatchObject({ kind: 'image', width, height });
    expect(pixelsOf(result.body.attachment?.id)).toEqual({ width, height });
    const upload = await server.app.store.uploads.byId(result.body.attachment?.id ?? '');
    expect(upload).toMatchObject({ width, height });
  });

  it('is left out for an image whose header cannot be read, and for files that are no images', async () => {
    // A JPEG cut before its frame header: its kind is known from the first bytes, its size never comes.
    const image = await visitorUpload(server, vera.token, 'cut.jpg', JPEG_7X3.subarray(0, 60));
    expect(image.status).toBe(201);
    expect(image.body.attachment).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    expect(image.body.attachment).not.toHaveProperty('width');
    expect(pixelsOf(image.body.attachment?.id)).toEqual({ width: null, height: null });
    const pdf = await visitorUpload(server, vera.token, 'invoice.pdf', PDF);
    expect(pdf.body.attachment).not.toHaveProperty('width');
    expect(pixelsOf(pdf.body.attachment?.id)).toEqual({ width: null, height: null });
  });
});
