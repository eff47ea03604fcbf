import { beforeAll, describe, expect, it } from 'vitest';
import type { SceneObservation } from '../../src/perception/observation.ts';
import { LlmAbortError, LlmServerError } from '../../src/planner/llm/llm-errors.ts';
import { LlmStageError, parseStageAnswer, runLlmStage } from '../../src/planner/llm/llm-stages.ts';
import { ScriptedLanguageModel } from '../../src/testing/scripted-model.ts';
import { createOpenAiCompatibleModel } from '../../src/planner/llm/openai-provider.ts';
import type { AnalyzerOutput, StageInput } from '../../src/planner/stages.ts';
import { startFakeOpenAiServer } from '../helpers/fake-openai-server.ts';
import { loadObservationFixture } from '../helpers/llm-fixture.ts';

let milk: SceneObservation;
let sofa: SceneObservation;
beforeAll(async () => {
  milk = await loadObservationFixture('reach-milk');
  sofa = await loadObservationFixture('traverse-sofa');
});

const armInput = (over: Partial<StageInput> = {}): StageInput => ({ command: 'Grasp the milk.', observation: milk, robot: 'arm', previous: {}, ...over });
const sofaInput = (over: Partial<StageInput> = {}): StageInput => ({ command: 'Go to the other sofa.', observation: sofa, robot: 'quadruped', previous: {}, ...over });

const fenced = (lang: string, body: unknown): string => '```' + lang + '\n' + (typeof body === 'string' ? body : JSON.stringify(body, null, 2)) + '\n```';

const analyzer: AnalyzerOutput = {
  summary: 'The milk is beyond the workspace; the hammer can pull it closer.',
  concepts: [{ kind: 'out-of-reach', description: 'milk x 0.544 > workspace x max 0.45', objects: ['milk'], numbers: { milk_x: 0.544, workspace_x_max: 0.45 } }],
  goal: { type: 'grasped', object: 'milk', minLift: 0.02 },
};
const planner = {
  objects: [{ name: 'hammer', properties: ['graspable', 'T-shaped'], affordances: ['hook the milk'] }],
  relations: [{ a: 'milk', b: 'workspace', relation: 'beyond, 0.094 m past x max' }],
  steps: [
    { skill: 'move_to_position', description: 'above the hammer handle' },
    { skill: 'close_gripper', description: 'grasp the hammer' },
  ],
};
const calculator = { values: [{ step: 1, name: 'target', value: [0.35, -0.15, 0.1], derivation: 'graspable point + 0.075 up' }] };
const program = 'const p = get_graspable_point("hammer");\nmove_to_position([p[0], p[1], p[2] + 0.075]);\nclose_gripper();\n';

