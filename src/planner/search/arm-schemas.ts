import type { Goal } from '../../scene/schema.ts';
import type { ObservedObject, SceneObservation } from '../../perception/observation.ts';
import { ProgramBuilder, type Candidate } from './candidate.ts';
import {
  DIRS,
  boxOf,
  boxesOf,
  centreOf,
  dirName,
  dirVec,
  fmt,
  inWorkspaceXY,
  intoWorkspace,
  r3,
  shift,
  partAt,
  toolGrasps,
  toolShape,
  type Box,
  type Dir,
  type ToolShape,
  type V3,
  type Workspace,
} from './arm-geometry.ts';
import { CONTACT_GAPS, highestTop, obstaclesOf, pushPlacements, type PushPlacement } from './arm-tool-push.ts';
import { pressPlacement } from './arm-press.ts';

/**
 * The arm's tool-use schemas. Each is parameterised only by the observed objects (their boxes,
 * parts, graspable points and flags) and the workspace, never by task or object names:
 *
 * - `direct-grasp` / `direct-press`: the target is within reach.
 * - `tool-drag` (hook or pusher): a held tool is set down on the far side of the target and swept
 *   towards the workspace, dragging the target into reach. Which tool, which of its parts touches,
 *   and which side its handle passes on come from the placement search in arm-tool-push.ts.
 * - `push-onto-carrier` + `slide-carrier` (sequential tool use): a pusher shoves the target off what
 *   it stands on onto a flat, graspable carrier; the tool is put back; the carrier is pulled until
 *   the target is within reach. `slide-carrier` alone when the target already rests on the carrier.
 * - `join-parts` + `press-with-tool` (tool manufacturing): magnetic parts are joined end to end into a
 *   stick that reaches beyond the workspace; a held tool (made or found) presses a button.
 *
 * Costs are metres of gripper travel plus a penalty per tool and per join, so that the simplest
 * strategy is verified first.
 */

/** Cost of each tool used, in metres of motion. */
const TOOL_PENALTY = 1;
/** Cost of each magnetic join. */
const JOIN_PENALTY = 0.3;
/** Cost of a strategy whose sweep would run into something (verification may still pass it). */
const BLOCKED_PENALTY = 2;
/** How far inside the workspace a dragged target's grasp point is brought (m). */
const INSIDE = 0.05;
/** Approach height above a grasp point (m). */
const APPROACH = 0.06;
/** Lift after grasping the target (m). */
const LIFT = 0.1;
/** Margin a carried tool keeps above what it passes over (m). */
const CARRY_MARGIN = 0.03;
/**
 * A target pushed onto a carrier ends this far past the edges it crosses (m): just clear first
 * (the less it slides on the carrier, the less it drags the carrier along), further as a fallback.
 */
const PAST_EDGES = [0.015, 0.035];
/** Thickest deck a carrier may have, and the margin it needs around the target (m). */
const MAX_DECK = 0.02;
const DECK_MARGIN = 0.01;
/**
 * Touching a magnetic part: the stick is lowered to the table this far short of it, then slid
 * level into it, this far past contact (m). Lowering well away matters: a join made while the
 * stick is still above the part (the simulator has joined parts ~1 cm apart) fixes the part
 * hanging below the stick, and the bent stick then runs into what it should press.
 */
const JOIN_APPROACH = 0.025;
const JOIN_OVERLAP = 0.002;
/** Held off-centre, the gripper's centre stays this far inside a part's rear face: 16 of the fingers' 20 mm stay on it (m). */
const FINGER_HOLD = 0.006;

interface Ctx {
  obs: SceneObservation;
  ws: Workspace;
  goal: Goal;
  target: ObservedObject;
  /** The target's point that must come within reach: where it is grasped, or its centre. */
  point: V3;
}

const graspPoint = (o: ObservedObject): V3 => (o.graspablePoint ?? o.center) as V3;
const dist = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const zIn = (c: Ctx, z: number): number => Math.min(c.ws.max[2], Math.max(c.ws.min[2], z));

/** Objects that can serve as a hand tool: movable, with a graspable point the gripper reaches. */
function tools(c: Ctx, exclude: readonly string[], anyGrasp = false): { o: ObservedObject; shape: ToolShape }[] {
  const out: { o: ObservedObject; shape: ToolShape }[] = [];
  for (const o of c.obs.objects) {
    if (!o.movable || o.magnetic || exclude.includes(o.name) || !o.graspablePoint) continue;
    const shapes = anyGrasp ? toolGrasps(o) : [toolShape(o)];
    for (const shape of shapes) if (shape && inWorkspaceXY(shape.grasp, c.ws, 0)) out.push({ o, shape });
  }
  return out;
}

/** Holding a tool off its graspable point costs this much more (m): less sure a grip. */
const OFF_GRASP_PENALTY = 0.15;
const offGrasp = (o: ObservedObject, shape: ToolShape): number => (dist(shape.grasp, graspPoint(o)) > 1e-6 ? OFF_GRASP_PENALTY : 0);

