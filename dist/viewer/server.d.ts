import type { EpisodeEvent } from '../episode/events.ts';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
import type { RecordingData } from './protocol.ts';
/** What a view server shows: a live world fed by `publish*`, or a recording to replay. */
export type ViewSource = {
    kind: 'live';
    title?: string;
} | {
    kind: 'replay';
    recording: RecordingData;
    title?: string;
};
export interface ViewServerOptions {
    /** 0 (default) picks a free port. */
    port?: number;
    /** Default 127.0.0.1: the viewer is for this machine only. */
    host?: string;
}
/** A running viewer: a page on localhost kept up to date over a WebSocket. */
export interface ViewServer {
    readonly url: string;
    readonly port: number;
    /** Number of pages connected now. */
    readonly clients: number;
    /** Live: the world to draw (sent again to every page that connects later). */
    setModel(model: MirrorModel): void;
    /** Live: the latest poses. */
    publishFrame(frame: PoseFrame): void;
    /** Live: an episode event at simulated time `t`. */
    publishEvent(t: number, event: EpisodeEvent): void;
    /** Live: the episode is over. */
    end(): void;
    close(): Promise<void>;
}
/** Starts the viewer's http + WebSocket server. Close it with `close()`. */
export declare function startViewServer(source: ViewSource, opts?: ViewServerOptions): Promise<ViewServer>;
//# sourceMappingURL=server.d.ts.map