import type { EpisodeEvent } from '../episode/events.ts';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
/** An episode event stamped with the simulated time (s) of the executing world when it happened. */
export interface TimedEvent {
    t: number;
    event: EpisodeEvent;
}
/** Everything a replay needs, as read from an MCAP file. */
export interface RecordingData {
    model: MirrorModel;
    frames: PoseFrame[];
    events: TimedEvent[];
    /** Free-form facts about the run (scene, command, robotool version). */
    meta: Record<string, string>;
}
/** What the view server sends to a page, one JSON object per WebSocket message. */
export type ServerMessage = {
    type: 'hello';
    mode: 'live' | 'replay';
    title: string;
} | {
    type: 'model';
    model: MirrorModel;
} | {
    type: 'frame';
    frame: PoseFrame;
} | {
    type: 'event';
    t: number;
    event: EpisodeEvent;
} | {
    type: 'recording';
    recording: RecordingData;
} | {
    type: 'end';
};
//# sourceMappingURL=protocol.d.ts.map