// A WebSocket client for sockets that mostly receive many small frames (fan-out): a plain TCP
// socket reading into one buffer shared by the whole process, frames cut in place and handed over
// as byte ranges, nothing decoded, copied or allocated per frame unless it arrives split.

import { createHash, randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const HEADER_END = Buffer.from('\r\n\r\n');

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/**
 * Every socket of the process reads into this one buffer. A read is handed to its socket and
 * handled completely before the next read starts, so the bytes are never needed afterwards;
 * what a read leaves incomplete is copied out.
 */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

export type TextHandler = (data: Buffer, start: number, end: number) => void;

export class LeanSocket {
  /** Every complete text frame, as `data[start, end)`: the bytes are only valid during the call. */
  onText: TextHandler = () => {};
  onClose: () => void = () => {};
  private readonly tcp: Socket;
  private upgraded = false;
  private closed = false;
  /** Bytes of an incomplete frame (or handshake) from an earlier read. */
  private carry: Buffer | null = null;
  /** The parts of a fragmented text message so far (servers here do not fragment, but may). */
  private fragments: Buffer[] | null = null;

  /** Settles when the server has accepted the upgrade, or failed to. */
  readonly ready: Promise<void>;

  /**
   * Starts connecting (ws:// only). Nothing is read before the constructor returns, so an
   * `onText` set right after it sees every frame, also those that come with the server's answer.
   */
  constructor(url: string, headers: Record<string, string> = {}) {
    const target = new URL(url);
    let opened: (error?: Error) => void = () => {};
    this.ready = new Promise((resolve, reject) => {
      opened = (error) => (error ? reject(error) : resolve());
    });
    const key = randomBytes(16).toString('base64');
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    this.tcp = connect({
      host: target.hostname,
      port: Number(target.port || 80),
      noDelay: true,
      onread: { buffer: READ_BUFFER, callback: (bytes) => this.read(bytes, accept, opened) },
    });
    const lines = [
      `GET ${target.pathname}${target.search} HTTP/1.1`,
      `Host: ${target.host}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    this.tcp.write(`${lines.join('\r\n')}\r\n\r\n`);
    this.tcp.on('error', (error) => {
      if (!this.upgraded) opened(error);
    });
    this.tcp.on('close', () => {
      this.closed = true;
      if (!this.upgraded) opened(new Error('closed before the upgrade'));
      else this.onClose();
    });
  }

  get open(): boolean {
    return this.upgraded && !this.closed;
  }

  sendText(text: string): void {
    this.write(OP_TEXT, Buffer.from(text));
  }

  /** Closes with a closing handshake; the TCP connection goes when the server answers (or after 1 s). */
  close(): void {
    if (!this.open) return;
    this.write(OP_CLOSE, Buffer.from([0x03, 0xe8]));
    this.closed = true;
    this.tcp.end();
    setTimeout(() => this.tcp.destroy(), 1000).unref();
  }

  /** Drops the connection without a closing handshake. */
  terminate(): void {
    this.closed = true;
    this.tcp.destroy();
  }

  private read(bytes: number, accept: string, opened: (error?: Error) => void): boolean {
    let data = READ_BUFFER;
    let end = bytes;
    if (this.carry) {
      data = Buffer.concat([this.carry, READ_BUFFER.subarray(0, bytes)]);
      end = data.length;
      this.carry = null;
    }
    let start = 0;
    if (!this.upgraded) {
      const headerEnd = data.indexOf(HEADER_END);
      if (headerEnd < 0 || headerEnd >= end) {
        this.carry = Buffer.from(data.subarray(0, end));
        return true;
      }
      const failure = handshakeFailure(data.toString('latin1', 0, headerEnd), accept);
      if (failure) {
        opened(new Error(failure));
        this.terminate();
        return false;
      }
      this.upgraded = true;
      start = headerEnd + HEADER_END.length;
      opened();
    }
    start = this.frames(data, start, end);
    if (start < end) this.carry = Buffer.from(data.subarray(start, end));
    return true;
  }

  /** Handles the complete frames in `data[start, end)`; returns where the first incomplete one starts. */
  private frames(data: Buffer, start: number, end: number): number {
    while (end - start >= 2 && !this.closed) {
      const first = data[start] as number;
      const second = data[start + 1] as number;
      let length = second & 0x7f;
      let header = 2;
      if (length === 126) {
        if (end - start < 4) break;
        length = data.readUInt16BE(start + 2);
        header = 4;
      } else if (length === 127) {
        if (end - start < 10) break;
        length = data.readUInt32BE(start + 2) * 2 ** 32 + data.readUInt32BE(start + 6);
        header = 10;
      }
      if (second & 0x80) {
        // A server never masks its frames (RFC 6455, 5.1).
        this.terminate();
        break;
      }
      const payload = start + header;
      if (end - payload < length) break;
      this.frame(first, data, payload, payload + length);
      start = payload + length;
    }
    return start;
  }

  private frame(first: number, data: Buffer, start: number, end: number): void {
    const opcode = first & 0x0f;
    const fin = (first & 0x80) !== 0;
    if (opcode === OP_TEXT && fin && this.fragments === null) {
      this.onText(data, start, end);
    } else if (opcode === OP_PING) {
      this.write(OP_PONG, data.subarray(start, end));
    } else if (opcode === OP_CLOSE) {
      if (!this.closed) this.write(OP_CLOSE, data.subarray(start, Math.min(end, start + 2)));
      this.closed = true;
      this.tcp.end();
    } else if (opcode === OP_TEXT || (opcode === OP_CONTINUATION && this.fragments !== null)) {
      if (opcode === OP_TEXT) this.fragments = [];
      this.fragments?.push(Buffer.from(data.subarray(start, end)));
      if (fin && this.fragments) {
        const whole = Buffer.concat(this.fragments);
        this.fragments = null;
        this.onText(whole, 0, whole.length);
      }
    }
    // Binary frames and pongs: none of the systems sends them to these clients.
  }

  /** A client's frames are masked (RFC 6455, 5.3). */
  private write(opcode: number, payload: Buffer): void {
    if (this.closed || this.tcp.destroyed) return;
    const length = payload.length;
    const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(header + 4 + length);
    frame[0] = 0x80 | opcode;
    if (header === 2) frame[1] = 0x80 | length;
    else if (header === 4) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
      frame.writeUInt32BE(length >>> 0, 6);
    }
    const mask = randomBytes(4);
    mask.copy(frame, header);
    for (let i = 0; i < length; i++) frame[header + 4 + i] = (payload[i] as number) ^ (mask[i & 3] as number);
    this.tcp.write(frame);
  }
}

/** Why the server's answer to the upgrade request is not an accepted WebSocket, or null. */
function handshakeFailure(head: string, accept: string): string | null {
  const [status = '', ...lines] = head.split('\r\n');
  if (!/^HTTP\/1\.1 101 /.test(status)) return `upgrade refused: ${status}`;
  const acceptLine = lines.find((line) => line.toLowerCase().startsWith('sec-websocket-accept:'));
  if (acceptLine?.slice(acceptLine.indexOf(':') + 1).trim() !== accept) return 'upgrade answered with a wrong key';
  return null;
}
