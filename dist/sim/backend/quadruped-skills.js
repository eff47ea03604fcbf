import { QuadrupedRobot } from "../quadruped/index.js";
/** Extra simulated time a walk may take beyond its straight-line duration (turning, climbing). */
const WALK_SLACK_SECONDS = 6;
/** Pushing speed the time-out assumes (m/s; the robot pushes at 0.3). */
const PUSH_SPEED = 0.3;
/** Extra time for a push: going round the object, re-approaches, letting it land. */
const PUSH_SLACK_SECONDS = 20;
const round = (v) => Math.round(v * 1e4) / 1e4;
const fmt = (v) => `[${v.map((x) => x.toFixed(3)).join(', ')}]`;
function result(status, value, message) {
    return { value, status, ...(message === undefined ? {} : { message }), warnings: [], seconds: 0 };
}
function quadrupedOf(sim) {
    return sim.robot instanceof QuadrupedRobot ? sim.robot : result('failed', null, 'this world has no quadruped');
}
const speedOf = (sim) => (sim.scene.robot.kind === 'quadruped' ? sim.scene.robot.maxSpeed : 0.5);
/** Runs the robot's current walk or push to its end, or halts it at the time-out. */
async function finish(robot, ctx, timeout, target) {
    const done = await ctx.run(() => robot.outcome() !== 'moving', timeout);
    const position = robot.position().map(round);
    if (!done) {
        robot.halt();
        return result('timeout', { status: 'timeout', position }, `did not finish ${target} in ${timeout.toFixed(0)} s; stopped at ${fmt(position)}`);
    }
    if (robot.outcome() === 'blocked')
        return result('blocked', { status: 'blocked', position }, `blocked ${target}: ${robot.reason}`);
    return result('reached', { status: 'reached', position });
}
const walkToPosition = async (sim, args, ctx) => {
    const robot = quadrupedOf(sim);
    if (!(robot instanceof QuadrupedRobot))
        return robot;
    const target = args[0];
    const from = robot.position();
    const distance = Math.hypot(target[0] - from[0], target[1] - from[1]);
    robot.walkTo([target[0], target[1]]);
    return finish(robot, ctx, distance / speedOf(sim) + WALK_SLACK_SECONDS, `on the way to ${fmt(target.slice(0, 2))}`);
};
const pushToPosition = async (sim, args, ctx) => {
    const robot = quadrupedOf(sim);
    if (!(robot instanceof QuadrupedRobot))
        return robot;
    const name = String(args[0]);
    const target = args[1];
    if (!sim.objectNames().includes(name))
        return result('failed', null, `no object named "${name}"; objects: ${sim.objectNames().join(', ')}`);
    if (!sim.def(name).movable)
        return result('failed', null, `${name} is fixed in place and cannot be pushed`);
    const c = sim.pose(name).position;
    const from = robot.position();
    const approach = Math.hypot(c[0] - from[0], c[1] - from[1]);
    const push = Math.hypot(target[0] - c[0], target[1] - c[1]);
    robot.push(name, [target[0], target[1]]);
    const timeout = (2 * approach) / speedOf(sim) + push / PUSH_SPEED + PUSH_SLACK_SECONDS;
    const r = await finish(robot, ctx, timeout, `pushing ${name} to ${fmt(target.slice(0, 2))}`);
    const box = sim.aabb(name);
    const object = [0, 1, 2].map((i) => round((box.min[i] + box.max[i]) / 2));
    return { ...r, value: { ...r.value, object } };
};
/** The quadruped's motion skills on the simulator. */
export const quadrupedMotionSkills = {
    walk_to_position: walkToPosition,
    push_to_position: pushToPosition,
};
//# sourceMappingURL=quadruped-skills.js.map