import type { BridgeBackend } from '../bridge/index.ts';
import type { Scene } from '../scene/schema.ts';
/**
 * `--robot URL` of run and exec: connects to the robot, with the robot kind and the safety
 * limits of the scene that describes its cell. On failure prints one line and returns the exit
 * status (2). The bridges are loaded only here: they pull in mqtt.js and roslib, which a
 * simulator run never needs.
 */
export declare function connectRobot(command: string, url: string, scene: Scene, workspacePolicy: 'clamp' | 'reject', timeoutSeconds: number): Promise<BridgeBackend | number>;
//# sourceMappingURL=robot.d.ts.map