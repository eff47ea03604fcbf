import { randomUUID } from 'node:crypto';
import { Ros, Service, Topic, WebSocketTransportFactory } from 'roslib';
import { z } from 'zod';
import { SceneObservation } from "../perception/observation.js";
import { skillsFor } from "../skills/registry.js";
import { BridgeConnectionError, BridgePayloadError, BridgeServiceError } from "./errors.js";
import { InFlightCalls } from "./in-flight-calls.js";
import { ObservationCache } from "./observation-cache.js";
import { parsePayload, parseValue, SkillResultBody } from "./payload.js";
import { ProblemLog } from "./problem-log.js";
export const DEFAULT_ROS_NAMES = {
    skillService: '/robotool/skill',
    skillServiceType: 'robotool_msgs/Skill',
    stopTopic: '/robotool/stop',
    observationTopic: '/robotool/observation',
    stringType: 'std_msgs/String',
};
const SkillResponse = z.object({ result_json: z.string() });
const StringMsg = z.object({ data: z.string() });
/** Re-roots issues of a JSON payload carried in a string field under that field's name. */
function under(field, issues) {
    return issues.map((i) => (i.startsWith('(payload)') ? `${field}${i.slice('(payload)'.length)}` : i.startsWith('[') ? `${field}${i}` : `${field}.${i}`));
}
/** A robot reached through a rosbridge server; see the file comment for the contract. */
export class RosBridgeBackend {
    ros;
    url;
    opts;
    name = 'ros';
    robot;
    capabilities;
    safety;
    names;
    /** The last problems reported, newest last. */
    problems;
    inFlight = new InFlightCalls();
    observation;
    skillService;
    stopTopic;
    observationTopic;
    closed = false;
    constructor(ros, url, opts) {
        this.ros = ros;
        this.url = url;
        this.opts = opts;
        this.robot = opts.robot;
        this.capabilities = new Set(opts.capabilities ?? skillsFor(opts.robot).map((s) => s.name));
        if (opts.safety)
            this.safety = opts.safety;
        this.names = { ...DEFAULT_ROS_NAMES, ...opts.names };
        this.problems = new ProblemLog(opts.onProblem);
        this.observation = new ObservationCache(this.names.observationTopic);
        this.skillService = new Service({ ros, name: this.names.skillService, serviceType: this.names.skillServiceType });
        this.stopTopic = new Topic({ ros, name: this.names.stopTopic, messageType: this.names.stringType });
        this.observationTopic = new Topic({ ros, name: this.names.observationTopic, messageType: this.names.stringType });
    }
    /** Opens the WebSocket to rosbridge (`ws://host:9090`), subscribes to the observation, and resolves once connected. */
    static async connect(url, opts) {
        const ros = new Ros({ transportFactory: opts.transportFactory ?? WebSocketTransportFactory });
        const backend = new RosBridgeBackend(ros, url, opts);
        await backend.open(opts.connectTimeoutMs ?? 5000);
        backend.observationTopic.subscribe((msg) => backend.onObservation(msg));
        return backend;
    }
    /** Whether the rosbridge connection is up now. */
    get connected() {
        return this.ros.isConnected && !this.closed;
    }
    async call(skill, args, opts = {}) {
        const { signal } = opts;
        if (signal?.aborted)
            throw signal.reason;
        if (!this.connected)
            throw new BridgeConnectionError(`${skill} was not sent: not connected to rosbridge at ${this.url}`);
        const id = randomUUID();
        const timeoutMs = this.opts.timeouts?.[skill] ?? this.opts.timeoutMs ?? 30_000;
        const answer = this.inFlight.open(id, skill, {
            timeoutMs,
            ...(signal ? { signal } : {}),
            onGiveUp: (why) => this.stopInBackground(`${why === 'cancelled' ? 'cancelled' : 'no answer in time'}: ${skill}`),
        });
        this.skillService.callService({ skill, args_json: JSON.stringify(args) }, (values) => this.onResponse(id, skill, values), (error) => {
            this.inFlight.fail(id, new BridgeServiceError(`${skill}: the ${this.names.skillService} service call failed: ${String(error)}`));
        }, timeoutMs / 1000);
        return answer;
    }
    /** Publishes a stop on the stop topic. rosbridge does not acknowledge publishes: this resolves once it is sent. */
    async stop(reason) {
        if (!this.connected)
            throw new BridgeConnectionError(`the stop (${reason}) could not be sent: not connected to rosbridge at ${this.url}`);
        const msg = { reason, at: Date.now() };
        this.stopTopic.publish({ data: JSON.stringify(msg) });
    }
    observe() {
        return this.observation.get(this.opts.observeTimeoutMs ?? 2000);
    }
    /** Closes the connection; calls in flight reject with BridgeConnectionError. */
    async close() {
        if (this.closed)
            return;
        this.closed = true;
        this.inFlight.failAll((skill, id) => new BridgeConnectionError(`${skill} (call ${id}) abandoned: the rosbridge backend was closed`));
        this.ros.close();
    }
    async open(ms) {
        const { ros } = this;
        ros.on('error', (event) => {
            this.problems.report({ severity: 'error', source: this.url, message: `rosbridge link error: ${describeEvent(event)}`, issues: [] });
        });
        ros.on('close', () => {
            this.inFlight.failAll((skill, id) => new BridgeConnectionError(`lost the connection to rosbridge at ${this.url} while ${skill} was in flight (call ${id})`));
        });
        let timer;
        let settle;
        const opened = new Promise((resolve, reject) => {
            settle = (err) => (err ? reject(err) : resolve());
            timer = setTimeout(() => settle?.(new BridgeConnectionError(`no connection to rosbridge at ${this.url} within ${ms} ms`)), ms);
        });
        const onOpen = () => settle?.();
        const onClose = () => settle?.(new BridgeConnectionError(`rosbridge at ${this.url} refused or closed the connection`));
        ros.once('connection', onOpen);
        ros.once('close', onClose);
        try {
            await ros.connect(this.url);
            await opened;
        }
        catch (err) {
            ros.close();
            throw err instanceof BridgeConnectionError ? err : new BridgeConnectionError(`rosbridge at ${this.url}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        finally {
            clearTimeout(timer);
            ros.off('connection', onOpen);
            ros.off('close', onClose);
        }
    }
    onResponse(id, skill, values) {
        if (!this.inFlight.has(id))
            return;
        const source = this.names.skillService;
        const response = parseValue(SkillResponse, values);
        const body = response.ok ? parsePayload(SkillResultBody, response.value.result_json) : response;
        if (body.ok) {
            this.inFlight.answer(id, body.value);
            return;
        }
        const issues = response.ok ? under('result_json', body.issues) : body.issues;
        this.problems.report({ severity: 'error', source, message: `malformed response to ${skill}: ${issues.join('; ')}`, issues, callId: id });
        this.inFlight.fail(id, new BridgePayloadError(source, issues, `${skill}: the robot's response on ${source} is malformed (${issues.join('; ')}); the robot was sent a stop`));
        this.stopInBackground(`malformed response to ${skill}`);
    }
    onObservation(msg) {
        const source = this.names.observationTopic;
        const outer = parseValue(StringMsg, msg);
        const parsed = outer.ok ? parsePayload(SceneObservation, outer.value.data) : outer;
        if (parsed.ok) {
            this.observation.set(parsed.value);
            return;
        }
        const issues = outer.ok ? under('data', parsed.issues) : parsed.issues;
        this.problems.report({ severity: 'error', source, message: `dropped a malformed observation: ${issues.join('; ')}`, issues });
    }
    stopInBackground(reason) {
        this.stop(reason).catch((err) => {
            this.problems.report({ severity: 'error', source: this.names.stopTopic, message: err instanceof Error ? err.message : String(err), issues: [] });
        });
    }
}
function describeEvent(event) {
    if (event instanceof Error)
        return event.message;
    if (typeof event === 'object' && event !== null && 'message' in event && typeof event.message === 'string')
        return event.message;
    return String(event);
}
//# sourceMappingURL=ros-backend.js.map