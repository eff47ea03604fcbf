/**
 * A small Redis client (RESP2 over one TCP connection) for BullMQ. BullMQ 6 talks to Redis
 * through a client it is given; its adapter for a client with a generic `send(command, args)`
 * (the one it ships for Bun's built-in client, `createBunRedisClient`) maps every command it
 * needs onto `send`, so this file only has to speak the protocol: write commands, read replies
 * in order, connect, authenticate, select the database and close. That keeps `robotool` free of
 * a second Redis driver package.
 *
 * Replies: simple and bulk strings as strings (UTF-8), integers as numbers, nil as null, arrays
 * as arrays, an error reply as a rejected Error (inside an array: an Error element).
 */
import { connect as netConnect, type Socket } from 'node:net';

export interface RespOptions {
  host: string;
  port: number;
  db?: number;
  username?: string;
  password?: string;
  /** Milliseconds to wait for the TCP connection (default 10000). */
  connectTimeoutMs?: number;
}

type Arg = string | number | Buffer;
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

class Incomplete extends Error {}

/** Parses one reply from `buf` at `at`; throws Incomplete when the reply has not fully arrived. */
function parse(buf: Buffer, at: number): { value: unknown; next: number } {
  if (at >= buf.length) throw new Incomplete();
  const eol = buf.indexOf('\r\n', at);
  if (eol < 0) throw new Incomplete();
  const type = String.fromCharCode(buf[at]!);
  const line = buf.toString('utf8', at + 1, eol);
  const after = eol + 2;
  switch (type) {
    case '+':
      return { value: line, next: after };
    case '-':
      return { value: new Error(line), next: after };
    case ':':
      return { value: Number(line), next: after };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      if (after + n + 2 > buf.length) throw new Incomplete();
      return { value: buf.toString('utf8', after, after + n), next: after + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, next: after };
      const items: unknown[] = [];
      let pos = after;
      for (let i = 0; i < n; i++) {
        const r = parse(buf, pos);
        items.push(r.value);
        pos = r.next;
      }
      return { value: items, next: pos };
    }
    default:
      throw new Error(`Redis protocol error: unexpected reply type "${type}"`);
  }
}

function encode(command: string, args: readonly Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length + 1}\r\n$${Buffer.byteLength(command)}\r\n${command}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** One connection to Redis. */
export class RespClient {
  connected = false;
  onconnect: (() => void) | null | undefined;
  onclose: ((err?: Error) => void) | null | undefined;
  onerror: ((err: Error) => void) | null | undefined;
  private socket: Socket | undefined;
  private pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private closing = false;

  constructor(readonly options: RespOptions) {}

  get url(): string {
    return `redis://${this.options.host}:${this.options.port}/${this.options.db ?? 0}`;
  }

  /** Opens the connection, authenticates and selects the database; then calls `onconnect`. */
  async connect(): Promise<void> {
    if (this.connected) return;
    this.closing = false;
    const socket = netConnect({ host: this.options.host, port: this.options.port });
    socket.setNoDelay(true);
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`cannot reach Redis at ${this.options.host}:${this.options.port}: timed out`));
      }, this.options.connectTimeoutMs ?? 10_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`cannot reach Redis at ${this.options.host}:${this.options.port}: ${err.message}`));
      });
    });
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('error', () => {}); // 'close' follows and reports it
    socket.on('close', () => this.onSocketClose());
    this.connected = true;
    try {
      if (this.options.password) await this.send('AUTH', this.options.username ? [this.options.username, this.options.password] : [this.options.password]);
      if (this.options.db) await this.send('SELECT', [this.options.db]);
    } catch (err) {
      this.close();
      throw err;
    }
    this.onconnect?.();
  }

  /** Sends one command; resolves with its reply, rejects with an error reply or a closed connection. */
  send<T = unknown>(command: string, args: readonly Arg[] = []): Promise<T> {
    if (!this.connected || !this.socket) return Promise.reject(new Error('Connection closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ resolve: resolve as (v: unknown) => void, reject });
      this.socket!.write(encode(command, args));
    });
  }

  /** Closes the connection; commands still waiting are rejected. */
  close(): void {
    this.closing = true;
    this.socket?.destroy();
    this.onSocketClose();
  }

  /** A new, unconnected client to the same server. */
  async duplicate(): Promise<this> {
    return new RespClient(this.options) as this;
  }

  get(key: string): Promise<string | null> {
    return this.send('GET', [key]);
  }

  smembers(key: string): Promise<string[]> {
    return this.send('SMEMBERS', [key]);
  }

  incr(key: string): Promise<number> {
    return this.send('INCR', [key]);
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    let at = 0;
    for (;;) {
      let r;
      try {
        r = parse(this.buffer, at);
      } catch (err) {
        if (err instanceof Incomplete) break;
        this.socket?.destroy(err as Error);
        return;
      }
      at = r.next;
      const p = this.pending.shift();
      if (!p) continue;
      if (r.value instanceof Error) p.reject(r.value);
      else p.resolve(r.value);
    }
    this.buffer = at >= this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(at);
  }

  private onSocketClose(): void {
    if (!this.connected && this.pending.length === 0) return;
    this.connected = false;
    this.socket = undefined;
    this.buffer = Buffer.alloc(0);
    const waiting = this.pending;
    this.pending = [];
    for (const p of waiting) p.reject(new Error('Connection closed'));
    this.onclose?.(this.closing ? undefined : new Error('Connection closed'));
  }
}
