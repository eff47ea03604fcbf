import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type RAPIER from '@dimforge/rapier3d-compat';
import { loadRapier, type Rapier } from '../src/sim/rapier.ts';
import { loadScene, scenesDir } from '../src/scene/file.ts';
import { createSim } from '../src/sim/create.ts';
import { checkGoal } from '../src/sim/predicates.ts';
import { SimBackend } from '../src/sim/backend/sim-backend.ts';
import { runProgram } from '../src/skills/sandbox.ts';
import type { SimWorld } from '../src/sim/world.ts';

/**
 * Physics speed of one task scene: robotool running the task's reference program, against bare
 * Rapier doing the same physical work.
 *
 * How the bare-Rapier figure is made (the "replay"):
 *
 * 1. A recording run executes the reference program once with Rapier's mutating JS methods
 *    wrapped (installRecorder): every command robotool gives the Rapier world between two
 *    `world.step()` calls is logged with its arguments, in order: kinematic next poses of the
 *    robot's bodies (arm links, quadruped body), solver-iteration changes, forces the quadruped
 *    puts on what it stands on, wake-ups, collision-group switches (pushing plate, held objects),
 *    impulse joints created and removed (grasps, magnets) and their contact flags. A Rapier
 *    snapshot is taken before the first step and every SEGMENT steps after it.
 * 2. The replay restores each snapshot into a plain Rapier world and, before each
 *    `world.step(queue)`, re-applies that step's logged commands with plain Rapier calls; the
 *    event queue is cleared unread. So bare Rapier integrates the same moving robot, the same
 *    forces, joints and contacts, without any robotool code. At every segment end the replayed
 *    bodies are compared with the recorded snapshot (`replayDriftMm`; 0 means bit-identical).
 * 3. The measured robotool runs are separate, unwrapped runs of the same program (the simulation
 *    is deterministic: their step count and final body poses are checked against the recording,
 *    `deterministic`). After untimed warm-up runs of both sides (V8 compiles WebAssembly in
 *    tiers), ROUNDS timed rounds alternate a robotool run and a replay, so that load from
 *    elsewhere on the machine falls on both alike; the fastest round of each side is reported.
 *
 * What counts as robotool overhead (in the robotool time, not in the replay): the sandboxed
 * program and the skill layer; the arm's IK, joint servoing, finger sensing and grasp checks;
 * the quadruped's locomotion layer, i.e. the character controller (`computeColliderMovement`),
 * the foot/support ray casts (or, over fixed boxes alone, their computed equivalents), the
 * broad-phase queries around the body, turn checks and push logic; reading and handling contact events
 * (magnets, breakage), button checks and the fragile-speed bookkeeping. Not overhead (done by
 * both): the commands listed in 1 and `world.step` with an event queue. Restoring snapshots is
 * timed on neither side. The sandbox's fixed cost of starting and ending a program is part of
 * the overhead; `sandboxStartMs` shows it on its own (an empty program).
 */
export interface SceneBenchRecord {
  scene: string;
  /** Physics steps per wall second while robotool runs the task's reference program. */
  stepsPerSecond: number;
  /** Simulated seconds per wall second. */
  realTimeFactor: number;
  /** Bare Rapier replaying the recorded robot commands, steps per wall second. */
  rawStepsPerSecond: number;
  /** How much slower robotool steps than bare Rapier (%). */
  overheadPercent: number;
  /** Robotool's own wall time per step (µs): robotool's time per step minus the replay's. */
  overheadMicrosPerStep: number;
  steps: number;
  simSeconds: number;
  success: boolean;
  /** Rapier commands re-applied by the replay (all steps). */
  replayedCommands: number;
  /** Largest distance between a replayed body and the recorded one at segment ends (mm). */
  replayDriftMm: number;
  /** Whether the measured run ended exactly where the recording run did. */
  deterministic: boolean;
  /**
   * Wall time of an empty program through the same sandbox and backend (ms, median): the fixed
   * cost of starting and ending a program, included in the robotool time above.
   */
  sandboxStartMs: number;
}

/** Steps between the snapshots the bare-Rapier replay starts from. */
const SEGMENT = 240;
/** Timed rounds per side; the fastest counts (the machine is shared, so the slower ones are noise). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

/** One Rapier command robotool gave between two steps, replayable on a restored world. */
interface Command {
  /** Index of the world.step() call this command precedes (0 = before the first step). */
  step: number;
  apply: (w: RAPIER.World) => void;
}

export interface Recording {
  /** Snapshot before step `step` (taken after `command` commands had been logged). */
  snapshots: { step: number; command: number; bytes: Uint8Array }[];
  commands: Command[];
  steps: number;
  finalPoses: Float64Array;
}

type Fn = (this: unknown, ...args: unknown[]) => unknown;

