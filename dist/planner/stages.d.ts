import { z } from 'zod';
import { SceneObservation } from '../perception/observation.ts';
import type { SkillRobot } from '../skills/registry.ts';
/**
 * The stage contract shared by the LLM stages and the search planner: what each of RoboTool's
 * four stages produces, as data with schemas, so that either implementation can feed the next.
 */
/** The four stages, in chain order. */
export declare const STAGE_NAMES: readonly ["analyzer", "planner", "calculator", "coder"];
/** One of RoboTool's four stages. */
export type StageName = (typeof STAGE_NAMES)[number];
/** The kinds of physical concept a task can hinge on (RoboTool's "key concepts"). */
export declare const ConceptKind: z.ZodEnum<{
    "out-of-reach": "out-of-reach";
    "step-too-high": "step-too-high";
    gap: "gap";
    "fragile-drop": "fragile-drop";
    "joinable-parts": "joinable-parts";
    other: "other";
}>;
export type ConceptKind = z.infer<typeof ConceptKind>;
/** One key concept: what makes the task hard, the objects involved and the numbers that show it. */
export declare const KeyConcept: z.ZodObject<{
    kind: z.ZodEnum<{
        "out-of-reach": "out-of-reach";
        "step-too-high": "step-too-high";
        gap: "gap";
        "fragile-drop": "fragile-drop";
        "joinable-parts": "joinable-parts";
        other: "other";
    }>;
    description: z.ZodString;
    objects: z.ZodArray<z.ZodString>;
    numbers: z.ZodRecord<z.ZodString, z.ZodNumber>;
}, z.core.$strict>;
export type KeyConcept = z.infer<typeof KeyConcept>;
/** The Analyzer's answer: the key concepts the task hinges on. */
export declare const AnalyzerOutput: z.ZodObject<{
    summary: z.ZodString;
    concepts: z.ZodArray<z.ZodObject<{
        kind: z.ZodEnum<{
            "out-of-reach": "out-of-reach";
            "step-too-high": "step-too-high";
            gap: "gap";
            "fragile-drop": "fragile-drop";
            "joinable-parts": "joinable-parts";
            other: "other";
        }>;
        description: z.ZodString;
        objects: z.ZodArray<z.ZodString>;
        numbers: z.ZodRecord<z.ZodString, z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type AnalyzerOutput = z.infer<typeof AnalyzerOutput>;
/** What the Planner thinks an object is and what it can be used for. */
export declare const ObjectAnalysis: z.ZodObject<{
    name: z.ZodString;
    properties: z.ZodArray<z.ZodString>;
    affordances: z.ZodArray<z.ZodString>;
}, z.core.$strict>;
export type ObjectAnalysis = z.infer<typeof ObjectAnalysis>;
/** A pairwise spatial relation: `a` <relation> `b` ("milk" "is beyond the workspace, 0.09 m past" "robot"). */
export declare const SpatialRelation: z.ZodObject<{
    a: z.ZodString;
    b: z.ZodString;
    relation: z.ZodString;
}, z.core.$strict>;
export type SpatialRelation = z.infer<typeof SpatialRelation>;
/** One plan step: exactly one skill call. */
export declare const PlanStep: z.ZodObject<{
    skill: z.ZodString;
    description: z.ZodString;
}, z.core.$strict>;
export type PlanStep = z.infer<typeof PlanStep>;
/** The Planner's answer: object analysis, spatial relations and a step-by-step strategy. */
export declare const PlannerOutput: z.ZodObject<{
    objects: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        properties: z.ZodArray<z.ZodString>;
        affordances: z.ZodArray<z.ZodString>;
    }, z.core.$strict>>;
    relations: z.ZodArray<z.ZodObject<{
        a: z.ZodString;
        b: z.ZodString;
        relation: z.ZodString;
    }, z.core.$strict>>;
    steps: z.ZodArray<z.ZodObject<{
        skill: z.ZodString;
        description: z.ZodString;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type PlannerOutput = z.infer<typeof PlannerOutput>;
/** One computed parameter: which plan step (1-based) it is for, its value and how it was derived. */
export declare const CalculatedValue: z.ZodObject<{
    step: z.ZodNumber;
    name: z.ZodString;
    value: z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>;
    derivation: z.ZodString;
}, z.core.$strict>;
export type CalculatedValue = z.infer<typeof CalculatedValue>;
/** The Calculator's answer: the numbers the plan's steps need. */
export declare const CalculatorOutput: z.ZodObject<{
    values: z.ZodArray<z.ZodObject<{
        step: z.ZodNumber;
        name: z.ZodString;
        value: z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>;
        derivation: z.ZodString;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type CalculatorOutput = z.infer<typeof CalculatorOutput>;
/** The Coder's answer: a plain sequential JavaScript program over the robot's skills. */
export declare const CoderOutput: z.ZodObject<{
    program: z.ZodString;
}, z.core.$strict>;
export type CoderOutput = z.infer<typeof CoderOutput>;
/** Each stage's output schema. */
export declare const STAGE_OUTPUT_SCHEMAS: {
    readonly analyzer: z.ZodObject<{
        summary: z.ZodString;
        concepts: z.ZodArray<z.ZodObject<{
            kind: z.ZodEnum<{
                "out-of-reach": "out-of-reach";
                "step-too-high": "step-too-high";
                gap: "gap";
                "fragile-drop": "fragile-drop";
                "joinable-parts": "joinable-parts";
                other: "other";
            }>;
            description: z.ZodString;
            objects: z.ZodArray<z.ZodString>;
            numbers: z.ZodRecord<z.ZodString, z.ZodNumber>;
        }, z.core.$strict>>;
    }, z.core.$strict>;
    readonly planner: z.ZodObject<{
        objects: z.ZodArray<z.ZodObject<{
            name: z.ZodString;
            properties: z.ZodArray<z.ZodString>;
            affordances: z.ZodArray<z.ZodString>;
        }, z.core.$strict>>;
        relations: z.ZodArray<z.ZodObject<{
            a: z.ZodString;
            b: z.ZodString;
            relation: z.ZodString;
        }, z.core.$strict>>;
        steps: z.ZodArray<z.ZodObject<{
            skill: z.ZodString;
            description: z.ZodString;
        }, z.core.$strict>>;
    }, z.core.$strict>;
    readonly calculator: z.ZodObject<{
        values: z.ZodArray<z.ZodObject<{
            step: z.ZodNumber;
            name: z.ZodString;
            value: z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>;
            derivation: z.ZodString;
        }, z.core.$strict>>;
    }, z.core.$strict>;
    readonly coder: z.ZodObject<{
        program: z.ZodString;
    }, z.core.$strict>;
};
/** The output type of a stage. */
export type StageOutput<S extends StageName> = z.infer<(typeof STAGE_OUTPUT_SCHEMAS)[S]>;
/** What earlier stages produced in this episode (absent when ablated or not yet run). */
export interface PreviousOutputs {
    analyzer?: AnalyzerOutput;
    planner?: PlannerOutput;
    calculator?: CalculatorOutput;
}
/** Why the previous attempt failed, fed back to the Planner/Coder for a repair round. */
export declare const StageFeedback: z.ZodObject<{
    program: z.ZodString;
    error: z.ZodOptional<z.ZodString>;
    outcome: z.ZodOptional<z.ZodString>;
    reason: z.ZodString;
}, z.core.$strict>;
export type StageFeedback = z.infer<typeof StageFeedback>;
/** Everything a stage gets: the command, the observed scene, the robot and what came before. */
export interface StageInput {
    command: string;
    observation: SceneObservation;
    /** Whose skills the plan and program may use. */
    robot: SkillRobot;
    previous: PreviousOutputs;
    feedback?: StageFeedback;
}
/** Checks a StageInput assembled from outside data (a recorded episode, a test fixture). */
export declare const StageInputSchema: z.ZodObject<{
    command: z.ZodString;
    observation: z.ZodObject<{
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
    robot: z.ZodEnum<{
        arm: "arm";
        quadruped: "quadruped";
        "in-hand": "in-hand";
    }>;
    previous: z.ZodObject<{
        analyzer: z.ZodOptional<z.ZodObject<{
            summary: z.ZodString;
            concepts: z.ZodArray<z.ZodObject<{
                kind: z.ZodEnum<{
                    "out-of-reach": "out-of-reach";
                    "step-too-high": "step-too-high";
                    gap: "gap";
                    "fragile-drop": "fragile-drop";
                    "joinable-parts": "joinable-parts";
                    other: "other";
                }>;
                description: z.ZodString;
                objects: z.ZodArray<z.ZodString>;
                numbers: z.ZodRecord<z.ZodString, z.ZodNumber>;
            }, z.core.$strict>>;
        }, z.core.$strict>>;
        planner: z.ZodOptional<z.ZodObject<{
            objects: z.ZodArray<z.ZodObject<{
                name: z.ZodString;
                properties: z.ZodArray<z.ZodString>;
                affordances: z.ZodArray<z.ZodString>;
            }, z.core.$strict>>;
            relations: z.ZodArray<z.ZodObject<{
                a: z.ZodString;
                b: z.ZodString;
                relation: z.ZodString;
            }, z.core.$strict>>;
            steps: z.ZodArray<z.ZodObject<{
                skill: z.ZodString;
                description: z.ZodString;
            }, z.core.$strict>>;
        }, z.core.$strict>>;
        calculator: z.ZodOptional<z.ZodObject<{
            values: z.ZodArray<z.ZodObject<{
                step: z.ZodNumber;
                name: z.ZodString;
                value: z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>;
                derivation: z.ZodString;
            }, z.core.$strict>>;
        }, z.core.$strict>>;
    }, z.core.$strict>;
    feedback: z.ZodOptional<z.ZodObject<{
        program: z.ZodString;
        error: z.ZodOptional<z.ZodString>;
        outcome: z.ZodOptional<z.ZodString>;
        reason: z.ZodString;
    }, z.core.$strict>>;
}, z.core.$strict>;
/** The stage combinations of RoboTool's ablation study; the last is the full chain. */
export declare const STAGE_VARIANTS: readonly [readonly ["coder"], readonly ["planner", "coder"], readonly ["analyzer", "planner", "coder"], readonly ["planner", "calculator", "coder"], readonly ["analyzer", "planner", "calculator", "coder"]];
/** A `--stages` value that is not one of the ablation variants. */
export declare class StagesError extends Error {
    readonly name = "StagesError";
}
/**
 * Parses `--stages` ("planner,coder"; whitespace around commas is fine) into one of the
 * ablation variants. Anything else (unknown names, wrong order, no coder) is rejected with the
 * list of what is accepted, because a silently reordered chain would mislabel a benchmark.
 */
export declare function parseStages(text: string): StageName[];
//# sourceMappingURL=stages.d.ts.map