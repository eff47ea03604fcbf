import { ArmRobot } from "../arm.js";
/** Extra simulated time a move may take beyond its straight-line duration (joint limits, settling). */
const MOVE_SLACK_SECONDS = 3;
const GRIPPER_TIMEOUT_SECONDS = 2;
const round = (v) => Math.round(v * 1e4) / 1e4;
const fmt = (v) => `[${v.map((x) => x.toFixed(3)).join(', ')}]`;
function result(status, value, message, warnings = []) {
    return { value, status, ...(message === undefined ? {} : { message }), warnings, seconds: 0 };
}
function armOf(sim) {
    return sim.robot instanceof ArmRobot ? sim.robot : result('failed', null, 'this world has no arm');
}
/** Clamps a target into the workspace box; `clamped` is false when it was inside. */
export function clampToWorkspace(sim, target) {
    const spec = sim.scene.robot;
    if (spec.kind !== 'arm')
        return { target, clamped: false };
    const out = target.map((v, i) => Math.min(spec.workspace.max[i], Math.max(spec.workspace.min[i], v)));
    return { target: out, clamped: out.some((v, i) => v !== target[i]) };
}
const moveToPosition = async (sim, args, ctx) => {
    const arm = armOf(sim);
    if (!(arm instanceof ArmRobot))
        return arm;
    const requested = args[0];
    const { target, clamped } = clampToWorkspace(sim, requested);
    const warnings = [];
    if (clamped) {
        const range = sim.scene.robot.kind === 'arm' ? sim.scene.robot.workspace : undefined;
        const where = range ? `the workspace ${fmt(range.min)}..${fmt(range.max)}` : 'the workspace';
        if (ctx.workspacePolicy === 'reject') {
            return result('failed', { status: 'failed', position: arm.position().map(round) }, `target ${fmt(requested)} is outside ${where}; not moving (workspace policy: reject)`);
        }
        warnings.push(`target ${fmt(requested)} is outside ${where}; clamped to ${fmt(target)}`);
    }
    const from = arm.position();
    const distance = Math.hypot(target[0] - from[0], target[1] - from[1], target[2] - from[2]);
    const speed = sim.scene.robot.kind === 'arm' ? sim.scene.robot.maxSpeed : 0.2;
    arm.moveTo(target);
    const done = await ctx.run(() => arm.moveOutcome() !== 'moving', distance / speed + MOVE_SLACK_SECONDS);
    const position = arm.position().map(round);
    if (!done) {
        arm.halt();
        return result('timeout', { status: 'timeout', position }, `did not reach ${fmt(target)} in time; stopped at ${fmt(position)}`, warnings);
    }
    if (arm.moveOutcome() === 'blocked') {
        return result('blocked', { status: 'blocked', position }, `blocked at ${fmt(position)} on the way to ${fmt(target)}: ${arm.blockedBy}`, warnings);
    }
    const status = clamped ? 'clamped' : 'reached';
    return result(status, { status, position }, clamped ? `reached the clamped target ${fmt(target)}` : undefined, warnings);
};
async function runGripper(arm, ctx) {
    const done = await ctx.run(() => !arm.gripperBusy(), GRIPPER_TIMEOUT_SECONDS);
    if (!done)
        arm.halt();
    return done;
}
const closeGripper = async (sim, _args, ctx) => {
    const arm = armOf(sim);
    if (!(arm instanceof ArmRobot))
        return arm;
    if (arm.grasped() !== null) {
        const object = arm.grasped();
        return result('grasped', { status: 'grasped', object }, `already holding ${object}`);
    }
    arm.close();
    const done = await runGripper(arm, ctx);
    const object = arm.grasped();
    if (object !== null)
        return result('grasped', { status: 'grasped', object });
    if (!done)
        return result('timeout', { status: 'timeout', object: null }, 'the gripper did not finish closing');
    const [left, right] = arm.fingerContacts();
    const touched = [left && `the left finger touched ${left}`, right && `the right finger touched ${right}`].filter(Boolean);
    return result('grasped-nothing', { status: 'grasped-nothing', object: null }, touched.length ? `nothing grasped: ${touched.join(', ')}, but not both the same object` : 'nothing between the fingers');
};
const openGripper = async (sim, _args, ctx) => {
    const arm = armOf(sim);
    if (!(arm instanceof ArmRobot))
        return arm;
    const held = arm.grasped();
    arm.open();
    const done = await runGripper(arm, ctx);
    if (!done)
        return result('timeout', { status: 'timeout' }, 'the gripper did not finish opening');
    return held ? result('released', { status: 'released', object: held }) : result('ok', { status: 'ok' });
};
/** The arm's motion skills on the simulator. */
export const armMotionSkills = {
    move_to_position: moveToPosition,
    open_gripper: openGripper,
    close_gripper: closeGripper,
};
//# sourceMappingURL=arm-skills.js.map