/**
 * The Rapier methods that change a world's state and that robotool could call while a program
 * runs. Each wrapped call is logged as a replayable command; `world.step` counts steps.
 */
function installRecorder(R: Rapier, target: RAPIER.World, log: Command[], stepCount: { n: number }): () => void {
  const undo: (() => void)[] = [];
  const v = (p: RAPIER.Vector): RAPIER.Vector => ({ x: p.x, y: p.y, z: p.z });
  const q = (p: RAPIER.Rotation): RAPIER.Rotation => ({ x: p.x, y: p.y, z: p.z, w: p.w });
  const push = (apply: Command['apply']): void => void log.push({ step: stepCount.n, apply });
  const ours = (o: { rawSet?: unknown }, set: { raw?: unknown } | undefined): boolean => set !== undefined && o.rawSet === set.raw;
  const wrap = <S, A extends unknown[]>(proto: object, name: string, record: (self: S, args: A) => void): void => {
    const p = proto as Record<string, Fn>;
    const orig = p[name];
    if (typeof orig !== 'function') throw new Error(`bench recorder: no method ${name}`);
    p[name] = function (this: unknown, ...args: unknown[]) {
      const out = orig.apply(this, args);
      record(this as S, args as A);
      return out;
    };
    undo.push(() => void (p[name] = orig));
  };
  const bodies = (target as unknown as { bodies: { raw: unknown } }).bodies;
  const ourCollider = (c: RAPIER.Collider): boolean => (c as unknown as { colliderSet: unknown }).colliderSet === target.colliders;
  const body = (self: RAPIER.RigidBody): boolean => ours(self as never, bodies);
  const rb = (w: RAPIER.World, h: number): RAPIER.RigidBody => w.getRigidBody(h);
  // Rigid bodies: kinematic poses, teleports, velocities, forces, sleep.
  const B = R.RigidBody.prototype;
  wrap(B, 'setNextKinematicTranslation', (s: RAPIER.RigidBody, [t]: [RAPIER.Vector]) => {
    if (!body(s)) return;
    const h = s.handle;
    const a = v(t);
    push((w) => rb(w, h).setNextKinematicTranslation(a));
  });
  wrap(B, 'setNextKinematicRotation', (s: RAPIER.RigidBody, [r]: [RAPIER.Rotation]) => {
    if (!body(s)) return;
    const h = s.handle;
    const a = q(r);
    push((w) => rb(w, h).setNextKinematicRotation(a));
  });
  for (const name of ['setTranslation', 'setLinvel', 'setAngvel', 'addForce', 'addTorque', 'applyImpulse', 'applyTorqueImpulse'] as const) {
    wrap(B, name, (s: RAPIER.RigidBody, [t, wake]: [RAPIER.Vector, boolean]) => {
      if (!body(s)) return;
      const h = s.handle;
      const a = v(t);
      push((w) => (rb(w, h)[name] as (x: RAPIER.Vector, wake: boolean) => void)(a, wake));
    });
  }
  wrap(B, 'setRotation', (s: RAPIER.RigidBody, [r, wake]: [RAPIER.Rotation, boolean]) => {
    if (!body(s)) return;
    const h = s.handle;
    const a = q(r);
    push((w) => rb(w, h).setRotation(a, wake));
  });
  for (const name of ['addForceAtPoint', 'applyImpulseAtPoint'] as const) {
    wrap(B, name, (s: RAPIER.RigidBody, [f, p, wake]: [RAPIER.Vector, RAPIER.Vector, boolean]) => {
      if (!body(s)) return;
      const h = s.handle;
      const a = v(f);
      const b = v(p);
      push((w) => rb(w, h)[name](a, b, wake));
    });
  }
  for (const name of ['resetForces', 'resetTorques', 'setEnabled', 'lockRotations', 'lockTranslations'] as const) {
    wrap(B, name, (s: RAPIER.RigidBody, args: boolean[]) => {
      if (!body(s)) return;
      const h = s.handle;
      const a = [...args];
      push((w) => (rb(w, h)[name] as (...x: boolean[]) => void)(...a));
    });
  }
  for (const name of ['wakeUp', 'sleep'] as const) {
    wrap(B, name, (s: RAPIER.RigidBody) => {
      if (!body(s)) return;
      const h = s.handle;
      push((w) => rb(w, h)[name]());
    });
  }
  wrap(B, 'setBodyType', (s: RAPIER.RigidBody, [type, wake]: [RAPIER.RigidBodyType, boolean]) => {
    if (!body(s)) return;
    const h = s.handle;
    push((w) => rb(w, h).setBodyType(type, wake));
  });
  // Colliders: collision and solver groups, enabling, sensors, material.
  const C = R.Collider.prototype;
  for (const name of ['setCollisionGroups', 'setSolverGroups', 'setEnabled', 'setSensor', 'setFriction', 'setRestitution', 'setActiveEvents'] as const) {
    wrap(C, name, (s: RAPIER.Collider, [x]: [never]) => {
      if (!ourCollider(s)) return;
      const h = s.handle;
      push((w) => (w.getCollider(h)[name] as (x: never) => void)(x));
    });
  }
  wrap(C, 'setTranslation', (s: RAPIER.Collider, [t]: [RAPIER.Vector]) => {
    if (!ourCollider(s)) return;
    const h = s.handle;
    const a = v(t);
    push((w) => w.getCollider(h).setTranslation(a));
  });
  // Joints: created and removed between steps (grasps, magnets), contacts between their bodies.
  const W = R.World.prototype;
  const created = new Map<number, number>();
  const origCreate = W.createImpulseJoint;
  W.createImpulseJoint = function (this: RAPIER.World, data, b1, b2, wake) {
    const joint = origCreate.call(this, data, b1, b2, wake);
    if (this === target) {
      const h1 = b1.handle;
      const h2 = b2.handle;
      const expect = joint.handle;
      push((w) => {
        const j = origCreate.call(w, data, w.getRigidBody(h1), w.getRigidBody(h2), wake);
        if (j.handle !== expect) throw new Error(`replay: joint handle ${j.handle}, recorded ${expect}`);
      });
      created.set(expect, expect);
    }
    return joint;
  };
  undo.push(() => void (W.createImpulseJoint = origCreate));
  const origRemove = W.removeImpulseJoint;
  W.removeImpulseJoint = function (this: RAPIER.World, joint, wake) {
    if (this === target) {
      const h = joint.handle;
      push((w) => origRemove.call(w, w.getImpulseJoint(h), wake));
    }
    return origRemove.call(this, joint, wake);
  };
  undo.push(() => void (W.removeImpulseJoint = origRemove));
  for (const name of ['createRigidBody', 'createCollider', 'removeRigidBody', 'removeCollider', 'createMultibodyJoint'] as const) {
    const orig = W[name] as Fn;
    (W as unknown as Record<string, Fn>)[name] = function (this: unknown, ...args: unknown[]) {
      if (this === target) throw new Error(`bench recorder: ${name} while the program runs is not replayed`);
      return orig.apply(this, args);
    };
    undo.push(() => void ((W as unknown as Record<string, Fn>)[name] = orig));
  }
  wrap(R.ImpulseJoint.prototype, 'setContactsEnabled', (s: RAPIER.ImpulseJoint, [on]: [boolean]) => {
    const h = s.handle;
    push((w) => w.getImpulseJoint(h).setContactsEnabled(on));
  });
  // Solver settings.
  const P = R.IntegrationParameters.prototype;
  for (const name of ['numSolverIterations', 'numInternalPgsIterations', 'dt'] as const) {
    const d = Object.getOwnPropertyDescriptor(P, name);
    if (!d?.set) throw new Error(`bench recorder: no setter ${name}`);
    const set = d.set;
    Object.defineProperty(P, name, {
      ...d,
      set(this: RAPIER.IntegrationParameters, x: number) {
        set.call(this, x);
        if (this === target.integrationParameters) push((w) => void (w.integrationParameters[name] = x));
      },
    });
    undo.push(() => Object.defineProperty(P, name, d));
  }
  const origStep = W.step;
  W.step = function (this: RAPIER.World, ...args: Parameters<typeof origStep>) {
    origStep.apply(this, args);
    if (this === target) stepCount.n += 1;
  };
  undo.push(() => void (W.step = origStep));
  return () => {
    for (const u of undo.reverse()) u();
  };
}

