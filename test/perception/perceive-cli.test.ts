/** `robotool perceive`: the camera's view of a scene beside the truth, as a user reads it. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../helpers/capture-output.ts';

interface Report {
  objects: { name: string; found: boolean; centerError: number | null; sizeError: number | null }[];
  missed: string[];
  median: { centerError: number | null; sizeError: number | null };
}

describe('robotool perceive', () => {
  it('finds and names every object of reach-milk from a catalogue 2 cm off, within 1 cm / 1.5 cm on the median', async () => {
    const run = await captureOutput(() => main(['perceive', '--scene', 'reach-milk', '--json']));
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.objects.map((o) => o.name).sort()).toEqual(['hammer', 'milk', 'pineapple']);
    expect(report.objects.every((o) => o.found)).toBe(true);
    expect(report.missed).toEqual([]);
    expect(report.median.centerError!).toBeLessThanOrEqual(0.01);
    expect(report.median.sizeError!).toBeLessThanOrEqual(0.015);
  });

  it('says which object no camera saw (the 4 mm cloth under the surfboard)', async () => {
    const run = await captureOutput(() => main(['perceive', '--scene', 'traverse-sofa']));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/cloth\s+MISSED/);
    expect(run.stdout).toMatch(/warning: cloth not seen by any camera/);
  });

  it('refuses a bad option with one line and exit 2', async () => {
    const run = await captureOutput(() => main(['perceive', '--scene', 'reach-milk', '--catalogue-noise', '1']));
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^robotool perceive: --catalogue-noise/);
  });
});
