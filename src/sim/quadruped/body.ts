import type { Vec3 } from '../../scene/schema.ts';
import type { XY } from './path.ts';

/**
 * The quadruped's body as the other parts see it: its dimensions, the constants and small angle
 * helpers that the motion (robot.ts), the terrain checks (terrain.ts) and pushing (push.ts)
 * share, and the plain data it remembers between ticks (QuadrupedState, what a snapshot of the
 * world carries for the robot).
 */

/** Capsule radius (m): half the body's width and height with legs. */
export const BODY_RADIUS = 0.15;
/** Capsule half-length of the cylinder part (m); the body is 2 × (0.175 + 0.15) = 0.65 m long. */
export const BODY_HALF_LENGTH = 0.175;
/** From the body centre to its front (m). */
export const NOSE = BODY_HALF_LENGTH + BODY_RADIUS;
/** Gap the character controller keeps to its surroundings (m). */
export const OFFSET = 0.01;
/** Physics steps per locomotion-controller tick. */
export const CONTROL_EVERY = 4;
/** Gravity (m/s²). */
export const G = 9.81;
/** Arrival tolerance (m) at the end of a walk or of a push's leg. */
export const REACH_TOLERANCE = 0.015;

/** The angle wrapped to [-π, π]. */
export const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));
/** The quaternion of a turn by `yaw` about z. */
export const yawQ = (yaw: number) => ({ x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) });
/** The capsule's axis is Rapier's local y; this turns it onto the body's x axis. */
export const CAPSULE_ALONG_X = { x: 0, y: 0, z: -Math.SQRT1_2, w: Math.SQRT1_2 };

export type Outcome = 'idle' | 'moving' | 'reached' | 'blocked';

export interface WalkTask {
  kind: 'walk';
  waypoints: XY[];
  /** Heading to turn to at the end (rad), if any. */
  heading: number | null;
}

export interface PushTask {
  kind: 'push';
  object: string;
  target: XY;
  /** Object-centre waypoints still to reach, the target last (see Pusher.planLegs). */
  legs: XY[];
  /** Where the object's centre was when the current leg began. */
  legFrom: XY;
  phase: 'approach' | 'push' | 'settle';
  /** The approach walk while phase is 'approach'. */
  walk: WalkTask | null;
  approaches: number;
  /** Control ticks in a row the object has not followed the robot's push. */
  stuckTicks: number;
  /** Height of the object's centre when the push started (m): it has fallen when this drops. */
  startHeight: number;
  settleSteps: number;
  /** Control ticks in a row the fallen object has been at rest. */
  quietTicks: number;
}

/** Everything about the quadruped that Rapier's snapshot does not hold (plain data). */
export interface QuadrupedState {
  body: number;
  collider: number;
  /** The pushing plate at the front (see PLATE_HALF in robot.ts) and whether it is switched on. */
  plate: number;
  plateOn: boolean;
  /** Heading (rad) at the start of the current control period, and at its end. */
  yaw: number;
  yawTo: number;
  /** Vertical speed while falling (m/s). */
  vz: number;
  /** Whether the body rested on something at its last tick. */
  grounded: boolean;
  /** Height of the surface the body last rested on (m). */
  level: number;
  /** Body position at the start of the current control period and the motion over it. */
  from: Vec3;
  move: Vec3;
  /** Physics steps done in the current control period. */
  sub: number;
  task: WalkTask | PushTask | null;
  outcome: Outcome;
  reason: string;
  /** Control ticks in a row with too little progress. */
  stalled: number;
  /** A turn was refused for the footholds during this task: walk without turning. */
  turnBlocked: boolean;
  /** How the last controller tick went (for stall detection). */
  lastTick: TickReport;
  /** Dynamic bodies currently carrying the robot's weight (their forces are reset each tick). */
  loaded: number[];
  /** The world's configured solver iterations, the most the quadruped uses (see WALK_ITERATIONS in robot.ts). */
  iterations?: number;
}

/** Why the last controller tick could not move as commanded. */
export interface TickReport {
  commanded: number;
  achieved: number;
  why: string;
}
