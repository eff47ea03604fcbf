import type { Goal } from '../scene/schema.ts';
import type { SceneObservation } from '../perception/observation.ts';
import type { CallRecord, ProgramErrorInfo } from '../skills/program.ts';
import type { TokenUsage } from '../planner/planner.ts';
export type { CallRecord, ProgramErrorInfo } from '../skills/program.ts';
export type { TokenUsage } from '../planner/planner.ts';
import type { StageName } from '../planner/stages.ts';
/** Everything an episode reports, in order. Sinks (CLI, viewer, MQTT, recorder) subscribe to these. */
export type EpisodeEvent = {
    type: 'episode-started';
    command: string;
    planner: 'search' | 'llm';
    robot: string;
    t: number;
} | {
    type: 'observation';
    observation: SceneObservation;
} | {
    type: 'goal';
    goal: Goal;
} | {
    type: 'stage-started';
    stage: StageName;
    round: number;
} | {
    type: 'stage-delta';
    stage: StageName;
    text: string;
} | {
    type: 'stage-finished';
    stage: StageName;
    round: number;
    output: unknown;
    tokens?: TokenUsage;
    seconds: number;
} | {
    type: 'program';
    program: string;
    round: number;
    schemas?: string[];
} | {
    type: 'candidate';
    index: number;
    schemas: string[];
    cost: number;
    success: boolean;
    reason: string;
    seconds: number;
} | {
    type: 'skill-call';
    phase: 'verify' | 'execute';
    call: CallRecord;
} | {
    type: 'warning';
    message: string;
} | {
    type: 'safety-stop';
    reason: string;
} | {
    type: 'repair';
    round: number;
    cause: string;
} | {
    type: 'outcome';
    success: boolean;
    reason: string;
    rounds: number;
    program: string | null;
    candidatesTried: number;
    planSeconds: number;
    execSeconds: number;
    error: ProgramErrorInfo | null;
};
export type EpisodeEventType = EpisodeEvent['type'];
//# sourceMappingURL=events.d.ts.map