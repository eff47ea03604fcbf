import type { BridgeBackend } from '../bridge/index.ts';
import type { Scene } from '../scene/schema.ts';
import { sceneSafetyLimits } from '../sim/backend/sim-backend.ts';
import { errorMessage, LINK_FAULT } from './options.ts';

/**
 * `--robot URL` of run and exec: connects to the robot, with the robot kind and the safety
 * limits of the scene that describes its cell. On failure prints one line and returns the exit
 * status (2 for a URL it cannot read, 3 for a robot it cannot reach or control). The bridges are loaded only here: they pull in mqtt.js and roslib, which a
 * simulator run never needs.
 */
export async function connectRobot(
  command: string,
  url: string,
  scene: Scene,
  workspacePolicy: 'clamp' | 'reject',
  timeoutSeconds: number,
): Promise<BridgeBackend | number> {
  let bridge: typeof import('../bridge/index.ts') | undefined;
  try {
    bridge = await import('../bridge/index.ts');
    return await bridge.createBackend(url, { robot: scene.robot.kind, safety: sceneSafetyLimits(scene, workspacePolicy), timeoutMs: timeoutSeconds * 1000 });
  } catch (err) {
    process.stderr.write(`robotool ${command}: --robot: ${errorMessage(err)}\n`);
    // A URL it cannot read is bad usage; a robot it cannot reach or may not control is a link fault.
    return bridge && err instanceof bridge.BridgeError ? LINK_FAULT : 2;
  }
}

/** The link fault that ended a run on this robot, as the `fault` of `--json` reports; null when the link held. */
export function linkFault(backend: BridgeBackend): { kind: string; message: string } | null {
  if ('fault' in backend) {
    const fault = backend.fault;
    return fault === null ? null : { kind: fault.kind, message: fault.message };
  }
  return backend.connected ? null : { kind: 'link-lost', message: `lost the connection to rosbridge at ${backend.url}` };
}

/** What the run leaves for the user about the link: the fault that ended it, and whether the robot got its stop. */
export async function closeRobot(command: string, backend: BridgeBackend): Promise<void> {
  await backend.close();
  const fault = 'fault' in backend ? backend.fault : null;
  if (fault === null) return;
  process.stderr.write(
    fault.stop === 'delivered'
      ? `robotool ${command}: the stop reached the broker after the fault (${fault.kind})\n`
      : `robotool ${command}: the stop could NOT be delivered after the fault (${fault.kind}): the robot must stop by itself (its lease expires, or it notices the lost link)\n`,
  );
}
