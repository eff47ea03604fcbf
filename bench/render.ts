/**
 * Headless render cost: Chromium launch and page load (cold), then one frame of the scene
 * rendered in software WebGL with the page already loaded, and a PNG screenshot of it.
 */
import { loadScene } from '../src/scene/file.ts';
import { createSim } from '../src/sim/create.ts';
import { captureFrame, describeWorld } from '../src/viewer/mirror-model.ts';
import { launchChromium, openViewer } from '../src/viewer/render.ts';
import { startViewServer } from '../src/viewer/server.ts';
import { clientBundle } from '../src/viewer/bundle.ts';

const TASK = 'reach-milk';
const WIDTH = 960;
const HEIGHT = 600;

/** Cold launch, page load, one-frame render and screenshot times (ms). */
export async function benchRender(): Promise<Record<string, string | number>> {
  const sim = await createSim(await loadScene(TASK));
  const model = describeWorld(sim);
  const frame = captureFrame(sim);
  sim.free();
  // The bundle is cached on disk after its first build; time the launch, not esbuild.
  await clientBundle();
  const server = await startViewServer({ kind: 'live' });
  server.setModel(model);
  server.publishFrame(frame);
  const t0 = performance.now();
  const browser = await launchChromium();
  try {
    const launchMs = performance.now() - t0;
    const t1 = performance.now();
    const page = await openViewer(browser, server.url, { still: true, width: WIDTH, height: HEIGHT });
    const loadMs = performance.now() - t1;
    // Warm the shaders, then time frames (render + wait for the GPU via readPixels).
    await page.evaluate(() => window.__robotool.timeRender(3));
    const frameMs = await page.evaluate(() => window.__robotool.timeRender(20));
    const shots: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await page.locator('canvas').screenshot({ type: 'png' });
      shots.push(performance.now() - t);
    }
    shots.sort((a, b) => a - b);
    return {
      scene: TASK,
      size: `${WIDTH}×${HEIGHT}`,
      'launch ms': Math.round(launchMs),
      'page load ms': Math.round(loadMs),
      'frame ms': Math.round(frameMs * 10) / 10,
      'PNG screenshot ms': Math.round(shots[2]!),
      'cold total ms': Math.round(launchMs + loadMs + shots[0]!),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
