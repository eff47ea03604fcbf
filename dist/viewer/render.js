import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { startViewServer } from "./server.js";
/** Chromium flags for WebGL 2 in software (SwiftShader through ANGLE); no GPU needed. */
export const SOFTWARE_GL_ARGS = ['--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox'];
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Chromium is not installed where robotool looks for it. */
export class ChromiumMissingError extends Error {
    name = 'ChromiumMissingError';
    constructor(tried) {
        super(`no Chromium found (tried ${tried.join(', ')}). Install it (Debian: sudo apt-get install chromium) ` +
            'or point ROBOTOOL_CHROMIUM at a Chromium or Chrome binary.');
    }
}
/** The Chromium binary: $ROBOTOOL_CHROMIUM, else the usual system paths. */
export function chromiumPath() {
    const env = process.env.ROBOTOOL_CHROMIUM;
    const tried = env ? [env, ...CANDIDATES] : CANDIDATES;
    const found = tried.find((p) => existsSync(p));
    if (!found)
        throw new ChromiumMissingError(tried);
    return found;
}
/** Launches headless Chromium with software WebGL. The caller closes it. */
export async function launchChromium(opts = {}) {
    const { chromium } = await import('playwright-core');
    return chromium.launch({ executablePath: opts.executablePath ?? chromiumPath(), args: SOFTWARE_GL_ARGS, headless: true });
}
/** Opens the viewer at `url` in a new page and waits until it has drawn the world. */
export async function openViewer(browser, url, opts = {}) {
    const page = await browser.newPage({ viewport: { width: opts.width ?? 960, height: opts.height ?? 600 } });
    const q = new URLSearchParams();
    if (opts.still)
        q.set('still', '1');
    if (opts.at !== undefined)
        q.set('at', String(opts.at));
    if (opts.speed !== undefined)
        q.set('speed', String(opts.speed));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?${q.toString()}`);
    try {
        await page.waitForFunction(() => window.__robotool?.ready === true, undefined, { timeout: opts.timeoutMs ?? 30_000 });
    }
    catch (err) {
        throw new Error(`the viewer page did not get ready${errors.length ? `: ${errors.join('; ')}` : ''}`, { cause: err });
    }
    return page;
}
/** Renders one frame headlessly and returns the PNG bytes (the canvas only). */
export async function renderPng(source, opts = {}) {
    let server;
    const browser = opts.browser ?? (await launchChromium());
    try {
        if ('recording' in source) {
            server = await startViewServer({ kind: 'replay', recording: source.recording });
        }
        else {
            server = await startViewServer({ kind: 'live' });
            server.setModel(source.model);
            server.publishFrame(source.frame);
            server.end();
        }
        const page = await openViewer(browser, server.url, {
            still: true,
            width: opts.width ?? 960,
            height: opts.height ?? 600,
            ...('recording' in source ? { at: source.at } : {}),
        });
        try {
            return await page.locator('canvas').screenshot({ type: 'png' });
        }
        finally {
            await page.close();
        }
    }
    finally {
        await server?.close();
        if (!opts.browser)
            await browser.close();
    }
}
/** Renders to a PNG file. */
export async function renderPngFile(source, out, opts = {}) {
    await writeFile(out, await renderPng(source, opts));
}
//# sourceMappingURL=render.js.map