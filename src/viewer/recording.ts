import { closeSync, openSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { McapIndexedReader, McapStreamReader, McapWriter, type DecompressHandlers, type IReadable, type IWritable } from '@mcap/core';
import { loadDecompressHandlers } from '@mcap/support';
import * as zstd from '@foxglove/wasm-zstd';
import { FrameTransforms, SceneUpdate } from '@foxglove/schemas/jsonschema.js';
import type { EpisodeEvent } from '../episode/events.ts';
import type { MirrorModel, MirrorShape, PoseFrame, Pose7 } from './mirror-model.ts';
import type { RecordingData, TimedEvent } from './protocol.ts';

/**
 * Episode recordings as MCAP files: JSON messages on JSON-schema channels in zstd-compressed
 * chunks, so that Foxglove opens them as they are. Log time is wall-clock time: the moment the
 * recording started plus the executing world's simulated time; the simulated time itself is in
 * every robotool message (`t`). `/tf` carries a full keyframe (every body) each simulated second,
 * so a viewer that seeks backwards finds every body's transform.
 *
 * Topics:
 * - `/robotool/model`  the bodies and their shapes (once, at the start)
 * - `/robotool/poses`  every body's pose, each frame (robotool.PoseFrame)
 * - `/robotool/events` every episode event, stamped with simulated time
 * - `/robotool/skill-calls` the skill calls alone (verify and execute)
 * - `/tf` and `/scene`  the same poses and shapes as foxglove.FrameTransforms / foxglove.SceneUpdate,
 *   so Foxglove's 3-D panel draws the episode.
 */
export const TOPICS = {
  model: '/robotool/model',
  poses: '/robotool/poses',
  events: '/robotool/events',
  skillCalls: '/robotool/skill-calls',
  tf: '/tf',
  scene: '/scene',
} as const;

const num = { type: 'number' };
const pose7 = { type: 'array', items: num, minItems: 7, maxItems: 7, description: '[x, y, z, qx, qy, qz, qw] in the world frame (m)' };

const SCHEMAS: Record<keyof typeof TOPICS, { name: string; schema: object }> = {
  model: {
    name: 'robotool.MirrorModel',
    schema: { type: 'object', description: 'Bodies of the world and the shapes of their colliders', properties: { scene: { type: 'string' }, robot: { type: 'string' }, bodies: { type: 'array' } } },
  },
  poses: {
    name: 'robotool.PoseFrame',
    schema: {
      type: 'object',
      properties: {
        t: { type: 'number', description: 'simulated time (s)' },
        objects: { type: 'object', additionalProperties: pose7 },
        robot: { type: 'object', additionalProperties: pose7 },
      },
    },
  },
  events: {
    name: 'robotool.EpisodeEvent',
    schema: { type: 'object', properties: { t: num, event: { type: 'object', properties: { type: { type: 'string' } } } } },
  },
  skillCalls: {
    name: 'robotool.SkillCall',
    schema: {
      type: 'object',
      properties: { t: num, phase: { type: 'string' }, skill: { type: 'string' }, args: { type: 'array' }, status: { type: 'string' }, value: {}, message: { type: 'string' }, warnings: { type: 'array', items: { type: 'string' } }, seconds: num },
    },
  },
  // Foxglove's own published JSON schemas, so that its panels read these topics as theirs.
  tf: { name: 'foxglove.FrameTransforms', schema: FrameTransforms },
  scene: { name: 'foxglove.SceneUpdate', schema: SceneUpdate },
};

const WORLD_FRAME = 'world';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Nanoseconds of simulated time `t` after the wall-clock start `startNs`. */
const nanos = (startNs: bigint, t: number): bigint => startNs + BigInt(Math.max(0, Math.round(t * 1e9)));
/** A Foxglove timestamp for log time `ns`. */
const stamp = (ns: bigint): { sec: number; nsec: number } => ({ sec: Number(ns / 1_000_000_000n), nsec: Number(ns % 1_000_000_000n) });

/** zstd level for chunks: fast, and about 6× smaller than uncompressed JSON on recorded episodes. */
const ZSTD_LEVEL = 3;
/** Simulated seconds between full /tf keyframes. */
const KEYFRAME_PERIOD = 1;

/**
 * Synchronous writes behind McapWriter's async interface. The simulator steps in long synchronous
 * stretches that give the event loop no turn, so asynchronous file I/O would not complete until
 * the episode ends and every message would pile up in memory; McapWriter writes only whole chunks
 * (1 MB) and the summary, so a blocking write is rare and short.
 */
class FileWritable implements IWritable {
  private pos = 0n;
  constructor(private readonly fd: number) {}
  async write(buffer: Uint8Array): Promise<void> {
    let done = 0;
    while (done < buffer.byteLength) done += writeSync(this.fd, buffer, done, buffer.byteLength - done);
    this.pos += BigInt(buffer.byteLength);
  }
  position(): bigint {
    return this.pos;
  }
}

class FileReadable implements IReadable {
  constructor(private readonly fh: FileHandle) {}
  async size(): Promise<bigint> {
    return BigInt((await this.fh.stat()).size);
  }
  async read(offset: bigint, size: bigint): Promise<Uint8Array> {
    const buf = new Uint8Array(Number(size));
    await this.fh.read(buf, 0, buf.byteLength, Number(offset));
    return buf;
  }
}

export interface RecorderOptions {
  model: MirrorModel;
  /** Free-form facts written as MCAP metadata `robotool` (scene, command …). */
  meta?: Record<string, string>;
  /** Also write `/tf` and `/scene` for Foxglove's 3-D panel (default true). */
  foxglove?: boolean;
  /**
   * Most /tf messages per simulated second (default 10). /tf is four times the bytes of a pose
   * frame and its MCAP encoding (CRCs, chunk copies) dominates the recorder's cost; robotool's own
   * replay uses every pose frame on /robotool/poses.
   */
  tfRate?: number;
  /** Compress chunks with zstd (default true). */
  compress?: boolean;
  /** Wall-clock start of the recording, ms since 1970 (default: now). Log time is this plus simulated time. */
  startedAtMs?: number;
}

/**
 * Writes one episode to an MCAP file. `frame` and `event` return at once, so a recorder can hang
 * off synchronous hooks such as `onFrame`; `close` finishes the file and reports the first error.
 *
 * Why it looks the way it does (measured on reach-milk, ~250 frames in ~90 ms of execution):
 * the simulator steps in long synchronous stretches, so work deferred to promises runs
 * interleaved with physics, cold, at several times its cost, and asynchronous file I/O does not
 * complete until the episode ends. So the recording is one MCAP chunk held in memory (~40 KB per
 * simulated second) and written at `close` with synchronous writes; with no chunk to flush,
 * McapWriter.addMessage finishes synchronously and is called directly from `frame`.
 */
export class McapRecorder {
  private tail: Promise<void>;
  private failure: unknown;
  private seq = 0;
  private closed = false;
  private readonly fd: number;
  private writer: McapWriter | undefined;
  private readonly channels = {} as Record<keyof typeof TOPICS, number>;
  private readonly foxglove: boolean;
  /** The pose last written to /tf per body: Foxglove keeps a frame's latest transform, so unchanged bodies are skipped. */
  private readonly lastTf = new Map<string, Pose7>();
  private readonly tfPeriod: number;
  private lastTfT = -Infinity;
  private lastKeyframeT = -Infinity;
  /** Log time of simulated time 0: the wall-clock start of the recording (ns since 1970). */
  private readonly startNs: bigint;
  private readonly compress: boolean;
  /** The latest frame not yet on /tf; written on close so that Foxglove ends where the episode ended. */
  private unsentTf: PoseFrame | undefined;
  /** Messages that came before the header was written (a few microtasks after construction). */
  private early: { key: keyof typeof TOPICS; t: number; json: string; seq: number }[] = [];
  /** Frames not yet encoded. */
  private pending: PoseFrame[] = [];

  /** Starts writing `file` (created or truncated): header, channels, metadata and the model. Throws if the file cannot be created. */
  constructor(file: string, opts: RecorderOptions) {
    this.foxglove = opts.foxglove ?? true;
    this.tfPeriod = 1 / (opts.tfRate ?? 10);
    this.compress = opts.compress ?? true;
    this.startNs = BigInt(Math.round(opts.startedAtMs ?? Date.now())) * 1_000_000n;
    try {
      this.fd = openSync(file, 'w');
    } catch (err) {
      throw new Error(`cannot record to ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    this.tail = this.start(opts).catch((err: unknown) => {
      this.failure = err;
    });
    this.write('model', 0, opts.model);
    if (this.foxglove) this.write('scene', 0, sceneUpdate(opts.model, stamp(this.startNs)));
  }

  /** A recorder whose header is written (errors surface here). */
  static async create(file: string, opts: RecorderOptions): Promise<McapRecorder> {
    const rec = new McapRecorder(file, opts);
    await rec.tail;
    if (rec.failure !== undefined) {
      await rec.close().catch(() => {});
      throw new Error(`cannot record to ${file}: ${rec.failure instanceof Error ? rec.failure.message : String(rec.failure)}`, { cause: rec.failure });
    }
    return rec;
  }

  private async start(opts: RecorderOptions): Promise<void> {
    if (this.compress) await zstd.isLoaded;
    const writer = new McapWriter({
      writable: new FileWritable(this.fd),
      chunkSize: Infinity,
      ...(this.compress ? { compressChunk: (data: Uint8Array) => ({ compression: 'zstd', compressedData: zstd.compress(data, ZSTD_LEVEL) }) } : {}),
    });
    await writer.start({ profile: '', library: 'robotool' });
    for (const key of Object.keys(TOPICS) as (keyof typeof TOPICS)[]) {
      const s = SCHEMAS[key];
      const schemaId = await writer.registerSchema({ name: s.name, encoding: 'jsonschema', data: encoder.encode(JSON.stringify(s.schema)) });
      this.channels[key] = await writer.registerChannel({ topic: TOPICS[key], schemaId, messageEncoding: 'json', metadata: new Map() });
    }
    await writer.addMetadata({ name: 'robotool', metadata: new Map(Object.entries(opts.meta ?? {})) });
    this.writer = writer;
    const early = this.early;
    this.early = [];
    for (const m of early) this.add(m.key, m.t, m.json, m.seq);
  }

  /** Records the poses of one frame. */
  frame(frame: PoseFrame): void {
    if (this.closed) throw new Error('McapRecorder used after close()');
    // Encoded in bursts: the same code 32 times in a row runs warm, once between physics steps cold.
    this.pending.push(frame);
    if (this.pending.length >= 32) this.flushFrames();
  }

  private flushFrames(): void {
    const frames = this.pending;
    this.pending = [];
    for (const f of frames) this.encodeFrame(f);
  }

  private encodeFrame(frame: PoseFrame): void {
    this.writeText('poses', frame.t, poseFrameJson(frame));
    if (!this.foxglove) return;
    // A little slack so that 30 Hz frames give an even 10 Hz despite rounding in simulated time.
    if (frame.t - this.lastTfT >= this.tfPeriod * 0.99) this.writeTf(frame);
    else this.unsentTf = frame;
  }

  private writeTf(frame: PoseFrame): void {
    this.lastTfT = frame.t;
    this.unsentTf = undefined;
    // A keyframe: every body, moved or not, so that a seek back finds all of them.
    if (frame.t - this.lastKeyframeT >= KEYFRAME_PERIOD * 0.999) {
      this.lastKeyframeT = frame.t;
      this.lastTf.clear();
    }
    const tf = frameTransforms(frame, this.lastTf, stamp(nanos(this.startNs, frame.t)));
    if (tf) this.writeText('tf', frame.t, tf);
  }

  /** Records an episode event at simulated time `t`. */
  event(t: number, event: EpisodeEvent): void {
    // Frames first, so that the file is in time order.
    this.flushFrames();
    this.write('events', t, { t, event });
    if (event.type === 'skill-call') this.write('skillCalls', t, { t, phase: event.phase, ...event.call });
  }

  /** Writes the chunk, summary and indexes, and closes the file. Throws the first write error, if any. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.flushFrames();
    if (this.unsentTf) this.writeTf(this.unsentTf);
    this.closed = true;
    try {
      await this.tail;
      if (this.failure === undefined) await this.writer?.end();
    } catch (err) {
      this.failure ??= err;
    } finally {
      closeSync(this.fd);
    }
    if (this.failure !== undefined) throw new Error('writing the MCAP recording failed', { cause: this.failure });
  }

  private write(key: keyof typeof TOPICS, t: number, payload: unknown): void {
    this.writeText(key, t, JSON.stringify(payload));
  }

  private writeText(key: keyof typeof TOPICS, t: number, json: string): void {
    if (this.closed) throw new Error('McapRecorder used after close()');
    const seq = this.seq++;
    if (this.writer) this.add(key, t, json, seq);
    else this.early.push({ key, t, json, seq });
  }

  private add(key: keyof typeof TOPICS, t: number, json: string, seq: number): void {
    if (this.failure !== undefined || !this.writer) return;
    const time = nanos(this.startNs, t);
    // No chunk is ever full (chunkSize Infinity), so addMessage never awaits: it is done when it
    // returns, and McapWriter's one-call-at-a-time rule holds without waiting for the promise.
    this.writer
      .addMessage({ channelId: this.channels[key], sequence: seq, logTime: time, publishTime: time, data: encoder.encode(json) })
      .catch((err: unknown) => {
        this.failure ??= err;
      });
  }
}

/** A body id as a JSON string, cached: ids repeat every frame. */
const quotedIds = new Map<string, string>();
function quoted(id: string): string {
  let q = quotedIds.get(id);
  if (q === undefined) {
    q = JSON.stringify(id);
    quotedIds.set(id, q);
  }
  return q;
}

function posesJson(poses: Record<string, Pose7>): string {
  let out = '';
  for (const id in poses) {
    const p = poses[id]!;
    // A world that blew up has NaN poses; JSON.stringify writes those as null, keeping the file valid.
    const body = Number.isFinite(p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6]) ? `[${p[0]},${p[1]},${p[2]},${p[3]},${p[4]},${p[5]},${p[6]}]` : JSON.stringify(p);
    out += `${out ? ',' : ''}${quoted(id)}:${body}`;
  }
  return `{${out}}`;
}

/** `JSON.stringify(frame)`, written by hand: the same text in about half the time, and this runs every frame. */
export function poseFrameJson(frame: PoseFrame): string {
  return `{"t":${frame.t},"objects":${posesJson(frame.objects)},"robot":${posesJson(frame.robot)}}`;
}

/**
 * The /tf message for a frame as JSON text, with only the bodies that moved since `last` (which
 * it updates); undefined when nothing moved. Written by hand: this runs every frame and is most
 * of the recorder's cost.
 */
function frameTransforms(frame: PoseFrame, last: Map<string, Pose7>, ts: { sec: number; nsec: number }): string | undefined {
  const head = `{"timestamp":{"sec":${ts.sec},"nsec":${ts.nsec}},"parent_frame_id":"${WORLD_FRAME}","child_frame_id":`;
  let out = '';
  for (const poses of [frame.objects, frame.robot]) {
    for (const id in poses) {
      const p = poses[id]!;
      const prev = last.get(id);
      if (prev && samePose(prev, p)) continue;
      last.set(id, p);
      out += `${out ? ',' : ''}${head}${quoted(id)},"translation":{"x":${p[0]},"y":${p[1]},"z":${p[2]}},"rotation":{"x":${p[3]},"y":${p[4]},"z":${p[5]},"w":${p[6]}}}`;
    }
  }
  return out ? `{"transforms":[${out}]}` : undefined;
}

function samePose(a: Pose7, b: Pose7): boolean {
  for (let i = 0; i < 7; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Foxglove cylinders run along z, Rapier's along y: turn by −90° about x. */
const Y_TO_Z = { x: -Math.SQRT1_2, y: 0, z: 0, w: Math.SQRT1_2 };

function quatMul(a: { x: number; y: number; z: number; w: number }, b: typeof a): typeof a {
  return {
    w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  };
}

function sceneUpdate(model: MirrorModel, timestamp: { sec: number; nsec: number }): unknown {
  const entities = model.bodies.map((b) => {
    const c = hexColor(b.color);
    const cubes: unknown[] = [];
    const spheres: unknown[] = [];
    const cylinders: unknown[] = [];
    for (const s of b.shapes) {
      const position = { x: s.offset[0], y: s.offset[1], z: s.offset[2] };
      const orientation = { x: s.rotation[0], y: s.rotation[1], z: s.rotation[2], w: s.rotation[3] };
      const prim = primitiveOf(s);
      if (prim.kind === 'cube') cubes.push({ pose: { position, orientation }, size: prim.size, color: c });
      else if (prim.kind === 'sphere') spheres.push({ pose: { position, orientation }, size: prim.size, color: c });
      else cylinders.push({ pose: { position, orientation: quatMul(orientation, Y_TO_Z) }, size: prim.size, bottom_scale: 1, top_scale: 1, color: c });
    }
    return {
      timestamp,
      frame_id: b.id,
      id: b.id,
      lifetime: { sec: 0, nsec: 0 },
      frame_locked: true,
      metadata: [],
      arrows: [],
      cubes,
      spheres,
      cylinders,
      lines: [],
      triangles: [],
      texts: [],
      models: [],
    };
  });
  return { deletions: [], entities };
}

function primitiveOf(s: MirrorShape): { kind: 'cube' | 'sphere' | 'cylinder'; size: { x: number; y: number; z: number } } {
  switch (s.kind) {
    case 'box':
      return { kind: 'cube', size: { x: s.halfExtents[0] * 2, y: s.halfExtents[1] * 2, z: s.halfExtents[2] * 2 } };
    case 'sphere':
      return { kind: 'sphere', size: { x: s.radius * 2, y: s.radius * 2, z: s.radius * 2 } };
    case 'cylinder':
      return { kind: 'cylinder', size: { x: s.radius * 2, y: s.radius * 2, z: s.halfHeight * 2 } };
    case 'capsule':
      // Foxglove has no capsule; a cylinder over its full length is close enough to see.
      return { kind: 'cylinder', size: { x: s.radius * 2, y: s.radius * 2, z: s.halfHeight * 2 + s.radius * 2 } };
  }
}

function hexColor(css: string): { r: number; g: number; b: number; a: number } {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (!m) return { r: 0.6, g: 0.6, b: 0.6, a: 1 };
  return { r: parseInt(m[1]!, 16) / 255, g: parseInt(m[2]!, 16) / 255, b: parseInt(m[3]!, 16) / 255, a: 1 };
}

/** A recording that cannot be replayed, with the reason. */
export class RecordingError extends Error {
  override readonly name = 'RecordingError';
}

let decompressHandlers: Promise<DecompressHandlers> | undefined;

/** zstd, lz4 and bz2 chunk decompression (@mcap/support), loaded once. */
function decompressors(): Promise<DecompressHandlers> {
  decompressHandlers ??= loadDecompressHandlers();
  return decompressHandlers;
}

/** One message of the topics robotool replays. */
interface RawMessage {
  topic: string | undefined;
  sequence: number;
  data: Uint8Array;
}

/**
 * Reads a robotool MCAP recording back: model, frames and events in time order, metadata. Reads
 * any MCAP with robotool's topics, whoever wrote it: chunks uncompressed or compressed with zstd,
 * lz4 or bz2, indexed or not (an unindexed file is read from start to end).
 */
export async function readRecording(file: string): Promise<RecordingData> {
  const handlers = await decompressors();
  const fh = await open(file, 'r');
  const wanted = new Set<string>([TOPICS.model, TOPICS.poses, TOPICS.events]);
  const messages: RawMessage[] = [];
  const meta: Record<string, string> = {};
  try {
    let reader: McapIndexedReader | undefined;
    try {
      reader = await McapIndexedReader.Initialize({ readable: new FileReadable(fh), decompressHandlers: handlers });
    } catch {
      reader = undefined;
    }
    if (reader) {
      const topicOf = new Map<number, string>();
      for (const [id, ch] of reader.channelsById) topicOf.set(id, ch.topic);
      try {
        for await (const msg of reader.readMessages({ topics: [...wanted] })) messages.push({ topic: topicOf.get(msg.channelId), sequence: msg.sequence, data: msg.data });
        for await (const m of reader.readMetadata({ name: 'robotool' })) Object.assign(meta, Object.fromEntries(m.metadata));
      } catch (err) {
        throw new RecordingError(`${file}: cannot read its messages (${err instanceof Error ? err.message : String(err)})`, { cause: err });
      }
    } else {
      await readStreaming(fh, file, handlers, wanted, messages, meta);
    }
  } finally {
    await fh.close();
  }
  let model: MirrorModel | undefined;
  const frames: { seq: number; frame: PoseFrame }[] = [];
  const events: { seq: number; e: TimedEvent }[] = [];
  for (const msg of messages) {
    let data: unknown;
    try {
      data = JSON.parse(decoder.decode(msg.data));
    } catch {
      throw new RecordingError(`${file}: a ${msg.topic} message is not JSON`);
    }
    if (msg.topic === TOPICS.model) model = asModel(data, file);
    else if (msg.topic === TOPICS.poses) frames.push({ seq: msg.sequence, frame: asFrame(data, file) });
    else if (msg.topic === TOPICS.events) events.push({ seq: msg.sequence, e: asTimedEvent(data, file) });
  }
  if (!model) throw new RecordingError(`${file}: no ${TOPICS.model} message; was it written by robotool --record?`);
  // Equal simulated times keep the order they were written in.
  frames.sort((a, b) => a.frame.t - b.frame.t || a.seq - b.seq);
  events.sort((a, b) => a.e.t - b.e.t || a.seq - b.seq);
  return { model, frames: frames.map((f) => f.frame), events: events.map((e) => e.e), meta };
}

/** Reads an MCAP without a usable index from start to end. */
async function readStreaming(fh: FileHandle, file: string, handlers: DecompressHandlers, wanted: Set<string>, messages: RawMessage[], meta: Record<string, string>): Promise<void> {
  const { size } = await fh.stat();
  if (size > 512 * 1024 * 1024) throw new RecordingError(`${file}: not an indexed MCAP file, and too large (${size} bytes) to read whole`);
  const bytes = new Uint8Array(size);
  await fh.read(bytes, 0, size, 0);
  const stream = new McapStreamReader({ decompressHandlers: handlers });
  const topicOf = new Map<number, string>();
  let sawHeader = false;
  try {
    stream.append(bytes);
    for (let rec; (rec = stream.nextRecord()); ) {
      if (rec.type === 'Header') sawHeader = true;
      else if (rec.type === 'Channel') topicOf.set(rec.id, rec.topic);
      else if (rec.type === 'Message' && wanted.has(topicOf.get(rec.channelId) ?? '')) messages.push({ topic: topicOf.get(rec.channelId), sequence: rec.sequence, data: rec.data });
      else if (rec.type === 'Metadata' && rec.name === 'robotool') Object.assign(meta, Object.fromEntries(rec.metadata));
    }
  } catch (err) {
    throw new RecordingError(`${file}: not a readable MCAP file (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  if (!sawHeader) throw new RecordingError(`${file}: not a readable MCAP file (no MCAP header)`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asModel(data: unknown, file: string): MirrorModel {
  if (!isRecord(data) || data.version !== 1 || !Array.isArray(data.bodies) || typeof data.scene !== 'string') {
    throw new RecordingError(`${file}: ${TOPICS.model} is not a robotool model (version 1)`);
  }
  // The model is only drawn; a malformed body shows up as a missing shape, not a crash.
  return data as unknown as MirrorModel;
}

function isPose7(v: unknown): v is Pose7 {
  return Array.isArray(v) && v.length === 7 && v.every((x) => typeof x === 'number');
}

function asPoses(v: unknown): Record<string, Pose7> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, Pose7> = {};
  for (const [k, p] of Object.entries(v)) {
    if (!isPose7(p)) return undefined;
    out[k] = p;
  }
  return out;
}

function asFrame(data: unknown, file: string): PoseFrame {
  if (isRecord(data) && typeof data.t === 'number') {
    const objects = asPoses(data.objects);
    const robot = asPoses(data.robot);
    if (objects && robot) return { t: data.t, objects, robot };
  }
  throw new RecordingError(`${file}: a ${TOPICS.poses} message is not a pose frame`);
}

function asTimedEvent(data: unknown, file: string): TimedEvent {
  if (isRecord(data) && typeof data.t === 'number' && isRecord(data.event) && typeof data.event.type === 'string') {
    // Events are shown, never acted on; their type tag is what the viewer switches on.
    return { t: data.t, event: data.event as unknown as EpisodeEvent };
  }
  throw new RecordingError(`${file}: a ${TOPICS.events} message is not an episode event`);
}
