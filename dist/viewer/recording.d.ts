import type { EpisodeEvent } from '../episode/events.ts';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
import type { RecordingData } from './protocol.ts';
/**
 * Episode recordings as MCAP files: JSON messages on JSON-schema channels, so that Foxglove
 * opens them as they are. Log time is the executing world's simulated time.
 *
 * Topics:
 * - `/robotool/model`  the bodies and their shapes (once, at the start)
 * - `/robotool/poses`  every body's pose, each frame (robotool.PoseFrame)
 * - `/robotool/events` every episode event, stamped with simulated time
 * - `/robotool/skill-calls` the skill calls alone (verify and execute)
 * - `/tf` and `/scene`  the same poses and shapes as foxglove.FrameTransforms / foxglove.SceneUpdate,
 *   so Foxglove's 3-D panel draws the episode.
 */
export declare const TOPICS: {
    readonly model: "/robotool/model";
    readonly poses: "/robotool/poses";
    readonly events: "/robotool/events";
    readonly skillCalls: "/robotool/skill-calls";
    readonly tf: "/tf";
    readonly scene: "/scene";
};
export interface RecorderOptions {
    model: MirrorModel;
    /** Free-form facts written as MCAP metadata `robotool` (scene, command …). */
    meta?: Record<string, string>;
    /** Also write `/tf` and `/scene` for Foxglove's 3-D panel (default true). */
    foxglove?: boolean;
    /**
     * Most /tf messages per simulated second (default 10). /tf is four times the bytes of a pose
     * frame and its MCAP encoding (CRCs, chunk copies) dominates the recorder's cost; robotool's own
     * replay uses every pose frame on /robotool/poses.
     */
    tfRate?: number;
}
/**
 * Writes one episode to an MCAP file. `frame` and `event` return at once, so a recorder can hang
 * off synchronous hooks such as `onFrame`; `close` finishes the file and reports the first error.
 *
 * Why it looks the way it does (measured on reach-milk, ~250 frames in ~90 ms of execution):
 * the simulator steps in long synchronous stretches, so work deferred to promises runs
 * interleaved with physics, cold, at several times its cost, and asynchronous file I/O does not
 * complete until the episode ends. So the recording is one MCAP chunk held in memory (~40 KB per
 * simulated second) and written at `close` with synchronous writes; with no chunk to flush,
 * McapWriter.addMessage finishes synchronously and is called directly from `frame`.
 */
export declare class McapRecorder {
    private tail;
    private failure;
    private seq;
    private closed;
    private readonly fd;
    private writer;
    private readonly channels;
    private readonly foxglove;
    /** The pose last written to /tf per body: Foxglove keeps a frame's latest transform, so unchanged bodies are skipped. */
    private readonly lastTf;
    private readonly tfPeriod;
    private lastTfT;
    /** The latest frame not yet on /tf; written on close so that Foxglove ends where the episode ended. */
    private unsentTf;
    /** Messages that came before the header was written (a few microtasks after construction). */
    private early;
    /** Frames not yet encoded. */
    private pending;
    /** Starts writing `file` (created or truncated): header, channels, metadata and the model. Throws if the file cannot be created. */
    constructor(file: string, opts: RecorderOptions);
    /** A recorder whose header is written (errors surface here). */
    static create(file: string, opts: RecorderOptions): Promise<McapRecorder>;
    private start;
    /** Records the poses of one frame. */
    frame(frame: PoseFrame): void;
    private flushFrames;
    private encodeFrame;
    private writeTf;
    /** Records an episode event at simulated time `t`. */
    event(t: number, event: EpisodeEvent): void;
    /** Writes the chunk, summary and indexes, and closes the file. Throws the first write error, if any. */
    close(): Promise<void>;
    private write;
    private writeText;
    private add;
}
/** `JSON.stringify(frame)`, written by hand: the same text in about half the time, and this runs every frame. */
export declare function poseFrameJson(frame: PoseFrame): string;
/** A recording that cannot be replayed, with the reason. */
export declare class RecordingError extends Error {
    readonly name = "RecordingError";
}
/** Reads a robotool MCAP recording back: model, frames and events in time order, metadata. */
export declare function readRecording(file: string): Promise<RecordingData>;
//# sourceMappingURL=recording.d.ts.map