import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openViewer } from '../../src/viewer/render.ts';
import { startViewServer, type ViewServer } from '../../src/viewer/server.ts';
import { createSim } from '../../src/sim/create.ts';
import { loadScene } from '../../src/scene/file.ts';
import { captureFrame, describeWorld, poseIn, type PoseFrame } from '../../src/viewer/mirror-model.ts';
import { readRecording } from '../../src/viewer/recording.ts';
import { frameIndexAt } from '../../src/viewer/client/frame-index.ts';
import { openRunSinks } from '../../src/cli/run-sinks.ts';
import renderCommand from '../../src/cli/render.ts';
import { runEpisodeWithSinks, type SeenEpisode } from './episode.ts';
import { decodePng } from './png.ts';

// Real headless Chromium with software WebGL. No Chromium is a failure with the reason, not a skip.
let browser: Browser;
let dir: string;
const servers: ViewServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'robotool-view-'));
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const distance = (a: number[], b: number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

async function sceneServer(task: string): Promise<ViewServer> {
  const sim = await createSim(await loadScene(task));
  try {
    const server = await startViewServer({ kind: 'live' });
    servers.push(server);
    server.setModel(describeWorld(sim));
    server.publishFrame(captureFrame(sim));
    return server;
  } finally {
    sim.free();
  }
}

async function positionOf(page: Page, id: string): Promise<number[] | null> {
  return page.evaluate((i) => window.__robotool.position(i), id);
}

function expectPose(actual: number[] | null, frame: PoseFrame, id: string): void {
  const p = poseIn(frame, id);
  expect(p, `${id} in frame t=${frame.t}`).toBeDefined();
  expect(actual).not.toBeNull();
  actual!.forEach((v, i) => expect(v).toBeCloseTo(p![i]!, 6));
}

describe('robotool view --scene', () => {
  it('draws the scene, and the milk and the hammer appear at their projected positions', async () => {
    const server = await sceneServer('reach-milk');
    const page = await openViewer(browser, server.url, { width: 900, height: 600 });
    try {
      const size = await page.evaluate(() => {
        const c = document.querySelector('canvas')!;
        return { w: c.clientWidth, h: c.clientHeight };
      });
      for (const name of ['milk', 'hammer']) {
        const p = await page.evaluate((n) => window.__robotool.project(n), name);
        expect(p, name).not.toBeNull();
        expect(p!.x).toBeGreaterThan(0);
        expect(p!.x).toBeLessThan(size.w);
        expect(p!.y).toBeGreaterThan(0);
        expect(p!.y).toBeLessThan(size.h);
        const drawn = await page.evaluate(({ x, y }) => window.__robotool.pixel(x, y), p!);
        // The same pixel with the object hidden is what lies behind it: the background.
        await page.evaluate((n) => window.__robotool.setVisible(n, false), name);
        const behind = await page.evaluate(({ x, y }) => window.__robotool.pixel(x, y), p!);
        await page.evaluate((n) => window.__robotool.setVisible(n, true), name);
        expect(drawn.slice(0, 3).some((v) => v > 0), `${name} pixel is not black`).toBe(true);
        expect(distance(drawn, behind), `${name}: ${drawn} vs background ${behind}`).toBeGreaterThan(40);
      }
    } finally {
      await page.close();
    }
  });
});

describe('robotool run --view --record, then view --replay', () => {
  let seen: SeenEpisode;
  let samples: { frames: number; t: number | null; ended: boolean }[] = [];
  let livePage: Page;
  const file = (): string => join(dir, 'episode.mcap');

  beforeAll(async () => {
    const out: string[] = [];
    const sinks = await openRunSinks({ view: true, record: file(), holdView: false, openBrowser: false }, (t) => void out.push(t));
    const url = /view: (\S+)/.exec(out.join(''))?.[1];
    expect(url, out.join('')).toBeDefined();
    livePage = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await livePage.goto(`${url}?speed=latest`);
    await livePage.waitForFunction(() => window.__robotool?.mode === 'live');
    // Sample inside the page, once per animation frame, so that the sampling does not wait on Node.
    await livePage.evaluate(() => {
      const w = window as unknown as { __samples: { t: number | null; ended: boolean; frames: number }[] };
      w.__samples = [];
      const sample = (): void => {
        const h = window.__robotool;
        w.__samples.push({ t: h.frameT, ended: h.ended, frames: h.framesApplied });
        if (!h.ended) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    seen = await runEpisodeWithSinks('press-button', {
      ...sinks,
      // Hold the server until the page has the last frame and the end.
      close: async () => {
        await livePage.waitForFunction(() => window.__robotool.ended, undefined, { timeout: 10_000 });
        await sinks.close?.();
      },
    });
    samples = await livePage.evaluate(() => (window as unknown as { __samples: typeof samples }).__samples);
  });

  afterAll(async () => {
    await livePage?.close();
  });

  it('the live page follows the episode while it runs: frames arrive, time advances', () => {
    const during = samples.filter((s) => !s.ended && s.t !== null);
    const times = new Set(during.map((s) => s.t));
    expect(times.size, JSON.stringify(samples.slice(0, 20))).toBeGreaterThanOrEqual(3);
    const frames = samples.map((s) => s.frames);
    expect(frames.every((f, i) => i === 0 || f >= frames[i - 1]!)).toBe(true);
    expect(frames.at(-1)!).toBeGreaterThanOrEqual(3);
  });

  it('the live page ends on the final poses, with the outcome and the skill calls beside it', async () => {
    for (const id of ['button/cap', 'cube_1', 'robot/7']) expectPose(await positionOf(livePage, id), seen.final, id);
    const outcome = await livePage.locator('#panel .outcome').textContent();
    expect(outcome).toMatch(/^success/);
    const calls = seen.events.filter((e) => e.event.type === 'skill-call' && e.event.phase === 'execute').length;
    expect(await livePage.locator('#panel .calls li').count()).toBe(calls);
  });

  it('replay seeks to a time and shows the poses recorded at that time', async () => {
    const recording = await readRecording(file());
    const server = await startViewServer({ kind: 'replay', recording });
    servers.push(server);
    const frames = [...seen.frames, seen.final];
    const t1 = frames.at(-1)!.t * 0.4;
    const page = await openViewer(browser, server.url, { at: t1 });
    try {
      const at1 = frames[frameIndexAt(frames, t1)]!;
      expect(await page.evaluate(() => window.__robotool.frameT)).toBe(at1.t);
      for (const id of ['cube_1', 'robot/5']) expectPose(await positionOf(page, id), at1, id);
      const t2 = frames.at(-1)!.t * 0.9;
      await page.evaluate((t) => window.__robotool.seek(t), t2);
      const at2 = frames[frameIndexAt(frames, t2)]!;
      for (const id of ['cube_1', 'robot/5', 'button/cap']) expectPose(await positionOf(page, id), at2, id);
      expect(distance(poseIn(at1, 'robot/5')!, poseIn(at2, 'robot/5')!)).toBeGreaterThan(0.01);
      // The scrubber and the event list follow the seek.
      expect(Number(await page.locator('#scrub').inputValue())).toBeCloseTo(t2, 3);
      const shown = await page.locator('#panel .calls li').count();
      expect(shown).toBe(recording.events.filter((e) => e.t <= t2 && e.event.type === 'skill-call' && e.event.phase === 'execute').length);
      // Back in time: the poses and the list go back too.
      await page.evaluate((t) => window.__robotool.seek(t), t1);
      expectPose(await positionOf(page, 'robot/5'), at1, 'robot/5');
      expect(await page.locator('#panel .calls li').count()).toBe(
        recording.events.filter((e) => e.t <= t1 && e.event.type === 'skill-call' && e.event.phase === 'execute').length,
      );
      // Play from there runs to the end.
      await page.evaluate(() => window.__robotool.play());
      await page.waitForFunction((end) => window.__robotool.frameT === end, frames.at(-1)!.t, { timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  it('robotool render --replay FILE --at SECONDS writes a PNG of that moment', async () => {
    const png = join(dir, 'replay.png');
    expect(await renderCommand(['--replay', file(), '--at', '2', '--out', png, '--width', '480', '--height', '300'])).toBe(0);
    const img = decodePng(await readFile(png));
    expect([img.width, img.height]).toEqual([480, 300]);
    const colours = new Set<string>();
    for (let y = 0; y < img.height; y += 6) for (let x = 0; x < img.width; x += 6) colours.add(img.pixel(x, y).slice(0, 3).join());
    expect(colours.size).toBeGreaterThan(10);
  });
});

describe('robotool render --scene', () => {
  it('writes a PNG that is a rendered scene, not a blank or black canvas', async () => {
    const png = join(dir, 'scene.png');
    expect(await renderCommand(['--scene', 'press-button', '--out', png])).toBe(0);
    const img = decodePng(await readFile(png));
    expect([img.width, img.height]).toEqual([960, 600]);
    let dark = 0;
    const colours = new Set<string>();
    for (let y = 0; y < img.height; y += 5) {
      for (let x = 0; x < img.width; x += 5) {
        const p = img.pixel(x, y);
        colours.add(p.slice(0, 3).join());
        if (p[0]! + p[1]! + p[2]! < 30) dark++;
      }
    }
    expect(colours.size).toBeGreaterThan(10);
    expect(dark).toBeLessThan(100);
    // The button's red cap is in the picture.
    expect([...colours].some((c) => {
      const [r, g, b] = c.split(',').map(Number) as [number, number, number];
      return r > 180 && g < 110 && b < 110;
    })).toBe(true);
  });
});

describe('robotool run --png FILE', () => {
  it('renders the world as the episode left it', async () => {
    const png = join(dir, 'end.png');
    const out: string[] = [];
    const sinks = await openRunSinks({ view: false, png }, (t) => void out.push(t));
    await runEpisodeWithSinks('press-button', sinks);
    expect(out.join('')).toContain(`png: ${png}`);
    const img = decodePng(await readFile(png));
    expect([img.width, img.height]).toEqual([960, 600]);
    const colours = new Set<string>();
    for (let y = 0; y < img.height; y += 6) for (let x = 0; x < img.width; x += 6) colours.add(img.pixel(x, y).slice(0, 3).join());
    expect(colours.size).toBeGreaterThan(10);
  });
});
