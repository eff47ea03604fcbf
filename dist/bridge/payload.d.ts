import { z } from 'zod';
import type { SkillResult } from '../skills/registry.ts';
/** What the robot reports for one skill call (the body of a result, without routing). */
export declare const SkillResultBody: z.ZodObject<{
    status: z.ZodEnum<{
        grasped: "grasped";
        ok: "ok";
        reached: "reached";
        clamped: "clamped";
        blocked: "blocked";
        timeout: "timeout";
        "grasped-nothing": "grasped-nothing";
        released: "released";
        failed: "failed";
    }>;
    value: z.ZodOptional<z.ZodUnknown>;
    message: z.ZodOptional<z.ZodString>;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
    seconds: z.ZodOptional<z.ZodNumber>;
}, z.core.$strip>;
export type SkillResultBody = z.infer<typeof SkillResultBody>;
/** An MQTT result: the body plus the id of the request it answers. */
export declare const SkillResultMessage: z.ZodObject<{
    status: z.ZodEnum<{
        grasped: "grasped";
        ok: "ok";
        reached: "reached";
        clamped: "clamped";
        blocked: "blocked";
        timeout: "timeout";
        "grasped-nothing": "grasped-nothing";
        released: "released";
        failed: "failed";
    }>;
    value: z.ZodOptional<z.ZodUnknown>;
    message: z.ZodOptional<z.ZodString>;
    warnings: z.ZodOptional<z.ZodArray<z.ZodString>>;
    seconds: z.ZodOptional<z.ZodNumber>;
    id: z.ZodString;
}, z.core.$strip>;
/** A skill request as the bridge sends it. */
export interface SkillRequestMessage {
    id: string;
    skill: string;
    args: unknown[];
}
/** A stop as the bridge sends it: `callId` when it cancels one call, `at` in epoch ms (absent in the MQTT last will). */
export interface StopMessage {
    reason: string;
    callId?: string;
    at?: number;
}
/** `path: message` for each issue, with array indices in brackets: `robot.gripper[2]: expected number`. */
export declare function formatIssues(issues: readonly z.core.$ZodIssue[]): string[];
/** A parsed payload, or why it is not one. `raw` is the JSON value when the text was JSON. */
export type Parsed<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    issues: string[];
    raw: unknown;
};
/** Parses JSON text and then the schema; never throws. */
export declare function parsePayload<T>(schema: z.ZodType<T>, text: string): Parsed<T>;
/** Parses an already-decoded value with the schema; never throws. */
export declare function parseValue<T>(schema: z.ZodType<T>, raw: unknown): Parsed<T>;
/** The SkillResult a program sees, from a parsed body; `wallSeconds` fills in a missing duration. */
export declare function toSkillResult(body: SkillResultBody, wallSeconds: number): SkillResult;
/** The `id` field of a payload that failed its schema, when there is a string one. */
export declare function readId(raw: unknown): string | undefined;
//# sourceMappingURL=payload.d.ts.map