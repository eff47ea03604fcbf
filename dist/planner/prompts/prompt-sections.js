import { stageJsonSchema } from "./output-format.js";
import { renderSceneText } from "./scene-text.js";
import { renderSkillApi } from "./skill-api.js";
/** The pieces every stage prompt is assembled from. Each returns a titled block of text. */
const ROBOT_WORDS = {
    arm: 'a table-mounted robot arm',
    quadruped: 'a quadruped robot',
    'in-hand': 'a dexterous robot hand',
};
export function robotWords(robot) {
    return ROBOT_WORDS[robot];
}
export function taskSection(input) {
    return `## Task\n${input.command.trim()}`;
}
export function sceneSection(input) {
    return `## Scene\n${renderSceneText(input.observation)}`;
}
export function skillsSection(robot) {
    return `## The robot's skills (its only way to act)\n${renderSkillApi(robot)}`;
}
const json = (v) => '```json\n' + JSON.stringify(v, null, 2) + '\n```';
/** What earlier stages found, for the stages after them. Absent stages (ablations) are left out. */
export function previousSections(input, upTo) {
    const out = [];
    const { analyzer, planner, calculator } = input.previous;
    if (analyzer && upTo !== 'analyzer')
        out.push(`## Key concepts (from the Analyzer)\n${json(analyzer)}`);
    if (planner && (upTo === 'calculator' || upTo === 'coder'))
        out.push(`## Plan (from the Planner)\n${json(planner)}`);
    if (calculator && upTo === 'coder')
        out.push(`## Calculated values (from the Calculator)\n${json(calculator)}`);
    return out;
}
export function feedbackSection(feedback) {
    if (!feedback)
        return [];
    const lines = [`## The previous attempt failed\nWhy: ${feedback.reason}`];
    if (feedback.error)
        lines.push(`Error: ${feedback.error}`);
    if (feedback.outcome)
        lines.push(`What happened: ${feedback.outcome}`);
    lines.push('The program that ran:\n```javascript\n' + feedback.program.trimEnd() + '\n```');
    lines.push('Find the cause and avoid it this time.');
    return [lines.join('\n')];
}
/** Asks for JSON following the stage's schema (the schema is generated from the zod contract). */
export function jsonFormatSection(stage, robot) {
    const { schema } = stageJsonSchema(stage, robot);
    return [
        '## Answer format',
        'Answer with one JSON object in a ```json block, following this JSON Schema. Reason before the block if you need to; only the block is read.',
        '```json',
        // Compact: the schema is read by the model, not a person, and it is sent with every call.
        JSON.stringify(schema),
        '```',
    ].join('\n');
}
//# sourceMappingURL=prompt-sections.js.map