function pickUp(b: ProgramBuilder, c: Ctx, o: ObservedObject, why: string, at?: V3): void {
  const g = at ?? graspPoint(o);
  b.call('move_to_position', [[g[0], g[1], zIn(c, g[2] + APPROACH)]], `move above ${o.name}'s graspable point`, {
    name: `above ${o.name}`,
    derivation: `${o.name}'s graspable point ${fmt(g)} raised ${APPROACH} m`,
  });
  b.call('move_to_position', [g], `lower the open gripper onto ${o.name}'s graspable point`);
  b.call('close_gripper', [], `grasp ${o.name} ${why}`);
}

/** Grasps the target where it is now (queried at run time: earlier steps moved it) and lifts it. */
function graspTargetNow(b: ProgramBuilder, c: Ctx, predictedZ: number): void {
  const t = c.target;
  b.query('target', t.graspablePoint ? 'get_graspable_point' : 'get_center', t.name, `where ${t.name} is now`);
  b.callOffset('move_to_position', 'target', [0, 0, Math.min(APPROACH, c.ws.max[2] - predictedZ)], `move above ${t.name}`);
  b.callOffset('move_to_position', 'target', [0, 0, 0], `lower the open gripper around ${t.name}`);
  b.call('close_gripper', [], `grasp ${t.name}`);
  b.callOffset('move_to_position', 'target', [0, 0, Math.min(LIFT, c.ws.max[2] - predictedZ)], `lift ${t.name}`);
}

/** Tool centre height for carrying a tool over everything in the region it passes. */
function carryHeight(c: Ctx, shape: ToolShape, from: V3, to: V3, skip: string[]): number {
  const fp = (g: V3): Box[] => shape.boxes.map((bx) => shift(bx, g));
  const all = [...fp(from), ...fp(to)];
  const region: Box = {
    min: [Math.min(...all.map((x) => x.min[0])), Math.min(...all.map((x) => x.min[1])), 0],
    max: [Math.max(...all.map((x) => x.max[0])), Math.max(...all.map((x) => x.max[1])), 0],
  };
  const top = highestTop(c.obs.objects, region, skip, c.target.center[2] + c.target.size[2] / 2);
  return zIn(c, top + CARRY_MARGIN + shape.below);
}

/** Tool bottom above the target's bottom while pushing: low, clear of the support. */
const pushClearance = (t: ObservedObject): number => (t.center[2] - t.size[2] / 2 > 0.003 ? 0.01 : 0.005);

/** Emits: pick the tool up, carry it over, set it down at the placement, sweep. Returns the gripper travel. */
function emitSweep(b: ProgramBuilder, c: Ctx, tool: ObservedObject, shape: ToolShape, p: PushPlacement, dir: Dir, why: string): { travel: number; carryZ: number } {
  const g = shape.grasp;
  const carryZ = carryHeight(c, shape, g, p.start, [tool.name]);
  pickUp(b, c, tool, offGrasp(tool, shape) ? `${r3(dist(g, graspPoint(tool)))} m along its handle from its graspable point, as a ${why}` : `as a ${why}`, g);
  b.call('move_to_position', [[g[0], g[1], carryZ]], `lift ${tool.name} clear of the table`, {
    name: 'carry height',
    derivation: `highest top along the way + ${CARRY_MARGIN} m + ${r3(shape.below)} m from the grasp to ${tool.name}'s bottom`,
  });
  b.call('move_to_position', [[p.start[0], p.start[1], carryZ]], `carry ${tool.name} over the ${dirName({ ...dir, sign: dir.sign > 0 ? -1 : 1 })} side of ${c.target.name}`);
  b.call('move_to_position', [p.start], `set ${tool.name} down ${p.gap} m behind ${c.target.name}, the rest of it ${r3(p.score)} m clear`, {
    name: 'tool placement',
    derivation: `${tool.name}'s part ${p.contact + 1} faces ${c.target.name}'s ${dirName({ ...dir, sign: dir.sign > 0 ? -1 : 1 })} face; bottom ${pushClearance(c.target)} m above ${c.target.name}'s bottom`,
  });
  b.call('move_to_position', [p.end], `sweep ${tool.name} along ${dirName(dir)}, moving ${c.target.name} with it`, {
    name: 'sweep end',
    derivation: `${r3(dist(p.start, p.end))} m: the target's travel plus the ${p.gap} m gap`,
  });
  return { travel: dist(g, p.start) + 2 * Math.abs(carryZ - g[2]) + dist(p.start, p.end), carryZ };
}

function directGrasp(c: Ctx): Candidate[] {
  if (!inWorkspaceXY(c.point, c.ws, 0)) return [];
  const b = new ProgramBuilder();
  if (c.goal.type === 'within-reach') {
    b.call('get_workspace_range', [], `${c.target.name} is already within reach`);
    return [b.build(['none'], 0)];
  }
  pickUp(b, c, c.target, 'directly: it is within reach');
  const g = graspPoint(c.target);
  b.call('move_to_position', [[g[0], g[1], zIn(c, g[2] + LIFT)]], `lift ${c.target.name}`);
  return [b.build(['direct-grasp'], dist([0.25, 0, 0.25], g))];
}

