import type { LlmMessage } from '../llm/language-model.ts';
import type { StageInput, StageName } from '../stages.ts';
/** How the prompt should ask for the answer. */
export interface StagePromptOptions {
    /** The provider enforces the JSON schema: the Coder then answers `{ "program": … }` instead of a code block. */
    structuredOutput?: boolean;
}
/**
 * The messages for one stage: a system message with the stage's role, and a user message with
 * the task, the scene (RoboTool's text format), the robot's skills (from the registry), what
 * earlier stages found, feedback from a failed attempt, and the answer format.
 */
export declare function buildStagePrompt(stage: StageName, input: StageInput, options?: StagePromptOptions): LlmMessage[];
//# sourceMappingURL=stage-prompts.d.ts.map