import type { Browser, Page } from 'playwright-core';
import type { MirrorModel, PoseFrame } from './mirror-model.ts';
import type { RecordingData } from './protocol.ts';
/** Chromium flags for WebGL 2 in software (SwiftShader through ANGLE); no GPU needed. */
export declare const SOFTWARE_GL_ARGS: string[];
/** Chromium is not installed where robotool looks for it. */
export declare class ChromiumMissingError extends Error {
    readonly name = "ChromiumMissingError";
    constructor(tried: string[]);
}
/** The Chromium binary: $ROBOTOOL_CHROMIUM, else the usual system paths. */
export declare function chromiumPath(): string;
/** Launches headless Chromium with software WebGL. The caller closes it. */
export declare function launchChromium(opts?: {
    executablePath?: string;
}): Promise<Browser>;
export interface OpenViewerOptions {
    width?: number;
    height?: number;
    /** Headless still: canvas only, no animation loop (`?still`). */
    still?: boolean;
    /** Replay: start at this simulated time (s). */
    at?: number;
    /** Live playback speed (default 1; `latest` shows each frame as it arrives). */
    speed?: number | 'latest';
    timeoutMs?: number;
}
/** Opens the viewer at `url` in a new page and waits until it has drawn the world. */
export declare function openViewer(browser: Browser, url: string, opts?: OpenViewerOptions): Promise<Page>;
/** What to render: a world at one instant, or a recording at a time. */
export type RenderSource = {
    model: MirrorModel;
    frame: PoseFrame;
} | {
    recording: RecordingData;
    at: number;
};
export interface RenderOptions {
    width?: number;
    height?: number;
    /** Reuse a browser (bench, batches); otherwise one is launched and closed. */
    browser?: Browser;
}
/** Renders one frame headlessly and returns the PNG bytes (the canvas only). */
export declare function renderPng(source: RenderSource, opts?: RenderOptions): Promise<Buffer>;
/** Renders to a PNG file. */
export declare function renderPngFile(source: RenderSource, out: string, opts?: RenderOptions): Promise<void>;
//# sourceMappingURL=render.d.ts.map