import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const entry = join(here, 'client', 'client.ts');
const cacheDir = join(root, 'node_modules', '.cache', 'robotool-view');
const cachedCode = join(cacheDir, 'client.js');
const cachedInputs = join(cacheDir, 'client.inputs.json');
/** Written by the library build (scripts/build.mjs) beside the compiled bundle.js; used as it is. */
const prebuilt = join(here, 'client.bundle.js');
let memo;
/**
 * The viewer's browser script: client.ts and Three.js bundled by esbuild on first use, so users
 * need no build step. Kept in memory and in node_modules/.cache with the hashes of the project
 * files it was built from (esbuild's own list); it is rebuilt when one of them changes.
 */
export function clientBundle() {
    memo ??= readFile(prebuilt, 'utf8').catch(() => buildCached()).catch((err) => {
        memo = undefined;
        throw new Error(`could not bundle the viewer client: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    });
    return memo;
}
async function hashOf(rel) {
    return createHash('sha256').update(await readFile(join(root, rel))).digest('hex');
}
async function threeVersion() {
    const pkg = JSON.parse(await readFile(join(root, 'node_modules', 'three', 'package.json'), 'utf8'));
    return String(pkg.version);
}
async function cacheIsFresh() {
    try {
        const saved = JSON.parse(await readFile(cachedInputs, 'utf8'));
        if (typeof saved !== 'object' || saved === null)
            return false;
        const inputs = saved;
        if (inputs['three@'] !== (await threeVersion()))
            return false;
        for (const [rel, hash] of Object.entries(inputs)) {
            if (rel !== 'three@' && (await hashOf(rel)) !== hash)
                return false;
        }
        return true;
    }
    catch {
        return false;
    }
}
async function buildCached() {
    if (await cacheIsFresh()) {
        try {
            return await readFile(cachedCode, 'utf8');
        }
        catch {
            // Inputs saved but code missing: build again.
        }
    }
    const { build } = await import('esbuild');
    const result = await build({
        entryPoints: [entry],
        absWorkingDir: root,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        write: false,
        metafile: true,
        logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text;
    if (code === undefined)
        throw new Error('esbuild produced no output');
    const inputs = { 'three@': await threeVersion() };
    for (const rel of Object.keys(result.metafile.inputs)) {
        if (!rel.includes('node_modules/'))
            inputs[rel] = await hashOf(rel);
    }
    try {
        await mkdir(cacheDir, { recursive: true });
        // Code first, then the inputs that vouch for it, each written whole through a rename.
        const tmp = `.${process.pid}.tmp`;
        await writeFile(cachedCode + tmp, code);
        await rename(cachedCode + tmp, cachedCode);
        await writeFile(cachedInputs + tmp, JSON.stringify(inputs, null, 1));
        await rename(cachedInputs + tmp, cachedInputs);
    }
    catch {
        // A read-only install: keep the bundle in memory only and build again next time.
    }
    return code;
}
//# sourceMappingURL=bundle.js.map