/**
 * The axis-aligned drags that bring the target's point `INSIDE` the workspace: the larger move
 * first, then the other one (a target beyond a corner is dragged twice, in two directions).
 */
function dragPhases(c: Ctx, point: readonly number[]): { dir: Dir; travel: number }[] {
  const v = intoWorkspace(point, c.ws, INSIDE);
  const axes = ([0, 1] as const).filter((i) => Math.abs(v[i]) > 1e-6).sort((i, j) => Math.abs(v[j]) - Math.abs(v[i]));
  return axes.map((axis) => ({ dir: DIRS.find((d) => d.axis === axis && d.sign === Math.sign(v[axis]))!, travel: Math.abs(v[axis]) }));
}

/** Re-sweeps at most this many times while the measured target is still short of reach. */
const RESWEEPS = 2;
/** A re-sweep starts when the target's point is this far short of its planned place (m). */
const RESWEEP_SHORT = 0.01;

/**
 * Emits a closed loop after a sweep: measure where the target's point is; while it is still
 * short of the workspace along the sweep's axis, lift the tool, set it down again at the same
 * place relative to the target's measured centre, and sweep the missing distance. The twin runs
 * it like the robot does, so what it measured decides, not what was predicted.
 */
function emitResweep(b: ProgramBuilder, c: Ctx, dir: Dir, p: PushPlacement, T: Box, carryZ: number, declare: boolean, partOffset: readonly number[] = [0, 0, 0]): void {
  const t = c.target;
  const a = dir.axis;
  const s = dir.sign;
  const bound = r4(s > 0 ? c.ws.min[a]! + INSIDE : c.ws.max[a]! - INSIDE);
  // Relative to the object's measured centre (the pushed part may sit off it).
  const centre = centreOf(T);
  const rel = [p.start[0] - centre[0] - partOffset[0]!, p.start[1] - centre[1] - partOffset[1]!].map(r4);
  const z = r4(p.start[2]);
  const cz = r4(carryZ);
  const pointQuery = t.graspablePoint && c.goal.type !== 'within-reach' ? 'get_graspable_point' : 'get_center';
  const step = (k: number): string => (k === a ? `${s > 0 ? '+' : '-'} (short + ${r4(p.gap + 0.01)})` : '');
  b.code('closed-loop', `while ${t.name} is measured short of reach along ${dirName(dir)}, set the tool down behind it again and sweep the rest`, [
    `${declare ? 'let ' : ''}at = ${JSON.stringify(p.end.map(r4))};`,
    `for (let k = 0; k < ${RESWEEPS}; k++) {`,
    `  const point = ${pointQuery}(${JSON.stringify(t.name)});`,
    `  const short = ${s > 0 ? `${bound} - point[${a}]` : `point[${a}] - ${bound}`};`,
    `  if (short <= ${RESWEEP_SHORT}) break;`,
    `  const now = get_center(${JSON.stringify(t.name)});`,
    `  const x = now[0] + ${rel[0]}, y = now[1] + ${rel[1]};`,
    `  move_to_position([at[0], at[1], ${cz}]);`,
    `  move_to_position([x, y, ${cz}]);`,
    `  move_to_position([x, y, ${z}]);`,
    `  at = [x ${step(0)}, y ${step(1)}, ${z}];`,
    `  move_to_position(at);`,
    `}`,
  ]);
}

