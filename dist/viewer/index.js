/** Watching episodes: the three.js viewer server, headless rendering (Chromium) and MCAP recording. */
export { startViewServer } from "./server.js";
export { renderPng, renderPngFile, ChromiumMissingError, chromiumPath } from "./render.js";
export { McapRecorder, readRecording, RecordingError, TOPICS } from "./recording.js";
export { describeWorld, captureFrame } from "./mirror-model.js";
//# sourceMappingURL=index.js.map