import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SafetyEnvelope, segmentHitsBox } from '../../src/skills/safety.ts';
import { SKILLS, isSkillName } from '../../src/skills/registry.ts';
import { ProgramStopError } from '../../src/skills/sandbox-errors.ts';
import { FakeBackend } from './fake-backend.ts';

type Vec3 = [number, number, number];
const WORKSPACE = { min: [0, -0.25, 0.01] as Vec3, max: [0.45, 0.25, 0.3] as Vec3 };
const ZONES = [
  { name: 'camera', min: [0.3, 0.15, 0] as Vec3, max: [0.45, 0.25, 0.3] as Vec3 },
  { name: 'fixture', min: [0.1, -0.1, 0] as Vec3, max: [0.2, 0, 0.05] as Vec3 },
];

/** Numbers that stress the checks: normal, at the edges, huge, NaN and infinities. */
const num = fc.oneof(
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.constantFrom(0, 0.45, -0.25, 0.25, 0.3, 0.01, 1e308, -1e308, Number.NaN, Infinity, -Infinity, -0),
);
const position = fc.tuple(num, num, num);
const arg = fc.oneof(
  position,
  fc.string({ maxLength: 8 }),
  fc.array(num, { maxLength: 6 }),
  fc.constantFrom(undefined, null, {}, [], 'milk', true),
);
const call = fc.record({
  skill: fc.oneof(fc.constantFrom(...Object.keys(SKILLS)), fc.string({ maxLength: 12 })),
  args: fc.oneof(fc.tuple(position), fc.array(arg, { maxLength: 3 }), fc.tuple(fc.constant('milk'), position)),
});

const inBox = (p: Vec3, box: { min: Vec3; max: Vec3 }): boolean => p.every((v, i) => v >= box.min[i]! && v <= box.max[i]!);

describe('safety envelope (property)', () => {
  for (const policy of ['clamp', 'reject'] as const) {
    it(`no command outside the envelope reaches the backend (workspace ${policy})`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(call, { maxLength: 12 }), async (calls) => {
          const backend = new FakeBackend({ safety: { workspace: WORKSPACE, workspacePolicy: policy, keepOut: ZONES, maxSpeed: 0.5 } });
          const env = new SafetyEnvelope(backend);
          for (const c of calls) {
            try {
              await env.call(c.skill, c.args);
            } catch (err) {
              // Every refusal is a typed error, never a crash.
              expect(err).toBeInstanceOf(ProgramStopError);
            }
          }
          let at: Vec3 = [0.25, 0, 0.25];
          for (const r of backend.received) {
            expect(isSkillName(r.skill) && backend.capabilities.has(r.skill)).toBe(true);
            const spec = SKILLS[r.skill as keyof typeof SKILLS];
            expect(spec.args.safeParse(r.args).success).toBe(true);
            if (spec.targetArg === undefined) continue;
            const target = r.args[spec.targetArg] as Vec3;
            expect(target.every(Number.isFinite)).toBe(true);
            expect(inBox(target, WORKSPACE)).toBe(true);
            for (const zone of ZONES) expect(segmentHitsBox(at, target, zone)).toBe(false);
            at = target;
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
