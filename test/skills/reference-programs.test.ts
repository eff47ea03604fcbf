import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TASKS, loadScene, sceneFilePath, scenesDir } from '../../src/sim/scene-file.ts';
import { createSim } from '../../src/sim/create.ts';
import { checkGoal } from '../../src/sim/predicates.ts';
import { SimBackend } from '../../src/skills/sim-backend.ts';
import { runProgram } from '../../src/skills/sandbox.ts';

/** Whether a task's scene and reference program exist yet (the quadruped scenes land separately). */
function available(task: string): boolean {
  try {
    return existsSync(sceneFilePath(task)) && existsSync(join(scenesDir, 'programs', `${task}.js`));
  } catch {
    return false;
  }
}

describe('reference programs through the sandbox and envelope', () => {
  for (const task of TASKS) {
    it.skipIf(!available(task))(`${task} succeeds`, async () => {
      const scene = await loadScene(task);
      const sim = await createSim(scene);
      try {
        const run = await runProgram(await readFile(join(scenesDir, 'programs', `${task}.js`), 'utf8'), new SimBackend(sim), {});
        expect(run.error).toBeNull();
        expect(run.events.filter((e) => e.type === 'safety-stop')).toEqual([]);
        expect(checkGoal(sim, scene.goal)).toMatchObject({ success: true });
      } finally {
        sim.free();
      }
    });
  }
});
