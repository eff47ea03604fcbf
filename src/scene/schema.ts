import { z } from 'zod';

/** A point or extent in metres, robot/world frame: x forward, y left, z up. */
export const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof Vec3>;

/** A unit quaternion as [x, y, z, w]. */
export const Quat = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type Quat = z.infer<typeof Quat>;

const positive = z.number().positive();
const PositiveVec3 = z.tuple([positive, positive, positive]);

/** A primitive solid. `size` is the full extent: box x×y×z; cylinder [diameter, diameter, height] (axis z); sphere [d, d, d]. */
export const ShapeKind = z.enum(['box', 'cylinder', 'sphere']);
export type ShapeKind = z.infer<typeof ShapeKind>;

/** One rigid part of a compound object (a hammer's handle and head), posed in the object's frame. */
export const ObjectPart = z.strictObject({
  name: z.string().min(1),
  shape: ShapeKind.default('box'),
  size: PositiveVec3,
  offset: Vec3.default([0, 0, 0]),
});
export type ObjectPart = z.infer<typeof ObjectPart>;

/** Breaks when it hits anything but a `soft` object faster than `breakSpeed` (m/s). */
export const Fragile = z.strictObject({
  breakSpeed: positive.describe('impact speed (m/s) above which the object breaks; 2.43 m/s is a 0.3 m free fall'),
});

/** A spring-loaded button: its cap moves down along z and counts as pressed past `pressDepth`. */
export const Button = z.strictObject({
  travel: positive.default(0.02).describe('how far the cap can move down (m)'),
  pressDepth: positive.default(0.008).describe('depth (m) past which the button reads as pressed'),
  stiffness: positive.default(2000).describe('spring stiffness (N/m)'),
});

export const SceneObject = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an identifier: letters, digits, underscore'),
    description: z.string().optional(),
    shape: ShapeKind.default('box'),
    /** Full extent of the object's bounding box (m). For compound objects, the box around its parts. */
    size: PositiveVec3,
    /** Centre of the bounding box (m). */
    position: Vec3,
    /** Yaw about z (degrees); objects are placed upright. */
    yawDeg: z.number().default(0),
    mass: positive.default(0.2),
    friction: z.number().min(0).default(0.6),
    restitution: z.number().min(0).max(1).default(0),
    /** Static objects (furniture, table fixtures) are `movable: false`. */
    movable: z.boolean().default(true),
    /** Where a parallel gripper should close on it, in world coordinates; absent = not graspable. */
    graspablePoint: Vec3.optional(),
    /** Touching magnetic parts join rigidly. */
    magnetic: z.boolean().default(false),
    /** Landing on it does not break fragile objects. */
    soft: z.boolean().default(false),
    fragile: Fragile.optional(),
    button: Button.optional(),
    /** Compound objects: parts replace the single primitive. */
    parts: z.array(ObjectPart).min(1).optional(),
    /** Lie about nothing: a distractor is an ordinary object; this tag is for humans only. */
    tags: z.array(z.string()).default([]),
  })
  .superRefine((o, ctx) => {
    if (o.button && o.movable) {
      ctx.addIssue({ code: 'custom', path: ['movable'], message: 'a button is fixed in place: set movable to false' });
    }
  });
export type SceneObject = z.infer<typeof SceneObject>;

export const Workspace = z
  .strictObject({ min: Vec3, max: Vec3 })
  .refine((w) => w.min.every((v, i) => v < (w.max[i] ?? -Infinity)), {
    message: 'workspace.min must be below workspace.max on every axis',
  });
export type Workspace = z.infer<typeof Workspace>;

export const ArmSpec = z.strictObject({
  kind: z.literal('arm'),
  /** Base of the arm on the table (m). */
  base: Vec3.default([0, 0, 0]),
  workspace: Workspace,
  /** Where the gripper starts (m). */
  home: Vec3.default([0.25, 0, 0.25]),
  /** Gripper speed limit (m/s). */
  maxSpeed: positive.default(0.2),
});
export type ArmSpec = z.infer<typeof ArmSpec>;

export const QuadrupedSpec = z.strictObject({
  kind: z.literal('quadruped'),
  /** Start position of the body centre projected on its support: x, y, and the height of the surface it stands on. */
  start: Vec3,
  yawDeg: z.number().default(0),
  /** Highest step it can climb (m). */
  stepUp: positive.default(0.12),
  /** Widest gap between supporting surfaces it can step across (m). */
  maxGap: positive.default(0.1),
  maxSpeed: positive.default(0.5),
  mass: positive.default(12),
});
export type QuadrupedSpec = z.infer<typeof QuadrupedSpec>;

export const RobotSpec = z.discriminatedUnion('kind', [ArmSpec, QuadrupedSpec]);
export type RobotSpec = z.infer<typeof RobotSpec>;
export type RobotKind = RobotSpec['kind'];

/**
 * A depth camera in the scene: where it is, what it looks at, its pinhole intrinsics and how
 * its depth is corrupted. Depth noise grows with the square of the range, as with
 * structured-light and stereo sensors: sigma(z) = depthNoise * z^2 (z in m).
 */