/** A held tool drags (or pushes) the target into reach, along one axis or two in turn. */
function toolDrag(c: Ctx): Candidate[] {
  const phases = dragPhases(c, c.point);
  if (phases.length === 0) return [];
  const out: Candidate[] = [];
  const T0 = boxOf(c.target.center, c.target.size);
  for (const { o, shape } of tools(c, [c.target.name], true)) {
    // One placement per phase; the first phase's variations (side, coverage) make the candidates.
    const plan = (T: Box, dir: Dir, travel: number): PushPlacement[] =>
      CONTACT_GAPS.flatMap((gap) => pushPlacements({
        gap,
        shape,
        target: T,
        dir,
        travel,
        clearance: pushClearance(c.target),
        ws: c.ws,
        obstacles: obstaclesOf(c.obs.objects, [o.name, c.target.name]),
        targetObstacles: obstaclesOf(c.obs.objects, [o.name, c.target.name, ...c.target.onTopOf]),
        from: shape.grasp,
      })).sort((x, y) => x.blockedBy.length - y.blockedBy.length || y.gap - x.gap || y.score - x.score);
    const first = plan(T0, phases[0]!.dir, phases[0]!.travel);
    for (const [variant, p0] of first.slice(0, 6).entries()) {
      const b = new ProgramBuilder();
      const isHook = shape.boxes.length > 1;
      let T = T0;
      let travel = 0;
      let blocked = p0.blockedBy.length;
      let carryZ = 0;
      let last: PushPlacement = p0;
      let ok = true;
      for (const [i, ph] of phases.entries()) {
        const p = i === 0 ? p0 : plan(T, ph.dir, ph.travel)[0];
        if (!p) {
          ok = false;
          break;
        }
        if (i === 0) {
          const sw = emitSweep(b, c, o, shape, p, ph.dir, isHook ? 'hook' : 'pusher');
          travel += sw.travel;
          carryZ = sw.carryZ;
        } else {
          blocked += p.blockedBy.length;
          b.call('move_to_position', [[last.end[0], last.end[1], carryZ]], `lift ${o.name}`);
          b.call('move_to_position', [[p.start[0], p.start[1], carryZ]], `carry ${o.name} to the next side of ${c.target.name}`);
          b.call('move_to_position', [p.start], `set ${o.name} down behind ${c.target.name} again`);
          b.call('move_to_position', [p.end], `sweep ${o.name} along ${dirName(ph.dir)}, moving ${c.target.name} with it`);
          travel += dist(last.end, p.start) + 2 * carryZ + dist(p.start, p.end);
        }
        emitResweep(b, c, ph.dir, p, T, carryZ, i === 0);
        T = shift(T, dirVec(ph.dir, ph.travel));
        last = p;
      }
      if (!ok) continue;
      b.call('open_gripper', [], `let go of ${o.name}: ${c.target.name} is ${INSIDE} m inside the workspace`);
      b.callExpr('move_to_position', ['at[0]', 'at[1]', String(r4(carryZ))], 'lift the gripper clear');
      if (c.goal.type === 'grasped') graspTargetNow(b, c, c.point[2]);
      const cost = travel + TOOL_PENALTY + offGrasp(o, shape) + BLOCKED_PENALTY * blocked + (1 - p0.cover) + 5 * (0.02 - p0.gap) + 0.05 * variant + 0.5 * (phases.length - 1);
      out.push(b.build(['tool-drag'], cost));
    }
  }
  return out;
}

/** A fetched tool's graspable point is brought this far inside the workspace (m). */
const FETCH_INSIDE = 0.08;

/**
 * Two tools chained: a tool within reach hooks a second tool that lies out of reach by the part
 * its graspable point is on (a knob, a handle), drags it in and is put back where it lay; the
 * second tool, grasped where it is measured to be, then drags the target. Tried for every tool
 * out of reach whose shape can drag the target once held.
 */