/** Positions of every rigid body, in handle order (for comparing two runs or a replay). */
function poses(world: RAPIER.World): Float64Array {
  const out: number[] = [];
  world.forEachRigidBody((b) => {
    const t = b.translation();
    out.push(b.handle, t.x, t.y, t.z);
  });
  return Float64Array.from(out);
}

function maxDistance(a: Float64Array, b: Float64Array): number {
  if (a.length !== b.length) return Infinity;
  let d = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i] !== b[i]) return Infinity;
    d = Math.max(d, Math.hypot(a[i + 1]! - b[i + 1]!, a[i + 2]! - b[i + 2]!, a[i + 3]! - b[i + 3]!));
  }
  return d;
}

interface Run {
  sim: SimWorld;
  wall: number;
  ok: boolean;
}

export async function runReference(task: string, record?: Recording): Promise<Run> {
  const scene = await loadScene(task);
  const program = await readFile(join(scenesDir, 'programs', `${task}.js`), 'utf8');
  const sim = await createSim(scene);
  let uninstall = (): void => {};
  let backend: SimBackend;
  if (record) {
    const R = await loadRapier();
    const count = { n: 0 };
    uninstall = installRecorder(R, sim.world, record.commands, count);
    record.snapshots.push({ step: 0, command: 0, bytes: sim.world.takeSnapshot() });
    backend = new SimBackend(sim, {
      frameEvery: 1,
      onFrame: (s) => {
        if (count.n % SEGMENT === 0) record.snapshots.push({ step: count.n, command: record.commands.length, bytes: s.world.takeSnapshot() });
      },
    });
  } else {
    backend = new SimBackend(sim);
  }
  const t0 = performance.now();
  try {
    const result = await runProgram(program, backend, {});
    const wall = (performance.now() - t0) / 1000;
    return { sim, wall, ok: result.ok };
  } finally {
    uninstall();
  }
}

