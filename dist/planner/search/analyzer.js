import { gapBetween, route, supportOf, surfacesOf } from "./surfaces.js";
import { deckOf } from "./arm-schemas.js";
import { boxOf, separationXY } from "./arm-geometry.js";
const G = 9.81;
/** Without a model of the object we assume RoboTool's figure: a fragile object survives a 0.3 m fall. */
export const DEFAULT_SAFE_DROP = 0.3;
const r3 = (v) => Math.round(v * 1000) / 1000;
/** Distance (m) by which a point lies outside the arm's workspace in x and y (0 inside). */
export function outsideBy(p, ws) {
    const d = [0, 1].map((i) => Math.max(0, ws.min[i] - p[i], p[i] - ws.max[i]));
    return Math.hypot(d[0], d[1]);
}
/** The key concepts of a task, computed from the observation and the robot's limits (no model). */
export function analyze(obs, goal) {
    const concepts = [];
    const target = obs.objects.find((o) => o.name === goal.object);
    if (!target)
        return { summary: `no object ${goal.object} in the scene`, concepts };
    if (obs.robot.kind === 'arm') {
        const ws = obs.robot.workspace;
        const point = goal.type === 'pressed' ? target.center : (target.graspablePoint ?? target.center);
        // A button is pressed from above: its nearest top point counts, not its centre.
        const nearest = goal.type === 'pressed'
            ? [0, 1].map((i) => Math.min(Math.max(ws.max[i], target.center[i] - target.size[i] / 2), target.center[i] + target.size[i] / 2))
            : point;
        const out = outsideBy(nearest, ws);
        if (out > 0) {
            concepts.push({
                kind: 'out-of-reach',
                description: `${target.name} at (${target.center.map(r3).join(', ')}) lies ${r3(out)} m outside the gripper's workspace x ${ws.min[0]}–${ws.max[0]}, y ${ws.min[1]}–${ws.max[1]}`,
                objects: [target.name],
                numbers: { outside: r3(out), workspaceMaxX: ws.max[0], targetX: r3(target.center[0]) },
            });
        }
        if (out > 0) {
            // Carriers: thin, movable, graspable objects the target rests on or stands right beside.
            const t = boxOf(target.center, target.size);
            for (const o of obs.objects) {
                if (o.name === target.name || !o.movable || !o.graspablePoint)
                    continue;
                const deck = deckOf(o, target);
                if (!deck)
                    continue;
                const on = Math.abs(t.min[2] - deck.max[2]) < 0.005 && separationXY(t, deck) < -Math.min(target.size[0], target.size[1]) / 2;
                const gap = separationXY(t, deck);
                if (!on && gap > 0.05)
                    continue;
                concepts.push({
                    kind: 'other',
                    description: on
                        ? `${target.name} rests on ${o.name}, a flat movable object graspable at (${o.graspablePoint.map(r3).join(', ')}): pulling ${o.name} moves ${target.name} with it`
                        : `${o.name}, a flat movable object graspable at (${o.graspablePoint.map(r3).join(', ')}), lies ${r3(Math.max(0, gap))} m beside ${target.name}: pushed onto it, ${target.name} moves when ${o.name} is pulled`,
                    objects: [target.name, o.name],
                    numbers: { gap: r3(Math.max(0, gap)) },
                });
            }
        }
        const magnets = obs.objects.filter((o) => o.magnetic && o.movable);
        if (magnets.length >= 2) {
            const length = magnets.reduce((s, m) => s + Math.max(m.size[0], m.size[1]), 0);
            concepts.push({
                kind: 'joinable-parts',
                description: `${magnets.map((m) => m.name).join(', ')} are magnetic: joined end to end they make a ${r3(length)} m stick`,
                objects: magnets.map((m) => m.name),
                numbers: { parts: magnets.length, joinedLength: r3(length) },
            });
        }
        return { summary: concepts.length ? concepts.map((c) => c.description).join('; ') : `${target.name} is within reach`, concepts };
    }
    const surfaces = surfacesOf(obs);
    const lim = { stepUp: obs.robot.stepUp, maxGap: obs.robot.maxGap, stepDown: obs.robot.stepUp };
    const start = supportOf(obs, surfaces);
    const goalSurface = goal.type === 'robot-on'
        ? surfaces.find((s) => s.name === goal.object)
        : surfaces.find((s) => s.name === target.onTopOf.find((n) => n !== 'ground'));
    if (goalSurface && !route(start, goalSurface, surfaces, lim)) {
        const rise = goalSurface.z - start.z;
        if (rise > lim.stepUp) {
            concepts.push({
                kind: 'step-too-high',
                description: `${goalSurface.name}'s top is ${r3(rise)} m above ${start.name}; the robot steps up at most ${lim.stepUp} m`,
                objects: [goalSurface.name],
                numbers: { rise: r3(rise), stepUp: lim.stepUp },
            });
        }
        else {
            const gap = gapBetween(start, goalSurface);
            concepts.push({
                kind: 'gap',
                description: `a ${r3(gap)} m gap separates ${start.name} from ${goalSurface.name}; the robot crosses at most ${lim.maxGap} m`,
                objects: [start.name, goalSurface.name],
                numbers: { gap: r3(gap), maxGap: lim.maxGap },
            });
        }
    }
    if (goal.type === 'on-ground-intact' && target.fragile) {
        const drop = target.center[2] - target.size[2] / 2;
        if (drop > DEFAULT_SAFE_DROP) {
            concepts.push({
                kind: 'fragile-drop',
                description: `${target.name} is fragile and would fall ${r3(drop)} m (impact ≈ ${r3(Math.sqrt(2 * G * drop))} m/s); more than ${DEFAULT_SAFE_DROP} m breaks it unless it lands on something soft`,
                objects: [target.name],
                numbers: { drop: r3(drop), safeDrop: DEFAULT_SAFE_DROP },
            });
        }
    }
    return { summary: concepts.length ? concepts.map((c) => c.description).join('; ') : 'no obstacle: the goal can be reached directly', concepts };
}
//# sourceMappingURL=analyzer.js.map