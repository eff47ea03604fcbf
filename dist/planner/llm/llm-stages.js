import { buildStagePrompt } from "../prompts/stage-prompts.js";
import { stageJsonSchema, stageOutputSchema } from "../prompts/output-format.js";
import { parseJsonAnswer, parseProgramAnswer } from "./answer-text.js";
import { LlmAbortError, LlmError } from "./llm-errors.js";
import { ZERO_USAGE, addUsage } from "./language-model.js";
import { checkProgram } from "../../skills/program-check.js";
/** A stage that produced no usable output: the model call failed, or its answer was unusable twice. */
export class LlmStageError extends Error {
    stage;
    reason;
    problems;
    text;
    name = 'LlmStageError';
    constructor(stage, 
    /** `model`: the call failed (see cause); `answer`: the answers could not be used (see problems). */
    reason, problems, 
    /** The last raw answer, if any. */
    text, options) {
        super(reason === 'model'
            ? `${stage}: the model call failed: ${problems.join('; ')}`
            : `${stage}: the model's answer was unusable twice: ${problems.join('; ')}`, options);
        this.stage = stage;
        this.reason = reason;
        this.problems = problems;
        this.text = text;
    }
}
function zodProblems(error) {
    return error.issues.map((i) => {
        const path = i.path.map((k, n) => (typeof k === 'number' ? `[${k}]` : n === 0 ? String(k) : `.${String(k)}`)).join('');
        return `${path || '(root)'}: ${i.message}`;
    });
}
/** Checks that need the input, beyond what the schema says. */
function crossChecks(stage, output, input) {
    if (stage === 'calculator') {
        const steps = input.previous.planner?.steps.length;
        const values = output.values;
        if (steps !== undefined) {
            return values.flatMap((v, i) => (v.step > steps ? [`values[${i}].step: ${v.step}, but the plan has ${steps} steps`] : []));
        }
    }
    if (stage === 'coder')
        return checkProgram(output.program, input.robot);
    return [];
}
/**
 * Reads a stage's output from a raw answer: JSON (fenced or bare) checked against the stage's
 * schema for this robot, or for the Coder a program (```javascript block or JSON {program})
 * that passes the static checks. Never throws.
 */
export function parseStageAnswer(stage, text, input) {
    let value;
    if (stage === 'coder') {
        const program = parseProgramAnswer(text);
        if (!program.ok)
            return { ok: false, problems: [program.error] };
        value = { program: program.program };
    }
    else {
        const json = parseJsonAnswer(text);
        if (!json.ok)
            return { ok: false, problems: [json.error] };
        value = json.value;
    }
    const parsed = stageOutputSchema(stage, input.robot).safeParse(value);
    if (!parsed.success)
        return { ok: false, problems: zodProblems(parsed.error) };
    const problems = crossChecks(stage, parsed.data, input);
    if (problems.length > 0)
        return { ok: false, problems };
    return { ok: true, output: parsed.data };
}
function repairMessage(stage, problems, structured) {
    const format = stage === 'coder'
        ? structured
            ? 'JSON {"program": "…"}'
            : 'the whole program in one ```javascript block'
        : 'one JSON object in a ```json block, following the schema given above';
    return [
        'Your answer could not be used:',
        ...problems.map((p) => `- ${p}`),
        `Answer again, in full, with ${format}.`,
    ].join('\n');
}
/**
 * Runs one stage with a language model: builds the prompt, streams the answer, parses it into
 * the stage's typed output. An unusable answer (bad JSON, schema mismatch, no code block, a
 * program that does not compile) is sent back once with what was wrong; a second unusable
 * answer fails with an LlmStageError naming the stage and the problems. Cancellation
 * (LlmAbortError) passes through unwrapped.
 */
export async function runLlmStage(stage, input, options) {
    const { model } = options;
    const structured = model.capabilities.jsonSchemaOutput;
    const messages = buildStagePrompt(stage, input, { structuredOutput: structured });
    const jsonSchema = stageJsonSchema(stage, input.robot);
    let usage = ZERO_USAGE;
    let lastProblems = [];
    let lastText;
    for (let answer = 1; answer <= 2; answer++) {
        let result;
        try {
            result = await model.generate({
                messages,
                jsonSchema,
                ...(options.signal ? { signal: options.signal } : {}),
                ...(options.onDelta ? { onDelta: options.onDelta } : {}),
                ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
                ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
            });
        }
        catch (err) {
            if (err instanceof LlmAbortError)
                throw err;
            const message = err instanceof Error ? err.message : String(err);
            const tip = err instanceof LlmError && err.tip ? ` (${err.tip})` : '';
            throw new LlmStageError(stage, 'model', [message + tip], lastText, { cause: err });
        }
        usage = addUsage(usage, result.usage);
        lastText = result.text;
        messages.push({ role: 'assistant', content: result.text });
        const parsed = parseStageAnswer(stage, result.text, input);
        if (parsed.ok)
            return { stage, output: parsed.output, usage, answers: answer, text: result.text, messages };
        lastProblems = parsed.problems;
        if (result.finishReason === 'length') {
            lastProblems = [...lastProblems, 'the answer was cut off at the output-token limit: answer more briefly'];
        }
        if (answer === 1) {
            options.onRepair?.(lastProblems);
            messages.push({ role: 'user', content: repairMessage(stage, lastProblems, structured) });
        }
    }
    throw new LlmStageError(stage, 'answer', lastProblems, lastText);
}
//# sourceMappingURL=llm-stages.js.map