export const CameraSpec = z
  .strictObject({
    name: z.string().min(1),
    /** Optical centre in the scene frame (m). */
    position: Vec3,
    /** A point on the optical axis (m); the image's up is the scene's +z. */
    lookAt: Vec3,
    width: z.number().int().min(8).max(2048).default(160),
    height: z.number().int().min(8).max(2048).default(120),
    /** Focal lengths and principal point (pixels); default: a 60 degree horizontal field of view, centred. */
    fx: z.number().positive().optional(),
    fy: z.number().positive().optional(),
    cx: z.number().optional(),
    cy: z.number().optional(),
    depthNoise: z.number().min(0).default(0.0005).describe('standard deviation of depth (m) at 1 m range; it grows with range squared'),
    dropout: z.number().min(0).max(0.9).default(0.01).describe('fraction of pixels that return no depth'),
    maxRange: z.number().positive().default(8).describe('beyond this range (m) a pixel returns no depth'),
  })
  .superRefine((c, ctx) => {
    const d = [0, 1, 2].map((i) => c.lookAt[i]! - c.position[i]!);
    if (Math.hypot(d[0]!, d[1]!, d[2]!) < 1e-6) ctx.addIssue({ code: 'custom', path: ['lookAt'], message: 'lookAt must differ from position' });
  });
export type CameraSpec = z.infer<typeof CameraSpec>;
export type CameraSpecInput = z.input<typeof CameraSpec>;

/** The `sensors` section of a scene file. */
export const Sensors = z.strictObject({ cameras: z.array(CameraSpec).min(1) });
export type Sensors = z.infer<typeof Sensors>;

/** Success predicates, as data so that they survive renaming objects. */
export const Goal = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('grasped'), object: z.string(), minLift: z.number().min(0).default(0.02) })
    .describe('the gripper holds object, lifted at least minLift (m) above where it started'),
  z
    .strictObject({
      type: z.literal('pressed'),
      object: z.string(),
      with: z.array(z.string()).min(1).optional().describe('objects one of which (or a part joined to it) must touch the button as it reads pressed'),
    })
    .describe('the button object was pressed past its pressDepth'),
  z.strictObject({ type: z.literal('robot-on'), object: z.string() }).describe('the quadruped stands on object'),
  z
    .strictObject({ type: z.literal('on-ground-intact'), object: z.string(), maxHeight: positive.default(0.25) })
    .describe('object rests, unbroken and not held, with its bottom at most maxHeight (m) above the ground'),
  z.strictObject({ type: z.literal('within-reach'), object: z.string() }).describe("object's centre lies inside the arm's workspace (x, y)"),
  z
    .strictObject({ type: z.literal('on'), object: z.string(), support: z.string() })
    .describe('object rests on top of support, unbroken, settled and not held'),
  z
    .strictObject({ type: z.literal('near'), object: z.string(), target: z.string(), maxDistance: positive.default(0.05) })
    .describe("object stands beside target (not on it), unbroken, settled and not held, its footprint at most maxDistance (m) from target's"),
]);
export type Goal = z.infer<typeof Goal>;

/** A keep-out box; an inverted one (min above max on some axis) is an error, never silently empty. */
export const KeepOutBox = z
  .strictObject({ name: z.string(), min: Vec3, max: Vec3 })
  .superRefine((b, ctx) => {
    b.min.forEach((v, i) => {
      if (!(v <= (b.max[i] ?? -Infinity))) {
        ctx.addIssue({ code: 'custom', path: ['min', i], message: `keep-out box min must not be above max on any axis (min[${i}] ${v} > max[${i}] ${b.max[i]})` });
      }
    });
  });

/** Every object a goal names, with its path inside the goal (for error messages). */
export function goalObjectRefs(goal: Goal): [(string | number)[], string][] {
  const refs: [(string | number)[], string][] = [[['object'], goal.object]];
  if (goal.type === 'on') refs.push([['support'], goal.support]);
  if (goal.type === 'near') refs.push([['target'], goal.target]);
  if (goal.type === 'pressed') goal.with?.forEach((w, i) => refs.push([['with', i], w]));
  return refs;
}

export const Scene = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().default(''),
    /** The command a user would give for this task. */
    command: z.string().min(1),
    robot: RobotSpec,
    ground: z.strictObject({ friction: z.number().min(0).default(0.6) }).default({ friction: 0.6 }),
    objects: z.array(SceneObject).min(1),
    goal: Goal,
    /** Boxes no part of the robot or of what it holds may enter (checked by the safety envelope along every path). */
    keepOut: z.array(KeepOutBox).default([]),
    /** How far every part of the robot must stay from every keep-out box (m). */
    keepOutMargin: z.number().min(0).max(0.5).default(0.02),
    /** Simulated seconds each program run (in the twin and for real) may take. */
    timeLimit: positive.default(120),
    /** Depth cameras for `--perception camera`; absent = one default camera (see scene/camera.ts). */
    sensors: Sensors.optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Map<string, number>();
    s.objects.forEach((o, i) => {
      const first = seen.get(o.name);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['objects', i, 'name'], message: `duplicate object name "${o.name}" (first at objects[${first}])` });
      }
      seen.set(o.name, i);
    });
    for (const [path, name] of goalObjectRefs(s.goal)) {
      if (!seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['goal', ...path], message: `no object named "${name}"; objects: ${[...seen.keys()].join(', ')}` });
      }
    }
  });
export type Scene = z.infer<typeof Scene>;
export type SceneInput = z.input<typeof Scene>;
