import { z } from 'zod';
import { SceneObservation } from '../perception/observation.ts';
import type { SkillResult, SkillStatus } from '../skills/registry.ts';

/**
 * The wire schemas both bridges share, and the parsing that turns an untrusted payload into
 * data or a list of field-named issues. Nothing from the robot is cast: it is parsed here.
 */

// A record over SkillStatus, so that a new status fails to compile until the wire schema lists it.
const STATUSES: Record<SkillStatus, true> = {
  ok: true,
  reached: true,
  clamped: true,
  blocked: true,
  timeout: true,
  grasped: true,
  'grasped-nothing': true,
  released: true,
  failed: true,
};
const SKILL_STATUSES = Object.keys(STATUSES) as [SkillStatus, ...SkillStatus[]];

/**
 * When and in which order the robot said something: `stamp` is the robot's clock when it
 * published (ms since the epoch), `seq` a counter the robot increments for every observation
 * and result it publishes. Optional on the wire so that an unstamped report parses and is
 * then refused as unconfirmed with a message that says why, rather than dropped.
 */
const Stamped = z.object({
  stamp: z.number().finite().positive().optional(),
  seq: z.number().int().nonnegative().optional(),
});

/** An observation as the bridges receive it: a SceneObservation plus the robot's `stamp` and `seq`. */
export const StampedObservation = SceneObservation.extend(Stamped.shape);
export type StampedObservation = z.infer<typeof StampedObservation>;

/** What the robot reports for one skill call (the body of a result, without routing). */
export const SkillResultBody = z.object({
  status: z.enum(SKILL_STATUSES),
  /** The query's value or the motion report; absent means null. */
  value: z.unknown().optional(),
  message: z.string().optional(),
  warnings: z.array(z.string()).optional(),
  /** Seconds the skill took on the robot; absent: the bridge measures wall time. */
  seconds: z.number().nonnegative().optional(),
  ...Stamped.shape,
});
export type SkillResultBody = z.infer<typeof SkillResultBody>;

/** An MQTT result: the body plus the id of the request it answers. */
export const SkillResultMessage = SkillResultBody.extend({ id: z.string().min(1) });

/**
 * A skill request as the MQTT bridge sends it: `client` is the controller that holds the
 * robot's lease, `notAfter` the robot-clock time (epoch ms) after which the robot must not
 * start it (a request that arrives late, e.g. replayed after a reconnect, is refused).
 */
export interface SkillRequestMessage {
  id: string;
  skill: string;
  args: unknown[];
  client: string;
  notAfter: number;
}

/**
 * A stop as the bridge sends it: `callId` when it cancels one call, `at` in epoch ms (absent
 * in the MQTT last will), `client` the controller that sent it, `will: true` in the MQTT last
 * will (the controller vanished: the robot also releases its lease).
 */
export interface StopMessage {
  reason: string;
  callId?: string;
  at?: number;
  client?: string;
  will?: boolean;
}

/** A control (lease) request, robotool → robot: take, keep or give back control of the robot. */
export interface ControlRequestMessage {
  client: string;
  /** Who this controller is, for the message another controller gets when it is refused. */
  name: string;
  op: 'acquire' | 'renew' | 'release';
  /** How long the lease lasts without a renewal (ms). */
  leaseMs: number;
}

/** The robot's answer to a control request; every controller hears every answer and reads its own `client`. */
export const ControlReplyMessage = z.object({
  client: z.string().min(1),
  op: z.enum(['acquire', 'renew', 'release']),
  granted: z.boolean(),
  /** Who holds the robot now (null: nobody). */
  holder: z.object({ client: z.string(), name: z.string().optional() }).nullable(),
  message: z.string().optional(),
  stamp: z.number().finite().positive(),
  seq: z.number().int().nonnegative().optional(),
});
export type ControlReplyMessage = z.infer<typeof ControlReplyMessage>;

/** `path: message` for each issue, with array indices in brackets: `robot.gripper[2]: expected number`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    let path = '';
    for (const key of issue.path) {
      if (typeof key === 'number') path += `[${key}]`;
      else path += path === '' ? String(key) : `.${String(key)}`;
    }
    return `${path === '' ? '(payload)' : path}: ${issue.message}`;
  });
}

/** A parsed payload, or why it is not one. `raw` is the JSON value when the text was JSON. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: string[]; raw: unknown };

/** Parses JSON text and then the schema; never throws. */
export function parsePayload<T>(schema: z.ZodType<T>, text: string): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [`(payload): not JSON (${err instanceof Error ? err.message : String(err)})`], raw: undefined };
  }
  return parseValue(schema, raw);
}

/** Parses an already-decoded value with the schema; never throws. */
export function parseValue<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const r = schema.safeParse(raw);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: formatIssues(r.error.issues), raw };
}

/** The SkillResult a program sees, from a parsed body; `wallSeconds` fills in a missing duration. */
export function toSkillResult(body: SkillResultBody, wallSeconds: number): SkillResult {
  return {
    value: body.value ?? null,
    status: body.status,
    ...(body.message !== undefined ? { message: body.message } : {}),
    warnings: body.warnings ?? [],
    seconds: body.seconds ?? wallSeconds,
  };
}

/** The `id` field of a payload that failed its schema, when there is a string one. */
export function readId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return undefined;
  return typeof raw.id === 'string' ? raw.id : undefined;
}
