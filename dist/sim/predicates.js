const SETTLED_SPEED = 0.05;
/** Evaluates a scene's success predicate over the world state. Pure: reads, never steps. */
export function checkGoal(sim, goal) {
    const held = sim.robot?.held() ?? [];
    switch (goal.type) {
        case 'grasped': {
            const lift = sim.aabb(goal.object).min[2] - sim.initialBottom(goal.object);
            if (!held.includes(goal.object))
                return { success: false, reason: `${goal.object} is not in the gripper` };
            if (lift < goal.minLift)
                return { success: false, reason: `${goal.object} is grasped but lifted ${fmt(lift)} m (needs ${goal.minLift})` };
            return { success: true, reason: `${goal.object} grasped and lifted ${fmt(lift)} m` };
        }
        case 'pressed':
            return sim.isPressed(goal.object)
                ? { success: true, reason: `${goal.object} was pressed` }
                : { success: false, reason: `${goal.object} was never pressed` };
        case 'robot-on': {
            const on = sim.robot?.standingOn() ?? null;
            return on === goal.object
                ? { success: true, reason: `the robot stands on ${goal.object}` }
                : { success: false, reason: `the robot stands on ${on ?? 'nothing it can stand on'}, not ${goal.object}` };
        }
        case 'on-ground-intact': {
            if (sim.isBroken(goal.object))
                return { success: false, reason: `${goal.object} broke` };
            const box = sim.aabb(goal.object);
            if (box.min[2] > goal.maxHeight)
                return { success: false, reason: `${goal.object} is still up at ${fmt(box.min[2])} m` };
            const v = sim.body(goal.object).linvel();
            if (Math.hypot(v.x, v.y, v.z) > SETTLED_SPEED)
                return { success: false, reason: `${goal.object} is still moving` };
            if (held.includes(goal.object))
                return { success: false, reason: `${goal.object} is still held` };
            return { success: true, reason: `${goal.object} is down at ${fmt(box.min[2])} m, intact` };
        }
        case 'within-reach': {
            const spec = sim.scene.robot;
            if (spec.kind !== 'arm')
                return { success: false, reason: 'within-reach needs an arm' };
            const box = sim.aabb(goal.object);
            const c = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2];
            const inside = c.every((v, i) => v >= spec.workspace.min[i] && v <= spec.workspace.max[i]);
            return inside
                ? { success: true, reason: `${goal.object} is within reach` }
                : { success: false, reason: `${goal.object} at (${c.map((v) => fmt(v)).join(', ')}) is outside the workspace` };
        }
    }
}
function fmt(v) {
    return v.toFixed(3);
}
//# sourceMappingURL=predicates.js.map