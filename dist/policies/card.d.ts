/**
 * The policy card: the JSON spec that travels with an ONNX policy (observation and action
 * layout, rate, normalisation, how it was trained, what it measured).
 */
import { z } from 'zod';
export declare const PolicyCard: z.ZodObject<{
    name: z.ZodString;
    model: z.ZodString;
    task: z.ZodString;
    env: z.ZodString;
    rateHz: z.ZodNumber;
    observation: z.ZodObject<{
        input: z.ZodString;
        size: z.ZodNumber;
        layout: z.ZodArray<z.ZodString>;
        normalisation: z.ZodString;
    }, z.core.$strip>;
    action: z.ZodObject<{
        output: z.ZodString;
        size: z.ZodNumber;
        layout: z.ZodArray<z.ZodString>;
        range: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
    }, z.core.$strip>;
    network: z.ZodObject<{
        sizes: z.ZodArray<z.ZodNumber>;
        activation: z.ZodLiteral<"tanh">;
    }, z.core.$strip>;
    training: z.ZodObject<{
        method: z.ZodString;
        seed: z.ZodNumber;
        iterations: z.ZodNumber;
        pairs: z.ZodNumber;
        episodesPerCandidate: z.ZodNumber;
        sigma: z.ZodNumber;
        learningRate: z.ZodNumber;
        seconds: z.ZodNumber;
        physicsSteps: z.ZodNumber;
    }, z.core.$strip>;
    evaluation: z.ZodObject<{
        episodes: z.ZodNumber;
        firstSeed: z.ZodNumber;
        toleranceRad: z.ZodNumber;
        successRate: z.ZodNumber;
        zeroPolicySuccessRate: z.ZodNumber;
        randomPolicySuccessRate: z.ZodNumber;
        meanFinalErrorRad: z.ZodNumber;
    }, z.core.$strip>;
}, z.core.$strip>;
export type PolicyCard = z.infer<typeof PolicyCard>;
/** Parses a card's text; errors name the file and every bad field (`observation.size: ...`). */
export declare function parsePolicyCard(text: string, where: string): PolicyCard;
//# sourceMappingURL=card.d.ts.map