function chainedToolDrag(c: Ctx): Candidate[] {
  const phases = dragPhases(c, c.point);
  if (phases.length === 0) return [];
  const out: Candidate[] = [];
  const T0 = boxOf(c.target.center, c.target.size);
  for (const far of c.obs.objects) {
    const fg = far.graspablePoint;
    if (!fg || !far.movable || far.magnetic || far.name === c.target.name || inWorkspaceXY(fg, c.ws, 0)) continue;
    const farShape = toolShape(far);
    if (!farShape) continue;
    // Held, can it drag the target? Only the first phase is planned ahead; the loop measures the rest.
    const second = CONTACT_GAPS.flatMap((gap) =>
      pushPlacements({
        gap,
        shape: farShape,
        target: T0,
        dir: phases[0]!.dir,
        travel: phases[0]!.travel,
        clearance: pushClearance(c.target),
        ws: c.ws,
        obstacles: obstaclesOf(c.obs.objects, [far.name, c.target.name]),
        targetObstacles: obstaclesOf(c.obs.objects, [far.name, c.target.name, ...c.target.onTopOf]),
        from: [c.ws.max[0], (c.ws.min[1] + c.ws.max[1]) / 2, 0],
      }),
    ).sort((x, y) => x.blockedBy.length - y.blockedBy.length || y.gap - x.gap || y.score - x.score)[0];
    if (!second) continue;
    // The part it is held by is what the first tool hooks.
    const part = partAt(far, fg);
    if (!part) continue;
    const partCentre = centreOf(part);
    const partObj: ObservedObject = { ...far, center: partCentre, size: [0, 1, 2].map((i) => part.max[i]! - part.min[i]!) as V3, parts: [] };
    const v = intoWorkspace(fg, c.ws, FETCH_INSIDE);
    const axis = Math.abs(v[0]) >= Math.abs(v[1]) ? 0 : 1;
    const fdir = DIRS.find((d) => d.axis === axis && d.sign === Math.sign(v[axis]))!;
    const fc: Ctx = { ...c, target: partObj, point: fg as V3, goal: { type: 'within-reach', object: far.name } };
    for (const { o, shape } of tools(c, [c.target.name, far.name], true)) {
      const first = CONTACT_GAPS.flatMap((gap) =>
        pushPlacements({
          gap,
          shape,
          target: part,
          dir: fdir,
          travel: Math.abs(v[axis]),
          clearance: 0.01,
          ws: c.ws,
          obstacles: obstaclesOf(c.obs.objects, [o.name, far.name]),
          targetObstacles: obstaclesOf(c.obs.objects, [o.name, far.name, ...far.onTopOf]),
          from: shape.grasp,
        }),
      ).sort((x, y) => x.blockedBy.length - y.blockedBy.length || y.gap - x.gap || y.score - x.score);
      for (const [variant, p1] of first.slice(0, 2).entries()) {
        const b = new ProgramBuilder();
        const sw = emitSweep(b, fc, o, shape, p1, fdir, 'hook for the other tool');
        const offset = [far.center[0] - partCentre[0], far.center[1] - partCentre[1], 0];
        emitResweep(b, fc, fdir, p1, part, sw.carryZ, true, offset);
        // Put the first tool back where it lay, out of the way.
        const g = shape.grasp;
        b.callExpr('move_to_position', ['at[0]', 'at[1]', String(r4(sw.carryZ))], `lift ${o.name}`);
        b.call('move_to_position', [[g[0], g[1], sw.carryZ]], `carry ${o.name} back to where it lay`);
        b.call('move_to_position', [[g[0], g[1], g[2] + 0.005]], `set ${o.name} down`);
        b.call('open_gripper', [], `let go of ${o.name}`);
        // The second tool, where it is now.
        const z2 = Math.max(sw.carryZ, carryHeight(c, farShape, second.start, second.start, [far.name]));
        b.query('tool', 'get_graspable_point', far.name, `where ${far.name}'s graspable point is now`);
        b.callOffset('move_to_position', 'tool', [0, 0, Math.min(APPROACH, c.ws.max[2] - fg[2])], `move above ${far.name}'s graspable point`);
        b.callOffset('move_to_position', 'tool', [0, 0, 0], `lower the open gripper onto ${far.name}'s graspable point`);
        b.call('close_gripper', [], `grasp ${far.name}, now within reach, as a hook`);
        b.callExpr('move_to_position', ['tool[0]', 'tool[1]', String(r4(z2))], `lift ${far.name} clear of the table`);
        b.call('move_to_position', [[second.start[0], second.start[1], z2]], `carry ${far.name} over ${c.target.name}`);
        b.call('move_to_position', [second.start], `set ${far.name} down ${second.gap} m behind ${c.target.name}`);
        b.call('move_to_position', [second.end], `sweep ${far.name} along ${dirName(phases[0]!.dir)}, moving ${c.target.name} with it`);
        b.code('closed-loop', 'the rest of the drag is measured', [`at = ${JSON.stringify(second.end.map(r4))};`]);
        emitResweep(b, c, phases[0]!.dir, second, T0, z2, false);
        b.call('open_gripper', [], `let go of ${far.name}`);
        b.callExpr('move_to_position', ['at[0]', 'at[1]', String(r4(z2))], 'lift the gripper clear');
        if (c.goal.type === 'grasped') graspTargetNow(b, c, c.point[2]);
        const cost = 2 * sw.travel + dist(second.start, second.end) + 2 * TOOL_PENALTY + offGrasp(o, shape) + BLOCKED_PENALTY * (p1.blockedBy.length + second.blockedBy.length) + 0.05 * variant;
        out.push(b.build(['tool-drag', 'tool-drag'], cost));
      }
    }
  }
  return out;
}

/** The flat part of an object that can carry the target: its widest part, thin, larger than the target's footprint. */
export function deckOf(o: ObservedObject, t: ObservedObject): Box | null {
  const boxes = boxesOf(o);
  const area = (x: Box): number => (x.max[0] - x.min[0]) * (x.max[1] - x.min[1]);
  const deck = boxes.reduce((p, x) => (area(x) > area(p) ? x : p));
  if (deck.max[2] - deck.min[2] > MAX_DECK) return null;
  if ([0, 1].some((i) => deck.max[i]! - deck.min[i]! < t.size[i]! + 2 * DECK_MARGIN)) return null;
  return deck;
}

/**
 * Emits: grasp the carrier by its graspable point and pull it until the target's point lies
 * `INSIDE` the workspace, then let go. Both points are read at run time (pushing the target on
 * may have shifted the carrier); `v` is the planned pull, which fixes the axes pulled along.
 */
