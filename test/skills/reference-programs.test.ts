import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASKS, scenesDir } from '../../src/scene/file.ts';
import execCommand from '../../src/cli/exec.ts';
import { captureOutput } from '../helpers/capture-output.ts';

/** `robotool exec FILE --scene TASK --json`, called in this process; resolves with its exit code and JSON report. */
async function exec(task: string): Promise<{ code: number; report: Record<string, unknown> }> {
  const { code, stdout } = await captureOutput(() => execCommand([join(scenesDir, 'programs', `${task}.js`), '--scene', task, '--json']));
  return { code, report: JSON.parse(stdout) as Record<string, unknown> };
}

describe('reference programs through `robotool exec` (sandbox and safety envelope)', () => {
  for (const task of TASKS) {
    it(`${task} succeeds`, async () => {
      const { code, report } = await exec(task);
      expect(code).toBe(0);
      expect(report).toMatchObject({ success: true, error: null, goal: { success: true } });
      const events = report.events as { type: string }[];
      expect(events.filter((e) => e.type === 'safety-stop')).toEqual([]);
      expect((report.calls as unknown[]).length).toBeGreaterThan(2);
    });
  }
});
