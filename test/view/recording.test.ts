import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, open, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { McapIndexedReader } from '@mcap/core';
import { loadDecompressHandlers } from '@mcap/support';
import { FrameTransforms, SceneUpdate } from '@foxglove/schemas/jsonschema.js';
import { openRunSinks } from '../../src/cli/run-sinks.ts';
import { readRecording, TOPICS, McapRecorder, poseFrameJson } from '../../src/viewer/recording.ts';
import { createSim } from '../../src/sim/create.ts';
import { loadScene } from '../../src/scene/file.ts';
import { describeWorld, captureFrame } from '../../src/viewer/mirror-model.ts';
import type { RecordingData } from '../../src/viewer/protocol.ts';
import { runEpisodeWithSinks, type SeenEpisode } from './episode.ts';

let dir: string;
let file: string;
let seen: SeenEpisode;
let rec: RecordingData;
const log: string[] = [];
let startedMs: number;

beforeAll(async () => {
  startedMs = Date.now();
  dir = await mkdtemp(join(tmpdir(), 'robotool-rec-'));
  file = join(dir, 'press-button.mcap');
  const sinks = await openRunSinks({ view: false, record: file }, (t) => void log.push(t));
  seen = await runEpisodeWithSinks('press-button', sinks);
  rec = await readRecording(file);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('run --record FILE.mcap', () => {
  it('the episode it records succeeds and the CLI says where the file is', () => {
    const outcome = seen.events.findLast((e) => e.event.type === 'outcome')?.event;
    expect(outcome).toMatchObject({ type: 'outcome', success: true });
    expect(log.join('')).toContain(`recording: ${file}`);
  });

  it('read back, holds every pose the run produced, frame for frame', () => {
    // The run's first frame, each onFrame, and the final frame; exact up to JSON (which writes -0 as 0).
    expect(rec.frames).toEqual(JSON.parse(JSON.stringify([...seen.frames, seen.final])));
    expect(rec.frames.length).toBeGreaterThan(50);
    expect(rec.frames.at(-1)!.t).toBeGreaterThan(2);
  });

  it('read back, holds every episode event in order with the simulated time it happened at', () => {
    expect(rec.events).toEqual(JSON.parse(JSON.stringify(seen.events)));
    expect(rec.events.some((e) => e.event.type === 'skill-call')).toBe(true);
  });

  it('carries the world model: every scene object and robot link', () => {
    const ids = rec.model.bodies.map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['cube_1', 'cube_2', 'cube_3', 'button', 'button/cap', 'robot/0']));
    expect(rec.model.bodies.filter((b) => b.owner === 'robot').length).toBeGreaterThan(3);
    expect(rec.meta).toMatchObject({ scene: 'press-button', robot: 'arm' });
  });

  it('is a Foxglove-readable file: zstd chunks, JSON messages on channels with Foxglove\'s own schemas, tf keyframes, wall-clock log time', async () => {
    const fh = await open(file, 'r');
    try {
      const reader = await McapIndexedReader.Initialize({
        decompressHandlers: await loadDecompressHandlers(),
        readable: {
          size: async () => BigInt((await fh.stat()).size),
          read: async (offset, size) => {
            const b = new Uint8Array(Number(size));
            await fh.read(b, 0, b.length, Number(offset));
            return b;
          },
        },
      });
      const channels = [...reader.channelsById.values()];
      expect(channels.map((c) => c.topic).sort()).toEqual(Object.values(TOPICS).sort());
      for (const c of channels) {
        expect(c.messageEncoding).toBe('json');
        expect(reader.schemasById.get(c.schemaId)?.encoding).toBe('jsonschema');
      }
      const schemaOf = (topic: string): string | undefined =>
        reader.schemasById.get(channels.find((c) => c.topic === topic)!.schemaId)?.name;
      expect(schemaOf('/tf')).toBe('foxglove.FrameTransforms');
      expect(schemaOf('/scene')).toBe('foxglove.SceneUpdate');
      // The schemas are @foxglove/schemas' published ones, byte for byte, not copies.
      const schemaData = (topic: string): unknown =>
        JSON.parse(new TextDecoder().decode(reader.schemasById.get(channels.find((c) => c.topic === topic)!.schemaId)!.data));
      expect(schemaData('/tf')).toEqual(FrameTransforms);
      expect(schemaData('/scene')).toEqual(SceneUpdate);
      expect(reader.chunkIndexes.length).toBeGreaterThan(0);
      for (const c of reader.chunkIndexes) expect(c.compression).toBe('zstd');
      // Log time = the wall-clock start + simulated time; the message keeps the simulated time.
      let startNs: bigint | undefined;
      for await (const m of reader.readMessages({ topics: ['/robotool/poses'] })) {
        const t = (JSON.parse(new TextDecoder().decode(m.data)) as { t: number }).t;
        startNs ??= m.logTime - BigInt(Math.round(t * 1e9));
        expect(Number(m.logTime - startNs - BigInt(Math.round(t * 1e9)))).toBe(0);
      }
      expect(Number(startNs! / 1_000_000n)).toBeGreaterThanOrEqual(startedMs - 1000);
      expect(Number(startNs! / 1_000_000n)).toBeLessThanOrEqual(Date.now());
      // Foxglove keeps each frame's latest transform, so /tf (10 Hz) carries only bodies that
      // moved, plus every body once each simulated second (a keyframe for backward seeks);
      // replayed in order, it gives the recorded poses at each of its times and at the end.
      type Tf = { timestamp: { sec: number; nsec: number }; child_frame_id: string; translation: { x: number; y: number; z: number }; rotation: { x: number; y: number; z: number; w: number } };
      const tfs: Tf[][] = [];
      for await (const m of reader.readMessages({ topics: ['/tf'] })) {
        tfs.push((JSON.parse(new TextDecoder().decode(m.data)) as { transforms: Tf[] }).transforms);
      }
      const allIds = rec.model.bodies.map((b) => b.id);
      expect(tfs[0]!.map((x) => x.child_frame_id)).toEqual(allIds);
      const simT = (x: Tf): number => Number(BigInt(x.timestamp.sec) * 1_000_000_000n + BigInt(x.timestamp.nsec) - startNs!) / 1e9;
      const keyframes = tfs.filter((transforms) => transforms.length === allIds.length).map((transforms) => simT(transforms[0]!));
      for (let i = 1; i < keyframes.length; i++) expect(keyframes[i]! - keyframes[i - 1]!).toBeLessThan(1.2);
      expect(keyframes.at(-1)!).toBeGreaterThan(rec.frames.at(-1)!.t - 1.2);
      const duration = rec.frames.at(-1)!.t;
      expect(tfs.length).toBeGreaterThanOrEqual(Math.floor(duration * 10));
      expect(tfs.length).toBeLessThanOrEqual(Math.ceil(duration * 10) + 2);
      const latest = new Map<string, number[]>();
      for (const transforms of tfs) {
        for (const x of transforms) latest.set(x.child_frame_id, [x.translation.x, x.translation.y, x.translation.z, x.rotation.x, x.rotation.y, x.rotation.z, x.rotation.w]);
        const t = simT(transforms[0]!);
        const frame = rec.frames.findLast((f) => f.t <= t + 1e-9)!;
        expect(Object.fromEntries(latest)).toEqual({ ...frame.objects, ...frame.robot });
      }
      const last = rec.frames.at(-1)!;
      expect(Object.fromEntries(latest)).toEqual({ ...last.objects, ...last.robot });
      expect(reader.statistics?.messageCount).toBeGreaterThan(BigInt(rec.frames.length));
    } finally {
      await fh.close();
    }
  });
});

