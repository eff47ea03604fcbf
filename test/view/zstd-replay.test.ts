import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McapIndexedReader, McapWriter, type IWritable } from '@mcap/core';
import { loadDecompressHandlers } from '@mcap/support';
import * as zstd from '@foxglove/wasm-zstd';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import renderCommand from '../../src/cli/render.ts';
import { createSim } from '../../src/sim/create.ts';
import { captureFrame, describeWorld, poseIn, type MirrorModel, type PoseFrame } from '../../src/viewer/mirror-model.ts';
import { readRecording, TOPICS } from '../../src/viewer/recording.ts';
import { launchChromium, openViewer } from '../../src/viewer/render.ts';
import { loadScene } from '../../src/scene/file.ts';
import { decodePng } from './png.ts';

/**
 * A recording written by another program: @mcap/core's writer with zstd-compressed chunks (small
 * ones, so there are many), its own schemas, log times of its own choosing, no robotool
 * metadata. robotool replays it in `view --replay` and renders it with `render --replay`.
 */

class BufferWritable implements IWritable {
  readonly parts: Uint8Array[] = [];
  private size = 0n;
  async write(buffer: Uint8Array): Promise<void> {
    this.parts.push(buffer.slice());
    this.size += BigInt(buffer.byteLength);
  }
  position(): bigint {
    return this.size;
  }
}

let dir: string;
let file: string;
let browser: Browser;
let model: MirrorModel;
const frames: PoseFrame[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'robotool-zstd-'));
  file = join(dir, 'other-tool.mcap');
  const sim = await createSim(await loadScene('reach-milk'));
  try {
    model = describeWorld(sim);
    const first = captureFrame(sim);
    // Two simulated seconds at 30 Hz in which the milk slides 0.3 m towards the arm.
    for (let k = 0; k <= 60; k++) {
      const t = k / 30;
      const milk = [...first.objects.milk!] as typeof first.objects.milk;
      milk![0] -= 0.15 * t;
      frames.push({ t, objects: { ...first.objects, milk: milk! }, robot: first.robot });
    }
  } finally {
    sim.free();
  }
  await zstd.isLoaded;
  const out = new BufferWritable();
  const writer = new McapWriter({
    writable: out,
    chunkSize: 4096,
    compressChunk: (data) => ({ compression: 'zstd', compressedData: zstd.compress(data, 19) }),
  });
  const enc = new TextEncoder();
  await writer.start({ profile: '', library: 'another-tool 1.0' });
  const channel = async (topic: string): Promise<number> => {
    const schemaId = await writer.registerSchema({ name: `other.${topic.slice(1).replace(/\//g, '.')}`, encoding: 'jsonschema', data: enc.encode('{"type":"object"}') });
    return writer.registerChannel({ topic, schemaId, messageEncoding: 'json', metadata: new Map() });
  };
  const modelCh = await channel(TOPICS.model);
  const posesCh = await channel(TOPICS.poses);
  const eventsCh = await channel(TOPICS.events);
  // Its own log-time base: a fixed date, not robotool's.
  const base = 1_700_000_000_000_000_000n;
  const at = (t: number): bigint => base + BigInt(Math.round(t * 1e9));
  let seq = 0;
  const add = (channelId: number, t: number, payload: unknown): Promise<void> =>
    writer.addMessage({ channelId, sequence: seq++, logTime: at(t), publishTime: at(t), data: enc.encode(JSON.stringify(payload)) });
  await add(modelCh, 0, model);
  await add(eventsCh, 0, { t: 0, event: { type: 'episode-started', command: 'slide the milk', planner: 'search', robot: 'arm', t: 0 } });
  for (const f of frames) await add(posesCh, f.t, f);
  await add(eventsCh, 2, { t: 2, event: { type: 'outcome', success: true, reason: 'slid', rounds: 1, program: null, candidatesTried: 0, planSeconds: 0, execSeconds: 2, error: null } });
  await writer.end();
  await writeFile(file, Buffer.concat(out.parts));
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a zstd MCAP written by another tool', () => {
  it('is what the test meant to write: several zstd chunks, no robotool metadata', async () => {
    const bytes = new Uint8Array(await readFile(file));
    const reader = await McapIndexedReader.Initialize({
      readable: { size: async () => BigInt(bytes.length), read: async (o, s) => bytes.subarray(Number(o), Number(o + s)) },
      decompressHandlers: await loadDecompressHandlers(),
    });
    expect(reader.chunkIndexes.length).toBeGreaterThan(2);
    for (const c of reader.chunkIndexes) expect(c.compression).toBe('zstd');
    expect(reader.header.library).toBe('another-tool 1.0');
  });

  it('reads back frame for frame', async () => {
    const rec = await readRecording(file);
    expect(rec.frames).toEqual(JSON.parse(JSON.stringify(frames)));
    expect(rec.events.map((e) => e.event.type)).toEqual(['episode-started', 'outcome']);
    expect(rec.meta).toEqual({});
  });

  it('replays in robotool view --replay: the page shows the milk where the recording has it', async () => {
    const child = spawn(process.execPath, ['bin/robotool.mjs', 'view', '--replay', file, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => void (stdout += String(d)));
    child.stderr!.on('data', (d: Buffer) => void (stderr += String(d)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 30 s; stderr: ${stderr}`)), 30_000);
      child.stdout!.on('data', () => {
        const m = /view: (http:\/\/\S+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`view exited ${code}: ${stderr}`)));
    });
    const page = await openViewer(browser, url, { at: 1.5 });
    try {
      const frame = frames[45]!;
      expect(await page.evaluate(() => window.__robotool.frameT)).toBeCloseTo(1.5, 9);
      const shown = await page.evaluate(() => window.__robotool.position('milk'));
      poseIn(frame, 'milk')!.slice(0, 3).forEach((v, i) => expect(shown![i]).toBeCloseTo(v, 6));
      // The outcome comes at 2 s: not yet at 1.5 s, there after a seek to the end.
      expect(await page.locator('#panel .outcome').textContent()).toBe('running');
      await page.evaluate(() => window.__robotool.seek(2));
      expect(await page.locator('#panel .outcome').textContent()).toMatch(/^success: slid/);
    } finally {
      await page.close();
    }
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
  });

  it('renders in robotool render --replay: the milk has moved between 0 s and 2 s', async () => {
    const pngs = [join(dir, 'at-0.png'), join(dir, 'at-2.png')];
    expect(await renderCommand(['--replay', file, '--at', '0', '--out', pngs[0]!, '--width', '320', '--height', '200'])).toBe(0);
    expect(await renderCommand(['--replay', file, '--at', '2', '--out', pngs[1]!, '--width', '320', '--height', '200'])).toBe(0);
    const [a, b] = await Promise.all(pngs.map(async (p) => decodePng(await readFile(p))));
    expect([a!.width, a!.height]).toEqual([320, 200]);
    let differ = 0;
    for (let y = 0; y < 200; y += 2) for (let x = 0; x < 320; x += 2) if (a!.pixel(x, y).join() !== b!.pixel(x, y).join()) differ++;
    expect(differ).toBeGreaterThan(20);
  });
});
