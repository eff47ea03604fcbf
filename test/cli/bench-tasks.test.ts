import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandTasks } from '../../src/cli/bench.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('bench --tasks', () => {
  it('keeps bundled task names, expands a folder to its scene files in order, and keeps a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'robotool-bench-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'b.json'), '{}');
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'scene.schema.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), '');
    mkdirSync(join(dir, 'programs'));
    expect(expandTasks(['reach-milk', dir, join(dir, 'b.json')])).toEqual(['reach-milk', join(dir, 'a.json'), join(dir, 'b.json'), join(dir, 'b.json')]);
  });

  it('names what it cannot find', () => {
    expect(() => expandTasks(['no-such-task'])).toThrow(/unknown task no-such-task/);
    const dir = mkdtempSync(join(tmpdir(), 'robotool-bench-'));
    dirs.push(dir);
    expect(() => expandTasks([dir])).toThrow(/holds no scene files/);
  });
});
