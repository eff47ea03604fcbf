import { z } from 'zod';
/** A part of a segmented object (a hammer's handle and head), as a world-aligned box. */
export declare const ObservedPart: z.ZodObject<{
    name: z.ZodString;
    center: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
}, z.core.$strict>;
/** One object as the robot knows it: robot frame (x forward, y left, z up), metres. */
export declare const ObservedObject: z.ZodObject<{
    name: z.ZodString;
    center: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    yawDeg: z.ZodNumber;
    graspablePoint: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    movable: z.ZodBoolean;
    magnetic: z.ZodBoolean;
    soft: z.ZodBoolean;
    fragile: z.ZodBoolean;
    button: z.ZodBoolean;
    parts: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        center: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strict>>;
    onTopOf: z.ZodArray<z.ZodString>;
    inContactWith: z.ZodArray<z.ZodString>;
}, z.core.$strict>;
export type ObservedObject = z.infer<typeof ObservedObject>;
/** What the robot can do, as far as planning needs to know. */
export declare const ObservedRobot: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"arm">;
    gripper: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    workspace: z.ZodObject<{
        min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strict>;
    holding: z.ZodArray<z.ZodString>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"quadruped">;
    position: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    bodySize: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    stepUp: z.ZodNumber;
    maxGap: z.ZodNumber;
    standingOn: z.ZodNullable<z.ZodString>;
}, z.core.$strict>], "kind">;
export type ObservedRobot = z.infer<typeof ObservedRobot>;
/** What planners see of a scene: the same shape from ground truth, a depth camera or ROS topics. */
export declare const SceneObservation: z.ZodObject<{
    source: z.ZodEnum<{
        "ground-truth": "ground-truth";
        "depth-camera": "depth-camera";
        ros: "ros";
    }>;
    robot: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"arm">;
        gripper: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        workspace: z.ZodObject<{
            min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
            max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strict>;
        holding: z.ZodArray<z.ZodString>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"quadruped">;
        position: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        bodySize: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        stepUp: z.ZodNumber;
        maxGap: z.ZodNumber;
        standingOn: z.ZodNullable<z.ZodString>;
    }, z.core.$strict>], "kind">;
    objects: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        center: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        yawDeg: z.ZodNumber;
        graspablePoint: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
        movable: z.ZodBoolean;
        magnetic: z.ZodBoolean;
        soft: z.ZodBoolean;
        fragile: z.ZodBoolean;
        button: z.ZodBoolean;
        parts: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            center: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
            size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strict>>;
        onTopOf: z.ZodArray<z.ZodString>;
        inContactWith: z.ZodArray<z.ZodString>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type SceneObservation = z.infer<typeof SceneObservation>;
//# sourceMappingURL=observation.d.ts.map