function emitSlide(b: ProgramBuilder, c: Ctx, carrier: ObservedObject, v: V3): number {
  const g = reachableGrasp(c, carrier) ?? graspPoint(carrier);
  const t = c.target;
  b.query('handle', 'get_graspable_point', carrier.name, `where ${carrier.name}'s graspable point is now`);
  b.code('clamp', `hold ${carrier.name} there, or as near as the workspace allows with its handle still between the fingers`, [
    `const carrier = [${[0, 1].map((i) => `Math.min(Math.max(handle[${i}], ${r4(c.ws.min[i]! + 0.001)}), ${r4(c.ws.max[i]! - 0.001)})`).join(', ')}, handle[2]];`,
  ]);
  b.query('goal', t.graspablePoint ? 'get_graspable_point' : 'get_center', t.name, `where ${t.name} is now`);
  b.callOffset('move_to_position', 'carrier', [0, 0, APPROACH], `move above ${carrier.name}'s graspable point`);
  b.callOffset('move_to_position', 'carrier', [0, 0, 0], `lower the open gripper onto ${carrier.name}'s graspable point`);
  b.call('close_gripper', [], `grasp ${carrier.name} by its graspable point`);
  const comps = [0, 1, 2].map((i) => {
    if (i === 2 || Math.abs(v[i]!) < 1e-6) return `carrier[${i}]`;
    const bound = r4(v[i]! < 0 ? c.ws.max[i]! - INSIDE : c.ws.min[i]! + INSIDE);
    return `carrier[${i}] + (${bound} - goal[${i}])`;
  });
  b.callExpr('move_to_position', comps, `pull ${carrier.name} (about ${fmt(v)}) until ${t.name} is ${INSIDE} m inside the workspace`);
  b.call('open_gripper', [], `let go of ${carrier.name}`);
  b.call('move_to_position', [[g[0] + v[0], g[1] + v[1], zIn(c, g[2] + 0.08)]], 'lift the gripper clear');
  return Math.hypot(v[0], v[1]) + 2 * APPROACH;
}

const r4 = (v: number): number => Math.round(v * 1e4) / 1e4;

/** How far past the workspace's edge a handle may lie and still be held: the fingers are 4 cm long along x (m). */
const FINGER_REACH: [number, number] = [0.02, 0.004];

/**
 * Where the gripper can hold an object by its graspable point: the point itself inside the
 * workspace, or, just outside it, the nearest point inside while the part it lies on still
 * reaches between the fingers. Null when out of reach.
 */
function reachableGrasp(c: Ctx, o: ObservedObject): V3 | null {
  const g = o.graspablePoint;
  if (!g) return null;
  const m = 0.001;
  const q: V3 = [0, 1, 2].map((i) => (i === 2 ? g[2]! : Math.min(Math.max(g[i]!, c.ws.min[i]! + m), c.ws.max[i]! - m))) as V3;
  if ([0, 1].some((i) => Math.abs(q[i]! - g[i]!) > FINGER_REACH[i]!)) return null;
  if (q[0] === g[0] && q[1] === g[1]) return q;
  const part = partAt(o, g);
  if (!part) return null;
  const overlap = Math.min(part.max[0], q[0] + 0.02) - Math.max(part.min[0], q[0] - 0.02);
  return overlap >= 0.008 ? q : null;
}

