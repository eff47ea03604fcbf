/** The goals the search planner understands without a model. */
export const SUPPORTED_GOALS = [
    'grasp X (arm): "grasp the milk", "pick up the can"',
    'press X (arm): "press the button"',
    'bring X within reach (arm): "bring the milk within reach"',
    'stand on / get on top of X (quadruped): "stand on sofa_2", "climb onto the sofa"',
    'put X on the ground safely (quadruped): "push the vase onto the ground without breaking it"',
];
/** A command the search planner cannot turn into a goal, with what it supports and how to get more. */
export class GoalParseError extends Error {
    name = 'GoalParseError';
    constructor(message) {
        super(`${message}\nWithout a language model robotool understands these goals:\n${SUPPORTED_GOALS.map((g) => `  - ${g}`).join('\n')}\n` +
            'For open-ended commands configure an OpenAI-compatible model: set ROBOTOOL_LLM_BASE_URL, ROBOTOOL_LLM_MODEL ' +
            '(and OPENAI_API_KEY if the server needs one), then run with --planner llm.');
    }
}
// The object phrase is the last capture group of each pattern.
const PATTERNS = [
    { type: 'within-reach', robot: 'arm', re: /\b(?:bring|pull|get|move)\s+(.+?)\s+(?:with)?in(?:to)?\s+(?:my\s+|the\s+)?reach\b/ },
    { type: 'on-ground-intact', robot: 'quadruped', re: /\b(?:push|put|place|move|get|knock|bring|take)\s+(.+?)\s+(?:off\s+)?(?:on|onto|to|down\s+to|down\s+on)\s+(?:the\s+)?(?:ground|floor)\b/ },
    { type: 'pressed', robot: 'arm', re: /\b(?:press|push\s+down|hit|activate)\s+(.+)$/ },
    { type: 'grasped', robot: 'arm', re: /\b(?:grasp|grab|pick\s+up|pick|take|fetch|get|hold)\s+(.+)$/ },
    {
        type: 'robot-on',
        robot: 'quadruped',
        re: /\b(?:stand\s+on(?:\s+top\s+of)?|get\s+on(?:\s+top\s+of)?|get\s+onto|climb\s+(?:up\s+)?(?:on(?:to)?|to)?(?:\s+the\s+top\s+of)?|go\s+(?:on)?to|move\s+(?:on)?to|walk\s+(?:on)?to|traverse\s+to|cross\s+to|reach)\s+(.+)$/,
    },
];
const STOP = new Set(['the', 'a', 'an', 'of', 'on', 'top', 'without', 'breaking', 'it', 'please', 'safely', 'carefully', 'that', 'is', 'side', 'and']);
function words(text) {
    return text
        .toLowerCase()
        .replace(/[_\-]/g, ' ')
        .replace(/[^a-z0-9 ]/g, ' ')
        .split(/\s+/)
        .filter((w) => w && !STOP.has(w));
}
/** Finds the object a phrase names: exact name first, then the best word overlap; ambiguity is an error. */
export function resolveObject(phrase, names) {
    const p = phrase.trim().toLowerCase().replace(/[.!?]+$/, '');
    // A name written out exactly ("sofa_2") wins; otherwise the best word overlap.
    const exact = names.find((n) => n.includes('_') && new RegExp(`\\b${n.toLowerCase()}\\b`).test(p));
    if (exact)
        return exact;
    const pw = words(p);
    const ordinal = { first: '1', second: '2', third: '3', one: '1', two: '2', three: '3' };
    const pwn = pw.map((w) => ordinal[w] ?? w);
    const scored = names
        .map((n) => {
        const nw = words(n);
        const hits = nw.filter((w) => pwn.includes(w) || pwn.some((x) => x.length > 3 && (x.startsWith(w) || w.startsWith(x)))).length;
        return { n, score: hits / nw.length, hits };
    })
        .filter((s) => s.hits > 0)
        .sort((a, b) => b.score - a.score || b.hits - a.hits);
    const best = scored[0];
    if (!best)
        throw new GoalParseError(`"${phrase}" names no object in the scene; objects: ${names.join(', ')}.`);
    const tied = scored.filter((s) => s.score === best.score && s.hits === best.hits);
    if (tied.length > 1)
        throw new GoalParseError(`"${phrase}" could mean ${tied.map((t) => t.n).join(' or ')}; name one exactly.`);
    return best.n;
}
/** Turns a plain-language command into a goal over the observed scene. */
export function parseGoal(command, obs) {
    const text = command.trim().toLowerCase().replace(/\s+/g, ' ');
    const names = obs.objects.map((o) => o.name);
    for (const p of PATTERNS) {
        if (p.robot !== obs.robot.kind)
            continue;
        const m = p.re.exec(text);
        const phrase = m?.[m.length - 1];
        if (!phrase)
            continue;
        const object = resolveObject(phrase.replace(/\s+(without|safely|carefully|off|from)\b.*$/, ''), names);
        switch (p.type) {
            case 'grasped':
                return { type: 'grasped', object, minLift: 0.02 };
            case 'on-ground-intact':
                return { type: 'on-ground-intact', object, maxHeight: 0.25 };
            default:
                return { type: p.type, object };
        }
    }
    throw new GoalParseError(`robotool cannot turn "${command}" into a goal for the ${obs.robot.kind}.`);
}
//# sourceMappingURL=goal-parse.js.map