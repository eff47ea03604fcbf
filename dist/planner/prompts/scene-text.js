/** A number as a person would write it: at most 4 decimals, no trailing zeros, no `-0`. */
export function formatNumber(v) {
    const r = Number(v.toFixed(4));
    return Object.is(r, -0) ? '0' : String(r);
}
/** `[0.544, -0.001, 0.08]` */
export function formatVector(v) {
    return `[${v.map(formatNumber).join(', ')}]`;
}
const list = (names) => `[${names.join(', ')}]`;
function robotLines(robot) {
    switch (robot.kind) {
        case 'arm': {
            const { min, max } = robot.workspace;
            return [
                'robot: a table-mounted arm with a parallel gripper that points down and only translates.',
                `gripper: at ${formatVector(robot.gripper)}, holding ${robot.holding.length > 0 ? list(robot.holding) : 'nothing'}`,
                `workspace (where the gripper can go): x ${formatNumber(min[0])} to ${formatNumber(max[0])}, y ${formatNumber(min[1])} to ${formatNumber(max[1])}, z ${formatNumber(min[2])} to ${formatNumber(max[2])}`,
            ];
        }
        case 'quadruped':
            return [
                'robot: a quadruped that walks and can push objects with its body.',
                `body: center at ${formatVector(robot.position)}, size ${formatVector(robot.bodySize)}, standing on ${robot.standingOn ?? 'nothing known'}`,
                `limits: steps up at most ${formatNumber(robot.stepUp)} m; crosses gaps of at most ${formatNumber(robot.maxGap)} m`,
            ];
    }
}
function objectLines(o) {
    const flags = ['magnetic', 'soft', 'fragile', 'button'].filter((f) => o[f]);
    const lines = [
        `- ${o.name}:`,
        `    center: ${formatVector(o.center)}`,
        `    size: ${formatVector(o.size)}`,
        `    graspable_point: ${o.graspablePoint ? formatVector(o.graspablePoint) : 'none (not graspable)'}`,
        `    movable: ${o.movable}`,
        `    on_top_of: ${list(o.onTopOf)}`,
        `    in_contact_with: ${list(o.inContactWith)}`,
    ];
    if (o.yawDeg !== 0)
        lines.push(`    yaw_deg: ${formatNumber(o.yawDeg)}`);
    if (flags.length > 0)
        lines.push(`    properties: ${list(flags)}`);
    for (const p of o.parts)
        lines.push(`    part ${p.name}: center ${formatVector(p.center)}, size ${formatVector(p.size)}`);
    return lines;
}
/**
 * The scene in RoboTool's text format: the robot, then every object with its bounding-box
 * centre and size, graspable point, and movable / on_top_of / in_contact_with. Robot frame,
 * metres. Deterministic: the same observation renders the same text, so prompts can be recorded.
 */
export function renderSceneText(observation) {
    return [
        'Frame: robot frame, metres; x forward, y left, z up. center and size are those of the axis-aligned bounding box (size = full extent along x, y, z).',
        ...robotLines(observation.robot),
        `objects (${observation.objects.length}):`,
        ...observation.objects.flatMap(objectLines),
    ].join('\n');
}
//# sourceMappingURL=scene-text.js.map