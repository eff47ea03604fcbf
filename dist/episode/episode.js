import { Observable } from 'rxjs';
import { GoalParseError, parseGoal } from "../planner/goal-parse.js";
const now = () => performance.now() / 1000;
function describeRun(run, check) {
    if (run.error)
        return { reason: `${run.error.type}: ${run.error.message}`, outcome: check?.reason ?? '' };
    const failed = run.calls.filter((c) => !['ok', 'reached', 'grasped', 'released'].includes(c.status));
    const notes = failed.map((c) => `${c.skill} ${c.status}${c.message ? ` (${c.message})` : ''}`);
    return {
        reason: check && !check.success ? `goal not reached: ${check.reason}` : 'program failed',
        outcome: [check?.reason, ...notes].filter(Boolean).join('; '),
    };
}
/**
 * One episode as a cold Observable: observe → plan → verify in a twin → execute → outcome.
 * Unsubscribing cancels whatever runs and stops the robot.
 */
export function runEpisode(command, opts) {
    return new Observable((subscriber) => {
        const ac = new AbortController();
        let finished = false;
        void episode(command, opts, subscriber, ac.signal).then(() => {
            finished = true;
            subscriber.complete();
        }, (err) => {
            finished = true;
            if (!ac.signal.aborted)
                subscriber.error(err);
        });
        return () => {
            if (finished)
                return;
            ac.abort(new DOMException('episode cancelled', 'AbortError'));
            void opts.backend.stop('episode cancelled');
        };
    });
}
async function episode(command, opts, out, signal) {
    const emit = (e) => {
        if (!signal.aborted)
            out.next(e);
    };
    const { backend, planner } = opts;
    const t0 = now();
    emit({ type: 'episode-started', command, planner: planner.kind, robot: opts.robotName ?? backend.robot, t: Date.now() / 1000 });
    const observation = await (opts.observe ? opts.observe() : backend.observe());
    emit({ type: 'observation', observation });
    let goal;
    try {
        goal = parseGoal(command, observation);
        emit({ type: 'goal', goal });
    }
    catch (err) {
        if (!(err instanceof GoalParseError) || planner.needsGoal) {
            const message = err instanceof Error ? err.message : String(err);
            emit(outcomeOf(false, message, 0, null, 0, t0, 0, { type: 'GoalParseError', message }));
            return;
        }
    }
    const checkGoal = goal ?? opts.sceneGoal;
    const maxRounds = planner.repairs ? 1 + (opts.maxRepairRounds ?? 2) : 1;
    let feedback;
    let tried = 0;
    let lastProgram = null;
    let lastError = null;
    for (let round = 1; round <= maxRounds; round++) {
        if (round > 1 && feedback)
            emit({ type: 'repair', round, cause: feedback.reason });
        let proposals;
        try {
            proposals = await collectProposals(planner.plan({ command, observation, goal, round, feedback, signal }), emit, signal);
        }
        catch (err) {
            if (signal.aborted)
                throw err;
            // A planner that fails (a model that keeps answering garbage, a dead endpoint) ends the episode as data.
            const error = { type: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
            emit(outcomeOf(false, `planning failed: ${error.message}`, round, lastProgram, tried, t0, 0, error));
            return;
        }
        if (proposals.length === 0) {
            feedback = undefined;
            emit(outcomeOf(false, 'the planner found no strategy for this scene', round, null, tried, t0, 0, null));
            return;
        }
        let chosen;
        for (const [index, p] of proposals.entries()) {
            lastProgram = p.program;
            if (opts.unverified || !opts.twin) {
                chosen = p;
                break;
            }
            tried++;
            emit({ type: 'program', program: p.program, round, ...(p.schemas ? { schemas: p.schemas } : {}) });
            const ts = now();
            const twin = await opts.twin();
            let run;
            let check;
            try {
                run = await opts.runProgram(p.program, twin.backend, {
                    signal,
                    onCall: (call) => emit({ type: 'skill-call', phase: 'verify', call }),
                });
                check = checkGoal ? twin.check(checkGoal) : undefined;
            }
            finally {
                twin.free();
            }
            const success = run.ok && (check?.success ?? true);
            const why = success ? (check?.reason ?? 'program ran to its end') : describeRun(run, check).reason;
            emit({ type: 'candidate', index, schemas: p.schemas ?? [], cost: p.cost ?? 0, success, reason: why, seconds: now() - ts });
            if (success) {
                chosen = p;
                break;
            }
            lastError = run.error;
            if (!feedback || index === 0) {
                const d = describeRun(run, check);
                feedback = { program: p.program, reason: d.reason, ...(run.error ? { error: `${run.error.type}: ${run.error.message}${run.error.line ? ` (line ${run.error.line})` : ''}` } : {}), ...(d.outcome ? { outcome: d.outcome } : {}) };
            }
        }
        if (!chosen)
            continue;
        const planSeconds = now() - t0;
        emit({ type: 'program', program: chosen.program, round, ...(chosen.schemas ? { schemas: chosen.schemas } : {}) });
        const te = now();
        const run = await opts.runProgram(chosen.program, backend, {
            signal,
            onCall: (call) => emit({ type: 'skill-call', phase: 'execute', call }),
        });
        for (const e of run.events)
            emit(e.type === 'warning' ? { type: 'warning', message: e.message } : { type: 'safety-stop', reason: e.message });
        const check = checkGoal && opts.checkOutcome ? opts.checkOutcome(opts.sceneGoal ?? checkGoal) : undefined;
        const success = run.ok && (check?.success ?? true);
        if (success || !planner.repairs || round === maxRounds) {
            const reason = success ? (check?.reason ?? 'program ran to its end') : describeRun(run, check).reason;
            emit(outcomeOf(success, reason, round, chosen.program, tried, t0, now() - te, run.error, planSeconds));
            return;
        }
        const d = describeRun(run, check);
        feedback = { program: chosen.program, reason: d.reason, ...(d.outcome ? { outcome: d.outcome } : {}) };
    }
    emit(outcomeOf(false, feedback ? `no verified program: ${feedback.reason}` : 'no verified program', maxRounds, lastProgram, tried, t0, 0, lastError));
}
function outcomeOf(success, reason, rounds, program, candidatesTried, t0, execSeconds, error, planSeconds = now() - t0) {
    return { type: 'outcome', success, reason, rounds, program, candidatesTried, planSeconds, execSeconds, error };
}
function collectProposals(source, emit, signal) {
    return new Promise((resolve, reject) => {
        let proposals = [];
        const sub = source.subscribe({
            next: (e) => {
                if (e.type === 'proposals')
                    proposals = e.proposals;
                else
                    emit(e);
            },
            error: reject,
            complete: () => resolve(proposals),
        });
        signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
    });
}
//# sourceMappingURL=episode.js.map