import { MqttBackend, type MqttBackendOptions } from './mqtt-backend.ts';
import { RosBridgeBackend, type RosBridgeBackendOptions } from './ros-backend.ts';
export { BridgeConnectionError, BridgeError, BridgePayloadError, BridgeServiceError, BridgeTimeoutError, type BridgeProblem } from './errors.ts';
export { MqttBackend, mqttTopics, type MqttBackendOptions } from './mqtt-backend.ts';
export { DEFAULT_ROS_NAMES, RosBridgeBackend, type RosBridgeBackendOptions, type RosBridgeNames } from './ros-backend.ts';
/** Which bridge a URL names, and the URL that bridge connects to. */
export type BackendTarget = {
    kind: 'mqtt';
    url: string;
} | {
    kind: 'ros';
    url: string;
};
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
export declare function parseBackendUrl(raw: string): BackendTarget & {
    prefix?: string;
};
/** Connects to the robot a URL names (see `parseBackendUrl`); wrap the result in a SafetyEnvelope before use. */
export declare function createBackend(url: string, opts: CreateBackendOptions): Promise<BridgeBackend>;
//# sourceMappingURL=index.d.ts.map