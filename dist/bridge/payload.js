import { z } from 'zod';
/**
 * The wire schemas both bridges share, and the parsing that turns an untrusted payload into
 * data or a list of field-named issues. Nothing from the robot is cast: it is parsed here.
 */
// A record over SkillStatus, so that a new status fails to compile until the wire schema lists it.
const STATUSES = {
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
const SKILL_STATUSES = Object.keys(STATUSES);
/** What the robot reports for one skill call (the body of a result, without routing). */
export const SkillResultBody = z.object({
    status: z.enum(SKILL_STATUSES),
    /** The query's value or the motion report; absent means null. */
    value: z.unknown().optional(),
    message: z.string().optional(),
    warnings: z.array(z.string()).optional(),
    /** Seconds the skill took on the robot; absent: the bridge measures wall time. */
    seconds: z.number().nonnegative().optional(),
});
/** An MQTT result: the body plus the id of the request it answers. */
export const SkillResultMessage = SkillResultBody.extend({ id: z.string().min(1) });
/** `path: message` for each issue, with array indices in brackets: `robot.gripper[2]: expected number`. */
export function formatIssues(issues) {
    return issues.map((issue) => {
        let path = '';
        for (const key of issue.path) {
            if (typeof key === 'number')
                path += `[${key}]`;
            else
                path += path === '' ? String(key) : `.${String(key)}`;
        }
        return `${path === '' ? '(payload)' : path}: ${issue.message}`;
    });
}
/** Parses JSON text and then the schema; never throws. */
export function parsePayload(schema, text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        return { ok: false, issues: [`(payload): not JSON (${err instanceof Error ? err.message : String(err)})`], raw: undefined };
    }
    return parseValue(schema, raw);
}
/** Parses an already-decoded value with the schema; never throws. */
export function parseValue(schema, raw) {
    const r = schema.safeParse(raw);
    return r.success ? { ok: true, value: r.data } : { ok: false, issues: formatIssues(r.error.issues), raw };
}
/** The SkillResult a program sees, from a parsed body; `wallSeconds` fills in a missing duration. */
export function toSkillResult(body, wallSeconds) {
    return {
        value: body.value ?? null,
        status: body.status,
        ...(body.message !== undefined ? { message: body.message } : {}),
        warnings: body.warnings ?? [],
        seconds: body.seconds ?? wallSeconds,
    };
}
/** The `id` field of a payload that failed its schema, when there is a string one. */
export function readId(raw) {
    if (typeof raw !== 'object' || raw === null || !('id' in raw))
        return undefined;
    return typeof raw.id === 'string' ? raw.id : undefined;
}
//# sourceMappingURL=payload.js.map