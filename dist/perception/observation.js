import { z } from 'zod';
import { Vec3 } from "../scene/schema.js";
/** A part of a segmented object (a hammer's handle and head), as a world-aligned box. */
export const ObservedPart = z.strictObject({ name: z.string(), center: Vec3, size: Vec3 });
/** One object as the robot knows it: robot frame (x forward, y left, z up), metres. */
export const ObservedObject = z.strictObject({
    name: z.string(),
    center: Vec3,
    /** Full extent of the world-aligned bounding box. */
    size: Vec3,
    yawDeg: z.number(),
    graspablePoint: Vec3.nullable(),
    movable: z.boolean(),
    magnetic: z.boolean(),
    soft: z.boolean(),
    fragile: z.boolean(),
    button: z.boolean(),
    parts: z.array(ObservedPart),
    /** Names of objects (or `ground`) this one rests on. */
    onTopOf: z.array(z.string()),
    /** Names of objects it touches (within 5 mm). */
    inContactWith: z.array(z.string()),
});
/** What the robot can do, as far as planning needs to know. */
export const ObservedRobot = z.discriminatedUnion('kind', [
    z.strictObject({
        kind: z.literal('arm'),
        gripper: Vec3,
        workspace: z.strictObject({ min: Vec3, max: Vec3 }),
        holding: z.array(z.string()),
    }),
    z.strictObject({
        kind: z.literal('quadruped'),
        position: Vec3,
        /** Body length, width, height (m). */
        bodySize: Vec3,
        stepUp: z.number(),
        maxGap: z.number(),
        standingOn: z.string().nullable(),
    }),
]);
/** What planners see of a scene: the same shape from ground truth, a depth camera or ROS topics. */
export const SceneObservation = z.strictObject({
    source: z.enum(['ground-truth', 'depth-camera', 'ros']),
    robot: ObservedRobot,
    objects: z.array(ObservedObject),
});
//# sourceMappingURL=observation.js.map