describe('runLlmStage with the scripted model', () => {
  it('parses the Analyzer answer from a fenced ```json block among prose', async () => {
    const model = new ScriptedLanguageModel([`The milk is out of reach.\n\n${fenced('json', analyzer)}`]);
    const r = await runLlmStage('analyzer', armInput(), { model });
    expect(r.output).toEqual(analyzer);
    expect(r.answers).toBe(1);
    expect(r.usage.outputTokens).toBeGreaterThan(0);
    expect(model.calls[0]!.options.jsonSchema?.name).toBe('robotool_analyzer_output');
  });

  it('parses bare JSON from a structured-output model and asks the Coder for JSON {program}', async () => {
    const model = new ScriptedLanguageModel([JSON.stringify(planner), JSON.stringify({ program })], { capabilities: { jsonSchemaOutput: true } });
    const p = await runLlmStage('planner', armInput({ previous: { analyzer } }), { model });
    expect(p.output).toEqual(planner);
    const c = await runLlmStage('coder', armInput({ previous: { analyzer, planner: p.output } }), { model });
    expect(c.output.program).toBe(program);
    expect(model.calls[1]!.options.messages[1]!.content).toContain('{"program": "<the program>"}');
  });

  it('reads the Coder program from a ```javascript block and streams the deltas', async () => {
    const model = new ScriptedLanguageModel([`Here is the program.\n${fenced('javascript', program)}`], { chunkSize: 7 });
    const deltas: string[] = [];
    const r = await runLlmStage('coder', armInput({ previous: { planner, calculator } }), { model, onDelta: (d) => deltas.push(d) });
    expect(r.output).toEqual({ program });
    expect(deltas.join('')).toBe(r.text);
  });

  it('shows a malformed answer its parse error, then accepts the repaired answer', async () => {
    const model = new ScriptedLanguageModel(['```json\n{"summary": "oops", "concepts": [\n```', fenced('json', analyzer)]);
    const repairs: (readonly string[])[] = [];
    const r = await runLlmStage('analyzer', armInput(), { model, onRepair: (p) => repairs.push(p) });
    expect(r.output).toEqual(analyzer);
    expect(r.answers).toBe(2);
    expect(repairs[0]![0]).toMatch(/not valid JSON/);
    const second = model.calls[1]!.options.messages;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: '```json\n{"summary": "oops", "concepts": [\n```' });
    expect(second.at(-1)!.content).toMatch(/could not be used:\n- .*not valid JSON[\s\S]*Answer again/);
    expect(r.messages).toHaveLength(5);
  });

  it('shows a schema mismatch with the path of the bad field', async () => {
    const bad = { ...planner, steps: [{ skill: 'walk_to_position', description: 'walk' }] };
    const model = new ScriptedLanguageModel([fenced('json', bad), fenced('json', planner)]);
    await runLlmStage('planner', armInput(), { model });
    expect(model.calls[1]!.options.messages.at(-1)!.content).toMatch(/steps\[0\]\.skill: .*move_to_position/);
  });

  it('fails with a clear error naming the stage when the answer is unusable twice', async () => {
    const model = new ScriptedLanguageModel(['I would pull the milk with the hammer.', 'Use the hammer, then grasp the milk.']);
    const err = await runLlmStage('coder', armInput(), { model }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmStageError);
    expect((err as LlmStageError).stage).toBe('coder');
    expect((err as LlmStageError).reason).toBe('answer');
    expect((err as Error).message).toBe('coder: the model\'s answer was unusable twice: no ```javascript block and no JSON {"program": …} found');
    expect((err as LlmStageError).text).toBe('Use the hammer, then grasp the milk.');
  });

  it('sends a program back that does not compile, uses await, or calls skills the robot lacks', async () => {
    const model = new ScriptedLanguageModel([
      fenced('javascript', 'await move_to_position([0.3, 0, 0.1]);\ngrasp("milk");\nwalk_to_position([1, 0, 0]);'),
      fenced('javascript', 'move_to_position([0.3, 0, 0.1];'),
    ]);
    const repairs: (readonly string[])[] = [];
    const err = await runLlmStage('coder', armInput(), { model, onRepair: (p) => repairs.push(p) }).catch((e: unknown) => e);
    expect(repairs[0]).toEqual([
      expect.stringMatching(/await/),
      expect.stringMatching(/calls grasp, walk_to_position, not among the arm's skills/),
    ]);
    expect(err).toBeInstanceOf(LlmStageError);
    expect((err as Error).message).toMatch(/coder: .*not valid JavaScript \(line 1\)/);
  });

  it('checks that the Calculator refers to steps the plan has', () => {
    const r = parseStageAnswer('calculator', fenced('json', { values: [{ step: 3, name: 'x', value: 1, derivation: '' }] }), armInput({ previous: { planner } }));
    expect(r).toEqual({ ok: false, problems: ['values[2].step: 3, but the plan has 2 steps'.replace('[2]', '[0]')] });
  });

  it('accepts the quadruped plan only with quadruped skills', () => {
    const plan = { objects: [], relations: [], steps: [{ skill: 'push_to_position', description: 'push the surfboard into the gap' }, { skill: 'walk_to_position', description: 'walk onto sofa_2' }] };
    expect(parseStageAnswer('planner', JSON.stringify(plan), sofaInput()).ok).toBe(true);
    expect(parseStageAnswer('planner', JSON.stringify(plan), armInput()).ok).toBe(false);
  });

  it('tells the model when its answer was cut off at the token limit', async () => {
    const model = new ScriptedLanguageModel([{ text: '```json\n{"summary": "The milk', finishReason: 'length' }, fenced('json', analyzer)]);
    await runLlmStage('analyzer', armInput(), { model });
    expect(model.calls[1]!.options.messages.at(-1)!.content).toMatch(/cut off at the output-token limit/);
  });

  it('wraps a failed model call in a stage error that keeps the cause', async () => {
    const model = new ScriptedLanguageModel([new LlmServerError('server error (500): boom')]);
    const err = await runLlmStage('planner', armInput(), { model }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmStageError);
    expect((err as LlmStageError).reason).toBe('model');
    expect((err as Error).message).toBe('planner: the model call failed: server error (500): boom');
    expect((err as Error).cause).toBeInstanceOf(LlmServerError);
  });

  it('lets cancellation through unwrapped', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = new ScriptedLanguageModel([fenced('json', analyzer)]);
    await expect(runLlmStage('analyzer', armInput(), { model, signal: controller.signal })).rejects.toBeInstanceOf(LlmAbortError);
  });
});

describe('runLlmStage through the OpenAI-compatible provider', () => {
  it('runs the full chain end to end against the local server, retrying a malformed Planner answer', async () => {
    const server = await startFakeOpenAiServer([
      { type: 'answer', text: fenced('json', analyzer) },
      { type: 'answer', text: 'Steps: grab the hammer.' },
      { type: 'answer', text: `Plan:\n${fenced('json', planner)}` },
      { type: 'answer', text: JSON.stringify(calculator) },
      { type: 'answer', text: fenced('javascript', program), chunkSize: 3 },
    ]);
    try {
      const model = createOpenAiCompatibleModel({
        baseURL: server.baseURL, model: 'fake', apiKey: undefined, structuredOutput: true, stream: true, timeoutMs: 5_000,
        maxRetries: 0, retryBaseDelayMs: 1, retryMaxDelayMs: 1, temperature: 0, maxOutputTokens: undefined, headers: {},
      });
      let input = armInput();
      const a = await runLlmStage('analyzer', input, { model });
      input = { ...input, previous: { analyzer: a.output } };
      const p = await runLlmStage('planner', input, { model });
      input = { ...input, previous: { ...input.previous, planner: p.output } };
      const c = await runLlmStage('calculator', input, { model });
      input = { ...input, previous: { ...input.previous, calculator: c.output } };
      const deltas: string[] = [];
      const code = await runLlmStage('coder', input, { model, onDelta: (d) => deltas.push(d) });
      expect(code.output.program).toBe(program);
      expect(deltas.length).toBeGreaterThan(10);
      expect(p.answers).toBe(2);
      expect(server.requests).toHaveLength(5);
      expect(server.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'robotool_analyzer_output' } });
      expect(server.requests[2]!.body.messages.at(-1)!.content).toMatch(/could not be used/);
      expect(server.requests[4]!.body.messages[1]!.content).toContain('"derivation": "graspable point + 0.075 up"');
    } finally {
      await server.close();
    }
  });
});
