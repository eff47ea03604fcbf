import * as THREE from 'three';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
/**
 * A Three.js scene graph mirroring a simulated world: one group per body, built once from a
 * MirrorModel and moved by PoseFrames. Isomorphic: no DOM, no renderer, so the browser viewer
 * and the headless renderer draw exactly the same graph. World frame is z-up, as in the simulator.
 */
export declare class SceneMirror {
    readonly model: MirrorModel;
    /** Add this to a THREE.Scene; it holds bodies, ground, lights and the workspace box. */
    readonly root: THREE.Group<THREE.Object3DEventMap>;
    private readonly bodies;
    private readonly disposables;
    private lastFrame;
    constructor(model: MirrorModel);
    /** Moves every body to its pose in the frame; bodies missing from the frame keep their pose. */
    apply(frame: PoseFrame): void;
    /** The frame applied last. */
    get frame(): PoseFrame | undefined;
    /** The group drawing one body (`milk`, `button/cap`, `robot/3`). */
    body(id: string): THREE.Group | undefined;
    /** Centre of the world-aligned box around a scene object's bodies (or a single body by id). */
    centerOf(id: string): THREE.Vector3 | undefined;
    /** Shows or hides a scene object (all its bodies) or one body. */
    setVisible(id: string, visible: boolean): void;
    /** A camera placement that frames the whole scene from the robot's right side, above. */
    suggestedView(): {
        position: THREE.Vector3;
        target: THREE.Vector3;
    };
    dispose(): void;
    private track;
    private meshOf;
    private addEnvironment;
}
/** A perspective camera looking at a mirror's scene, z up. */
export declare function cameraFor(mirror: SceneMirror, aspect: number): THREE.PerspectiveCamera;
//# sourceMappingURL=mirror.d.ts.map