/** Slides a carrier the target rests on, or first pushes the target onto one with a held pusher. */
function carrierStrategies(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const t = c.target;
  const T = boxOf(t.center, t.size);
  for (const carrier of c.obs.objects) {
    const cg = reachableGrasp(c, carrier);
    if (carrier.name === t.name || !carrier.movable || !cg) continue;
    const deck = deckOf(carrier, t);
    if (!deck) continue;
    const slideFor = (point: readonly number[]): V3 | null => {
      const v = intoWorkspace(point, c.ws, INSIDE);
      if (Math.hypot(v[0], v[1]) < 1e-6) return null;
      return inWorkspaceXY([cg[0] + v[0], cg[1] + v[1]], c.ws) ? v : null;
    };
    // Resting on the deck: the target's bottom at the deck's top, over it (the carrier's bounding box
    // may be taller than its deck, e.g. with a tab, so the observation's `onTopOf` can miss it).
    const onDeck = Math.abs(T.min[2] - deck.max[2]) < 0.005 && [0, 1].every((i) => T.min[i]! >= deck.min[i]! - 0.005 && T.max[i]! <= deck.max[i]! + 0.005);
    if (t.onTopOf.includes(carrier.name) || onDeck) {
      const v = slideFor(c.point);
      if (!v) continue;
      const b = new ProgramBuilder();
      const travel = emitSlide(b, c, carrier, v);
      if (c.goal.type === 'grasped') graspTargetNow(b, c, c.point[2]);
      out.push(b.build(['slide-carrier'], travel + TOOL_PENALTY));
      continue;
    }
    // Push the target onto the deck: along an axis where the deck lies ahead of it and spans it across.
    const supports = c.obs.objects.filter((o) => t.onTopOf.includes(o.name));
    for (const dir of DIRS) {
      const a = dir.axis;
      const bx = a === 0 ? 1 : 0;
      const s = dir.sign;
      if (deck.min[bx] > T.min[bx] - DECK_MARGIN || deck.max[bx] < T.max[bx] + DECK_MARGIN) continue;
      const near = s > 0 ? deck.min[a] : deck.max[a];
      const trailing = s > 0 ? T.min[a] : T.max[a];
      if (s * (near - trailing) < 0) continue; // the deck is not ahead of the target
      let edge = near;
      for (const sp of supports) {
        const sb = boxOf(sp.center, sp.size);
        const far = s > 0 ? sb.max[a] : sb.min[a];
        edge = s > 0 ? Math.max(edge, far) : Math.min(edge, far);
      }
      for (const [variant, past] of PAST_EDGES.entries()) {
        const shiftBy = s * (edge + s * past - trailing);
        const length = T.max[a] - T.min[a];
        const leadingEnd = trailing + s * (shiftBy + length);
        if (s * ((s > 0 ? deck.max[a] : deck.min[a]) - leadingEnd) < DECK_MARGIN) continue; // would overshoot the deck
        const moved = dirVec(dir, shiftBy);
        const pointAfter: V3 = [c.point[0] + moved[0], c.point[1] + moved[1], c.point[2]];
        const v = slideFor(pointAfter);
        if (!v) continue;
        for (const { o, shape } of tools(c, [t.name, carrier.name])) {
          const placements = pushPlacements({
            shape,
            target: T,
            dir,
            travel: shiftBy,
            clearance: pushClearance(t),
            ws: c.ws,
            obstacles: obstaclesOf(c.obs.objects, [o.name, t.name]),
            targetObstacles: obstaclesOf(c.obs.objects, [o.name, t.name, carrier.name, ...t.onTopOf]),
            from: graspPoint(o),
          });
          for (const p of placements.slice(0, 2)) {
            const b = new ProgramBuilder();
            const sw = emitSweep(b, c, o, shape, p, dir, 'pusher');
            // Put the tool back where it lay, so that it does not ride on the carrier.
            const g = graspPoint(o);
            b.call('move_to_position', [[p.end[0], p.end[1], sw.carryZ]], `lift ${o.name}`);
            b.call('move_to_position', [[g[0], g[1], sw.carryZ]], `carry ${o.name} back to where it lay`);
            b.call('move_to_position', [[g[0], g[1], g[2] + 0.01]], `set ${o.name} down`);
            b.call('open_gripper', [], `let go of ${o.name}`);
            b.call('move_to_position', [[g[0], g[1], zIn(c, g[2] + 0.07)]], 'lift the gripper clear');
            const slide = emitSlide(b, c, carrier, v);
            if (c.goal.type === 'grasped') graspTargetNow(b, c, c.point[2]);
            const cost = sw.travel * 2 + slide + 2 * TOOL_PENALTY + BLOCKED_PENALTY * p.blockedBy.length + 0.5 * variant;
            out.push(b.build(['push-onto-carrier', 'slide-carrier'], cost));
          }
        }
      }
    }
  }
  return out;
}

/** Presses the target with the closed gripper, a found tool, or a stick joined from magnetic parts. */
function pressStrategies(c: Ctx): Candidate[] {
  const out: Candidate[] = [];
  const B = boxOf(c.target.center, c.target.size);
  const top = B.max[2];
  const press = (b: ProgramBuilder, shape: ToolShape | null, from: V3): number | null => {
    const p = pressPlacement(shape, B, c.ws);
    if (!p) return null;
    const below = shape?.below ?? 0.015;
    const high = zIn(c, top + below + 0.04);
    const down = top + below - 0.012;
    b.call('move_to_position', [[from[0], from[1], high]], 'rise above the target');
    b.call('move_to_position', [[p[0], p[1], high]], `move ${shape ? `the lowest part of ${shape.object}` : 'the fingertips'} over ${c.target.name}'s top`, {
      name: 'press point',
      derivation: `the lowest part of what the gripper holds lies over ${c.target.name}'s top, with the gripper inside the workspace and clear of ${c.target.name}`,
    });
    b.call('move_to_position', [[p[0], p[1], down]], `press ${c.target.name} down 12 mm`, {
      name: 'press depth',
      derivation: `${c.target.name}'s top at ${r3(top)} m, ${r3(below)} m from the gripper to the bottom of what it holds, minus 12 mm`,
    });
    b.call('move_to_position', [[p[0], p[1], high]], `release ${c.target.name}`);
    return dist(from, p) + 2 * (high - down);
  };
  // The closed gripper alone.
  {
    const b = new ProgramBuilder();
    b.call('close_gripper', [], 'close the gripper to press with the fingertips');
    const travel = press(b, null, [0.25, 0, 0.25]);
    if (travel !== null) out.push(b.build(['direct-press'], travel));
  }
  // A tool found in the scene.
  for (const { o, shape } of tools(c, [c.target.name])) {
    const b = new ProgramBuilder();
    const g = graspPoint(o);
    pickUp(b, c, o, 'to press with');
    const travel = press(b, shape, g);
    if (travel !== null) out.push(b.build(['press-with-tool'], travel + TOOL_PENALTY));
  }
  // A stick made of magnetic parts, joined in a line that points at the target.
  const magnets = c.obs.objects.filter((o) => o.magnetic && o.movable && o.name !== c.target.name);
  if (magnets.length >= 2) {
    const sign = Math.sign(c.target.center[0] - (c.ws.min[0] + c.ws.max[0]) / 2) || 1;
    const order = [...magnets].sort((p, q) => sign * (p.center[0] - q.center[0]));
    const first = order[0]!;
    // Held at its graspable point, or, when that does not reach, as far back on the first part as
    // the fingers still hold it.
    const back = Math.max(0, first.size[0] / 2 - FINGER_HOLD);
    for (let k = 2; k <= order.length; k++) {
      const parts = order.slice(0, k);
      for (const offset of [0, back]) {
        const gc = graspPoint(first);
        const g0: V3 = [gc[0] - sign * offset, gc[1], gc[2]];
        if (!inWorkspaceXY(g0, c.ws, 0)) continue;
        const shape = chainShape(parts, sign, g0);
        const b = new ProgramBuilder();
        pickUp(b, c, first, offset ? `${r3(offset)} m behind its centre, as the first part of the stick` : 'as the first part of the stick', g0);
        const joined = emitJoins(b, c, parts, sign, g0);
        const travel = press(b, shape, joined.last);
        if (travel === null) continue;
        out.push(b.build(['join-parts', 'press-with-tool'], joined.travel + travel + TOOL_PENALTY + JOIN_PENALTY * (k - 1) + (offset ? 0.5 : 0)));
        break;
      }
    }
  }
  return out;
}

