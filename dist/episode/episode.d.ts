import { Observable } from 'rxjs';
import type { Goal } from '../scene/schema.ts';
import type { GoalCheck } from '../sim/predicates.ts';
import type { SceneObservation } from '../perception/observation.ts';
import type { RobotBackend } from '../skills/backend.ts';
import type { EpisodeEvent } from './events.ts';
import type { ProgramRunner } from '../skills/program.ts';
import type { EpisodePlanner } from '../planner/planner.ts';
export type { CallRecord, ProgramErrorInfo, ProgramRun, ProgramRunner } from '../skills/program.ts';
export type { EpisodePlanner, PlanRequest, Proposal, ProposalsEvent } from '../planner/planner.ts';
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
    /** The task's own success predicate on the executing backend (simulator); otherwise the parsed goal is checked in the twin only. */
    checkOutcome?: (goal: Goal) => GoalCheck;
    /** The scene's goal, used for checks when the command cannot be parsed into one (LLM planner). */
    sceneGoal?: Goal;
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
}
/**
 * One episode as a cold Observable: observe → plan → verify in a twin → execute → outcome.
 * Unsubscribing cancels whatever runs and stops the robot.
 */
export declare function runEpisode(command: string, opts: EpisodeOptions): Observable<EpisodeEvent>;
//# sourceMappingURL=episode.d.ts.map