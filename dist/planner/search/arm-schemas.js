import { ProgramBuilder } from "./candidate.js";
import { DIRS, boxOf, boxesOf, dirName, dirVec, fmt, inWorkspaceXY, intoWorkspace, r3, shift, toolShape, } from "./arm-geometry.js";
import { CONTACT_GAP, highestTop, obstaclesOf, pushPlacements } from "./arm-tool-push.js";
import { pressPlacement } from "./arm-press.js";
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
const graspPoint = (o) => (o.graspablePoint ?? o.center);
const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const zIn = (c, z) => Math.min(c.ws.max[2], Math.max(c.ws.min[2], z));
/** Objects that can serve as a hand tool: movable, with a graspable point the gripper reaches. */
function tools(c, exclude) {
    const out = [];
    for (const o of c.obs.objects) {
        if (!o.movable || o.magnetic || exclude.includes(o.name) || !o.graspablePoint || !inWorkspaceXY(o.graspablePoint, c.ws, 0))
            continue;
        const shape = toolShape(o);
        if (shape)
            out.push({ o, shape });
    }
    return out;
}
function pickUp(b, c, o, why, at) {
    const g = at ?? graspPoint(o);
    b.call('move_to_position', [[g[0], g[1], zIn(c, g[2] + APPROACH)]], `move above ${o.name}'s graspable point`, {
        name: `above ${o.name}`,
        derivation: `${o.name}'s graspable point ${fmt(g)} raised ${APPROACH} m`,
    });
    b.call('move_to_position', [g], `lower the open gripper onto ${o.name}'s graspable point`);
    b.call('close_gripper', [], `grasp ${o.name} ${why}`);
}
/** Grasps the target where it is now (queried at run time: earlier steps moved it) and lifts it. */
function graspTargetNow(b, c, predictedZ) {
    const t = c.target;
    b.query('target', t.graspablePoint ? 'get_graspable_point' : 'get_center', t.name, `where ${t.name} is now`);
    b.callOffset('move_to_position', 'target', [0, 0, Math.min(APPROACH, c.ws.max[2] - predictedZ)], `move above ${t.name}`);
    b.callOffset('move_to_position', 'target', [0, 0, 0], `lower the open gripper around ${t.name}`);
    b.call('close_gripper', [], `grasp ${t.name}`);
    b.callOffset('move_to_position', 'target', [0, 0, Math.min(LIFT, c.ws.max[2] - predictedZ)], `lift ${t.name}`);
}
/** Tool centre height for carrying a tool over everything in the region it passes. */
function carryHeight(c, shape, from, to, skip) {
    const fp = (g) => shape.boxes.map((bx) => shift(bx, g));
    const all = [...fp(from), ...fp(to)];
    const region = {
        min: [Math.min(...all.map((x) => x.min[0])), Math.min(...all.map((x) => x.min[1])), 0],
        max: [Math.max(...all.map((x) => x.max[0])), Math.max(...all.map((x) => x.max[1])), 0],
    };
    const top = highestTop(c.obs.objects, region, skip, c.target.center[2] + c.target.size[2] / 2);
    return zIn(c, top + CARRY_MARGIN + shape.below);
}
/** The motion vector that brings the target's point `INSIDE` within the workspace, as one axis-aligned drag. */
function dragOf(c, point) {
    const v = intoWorkspace(point, c.ws, INSIDE);
    const axis = Math.abs(v[0]) >= Math.abs(v[1]) ? 0 : 1;
    if (Math.abs(v[axis]) < 1e-6)
        return null;
    const dir = DIRS.find((d) => d.axis === axis && d.sign === Math.sign(v[axis]));
    return { dir, travel: Math.abs(v[axis]) };
}
/** Tool bottom above the target's bottom while pushing: low, clear of the support. */
const pushClearance = (t) => (t.center[2] - t.size[2] / 2 > 0.003 ? 0.01 : 0.005);
/** Emits: pick the tool up, carry it over, set it down at the placement, sweep. Returns the gripper travel. */
function emitSweep(b, c, tool, shape, p, dir, why) {
    const g = graspPoint(tool);
    const carryZ = carryHeight(c, shape, g, p.start, [tool.name]);
    pickUp(b, c, tool, `as a ${why}`);
    b.call('move_to_position', [[g[0], g[1], carryZ]], `lift ${tool.name} clear of the table`, {
        name: 'carry height',
        derivation: `highest top along the way + ${CARRY_MARGIN} m + ${r3(shape.below)} m from the grasp to ${tool.name}'s bottom`,
    });
    b.call('move_to_position', [[p.start[0], p.start[1], carryZ]], `carry ${tool.name} over the ${dirName({ ...dir, sign: dir.sign > 0 ? -1 : 1 })} side of ${c.target.name}`);
    b.call('move_to_position', [p.start], `set ${tool.name} down ${CONTACT_GAP} m behind ${c.target.name}, the rest of it ${r3(p.score)} m clear`, {
        name: 'tool placement',
        derivation: `${tool.name}'s part ${p.contact + 1} faces ${c.target.name}'s ${dirName({ ...dir, sign: dir.sign > 0 ? -1 : 1 })} face; bottom ${pushClearance(c.target)} m above ${c.target.name}'s bottom`,
    });
    b.call('move_to_position', [p.end], `sweep ${tool.name} along ${dirName(dir)}, moving ${c.target.name} with it`, {
        name: 'sweep end',
        derivation: `${r3(dist(p.start, p.end))} m: the target's travel plus the ${CONTACT_GAP} m gap`,
    });
    return { travel: dist(g, p.start) + 2 * Math.abs(carryZ - g[2]) + dist(p.start, p.end), carryZ };
}
function directGrasp(c) {
    if (!inWorkspaceXY(c.point, c.ws, 0))
        return [];
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
/** A held tool drags (or pushes) the target into reach. */
function toolDrag(c) {
    const drag = dragOf(c, c.point);
    if (!drag)
        return [];
    const out = [];
    const T = boxOf(c.target.center, c.target.size);
    for (const { o, shape } of tools(c, [c.target.name])) {
        const placements = pushPlacements({
            shape,
            target: T,
            dir: drag.dir,
            travel: drag.travel,
            clearance: pushClearance(c.target),
            ws: c.ws,
            obstacles: obstaclesOf(c.obs.objects, [o.name, c.target.name]),
            targetObstacles: obstaclesOf(c.obs.objects, [o.name, c.target.name, ...c.target.onTopOf]),
            from: graspPoint(o),
        });
        for (const p of placements.slice(0, 2)) {
            const b = new ProgramBuilder();
            const isHook = shape.boxes.length > 1;
            const { travel, carryZ } = emitSweep(b, c, o, shape, p, drag.dir, isHook ? 'hook' : 'pusher');
            b.call('open_gripper', [], `let go of ${o.name}: ${c.target.name} is ${INSIDE} m inside the workspace`);
            b.call('move_to_position', [[p.end[0], p.end[1], carryZ]], 'lift the gripper clear');
            if (c.goal.type === 'grasped')
                graspTargetNow(b, c, c.point[2]);
            out.push(b.build(['tool-drag'], travel + TOOL_PENALTY + BLOCKED_PENALTY * p.blockedBy.length));
        }
    }
    return out;
}
/** The flat part of an object that can carry the target: its widest part, thin, larger than the target's footprint. */
export function deckOf(o, t) {
    const boxes = boxesOf(o);
    const area = (x) => (x.max[0] - x.min[0]) * (x.max[1] - x.min[1]);
    const deck = boxes.reduce((p, x) => (area(x) > area(p) ? x : p));
    if (deck.max[2] - deck.min[2] > MAX_DECK)
        return null;
    if ([0, 1].some((i) => deck.max[i] - deck.min[i] < t.size[i] + 2 * DECK_MARGIN))
        return null;
    return deck;
}
/**
 * Emits: grasp the carrier by its graspable point and pull it until the target's point lies
 * `INSIDE` the workspace, then let go. Both points are read at run time (pushing the target on
 * may have shifted the carrier); `v` is the planned pull, which fixes the axes pulled along.
 */
function emitSlide(b, c, carrier, v) {
    const g = graspPoint(carrier);
    const t = c.target;
    b.query('carrier', 'get_graspable_point', carrier.name, `where ${carrier.name}'s graspable point is now`);
    b.query('goal', t.graspablePoint ? 'get_graspable_point' : 'get_center', t.name, `where ${t.name} is now`);
    b.callOffset('move_to_position', 'carrier', [0, 0, APPROACH], `move above ${carrier.name}'s graspable point`);
    b.callOffset('move_to_position', 'carrier', [0, 0, 0], `lower the open gripper onto ${carrier.name}'s graspable point`);
    b.call('close_gripper', [], `grasp ${carrier.name} by its graspable point`);
    const comps = [0, 1, 2].map((i) => {
        if (i === 2 || Math.abs(v[i]) < 1e-6)
            return `carrier[${i}]`;
        const bound = r4(v[i] < 0 ? c.ws.max[i] - INSIDE : c.ws.min[i] + INSIDE);
        return `carrier[${i}] + (${bound} - goal[${i}])`;
    });
    b.callExpr('move_to_position', comps, `pull ${carrier.name} (about ${fmt(v)}) until ${t.name} is ${INSIDE} m inside the workspace`);
    b.call('open_gripper', [], `let go of ${carrier.name}`);
    b.call('move_to_position', [[g[0] + v[0], g[1] + v[1], zIn(c, g[2] + 0.08)]], 'lift the gripper clear');
    return Math.hypot(v[0], v[1]) + 2 * APPROACH;
}
const r4 = (v) => Math.round(v * 1e4) / 1e4;
/** Slides a carrier the target rests on, or first pushes the target onto one with a held pusher. */
function carrierStrategies(c) {
    const out = [];
    const t = c.target;
    const T = boxOf(t.center, t.size);
    for (const carrier of c.obs.objects) {
        const cg = carrier.graspablePoint;
        if (carrier.name === t.name || !carrier.movable || !cg || !inWorkspaceXY(cg, c.ws, 0))
            continue;
        const deck = deckOf(carrier, t);
        if (!deck)
            continue;
        const slideFor = (point) => {
            const v = intoWorkspace(point, c.ws, INSIDE);
            if (Math.hypot(v[0], v[1]) < 1e-6)
                return null;
            return inWorkspaceXY([cg[0] + v[0], cg[1] + v[1]], c.ws) ? v : null;
        };
        // Resting on the deck: the target's bottom at the deck's top, over it (the carrier's bounding box
        // may be taller than its deck, e.g. with a tab, so the observation's `onTopOf` can miss it).
        const onDeck = Math.abs(T.min[2] - deck.max[2]) < 0.005 && [0, 1].every((i) => T.min[i] >= deck.min[i] - 0.005 && T.max[i] <= deck.max[i] + 0.005);
        if (t.onTopOf.includes(carrier.name) || onDeck) {
            const v = slideFor(c.point);
            if (!v)
                continue;
            const b = new ProgramBuilder();
            const travel = emitSlide(b, c, carrier, v);
            if (c.goal.type === 'grasped')
                graspTargetNow(b, c, c.point[2]);
            out.push(b.build(['slide-carrier'], travel + TOOL_PENALTY));
            continue;
        }
        // Push the target onto the deck: along an axis where the deck lies ahead of it and spans it across.
        const supports = c.obs.objects.filter((o) => t.onTopOf.includes(o.name));
        for (const dir of DIRS) {
            const a = dir.axis;
            const bx = a === 0 ? 1 : 0;
            const s = dir.sign;
            if (deck.min[bx] > T.min[bx] - DECK_MARGIN || deck.max[bx] < T.max[bx] + DECK_MARGIN)
                continue;
            const near = s > 0 ? deck.min[a] : deck.max[a];
            const trailing = s > 0 ? T.min[a] : T.max[a];
            if (s * (near - trailing) < 0)
                continue; // the deck is not ahead of the target
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
                if (s * ((s > 0 ? deck.max[a] : deck.min[a]) - leadingEnd) < DECK_MARGIN)
                    continue; // would overshoot the deck
                const moved = dirVec(dir, shiftBy);
                const pointAfter = [c.point[0] + moved[0], c.point[1] + moved[1], c.point[2]];
                const v = slideFor(pointAfter);
                if (!v)
                    continue;
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
                        if (c.goal.type === 'grasped')
                            graspTargetNow(b, c, c.point[2]);
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
function pressStrategies(c) {
    const out = [];
    const B = boxOf(c.target.center, c.target.size);
    const top = B.max[2];
    const press = (b, shape, from) => {
        const p = pressPlacement(shape, B, c.ws);
        if (!p)
            return null;
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
        if (travel !== null)
            out.push(b.build(['direct-press'], travel));
    }
    // A tool found in the scene.
    for (const { o, shape } of tools(c, [c.target.name])) {
        const b = new ProgramBuilder();
        const g = graspPoint(o);
        pickUp(b, c, o, 'to press with');
        const travel = press(b, shape, g);
        if (travel !== null)
            out.push(b.build(['press-with-tool'], travel + TOOL_PENALTY));
    }
    // A stick made of magnetic parts, joined in a line that points at the target.
    const magnets = c.obs.objects.filter((o) => o.magnetic && o.movable && o.name !== c.target.name);
    if (magnets.length >= 2) {
        const sign = Math.sign(c.target.center[0] - (c.ws.min[0] + c.ws.max[0]) / 2) || 1;
        const order = [...magnets].sort((p, q) => sign * (p.center[0] - q.center[0]));
        const first = order[0];
        // Held at its graspable point, or, when that does not reach, as far back on the first part as
        // the fingers still hold it.
        const back = Math.max(0, first.size[0] / 2 - FINGER_HOLD);
        for (let k = 2; k <= order.length; k++) {
            const parts = order.slice(0, k);
            for (const offset of [0, back]) {
                const gc = graspPoint(first);
                const g0 = [gc[0] - sign * offset, gc[1], gc[2]];
                if (!inWorkspaceXY(g0, c.ws, 0))
                    continue;
                const shape = chainShape(parts, sign, g0);
                const b = new ProgramBuilder();
                pickUp(b, c, first, offset ? `${r3(offset)} m behind its centre, as the first part of the stick` : 'as the first part of the stick', g0);
                const joined = emitJoins(b, c, parts, sign, g0);
                const travel = press(b, shape, joined.last);
                if (travel === null)
                    continue;
                out.push(b.build(['join-parts', 'press-with-tool'], joined.travel + travel + TOOL_PENALTY + JOIN_PENALTY * (k - 1) + (offset ? 0.5 : 0)));
                break;
            }
        }
    }
    return out;
}
/** The stick the parts make when joined end to end along x (`sign`), held by the first part's graspable point. */
function chainShape(parts, sign, g0) {
    const boxes = [];
    let lead = parts[0].center[0];
    parts.forEach((p, i) => {
        const cx = i === 0 ? p.center[0] : lead + (sign * p.size[0]) / 2;
        lead = cx + (sign * p.size[0]) / 2;
        const box = boxOf([cx, parts[0].center[1], p.center[2]], p.size);
        boxes.push(shift(box, g0.map((v) => -v)));
    });
    return { object: `the stick of ${parts.map((p) => p.name).join(', ')}`, boxes, below: -Math.min(...boxes.map((x) => x.min[2])) };
}
/** Emits the joins: the growing stick touches each next part end-on from behind. */
function emitJoins(b, c, parts, sign, g0) {
    const first = parts[0];
    const high = zIn(c, g0[2] + Math.max(...parts.map((p) => p.size[2])) + 0.015);
    const low = g0[2] + 0.002;
    // Leading face of the stick relative to the gripper, along x.
    let lead = first.center[0] + (sign * first.size[0]) / 2 - g0[0];
    const dy = first.center[1] - g0[1];
    let pos = [g0[0], g0[1], high];
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
export function armCandidates(obs, goal) {
    if (obs.robot.kind !== 'arm')
        return [];
    const target = obs.objects.find((o) => o.name === goal.object);
    if (!target)
        return [];
    const point = (goal.type === 'within-reach' ? target.center : graspPoint(target));
    const c = { obs, ws: obs.robot.workspace, goal, target, point };
    let out = [];
    switch (goal.type) {
        case 'grasped':
        case 'within-reach':
            out = [...directGrasp(c), ...toolDrag(c), ...carrierStrategies(c)];
            break;
        case 'pressed':
            out = pressStrategies(c);
            break;
        default:
            out = [];
    }
    return out.sort((a, b) => a.cost - b.cost);
}
//# sourceMappingURL=arm-schemas.js.map