describe('McapRecorder', () => {
  it('a file that is not MCAP is refused with its name', async () => {
    const f = join(dir, 'not.mcap');
    await writeFile(f, 'hello');
    await expect(readRecording(f)).rejects.toThrow(/not\.mcap: not a readable MCAP file/);
  });

  it('reports a file it cannot create instead of failing later', async () => {
    const sim = await createSim(await loadScene('reach-milk'));
    try {
      await expect(McapRecorder.create(join(dir, 'no-such-dir', 'x.mcap'), { model: describeWorld(sim) })).rejects.toThrow(/cannot record to/);
    } finally {
      sim.free();
    }
  });

  it('a recording without frames still reads back with its model', async () => {
    const sim = await createSim(await loadScene('reach-milk'));
    const f = join(dir, 'empty.mcap');
    try {
      const r = new McapRecorder(f, { model: describeWorld(sim), foxglove: false });
      r.frame(captureFrame(sim));
      await r.close();
    } finally {
      sim.free();
    }
    const back = await readRecording(f);
    expect(back.model.scene).toBe('reach-milk');
    expect(back.frames).toHaveLength(1);
    expect(back.events).toEqual([]);
  });
});

describe('poseFrameJson', () => {
  it('writes exactly what JSON.stringify writes, NaN included', () => {
    const frame = { t: 1 / 3, objects: { milk: [0.1, -0.2, 1e-7, 0, 0, -0, 1] as [number, number, number, number, number, number, number], 'button/cap': [1, 2, 3, 0, 0, 0, 1] as [number, number, number, number, number, number, number] }, robot: { 'robot/0': [NaN, 0, 0, 0, 0, 0, 1] as [number, number, number, number, number, number, number] } };
    expect(poseFrameJson(frame)).toBe(JSON.stringify(frame));
  });
});
