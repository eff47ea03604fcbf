import { Observable, type Subscriber } from 'rxjs';
import type { Goal } from '../scene/schema.ts';
import type { GoalCheck } from '../sim/predicates.ts';
import type { SceneObservation } from '../perception/observation.ts';
import type { RobotBackend } from '../skills/backend.ts';
import type { EpisodeEvent, GoalSource } from './events.ts';
import type { ProgramErrorInfo, ProgramRun, ProgramRunner } from '../skills/program.ts';
import type { EpisodePlanner, Proposal, ProposalsEvent } from '../planner/planner.ts';

export type { CallRecord, ProgramErrorInfo, ProgramRun, ProgramRunner } from '../skills/program.ts';
export type { EpisodePlanner, PlanRequest, Proposal, ProposalsEvent } from '../planner/planner.ts';
import type { StageFeedback } from '../planner/stages.ts';
import { GoalParseError, goalProblems, parseGoal } from '../planner/goal-parse.ts';

/** A disposable clone of the world a program is tried in before it runs for real. */
export interface Twin {
  backend: RobotBackend;
  check(goal: Goal): GoalCheck;
  free(): void;
}

export interface EpisodeOptions {
  backend: RobotBackend;
  planner: EpisodePlanner;
  runProgram: ProgramRunner;
  /** Clones of the current world for verification; absent = no verification (only with `unverified`). */
  twin?: () => Promise<Twin>;
  /** Checks a goal on the executing backend (simulator); absent = the goal is checked in the twin only (real robot). */
  checkOutcome?: (goal: Goal) => GoalCheck;
  /** The scene's goal: judged when the command names none (LLM planner), or always with `goalFrom: 'scene'`. */
  sceneGoal?: Goal;
  /**
   * Which goal to plan for and judge. `command` (default): the command's, parsed without a model,
   * or the Analyzer's (LLM chain), the scene's only when the command names none. `scene`: the
   * scene's goal whatever the command says (benchmarks, where the command is the task's own).
   */
  goalFrom?: 'command' | 'scene';
  /** Bounded repair rounds after a failed program (default 2). */
  maxRepairRounds?: number;
  /** Explicit override: run on the backend without trying the program in a twin first. */
  unverified?: boolean;
  /** Called with the robot kind, for the started event. */
  robotName?: string;
  /**
   * What the planner sees, when it is not what the executing backend reports: a real robot
   * whose cell is described by a scene file is planned for from that scene (default: the
   * backend's own observation).
   */
  observe?: () => Promise<SceneObservation>;
  /** Seed of every program's Math.random in this episode, twin and execution alike (default: drawn at random per episode). */
  seed?: number;
  /** Robot seconds each program run may take (the scene's timeLimit); absent: no limit beyond the skills' own. */
  timeLimitSeconds?: number;
}

const now = (): number => performance.now() / 1000;

