import { Observable } from 'rxjs';
import { STAGE_NAMES } from "../stages.js";
import { runLlmStage } from "./llm-stages.js";
/**
 * The LLM chain as an EpisodePlanner: runs the chosen stages in order, streaming
 * stage-started / stage-delta / stage-finished events, and proposes the Coder's program.
 * Every round (repairs included) runs the whole chain with the feedback in each prompt, so the
 * Analyzer and Planner can change their minds too. Unsubscribing aborts the model call in flight.
 * A stage that fails errors the Observable with an LlmStageError.
 */
export function createLlmPlanner(options) {
    const stages = STAGE_NAMES.filter((s) => (options.stages ?? STAGE_NAMES).includes(s));
    if (!stages.includes('coder'))
        throw new Error('the LLM chain needs the coder stage');
    return {
        kind: 'llm',
        repairs: true,
        needsGoal: false,
        plan(req) {
            return new Observable((subscriber) => {
                const ac = new AbortController();
                const onOuterAbort = () => ac.abort(req.signal.reason);
                req.signal.addEventListener('abort', onOuterAbort, { once: true });
                const run = async () => {
                    const previous = {};
                    let program = '';
                    for (const stage of stages) {
                        const input = {
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
                        if (r.stage === 'analyzer')
                            previous.analyzer = r.output;
                        else if (r.stage === 'planner')
                            previous.planner = r.output;
                        else if (r.stage === 'calculator')
                            previous.calculator = r.output;
                        else
                            program = r.output.program;
                    }
                    subscriber.next({ type: 'proposals', proposals: [{ program }] });
                };
                run().then(() => subscriber.complete(), (err) => {
                    if (!ac.signal.aborted)
                        subscriber.error(err);
                });
                return () => {
                    req.signal.removeEventListener('abort', onOuterAbort);
                    ac.abort(new DOMException('planning cancelled', 'AbortError'));
                };
            });
        },
    };
}
//# sourceMappingURL=llm-planner.js.map