import { describe, expect, it } from 'vitest';
import { checkProgram } from '../../src/skills/program-check.ts';

describe('static checks on Coder programs', () => {
  it('accepts a plain program with helpers, loops, Math and strings that mention await', () => {
    const program = [
      '// not async: await nothing',
      'function above(p, dz) { return [p[0], p[1], p[2] + dz]; }',
      'const hammer = get_graspable_point("hammer");',
      'const note = "await import(x)";',
      'move_to_position(above(hammer, 0.1));',
      'for (let i = 0; i < 2; i++) { move_to_position([0.3, Math.min(0.1 * i, 0.2), 0.1]); }',
      'const r = close_gripper();',
      "if (r.status !== 'grasped') { open_gripper(); }",
    ].join('\n');
    expect(checkProgram(program, 'arm')).toEqual([]);
  });

  it('rejects imports and require', () => {
    expect(checkProgram('const fs = require("fs");\nopen_gripper();', 'arm')).toEqual([expect.stringMatching(/imports modules/)]);
    expect(checkProgram('import x from "y";\nopen_gripper();', 'arm')).toEqual([expect.stringMatching(/imports modules/)]);
  });

  it("rejects another robot's skills and invented ones", () => {
    expect(checkProgram('move_to_position([0, 0, 0]);\npick_up("milk");', 'quadruped')).toEqual([
      expect.stringMatching(/calls move_to_position, pick_up, not among the quadruped's skills \(get_size, get_position, walk_to_position, push_to_position\)/),
    ]);
  });

  it('rejects a program that calls no skill at all', () => {
    expect(checkProgram('const x = 1 + 2;', 'arm')).toEqual(["the program calls none of the arm's skills"]);
  });
});
