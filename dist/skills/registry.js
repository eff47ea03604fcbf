import { z } from 'zod';
const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number (not NaN or Infinity)' });
/** A position [x, y, z] in metres, robot frame. */
export const Position = z.tuple([finite, finite, finite]);
/** An object name from the scene. */
export const ObjectName = z.string().min(1).max(64);
/** A unit quaternion [x, y, z, w]. */
export const Quaternion = z
    .tuple([finite, finite, finite, finite])
    .refine((q) => Math.abs(Math.hypot(...q) - 1) < 1e-3, { message: 'must be a unit quaternion [x, y, z, w]' });
function skill(s) {
    return s;
}
/** Every skill robotool knows, with RoboTool's names so that RoboTool-style programs carry over. */
export const SKILLS = {
    get_center: skill({
        name: 'get_center',
        robots: ['arm'],
        args: z.tuple([ObjectName]),
        argNames: ['obj'],
        returns: '[x, y, z] centre of the object (m)',
        doc: "Returns the centre of the object's bounding box.",
        kind: 'query',
    }),
    get_graspable_point: skill({
        name: 'get_graspable_point',
        robots: ['arm'],
        args: z.tuple([ObjectName]),
        argNames: ['obj'],
        returns: '[x, y, z] where the gripper should close (m)',
        doc: 'Returns the point where the gripper can grasp the object; throws if it is not graspable.',
        kind: 'query',
    }),
    get_size: skill({
        name: 'get_size',
        robots: ['arm', 'quadruped'],
        args: z.tuple([ObjectName]),
        argNames: ['obj'],
        returns: '[sx, sy, sz] full extent of the bounding box (m)',
        doc: "Returns the size of the object's bounding box along x, y and z.",
        kind: 'query',
    }),
    get_workspace_range: skill({
        name: 'get_workspace_range',
        robots: ['arm'],
        args: z.tuple([]),
        argNames: [],
        returns: '[[x_min, x_max], [y_min, y_max], [z_min, z_max]] (m)',
        doc: 'Returns the range the gripper can reach; targets outside are clamped (or rejected).',
        kind: 'query',
    }),
    move_to_position: skill({
        name: 'move_to_position',
        robots: ['arm'],
        args: z.tuple([Position]),
        argNames: ['position'],
        returns: 'a report: {status, position}',
        doc: 'Moves the gripper centre in a straight line to the position, keeping it pointing down.',
        kind: 'motion',
        targetArg: 0,
    }),
    open_gripper: skill({
        name: 'open_gripper',
        robots: ['arm'],
        args: z.tuple([]),
        argNames: [],
        returns: 'a report: {status}',
        doc: 'Opens the gripper, releasing whatever it holds.',
        kind: 'motion',
    }),
    close_gripper: skill({
        name: 'close_gripper',
        robots: ['arm'],
        args: z.tuple([]),
        argNames: [],
        returns: "a report: {status: 'grasped' | 'grasped-nothing', object}",
        doc: 'Closes the gripper on whatever lies between its fingers.',
        kind: 'motion',
    }),
    get_position: skill({
        name: 'get_position',
        robots: ['quadruped'],
        args: z.tuple([ObjectName]),
        argNames: ['obj'],
        returns: '[x, y, z] centre of the object (m)',
        doc: "Returns the centre of the object's bounding box.",
        kind: 'query',
    }),
    walk_to_position: skill({
        name: 'walk_to_position',
        robots: ['quadruped'],
        args: z.tuple([Position]),
        argNames: ['position'],
        returns: 'a report: {status, position}',
        doc: 'Walks so that the body centre ends above [x, y]; z is ignored. Climbs steps up to the step limit.',
        kind: 'motion',
        targetArg: 0,
    }),
    push_to_position: skill({
        name: 'push_to_position',
        robots: ['quadruped'],
        args: z.tuple([ObjectName, Position]),
        argNames: ['obj', 'position'],
        returns: 'a report: {status, position}',
        doc: "Walks behind the object and pushes it with the body until its centre reaches [x, y]; z is ignored.",
        kind: 'motion',
        targetArg: 1,
    }),
    reorient_in_hand: skill({
        name: 'reorient_in_hand',
        robots: ['in-hand'],
        args: z.tuple([ObjectName, Quaternion]),
        argNames: ['obj', 'target_quaternion'],
        returns: 'a report: {status, angleError}',
        doc: 'Rotates the held object in the hand to the target orientation with the ONNX in-hand policy.',
        kind: 'motion',
    }),
};
/** The skills a robot kind has. */
export function skillsFor(robot) {
    return Object.values(SKILLS).filter((s) => s.robots.includes(robot));
}
export function isSkillName(name) {
    return Object.hasOwn(SKILLS, name);
}
/** A call's signature as the Coder sees it: `move_to_position(position)`. */
export function signature(s) {
    return `${s.name}(${s.argNames.join(', ')})`;
}
//# sourceMappingURL=registry.js.map