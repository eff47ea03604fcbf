import { MqttBackend, type MqttBackendOptions } from './mqtt-backend.ts';
import { RosBridgeBackend, type RosBridgeBackendOptions } from './ros-backend.ts';

export { BridgeConnectionError, BridgeControlError, BridgeError, BridgePayloadError, BridgeRobotLostError, BridgeServiceError, BridgeTimeoutError, type BridgeProblem } from './errors.ts';
export { MqttBackend, mqttTopics, type LinkFault, type MqttBackendOptions } from './mqtt-backend.ts';
export { DEFAULT_ROS_NAMES, RosBridgeBackend, type RosBridgeBackendOptions, type RosBridgeNames } from './ros-backend.ts';

/** Which bridge a URL names, and the URL that bridge connects to. */
export type BackendTarget = { kind: 'mqtt'; url: string } | { kind: 'ros'; url: string };

/** A hardware backend from `createBackend`; `close()` disconnects it. */
export type BridgeBackend = MqttBackend | RosBridgeBackend;

/** Options for either bridge; `mqtt` and `ros` hold the options only that bridge reads. */
export type CreateBackendOptions = Omit<MqttBackendOptions, 'prefix' | 'mqtt' | 'stopTimeoutMs'> & {
  mqtt?: Pick<MqttBackendOptions, 'prefix' | 'mqtt' | 'stopTimeoutMs'>;
  ros?: Pick<RosBridgeBackendOptions, 'names' | 'transportFactory'>;
};

/**
 * Reads a robot URL:
 * - `mqtt://host:1883`, `mqtts://host:8883` → MQTT over TCP/TLS;
 * - `ws://host:9001/mqtt?mqtt`, `wss://…?mqtt` → MQTT over WebSocket (the `mqtt` marker is removed);
 * - `ros://host:9090` → rosbridge at `ws://host:9090`; `ros+wss://host` → `wss://host`;
 * - `ws://host:9090?ros`, `wss://…?ros` → rosbridge (the `ros` marker is removed).
 * A `ws://` URL without a marker is refused: both bridges speak WebSocket.
 * For MQTT, `?prefix=lab1` sets the topic prefix.
 */
export function parseBackendUrl(raw: string): BackendTarget & { prefix?: string } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`not a robot URL: "${raw}" (try mqtt://host:1883 or ros://host:9090)`);
  }
  const scheme = url.protocol.slice(0, -1);
  const prefix = url.searchParams.get('prefix') ?? undefined;
  url.searchParams.delete('prefix');
  const withPrefix = <T extends BackendTarget>(t: T): T & { prefix?: string } => (prefix !== undefined ? { ...t, prefix } : t);
  if (scheme === 'mqtt' || scheme === 'mqtts') return withPrefix({ kind: 'mqtt', url: url.href });
  if (scheme === 'ros' || scheme === 'ros+ws' || scheme === 'ros+wss') {
    return { kind: 'ros', url: `${scheme === 'ros+wss' ? 'wss' : 'ws'}://${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search}` };
  }
  if (scheme === 'ws' || scheme === 'wss') {
    const mqtt = url.searchParams.has('mqtt');
    const ros = url.searchParams.has('ros');
    if (mqtt === ros) throw new Error(`"${raw}" is a WebSocket URL: add ?mqtt (an MQTT broker) or ?ros (a rosbridge server) to say which`);
    url.searchParams.delete(mqtt ? 'mqtt' : 'ros');
    return mqtt ? withPrefix({ kind: 'mqtt', url: url.href }) : { kind: 'ros', url: url.href };
  }
  throw new Error(`unknown robot URL scheme "${scheme}:" in "${raw}" (mqtt:, mqtts:, ros:, ros+wss:, or ws:/wss: with ?mqtt or ?ros)`);
}

/** Connects to the robot a URL names (see `parseBackendUrl`); wrap the result in a SafetyEnvelope before use. */
export async function createBackend(url: string, opts: CreateBackendOptions): Promise<BridgeBackend> {
  const target = parseBackendUrl(url);
  const { mqtt, ros, ...common } = opts;
  if (target.kind === 'mqtt') {
    const prefix = mqtt?.prefix ?? target.prefix;
    return MqttBackend.connect(target.url, { ...common, ...mqtt, ...(prefix !== undefined ? { prefix } : {}) });
  }
  return RosBridgeBackend.connect(target.url, { ...common, ...ros });
}