function describeRun(run: ProgramRun, check: GoalCheck | undefined): { reason: string; outcome: string } {
  if (run.error) return { reason: `${run.error.type}: ${run.error.message}`, outcome: check?.reason ?? '' };
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
export function runEpisode(command: string, opts: EpisodeOptions): Observable<EpisodeEvent> {
  return new Observable<EpisodeEvent>((subscriber) => {
    const ac = new AbortController();
    let finished = false;
    void episode(command, opts, subscriber, ac.signal).then(
      () => {
        finished = true;
        subscriber.complete();
      },
      (err: unknown) => {
        finished = true;
        if (!ac.signal.aborted) subscriber.error(err);
      },
    );
    return () => {
      if (finished) return;
      ac.abort(new DOMException('episode cancelled', 'AbortError'));
      void opts.backend.stop('episode cancelled');
    };
  });
}

async function episode(command: string, opts: EpisodeOptions, out: Subscriber<EpisodeEvent>, signal: AbortSignal): Promise<void> {
  const emit = (e: EpisodeEvent): void => {
    if (!signal.aborted) out.next(e);
  };
  const { backend, planner } = opts;
  const t0 = now();
  const seed = opts.seed ?? Math.floor(Math.random() * 2 ** 32);
  const limits = { seed, ...(opts.timeLimitSeconds !== undefined ? { timeLimitSeconds: opts.timeLimitSeconds } : {}) };
  emit({ type: 'episode-started', command, planner: planner.kind, robot: opts.robotName ?? backend.robot, t: Date.now() / 1000, seed });
  const observation = await (opts.observe ? opts.observe() : backend.observe());
  emit({ type: 'observation', observation });
  let judged: { goal: Goal; source: GoalSource } | undefined;
  if (opts.goalFrom === 'scene' && opts.sceneGoal) {
    judged = { goal: opts.sceneGoal, source: 'scene' };
  } else {
    try {
      judged = { goal: parseGoal(command, observation), source: 'command' };
    } catch (err) {
      if (!(err instanceof GoalParseError) || planner.needsGoal) {
        const message = err instanceof Error ? err.message : String(err);
        emit(outcomeOf(false, message, 0, null, 0, t0, 0, { type: 'GoalParseError', message }, undefined));
        return;
      }
      // A model reads the command itself; until its Analyzer says otherwise, the scene's goal stands.
      if (opts.sceneGoal) judged = { goal: opts.sceneGoal, source: 'scene' };
    }
  }
  if (judged) emit({ type: 'goal', ...judged });
  const goal = judged?.goal;
  const maxRounds = planner.repairs ? 1 + (opts.maxRepairRounds ?? 2) : 1;
  let feedback: StageFeedback | undefined;
  let tried = 0;
  let lastProgram: string | null = null;
  let lastError: ProgramErrorInfo | null = null;
  for (let round = 1; round <= maxRounds; round++) {
    if (round > 1 && feedback) emit({ type: 'repair', round, cause: feedback.reason });
    let proposals: Proposal[];
    try {
      const planned = await collectProposals(planner.plan({ command, observation, goal, round, feedback, signal }), emit, signal);
      proposals = planned.proposals;
      if (planned.goal && (judged?.source !== 'analyzer' || JSON.stringify(planned.goal) !== JSON.stringify(judged.goal))) {
        const problems = goalProblems(planned.goal, observation);
        if (problems.length > 0) emit({ type: 'warning', message: `the planner's goal is not used: ${problems.join('; ')}` });
        else {
          judged = { goal: planned.goal, source: 'analyzer' };
          emit({ type: 'goal', ...judged });
        }
      }
    } catch (err) {
      if (signal.aborted) throw err;
      // A planner that fails (a model that keeps answering garbage, a dead endpoint) ends the episode as data.
      const error = { type: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
      emit(outcomeOf(false, `planning failed: ${error.message}`, round, lastProgram, tried, t0, 0, error, judged));
      return;
    }
    if (proposals.length === 0) {
      feedback = undefined;
      emit(outcomeOf(false, 'the planner found no strategy for this scene', round, null, tried, t0, 0, null, judged));
      return;
    }
    let chosen: Proposal | undefined;
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
      let run: ProgramRun;
      let check: GoalCheck | undefined;
      try {
        run = await opts.runProgram(p.program, twin.backend, {
          signal,
          ...limits,
          onCall: (call) => emit({ type: 'skill-call', phase: 'verify', call }),
        });
        check = judged ? twin.check(judged.goal) : undefined;
      } finally {
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
    if (!chosen) continue;
    const planSeconds = now() - t0;
    emit({ type: 'program', program: chosen.program, round, ...(chosen.schemas ? { schemas: chosen.schemas } : {}) });
    const te = now();
    const run = await opts.runProgram(chosen.program, backend, {
      signal,
      ...limits,
      onCall: (call) => emit({ type: 'skill-call', phase: 'execute', call }),
    });
    for (const e of run.events) emit(e.type === 'warning' ? { type: 'warning', message: e.message } : { type: 'safety-stop', reason: e.message });
    // The outcome judges the same goal the twin verified.
    const check = judged && opts.checkOutcome ? opts.checkOutcome(judged.goal) : undefined;
    const success = run.ok && (check?.success ?? true);
    if (success || !planner.repairs || round === maxRounds) {
      const reason = success ? (check?.reason ?? 'program ran to its end') : describeRun(run, check).reason;
      emit(outcomeOf(success, reason, round, chosen.program, tried, t0, now() - te, run.error, judged, planSeconds));
      return;
    }
    const d = describeRun(run, check);
    feedback = { program: chosen.program, reason: d.reason, ...(d.outcome ? { outcome: d.outcome } : {}) };
  }
  emit(outcomeOf(false, feedback ? `no verified program: ${feedback.reason}` : 'no verified program', maxRounds, lastProgram, tried, t0, 0, lastError, judged));
}

function outcomeOf(
  success: boolean,
  reason: string,
  rounds: number,
  program: string | null,
  candidatesTried: number,
  t0: number,
  execSeconds: number,
  error: ProgramErrorInfo | null,
  judged: { goal: Goal; source: GoalSource } | undefined,
  planSeconds = now() - t0,
): EpisodeEvent {
  return {
    type: 'outcome',
    success,
    reason,
    rounds,
    program,
    candidatesTried,
    planSeconds,
    execSeconds,
    error,
    goal: judged?.goal ?? null,
    goalSource: judged?.source ?? null,
  };
}

function collectProposals(
  source: Observable<EpisodeEvent | ProposalsEvent>,
  emit: (e: EpisodeEvent) => void,
  signal: AbortSignal,
): Promise<{ proposals: Proposal[]; goal?: Goal }> {
  return new Promise((resolve, reject) => {
    let proposals: Proposal[] = [];
    let goal: Goal | undefined;
    const sub = source.subscribe({
      next: (e) => {
        if (e.type === 'proposals') {
          proposals = e.proposals;
          goal = e.goal;
        } else emit(e);
      },
      error: reject,
      complete: () => resolve(goal ? { proposals, goal } : { proposals }),
    });
    signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
  });
}