/** Bare Rapier: restore each snapshot, re-apply the recorded commands before each step, step. */
export async function rawReplay(rec: Recording, check: boolean): Promise<{ steps: number; wall: number; drift: number; commands: number }> {
  const R = await loadRapier();
  const queue = new R.EventQueue(true);
  let steps = 0;
  let wall = 0;
  let drift = 0;
  let commands = 0;
  const { snapshots, commands: log } = rec;
  for (let s = 0; s < snapshots.length; s++) {
    const snap = snapshots[s]!;
    const end = s + 1 < snapshots.length ? snapshots[s + 1]!.step : rec.steps;
    const world = R.World.restoreSnapshot(snap.bytes);
    let c = snap.command;
    const t0 = performance.now();
    for (let k = snap.step; k < end; k++) {
      while (c < log.length && log[c]!.step === k) log[c++]!.apply(world);
      world.step(queue);
      queue.clear();
    }
    wall += (performance.now() - t0) / 1000;
    commands += c - snap.command;
    steps += end - snap.step;
    if (check) {
      let expected: Float64Array;
      if (s + 1 < snapshots.length) {
        const next = R.World.restoreSnapshot(snapshots[s + 1]!.bytes);
        expected = poses(next);
        next.free();
      } else {
        expected = rec.finalPoses;
      }
      drift = Math.max(drift, maxDistance(poses(world), expected));
    }
    world.free();
  }
  queue.free();
  return { steps, wall, drift, commands };
}

/** Benchmarks one task scene: a recording run, then timed robotool runs and timed bare-Rapier replays. */
export async function benchScene(task: string): Promise<SceneBenchRecord> {
  const rec: Recording = { snapshots: [], commands: [], steps: 0, finalPoses: new Float64Array() };
  const recorded = await runReference(task, rec);
  rec.steps = recorded.sim.steps;
  rec.finalPoses = poses(recorded.sim.world);
  recorded.sim.free();
  // Warm-up (V8 compiles WebAssembly in tiers, see docs/ARCHITECTURE.md): the recording run, the checked
  // replay and one more untimed run of each side. Then the timed rounds alternate the two sides,
  // so that load from elsewhere on the machine falls on both alike.
  const check = await rawReplay(rec, true);
  (await runReference(task)).sim.free();
  await rawReplay(rec, false);
  let best: Run | undefined;
  let deterministic = true;
  let rawWall = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const run = await runReference(task);
    deterministic &&= run.sim.steps === rec.steps && maxDistance(poses(run.sim.world), rec.finalPoses) === 0;
    if (!best || run.wall < best.wall) {
      best?.sim.free();
      best = run;
    } else {
      run.sim.free();
    }
    rawWall = Math.min(rawWall, (await rawReplay(rec, false)).wall);
  }
  const { sim, wall, ok } = best!;
  const success = ok && checkGoal(sim, sim.scene.goal).success;
  const sandboxStartMs = await emptyProgramMs(sim);
  const steps = sim.steps;
  const simSeconds = sim.time;
  sim.free();
  const stepsPerSecond = steps / wall;
  const rawStepsPerSecond = check.steps / rawWall;
  return {
    scene: task,
    stepsPerSecond: Math.round(stepsPerSecond),
    realTimeFactor: Math.round((simSeconds / wall) * 10) / 10,
    rawStepsPerSecond: Math.round(rawStepsPerSecond),
    overheadPercent: Math.round((1 - stepsPerSecond / rawStepsPerSecond) * 1000) / 10,
    overheadMicrosPerStep: Math.round((wall / steps - rawWall / check.steps) * 1e7) / 10,
    steps,
    simSeconds: Math.round(simSeconds * 100) / 100,
    success,
    replayedCommands: check.commands,
    replayDriftMm: Math.round(check.drift * 1e6) / 1e3,
    deterministic,
    sandboxStartMs: Math.round(sandboxStartMs * 10) / 10,
  };
}

/** Median wall time of an empty program run through the sandbox on this world (ms). */
async function emptyProgramMs(sim: SimWorld): Promise<number> {
  const backend = new SimBackend(sim);
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    await runProgram('', backend, {});
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[4]!;
}
