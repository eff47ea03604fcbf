/**
 * The policy card: the JSON spec that travels with an ONNX policy (observation and action
 * layout, rate, normalisation, how it was trained, what it measured).
 */
import { z } from 'zod';
const Int = z.number().int();
export const PolicyCard = z.object({
    name: z.string().min(1),
    /** The ONNX file, relative to the card. */
    model: z.string().regex(/\.onnx$/, 'must name a .onnx file'),
    task: z.string(),
    env: z.string(),
    rateHz: z.number().positive(),
    observation: z.object({
        input: z.string().min(1),
        size: Int.positive(),
        layout: z.array(z.string()),
        normalisation: z.string(),
    }),
    action: z.object({
        output: z.string().min(1),
        size: Int.positive(),
        layout: z.array(z.string()),
        range: z.tuple([z.number(), z.number()]),
    }),
    network: z.object({
        sizes: z.array(Int.positive()).min(2),
        activation: z.literal('tanh'),
    }),
    training: z.object({
        method: z.string(),
        seed: Int,
        iterations: Int.nonnegative(),
        pairs: Int.positive(),
        episodesPerCandidate: Int.positive(),
        sigma: z.number().positive(),
        learningRate: z.number().positive(),
        seconds: z.number().nonnegative(),
        physicsSteps: Int.nonnegative(),
    }),
    evaluation: z.object({
        episodes: Int.positive(),
        firstSeed: Int,
        toleranceRad: z.number().positive(),
        successRate: z.number().min(0).max(1),
        zeroPolicySuccessRate: z.number().min(0).max(1),
        randomPolicySuccessRate: z.number().min(0).max(1),
        meanFinalErrorRad: z.number().nonnegative(),
    }),
}).superRefine((c, ctx) => {
    const sizes = c.network.sizes;
    if (sizes[0] !== c.observation.size) {
        ctx.addIssue({ code: 'custom', path: ['network', 'sizes', 0], message: `first layer ${sizes[0]} ≠ observation.size ${c.observation.size}` });
    }
    if (sizes[sizes.length - 1] !== c.action.size) {
        ctx.addIssue({ code: 'custom', path: ['network', 'sizes', sizes.length - 1], message: `last layer ${sizes[sizes.length - 1]} ≠ action.size ${c.action.size}` });
    }
    if (c.observation.layout.length !== c.observation.size) {
        ctx.addIssue({ code: 'custom', path: ['observation', 'layout'], message: `${c.observation.layout.length} names for ${c.observation.size} values` });
    }
    if (c.action.layout.length !== c.action.size) {
        ctx.addIssue({ code: 'custom', path: ['action', 'layout'], message: `${c.action.layout.length} names for ${c.action.size} values` });
    }
});
/** Parses a card's text; errors name the file and every bad field (`observation.size: ...`). */
export function parsePolicyCard(text, where) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (e) {
        throw new Error(`policy card ${where}: not JSON (${e.message})`);
    }
    const r = PolicyCard.safeParse(raw);
    if (!r.success) {
        const issues = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
        throw new Error(`policy card ${where}: ${issues.join('; ')}`);
    }
    return r.data;
}
//# sourceMappingURL=card.js.map