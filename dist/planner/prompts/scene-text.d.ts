import type { SceneObservation } from '../../perception/observation.ts';
/** A number as a person would write it: at most 4 decimals, no trailing zeros, no `-0`. */
export declare function formatNumber(v: number): string;
/** `[0.544, -0.001, 0.08]` */
export declare function formatVector(v: readonly number[]): string;
/**
 * The scene in RoboTool's text format: the robot, then every object with its bounding-box
 * centre and size, graspable point, and movable / on_top_of / in_contact_with. Robot frame,
 * metres. Deterministic: the same observation renders the same text, so prompts can be recorded.
 */
export declare function renderSceneText(observation: SceneObservation): string;
//# sourceMappingURL=scene-text.d.ts.map