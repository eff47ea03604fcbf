import { Observable } from 'rxjs';
import type { EpisodePlanner, PlanRequest, PlannerEvent, ProposalsEvent } from '../planner.ts';
import { STAGE_NAMES, type PreviousOutputs, type StageInput, type StageName } from '../stages.ts';
import type { LanguageModel } from './language-model.ts';
import { runLlmStage } from './llm-stages.ts';

/** Options of the LLM chain planner. */
export interface LlmPlannerOptions {
  model: LanguageModel;
  /** The chain to run (an ablation variant from parseStages); default the full chain. */
  stages?: readonly StageName[];
  /** Deadline of each model call (ms); the model's default when absent. */
  timeoutMs?: number;
}

/**
 * The LLM chain as an EpisodePlanner: runs the chosen stages in order, streaming
 * stage-started / stage-delta / stage-finished events, and proposes the Coder's program.
 * Every round (repairs included) runs the whole chain with the feedback in each prompt, so the
 * Analyzer and Planner can change their minds too. Unsubscribing aborts the model call in flight.
 * A stage that fails errors the Observable with an LlmStageError.
 */
export function createLlmPlanner(options: LlmPlannerOptions): EpisodePlanner {
  const stages = STAGE_NAMES.filter((s) => (options.stages ?? STAGE_NAMES).includes(s));
  if (!stages.includes('coder')) throw new Error('the LLM chain needs the coder stage');
  return {
    kind: 'llm',
    repairs: true,
    needsGoal: false,
    plan(req: PlanRequest): Observable<PlannerEvent | ProposalsEvent> {
      return new Observable<PlannerEvent | ProposalsEvent>((subscriber) => {
        const ac = new AbortController();
        const onOuterAbort = (): void => ac.abort(req.signal.reason);
        req.signal.addEventListener('abort', onOuterAbort, { once: true });
        const run = async (): Promise<void> => {
          const previous: PreviousOutputs = {};
          let program = '';
          for (const stage of stages) {
            const input: StageInput = {
              command: req.command,
              observation: req.observation,
              robot: req.observation.robot.kind,
              previous: { ...previous },
              ...(req.feedback ? { feedback: req.feedback } : {}),
            };
            subscriber.next({ type: 'stage-started', stage, round: req.round });
            const t0 = performance.now();
            const r = await runLlmStage(stage, input, {
              model: options.model,
              signal: ac.signal,
              onDelta: (text) => subscriber.next({ type: 'stage-delta', stage, text }),
              onRepair: (problems) => subscriber.next({ type: 'warning', message: `${stage}: answer unusable, asking again: ${problems.join('; ')}` }),
              ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
            });
            subscriber.next({
              type: 'stage-finished',
              stage,
              round: req.round,
              output: r.output,
              tokens: { inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens },
              seconds: (performance.now() - t0) / 1000,
            });
            if (r.stage === 'analyzer') previous.analyzer = r.output as PreviousOutputs['analyzer'];
            else if (r.stage === 'planner') previous.planner = r.output as PreviousOutputs['planner'];
            else if (r.stage === 'calculator') previous.calculator = r.output as PreviousOutputs['calculator'];
            else program = (r.output as { program: string }).program;
          }
          // The Analyzer's goal (checked against the scene with its answer) is the goal the episode judges.
          const goal = previous.analyzer?.goal;
          subscriber.next({ type: 'proposals', proposals: [{ program }], ...(goal ? { goal } : {}) });
        };
        run().then(
          () => subscriber.complete(),
          (err: unknown) => {
            if (!ac.signal.aborted) subscriber.error(err);
          },
        );
        return () => {
          req.signal.removeEventListener('abort', onOuterAbort);
          ac.abort(new DOMException('planning cancelled', 'AbortError'));
        };
      });
    },
  };
}
