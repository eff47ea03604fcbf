import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';

/**
 * A local stand-in for a rosbridge server (rosbridge_suite), speaking the rosbridge v2 JSON
 * protocol over WebSocket — just enough of it for the bridge tests, since no ROS runs here:
 * `advertise` (with `latch`), `unadvertise`, `publish`, `subscribe`, `unsubscribe`,
 * `advertise_service`, `unadvertise_service`, `call_service` and `service_response`. A client
 * that advertises a service receives the `call_service` requests for it and its
 * `service_response` is routed back to the caller under the caller's id, as rosbridge does
 * when a ROS service is provided by a rosbridge client. A call to a service nobody provides
 * gets `result: false`. Not implemented: compression, fragments, status/set_level, actions,
 * auth, type checking of messages (real rosbridge converts to typed ROS messages), QoS.
 */

const Incoming = z.discriminatedUnion('op', [
  z.object({ op: z.literal('advertise'), topic: z.string(), type: z.string(), latch: z.boolean().optional() }),
  z.object({ op: z.literal('unadvertise'), topic: z.string() }),
  z.object({ op: z.literal('publish'), topic: z.string(), msg: z.unknown() }),
  z.object({ op: z.literal('subscribe'), topic: z.string(), id: z.string().optional(), type: z.string().optional() }),
  z.object({ op: z.literal('unsubscribe'), topic: z.string(), id: z.string().optional() }),
  z.object({ op: z.literal('advertise_service'), service: z.string(), type: z.string() }),
  z.object({ op: z.literal('unadvertise_service'), service: z.string() }),
  z.object({ op: z.literal('call_service'), service: z.string(), id: z.string().optional(), args: z.unknown().optional() }),
  z.object({ op: z.literal('service_response'), service: z.string(), id: z.string(), result: z.boolean(), values: z.unknown().optional() }),
]);
type Incoming = z.infer<typeof Incoming>;

/** One protocol message the server received, for assertions. */
export interface LoggedOp {
  op: string;
  topic?: string;
  service?: string;
  msg?: unknown;
}

export class FakeRosbridgeServer {
  /** Every valid message received, in order. */
  readonly log: LoggedOp[] = [];
  /** Messages that were not valid rosbridge v2 ops (should stay empty). */
  readonly rejected: string[] = [];
  private readonly subscribers = new Map<string, Set<WebSocket>>();
  private readonly latched = new Map<string, unknown>();
  private readonly latchedTopics = new Set<string>();
  private readonly providers = new Map<string, WebSocket>();
  /** Forwarded calls: the id sent to the provider → the caller and the caller's id. */
  private readonly forwarded = new Map<string, { caller: WebSocket; id: string | undefined }>();
  private nextCall = 0;

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (ws) => {
      ws.on('message', (data) => this.onMessage(ws, String(data)));
      ws.on('close', () => this.forget(ws));
    });
  }

  /** Starts on a free localhost port. */
  static start(): Promise<FakeRosbridgeServer> {
    return new Promise((resolve, reject) => {
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      wss.once('error', reject);
      wss.once('listening', () => resolve(new FakeRosbridgeServer(wss)));
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  /** Messages published on a topic so far. */
  published(topic: string): unknown[] {
    return this.log.filter((m) => m.op === 'publish' && m.topic === topic).map((m) => m.msg);
  }

  /** Whether some client provides the service now. */
  hasService(name: string): boolean {
    return this.providers.has(name);
  }

  /** How many clients subscribe to the topic now. */
  subscriberCount(topic: string): number {
    return this.subscribers.get(topic)?.size ?? 0;
  }

  /** Drops every client connection (the server keeps listening): a network cut. */
  dropClients(): void {
    for (const ws of this.wss.clients) ws.terminate();
  }

  async close(): Promise<void> {
    this.dropClients();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private send(ws: WebSocket, message: object): void {
    ws.send(JSON.stringify(message));
  }

  private onMessage(ws: WebSocket, text: string): void {
    let m: Incoming;
    try {
      const r = Incoming.safeParse(JSON.parse(text));
      if (!r.success) throw new Error(r.error.message);
      m = r.data;
    } catch {
      this.rejected.push(text);
      return;
    }
    this.log.push({
      op: m.op,
      ...('topic' in m ? { topic: m.topic } : {}),
      ...('service' in m ? { service: m.service } : {}),
      ...(m.op === 'publish' ? { msg: m.msg } : {}),
    });
    switch (m.op) {
      case 'advertise':
        if (m.latch) this.latchedTopics.add(m.topic);
        return;
      case 'unadvertise':
        return;
      case 'publish': {
        if (this.latchedTopics.has(m.topic)) this.latched.set(m.topic, m.msg);
        for (const sub of this.subscribers.get(m.topic) ?? []) this.send(sub, { op: 'publish', topic: m.topic, msg: m.msg });
        return;
      }
      case 'subscribe': {
        let subs = this.subscribers.get(m.topic);
        if (!subs) this.subscribers.set(m.topic, (subs = new Set()));
        subs.add(ws);
        if (this.latched.has(m.topic)) this.send(ws, { op: 'publish', topic: m.topic, msg: this.latched.get(m.topic) });
        return;
      }
      case 'unsubscribe':
        this.subscribers.get(m.topic)?.delete(ws);
        return;
      case 'advertise_service':
        this.providers.set(m.service, ws);
        return;
      case 'unadvertise_service':
        if (this.providers.get(m.service) === ws) this.providers.delete(m.service);
        return;
      case 'call_service': {
        const provider = this.providers.get(m.service);
        if (!provider) {
          this.send(ws, { op: 'service_response', service: m.service, id: m.id, result: false, values: `Service ${m.service} does not exist` });
          return;
        }
        const id = `service_request:${m.service}:${this.nextCall++}`;
        this.forwarded.set(id, { caller: ws, id: m.id });
        this.send(provider, { op: 'call_service', service: m.service, id, args: m.args ?? {} });
        return;
      }
      case 'service_response': {
        const call = this.forwarded.get(m.id);
        if (!call) return;
        this.forwarded.delete(m.id);
        this.send(call.caller, { op: 'service_response', service: m.service, id: call.id, result: m.result, ...(m.values !== undefined ? { values: m.values } : {}) });
        return;
      }
    }
  }

  private forget(ws: WebSocket): void {
    for (const subs of this.subscribers.values()) subs.delete(ws);
    for (const [name, provider] of this.providers) if (provider === ws) this.providers.delete(name);
    for (const [id, call] of this.forwarded) if (call.caller === ws) this.forwarded.delete(id);
  }
}