/** The stick the parts make when joined end to end along x (`sign`), held by the first part's graspable point. */
function chainShape(parts: ObservedObject[], sign: number, g0: V3): ToolShape {
  const boxes: Box[] = [];
  let lead = parts[0]!.center[0];
  parts.forEach((p, i) => {
    const cx = i === 0 ? p.center[0] : lead + (sign * p.size[0]) / 2;
    lead = cx + (sign * p.size[0]) / 2;
    const box = boxOf([cx, parts[0]!.center[1], p.center[2]], p.size);
    boxes.push(shift(box, g0.map((v) => -v)));
  });
  return { object: `the stick of ${parts.map((p) => p.name).join(', ')}`, boxes, below: -Math.min(...boxes.map((x) => x.min[2])), grasp: g0 };
}

/** Emits the joins: the growing stick touches each next part end-on from behind. */
function emitJoins(b: ProgramBuilder, c: Ctx, parts: ObservedObject[], sign: number, g0: V3): { last: V3; travel: number } {
  const first = parts[0]!;
  const high = zIn(c, g0[2] + Math.max(...parts.map((p) => p.size[2])) + 0.015);
  const low = g0[2] + 0.002;
  // Leading face of the stick relative to the gripper, along x.
  let lead = first.center[0] + (sign * first.size[0]) / 2 - g0[0];
  const dy = first.center[1] - g0[1];
  let pos: V3 = [g0[0], g0[1], high];
  let travel = APPROACH;
  b.call('move_to_position', [pos], `lift ${first.name}`);
  for (const p of parts.slice(1)) {
    const trailing = p.center[0] - (sign * p.size[0]) / 2;
    const x0 = trailing - lead - sign * JOIN_APPROACH;
    const y = p.center[1] - dy;
    const touch = x0 + sign * (JOIN_APPROACH + JOIN_OVERLAP);
    b.call('move_to_position', [[x0, y, high]], `carry the stick to ${JOIN_APPROACH} m behind ${p.name}`, {
      name: `approach to ${p.name}`,
      derivation: `${p.name}'s near face ${r3(trailing)} m minus the stick's reach ${r3(lead)} m ahead of the gripper`,
    });
    b.call('move_to_position', [[x0, y, low]], 'lower the stick to the table');
    b.call('move_to_position', [[touch, y, low]], `touch ${p.name}: the magnets join it to the stick`);
    b.call('move_to_position', [[touch, y, high]], 'lift the longer stick');
    travel += dist(pos, [x0, y, high]) + 2 * (high - low) + JOIN_APPROACH + JOIN_OVERLAP;
    pos = [touch, y, high];
    lead += sign * p.size[0];
  }
  return { last: pos, travel };
}

/** Every arm strategy for the goal, cheapest first. */
export function armCandidates(obs: SceneObservation, goal: Goal): Candidate[] {
  if (obs.robot.kind !== 'arm') return [];
  const target = obs.objects.find((o) => o.name === goal.object);
  if (!target) return [];
  const point = (goal.type === 'within-reach' ? target.center : graspPoint(target)) as V3;
  const c: Ctx = { obs, ws: obs.robot.workspace, goal, target, point };
  let out: Candidate[] = [];
  switch (goal.type) {
    case 'grasped':
    case 'within-reach':
      out = [...directGrasp(c), ...toolDrag(c), ...chainedToolDrag(c), ...carrierStrategies(c)];
      break;
    case 'pressed':
      out = pressStrategies(c);
      break;
    default:
      out = [];
  }
  return out.sort((a, b) => a.cost - b.cost);
}
