import type { z } from 'zod';
import { buildStagePrompt } from '../prompts/stage-prompts.ts';
import { stageJsonSchema, stageOutputSchema } from '../prompts/output-format.ts';
import type { StageInput, StageName, StageOutput } from '../stages.ts';
import { parseJsonAnswer, parseProgramAnswer } from './answer-text.ts';
import { LlmAbortError, LlmError } from './llm-errors.ts';
import { ZERO_USAGE, addUsage, type LanguageModel, type LlmMessage, type LlmUsage } from './language-model.ts';
import { checkProgram } from '../../skills/program-check.ts';
import { goalProblems } from '../goal-parse.ts';

/** Options of one LLM stage run. */
export interface RunLlmStageOptions {
  model: LanguageModel;
  signal?: AbortSignal;
  /** The answer's text as it streams in (both attempts when the first is repaired). */
  onDelta?: (delta: string) => void;
  /** Called when the first answer was unusable and the model is asked again, with what was wrong. */
  onRepair?: (problems: readonly string[]) => void;
  /** Deadline of each model call (ms); the model's default when absent. */
  timeoutMs?: number;
  /** Transport retries of each model call; the model's default when absent. */
  maxRetries?: number;
}

/** A stage's typed output, with what it cost. */
export interface LlmStageResult<S extends StageName> {
  stage: S;
  output: StageOutput<S>;
  usage: LlmUsage;
  /** Model answers it took: 1, or 2 after a repair. */
  answers: number;
  /** The raw text of the answer that was used. */
  text: string;
  /** The whole conversation, for recording. */
  messages: LlmMessage[];
}

/** A stage that produced no usable output: the model call failed, or its answer was unusable twice. */
export class LlmStageError extends Error {
  override readonly name = 'LlmStageError';
  constructor(
    readonly stage: StageName,
    /** `model`: the call failed (see cause); `answer`: the answers could not be used (see problems). */
    readonly reason: 'model' | 'answer',
    readonly problems: readonly string[],
    /** The last raw answer, if any. */
    readonly text: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      reason === 'model'
        ? `${stage}: the model call failed: ${problems.join('; ')}`
        : `${stage}: the model's answer was unusable twice: ${problems.join('; ')}`,
      options,
    );
  }
}

/** A parsed answer, or what is wrong with it. */
export type StageAnswer<S extends StageName> = { ok: true; output: StageOutput<S> } | { ok: false; problems: string[] };

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.map((k, n) => (typeof k === 'number' ? `[${k}]` : n === 0 ? String(k) : `.${String(k)}`)).join('');
    return `${path || '(root)'}: ${i.message}`;
  });
}

/** Checks that need the input, beyond what the schema says. */
function crossChecks(stage: StageName, output: unknown, input: StageInput): string[] {
  if (stage === 'calculator') {
    const steps = input.previous.planner?.steps.length;
    const values = (output as StageOutput<'calculator'>).values;
    if (steps !== undefined) {
      return values.flatMap((v, i) => (v.step > steps ? [`values[${i}].step: ${v.step}, but the plan has ${steps} steps`] : []));
    }
  }
  if (stage === 'coder') return checkProgram((output as StageOutput<'coder'>).program, input.robot);
  if (stage === 'analyzer') {
    const goal = (output as StageOutput<'analyzer'>).goal;
    if (goal) return goalProblems(goal, input.observation);
  }
  return [];
}

/**
 * Reads a stage's output from a raw answer: JSON (fenced or bare) checked against the stage's
 * schema for this robot, or for the Coder a program (```javascript block or JSON {program})
 * that passes the static checks. Never throws.
 */
export function parseStageAnswer<S extends StageName>(stage: S, text: string, input: StageInput): StageAnswer<S> {
  let value: unknown;
  if (stage === 'coder') {
    const program = parseProgramAnswer(text);
    if (!program.ok) return { ok: false, problems: [program.error] };
    value = { program: program.program };
  } else {
    const json = parseJsonAnswer(text);
    if (!json.ok) return { ok: false, problems: [json.error] };
    value = json.value;
  }
  const parsed = stageOutputSchema(stage, input.robot).safeParse(value);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = crossChecks(stage, parsed.data, input);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, output: parsed.data as StageOutput<S> };
}

/** Longest answer sent back to the model in a repair prompt (characters). */
export const MAX_ECHO_CHARS = 16_000;

/** `text` cut to `max` characters, saying how much was cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n[… ${text.length - max} more characters cut]`;
}

function repairMessage(stage: StageName, problems: readonly string[], structured: boolean): string {
  const format =
    stage === 'coder'
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
export async function runLlmStage<S extends StageName>(stage: S, input: StageInput, options: RunLlmStageOptions): Promise<LlmStageResult<S>> {
  const { model } = options;
  const structured = model.capabilities.jsonSchemaOutput;
  const messages: LlmMessage[] = buildStagePrompt(stage, input, { structuredOutput: structured });
  const jsonSchema = stageJsonSchema(stage, input.robot);
  let usage = ZERO_USAGE;
  let lastProblems: string[] = [];
  let lastText: string | undefined;

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
    } catch (err) {
      if (err instanceof LlmAbortError) throw err;
      const message = err instanceof Error ? err.message : String(err);
      const tip = err instanceof LlmError && err.tip ? ` (${err.tip})` : '';
      throw new LlmStageError(stage, 'model', [message + tip], lastText, { cause: err });
    }
    usage = addUsage(usage, result.usage);
    lastText = result.text;
    // The repair prompt carries the answer back bounded: a huge answer is never echoed whole.
    messages.push({ role: 'assistant', content: clip(result.text, MAX_ECHO_CHARS) });
    const parsed = parseStageAnswer(stage, result.text, input);
    if (parsed.ok) return { stage, output: parsed.output, usage, answers: answer, text: result.text, messages };
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
