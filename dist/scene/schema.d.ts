import { z } from 'zod';
/** A point or extent in metres, robot/world frame: x forward, y left, z up. */
export declare const Vec3: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
export type Vec3 = z.infer<typeof Vec3>;
/** A unit quaternion as [x, y, z, w]. */
export declare const Quat: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
export type Quat = z.infer<typeof Quat>;
/** A primitive solid. `size` is the full extent: box x×y×z; cylinder [diameter, diameter, height] (axis z); sphere [d, d, d]. */
export declare const ShapeKind: z.ZodEnum<{
    box: "box";
    cylinder: "cylinder";
    sphere: "sphere";
}>;
export type ShapeKind = z.infer<typeof ShapeKind>;
/** One rigid part of a compound object (a hammer's handle and head), posed in the object's frame. */
export declare const ObjectPart: z.ZodObject<{
    name: z.ZodString;
    shape: z.ZodDefault<z.ZodEnum<{
        box: "box";
        cylinder: "cylinder";
        sphere: "sphere";
    }>>;
    size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    offset: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
}, z.core.$strict>;
export type ObjectPart = z.infer<typeof ObjectPart>;
/** Breaks when it hits anything but a `soft` object faster than `breakSpeed` (m/s). */
export declare const Fragile: z.ZodObject<{
    breakSpeed: z.ZodNumber;
}, z.core.$strict>;
/** A spring-loaded button: its cap moves down along z and counts as pressed past `pressDepth`. */
export declare const Button: z.ZodObject<{
    travel: z.ZodDefault<z.ZodNumber>;
    pressDepth: z.ZodDefault<z.ZodNumber>;
    stiffness: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const SceneObject: z.ZodObject<{
    name: z.ZodString;
    description: z.ZodOptional<z.ZodString>;
    shape: z.ZodDefault<z.ZodEnum<{
        box: "box";
        cylinder: "cylinder";
        sphere: "sphere";
    }>>;
    size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    position: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    yawDeg: z.ZodDefault<z.ZodNumber>;
    mass: z.ZodDefault<z.ZodNumber>;
    friction: z.ZodDefault<z.ZodNumber>;
    restitution: z.ZodDefault<z.ZodNumber>;
    movable: z.ZodDefault<z.ZodBoolean>;
    graspablePoint: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    magnetic: z.ZodDefault<z.ZodBoolean>;
    soft: z.ZodDefault<z.ZodBoolean>;
    fragile: z.ZodOptional<z.ZodObject<{
        breakSpeed: z.ZodNumber;
    }, z.core.$strict>>;
    button: z.ZodOptional<z.ZodObject<{
        travel: z.ZodDefault<z.ZodNumber>;
        pressDepth: z.ZodDefault<z.ZodNumber>;
        stiffness: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    parts: z.ZodOptional<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        shape: z.ZodDefault<z.ZodEnum<{
            box: "box";
            cylinder: "cylinder";
            sphere: "sphere";
        }>>;
        size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        offset: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strict>>>;
    tags: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export type SceneObject = z.infer<typeof SceneObject>;
export declare const Workspace: z.ZodObject<{
    min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
}, z.core.$strict>;
export type Workspace = z.infer<typeof Workspace>;
export declare const ArmSpec: z.ZodObject<{
    kind: z.ZodLiteral<"arm">;
    base: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    workspace: z.ZodObject<{
        min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strict>;
    home: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    maxSpeed: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export type ArmSpec = z.infer<typeof ArmSpec>;
export declare const QuadrupedSpec: z.ZodObject<{
    kind: z.ZodLiteral<"quadruped">;
    start: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    yawDeg: z.ZodDefault<z.ZodNumber>;
    stepUp: z.ZodDefault<z.ZodNumber>;
    maxGap: z.ZodDefault<z.ZodNumber>;
    maxSpeed: z.ZodDefault<z.ZodNumber>;
    mass: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export type QuadrupedSpec = z.infer<typeof QuadrupedSpec>;
export declare const RobotSpec: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"arm">;
    base: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    workspace: z.ZodObject<{
        min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strict>;
    home: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
    maxSpeed: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"quadruped">;
    start: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    yawDeg: z.ZodDefault<z.ZodNumber>;
    stepUp: z.ZodDefault<z.ZodNumber>;
    maxGap: z.ZodDefault<z.ZodNumber>;
    maxSpeed: z.ZodDefault<z.ZodNumber>;
    mass: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>], "kind">;
export type RobotSpec = z.infer<typeof RobotSpec>;
export type RobotKind = RobotSpec['kind'];
/** Success predicates, as data so that they survive renaming objects. */
export declare const Goal: z.ZodDiscriminatedUnion<[z.ZodObject<{
    type: z.ZodLiteral<"grasped">;
    object: z.ZodString;
    minLift: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>, z.ZodObject<{
    type: z.ZodLiteral<"pressed">;
    object: z.ZodString;
}, z.core.$strict>, z.ZodObject<{
    type: z.ZodLiteral<"robot-on">;
    object: z.ZodString;
}, z.core.$strict>, z.ZodObject<{
    type: z.ZodLiteral<"on-ground-intact">;
    object: z.ZodString;
    maxHeight: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>, z.ZodObject<{
    type: z.ZodLiteral<"within-reach">;
    object: z.ZodString;
}, z.core.$strict>], "type">;
export type Goal = z.infer<typeof Goal>;
export declare const Scene: z.ZodObject<{
    $schema: z.ZodOptional<z.ZodString>;
    name: z.ZodString;
    description: z.ZodDefault<z.ZodString>;
    command: z.ZodString;
    robot: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"arm">;
        base: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
        workspace: z.ZodObject<{
            min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
            max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strict>;
        home: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
        maxSpeed: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"quadruped">;
        start: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        yawDeg: z.ZodDefault<z.ZodNumber>;
        stepUp: z.ZodDefault<z.ZodNumber>;
        maxGap: z.ZodDefault<z.ZodNumber>;
        maxSpeed: z.ZodDefault<z.ZodNumber>;
        mass: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>], "kind">;
    ground: z.ZodDefault<z.ZodObject<{
        friction: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    objects: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        description: z.ZodOptional<z.ZodString>;
        shape: z.ZodDefault<z.ZodEnum<{
            box: "box";
            cylinder: "cylinder";
            sphere: "sphere";
        }>>;
        size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        position: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        yawDeg: z.ZodDefault<z.ZodNumber>;
        mass: z.ZodDefault<z.ZodNumber>;
        friction: z.ZodDefault<z.ZodNumber>;
        restitution: z.ZodDefault<z.ZodNumber>;
        movable: z.ZodDefault<z.ZodBoolean>;
        graspablePoint: z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
        magnetic: z.ZodDefault<z.ZodBoolean>;
        soft: z.ZodDefault<z.ZodBoolean>;
        fragile: z.ZodOptional<z.ZodObject<{
            breakSpeed: z.ZodNumber;
        }, z.core.$strict>>;
        button: z.ZodOptional<z.ZodObject<{
            travel: z.ZodDefault<z.ZodNumber>;
            pressDepth: z.ZodDefault<z.ZodNumber>;
            stiffness: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>>;
        parts: z.ZodOptional<z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            shape: z.ZodDefault<z.ZodEnum<{
                box: "box";
                cylinder: "cylinder";
                sphere: "sphere";
            }>>;
            size: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
            offset: z.ZodDefault<z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strict>>>;
        tags: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>;
    goal: z.ZodDiscriminatedUnion<[z.ZodObject<{
        type: z.ZodLiteral<"grasped">;
        object: z.ZodString;
        minLift: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        type: z.ZodLiteral<"pressed">;
        object: z.ZodString;
    }, z.core.$strict>, z.ZodObject<{
        type: z.ZodLiteral<"robot-on">;
        object: z.ZodString;
    }, z.core.$strict>, z.ZodObject<{
        type: z.ZodLiteral<"on-ground-intact">;
        object: z.ZodString;
        maxHeight: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        type: z.ZodLiteral<"within-reach">;
        object: z.ZodString;
    }, z.core.$strict>], "type">;
    keepOut: z.ZodDefault<z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        min: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
        max: z.ZodTuple<[z.ZodNumber, z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strict>>>;
    timeLimit: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export type Scene = z.infer<typeof Scene>;
export type SceneInput = z.input<typeof Scene>;
//# sourceMappingURL=schema.d.ts.map