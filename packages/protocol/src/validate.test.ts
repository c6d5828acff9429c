import { describe, expect, it } from 'vitest';
import { parseCommand } from './commands.ts';
import { parseOperatorFrame, parseVisitorFrame } from './validate.ts';

describe('frame validation', () => {
  it('accepts a well-formed visitor message', () => {
    const result = parseVisitorFrame(JSON.stringify({ type: 'message.send', id: 'f1', clientId: 'c-1', body: 'hi' }));
    expect(result).toEqual({ ok: true, frame: { type: 'message.send', id: 'f1', clientId: 'c-1', body: 'hi' } });
  });

  it('names the error: bad JSON, unknown type, bad shape, bad id', () => {
    expect(parseVisitorFrame('{nope')).toMatchObject({ ok: false, code: 'bad_json', frameId: null });
    expect(parseVisitorFrame('[1]')).toMatchObject({ ok: false, code: 'bad_frame' });
    expect(parseVisitorFrame('{"type":"explode","id":"f2"}')).toMatchObject({
      ok: false,
      code: 'unknown_type',
      frameId: 'f2',
    });
    expect(parseVisitorFrame('{"type":"message.send","id":"f3","clientId":"c","body":"   "}')).toMatchObject({
      ok: false,
      code: 'bad_frame',
      frameId: 'f3',
    });
    expect(parseOperatorFrame('{"type":"sync","id":"f4","conversationId":"../../etc","afterSeq":0}')).toMatchObject({
      ok: false,
      code: 'invalid_id',
      frameId: 'f4',
    });
  });

  it('names a type that is no string without turning it into text, which some objects cannot be', () => {
    for (const raw of ['{"type":{"toString":1},"id":"f"}', '{"type":{"valueOf":0,"toString":0}}', '{"type":null}']) {
      expect(parseVisitorFrame(raw)).toMatchObject({ ok: false, code: 'unknown_type' });
      expect(parseOperatorFrame(raw)).toMatchObject({ ok: false, code: 'unknown_type' });
    }
  });

  it('takes an empty caption only when files go with the message', () => {
    const files = { attachmentIds: ['upload-0001'] };
    const visitor = (extra: object) =>
      parseVisitorFrame(JSON.stringify({ type: 'message.send', id: 'f', clientId: 'c', body: ' ', ...extra }));
    const operator = (extra: object) =>
      parseOperatorFrame(
        JSON.stringify({
          type: 'message.send',
          id: 'f',
          conversationId: 'conv-0001',
          clientId: 'c',
          body: '',
          ...extra,
        }),
      );
    expect(visitor(files)).toMatchObject({ ok: true });
    expect(operator(files)).toMatchObject({ ok: true });
    expect(visitor({})).toMatchObject({ ok: false, code: 'bad_frame', message: 'body: must not be empty' });
    expect(operator({ attachmentIds: [] })).toMatchObject({ ok: false, code: 'bad_frame' });
    expect(visitor({ attachmentIds: ['../x'] })).toMatchObject({ ok: false, code: 'bad_frame' });
  });

  it('refuses operator-only fields and frames on a visitor connection', () => {
    expect(
      parseVisitorFrame('{"type":"message.send","id":"f","clientId":"c","body":"x","visibility":"operator"}'),
    ).toMatchObject({ ok: false, code: 'bad_frame' });
    expect(
      parseVisitorFrame('{"type":"command.run","id":"f","conversationId":"abcdefgh","name":"lead","args":""}'),
    ).toMatchObject({ ok: false, code: 'unknown_type' });
  });
});

describe('parseCommand', () => {
  it('reads the name and trimmed arguments', () => {
    expect(parseCommand('/ticket  Printer on fire ')).toEqual({ name: 'ticket', args: 'Printer on fire' });
    expect(parseCommand('/HELP')).toEqual({ name: 'help', args: '' });
    expect(parseCommand('hello /ticket')).toBeNull();
    expect(parseCommand('/')).toBeNull();
  });
});
