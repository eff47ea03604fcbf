import { randomUUID } from 'node:crypto';
import { connect } from 'mqtt';
import { SceneObservation } from "../perception/observation.js";
import { skillsFor } from "../skills/registry.js";
import { BridgeConnectionError } from "./errors.js";
import { InFlightCalls } from "./in-flight-calls.js";
import { ObservationCache } from "./observation-cache.js";
import { parsePayload, readId, SkillResultMessage } from "./payload.js";
import { ProblemLog } from "./problem-log.js";
/** The four topics of the contract under one prefix. */
export function mqttTopics(prefix = 'robotool') {
    return {
        request: `${prefix}/skill/request`,
        result: `${prefix}/skill/result`,
        stop: `${prefix}/stop`,
        observation: `${prefix}/observation`,
    };
}
/** A robot reached through an MQTT broker; see the file comment for the topic contract. */
export class MqttBackend {
    client;
    url;
    opts;
    name = 'mqtt';
    robot;
    capabilities;
    safety;
    topics;
    /** The last problems reported, newest last. */
    problems;
    inFlight = new InFlightCalls();
    observation;
    stopOnReconnect = null;
    closed = false;
    constructor(client, url, opts) {
        this.client = client;
        this.url = url;
        this.opts = opts;
        this.robot = opts.robot;
        this.capabilities = new Set(opts.capabilities ?? skillsFor(opts.robot).map((s) => s.name));
        if (opts.safety)
            this.safety = opts.safety;
        this.topics = mqttTopics(opts.prefix);
        this.problems = new ProblemLog(opts.onProblem);
        this.observation = new ObservationCache(`${this.topics.observation} (the robot publishes it retained)`);
    }
    /** Connects to the broker (`mqtt://`, `mqtts://`, `ws://`, `wss://`), subscribes, and resolves once ready. */
    static async connect(url, opts) {
        const topics = mqttTopics(opts.prefix);
        const will = { reason: 'the robotool controller went offline (MQTT last will)' };
        const client = connect(url, {
            protocolVersion: 5,
            reconnectPeriod: 1000,
            // Calls are refused while offline; nothing of ours may sit in a queue and run late.
            queueQoSZero: false,
            clientId: `robotool-${randomUUID().slice(0, 8)}`,
            will: { topic: topics.stop, payload: Buffer.from(JSON.stringify(will)), qos: 1, retain: false },
            ...opts.mqtt,
        });
        const backend = new MqttBackend(client, url, opts);
        try {
            await backend.waitForConnect(opts.connectTimeoutMs ?? 5000);
            await client.subscribeAsync({ [topics.result]: { qos: 1 }, [topics.observation]: { qos: 1 } });
        }
        catch (err) {
            client.end(true);
            throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`MQTT broker at ${url}: ${errorText(err)}`, { cause: err });
        }
        return backend;
    }
    /** Whether the broker connection is up now. */
    get connected() {
        return this.client.connected;
    }
    async call(skill, args, opts = {}) {
        const { signal } = opts;
        if (signal?.aborted)
            throw signal.reason;
        if (this.closed || !this.client.connected) {
            throw new BridgeConnectionError(`${skill} was not sent: not connected to the MQTT broker at ${this.url}`);
        }
        const id = randomUUID();
        const timeoutMs = this.opts.timeouts?.[skill] ?? this.opts.timeoutMs ?? 30_000;
        const answer = this.inFlight.open(id, skill, {
            timeoutMs,
            ...(signal ? { signal } : {}),
            onGiveUp: (why) => this.stopInBackground(`${why === 'cancelled' ? 'cancelled' : 'no answer in time'}: ${skill} (call ${id})`, id),
        });
        const request = { id, skill, args: [...args] };
        this.client.publish(this.topics.request, JSON.stringify(request), { qos: 1, properties: { messageExpiryInterval: Math.max(1, Math.ceil(timeoutMs / 1000)) } }, (err) => {
            if (err)
                this.inFlight.fail(id, new BridgeConnectionError(`${skill} could not be published to ${this.topics.request}: ${err.message}`, { cause: err }));
        });
        return answer;
    }
    /** Publishes a stop (QoS 1) and resolves when the broker has acknowledged it. */
    async stop(reason) {
        await this.publishStop(reason);
    }
    /** The latest valid retained observation; waits `observeTimeoutMs` for a first one. */
    observe() {
        return this.observation.get(this.opts.observeTimeoutMs ?? 2000);
    }
    /** Disconnects; calls in flight reject with BridgeConnectionError. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        this.inFlight.failAll((skill, id) => new BridgeConnectionError(`${skill} (call ${id}) abandoned: the MQTT backend was closed`));
        await this.client.endAsync();
    }
    waitForConnect(ms) {
        const { client } = this;
        client.on('message', (topic, payload) => this.onMessage(topic, payload));
        client.on('error', (err) => this.problems.report({ severity: 'error', source: this.url, message: `MQTT client error: ${err.message}`, issues: [] }));
        client.on('close', () => this.onLinkLost());
        client.on('connect', () => this.onLinkUp());
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                client.off('connect', ok);
                reject(new BridgeConnectionError(`no connection to the MQTT broker at ${this.url} within ${ms} ms`));
            }, ms);
            const ok = () => {
                clearTimeout(timer);
                resolve();
            };
            client.once('connect', ok);
        });
    }
    onLinkLost() {
        if (this.inFlight.size === 0)
            return;
        this.inFlight.failAll((skill, id) => new BridgeConnectionError(`lost the connection to the MQTT broker at ${this.url} while ${skill} was in flight (call ${id}); a stop will be sent when it returns`));
        this.stopOnReconnect = 'the connection to the broker dropped while a skill was in flight';
    }
    onLinkUp() {
        if (this.stopOnReconnect === null)
            return;
        const reason = this.stopOnReconnect;
        this.stopOnReconnect = null;
        this.stopInBackground(reason);
    }
    onMessage(topic, payload) {
        const text = payload.toString('utf8');
        if (topic === this.topics.result)
            this.onResult(text);
        else if (topic === this.topics.observation)
            this.onObservation(text);
    }
    onResult(text) {
        const parsed = parsePayload(SkillResultMessage, text);
        if (!parsed.ok) {
            const callId = readId(parsed.raw);
            const waiting = callId !== undefined && this.inFlight.noteMalformed(callId, parsed.issues);
            this.problems.report({
                severity: 'error',
                source: this.topics.result,
                message: `dropped a malformed skill result${waiting ? ` for call ${callId} (still waiting for a valid one)` : ''}: ${parsed.issues.join('; ')}`,
                issues: parsed.issues,
                ...(callId !== undefined ? { callId } : {}),
            });
            return;
        }
        const { id, ...body } = parsed.value;
        if (!this.inFlight.answer(id, body)) {
            this.problems.report({ severity: 'warn', source: this.topics.result, message: `dropped a result for call ${id}, which is not waiting (late, repeated or not ours)`, issues: [], callId: id });
        }
    }
    onObservation(text) {
        // An empty retained message clears the topic: the robot no longer vouches for a scene.
        if (text === '') {
            this.observation.clear();
            return;
        }
        const parsed = parsePayload(SceneObservation, text);
        if (!parsed.ok) {
            this.problems.report({ severity: 'error', source: this.topics.observation, message: `dropped a malformed observation: ${parsed.issues.join('; ')}`, issues: parsed.issues });
            return;
        }
        this.observation.set(parsed.value);
    }
    async publishStop(reason, callId) {
        const msg = { reason, at: Date.now(), ...(callId !== undefined ? { callId } : {}) };
        const ms = this.opts.stopTimeoutMs ?? 2000;
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new BridgeConnectionError(`the stop (${reason}) was not acknowledged by the MQTT broker at ${this.url} within ${ms} ms`)), ms);
        });
        try {
            await Promise.race([this.client.publishAsync(this.topics.stop, JSON.stringify(msg), { qos: 1 }), timeout]);
        }
        catch (err) {
            throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`the stop (${reason}) could not be published: ${errorText(err)}`, { cause: err });
        }
        finally {
            clearTimeout(timer);
        }
    }
    stopInBackground(reason, callId) {
        this.publishStop(reason, callId).catch((err) => {
            this.problems.report({ severity: 'error', source: this.topics.stop, message: errorText(err), issues: [], ...(callId !== undefined ? { callId } : {}) });
        });
    }
}
function errorText(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=mqtt-backend.js.map