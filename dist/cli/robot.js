import { sceneSafetyLimits } from "../sim/backend/sim-backend.js";
import { errorMessage } from "./options.js";
/**
 * `--robot URL` of run and exec: connects to the robot, with the robot kind and the safety
 * limits of the scene that describes its cell. On failure prints one line and returns the exit
 * status (2). The bridges are loaded only here: they pull in mqtt.js and roslib, which a
 * simulator run never needs.
 */
export async function connectRobot(command, url, scene, workspacePolicy, timeoutSeconds) {
    try {
        const { createBackend } = await import("../bridge/index.js");
        return await createBackend(url, { robot: scene.robot.kind, safety: sceneSafetyLimits(scene, workspacePolicy), timeoutMs: timeoutSeconds * 1000 });
    }
    catch (err) {
        process.stderr.write(`robotool ${command}: --robot: ${errorMessage(err)}\n`);
        return 2;
    }
}
//# sourceMappingURL=robot.js.map