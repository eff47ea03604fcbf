/** Watching episodes: the three.js viewer server, headless rendering (Chromium) and MCAP recording. */
export { startViewServer, type ViewServer, type ViewServerOptions, type ViewSource } from './server.ts';
export { renderPng, renderPngFile, ChromiumMissingError, chromiumPath, type RenderOptions, type RenderSource } from './render.ts';
export { McapRecorder, readRecording, RecordingError, TOPICS, type RecorderOptions } from './recording.ts';
export { describeWorld, captureFrame, type MirrorModel, type PoseFrame } from './mirror-model.ts';
export type { RecordingData, TimedEvent } from './protocol.ts';
