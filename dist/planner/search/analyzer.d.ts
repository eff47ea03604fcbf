import type { Goal } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { AnalyzerOutput } from '../stages.ts';
/** Without a model of the object we assume RoboTool's figure: a fragile object survives a 0.3 m fall. */
export declare const DEFAULT_SAFE_DROP = 0.3;
/** Distance (m) by which a point lies outside the arm's workspace in x and y (0 inside). */
export declare function outsideBy(p: readonly number[], ws: {
    min: readonly number[];
    max: readonly number[];
}): number;
/** The key concepts of a task, computed from the observation and the robot's limits (no model). */
export declare function analyze(obs: SceneObservation, goal: Goal): AnalyzerOutput;
//# sourceMappingURL=analyzer.d.ts.map