#!/usr/bin/env node
// The library build: src/ -> dist/ (ES modules, .d.ts, source maps) with tsc, and the viewer's
// browser script bundled once with esbuild into dist/viewer/client.bundle.js, so that the
// installed package runs with plain node and needs neither tsx nor the TypeScript sources.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
await build({
  entryPoints: [join(root, 'src/viewer/client/client.ts')],
  outfile: join(root, 'dist/viewer/client.bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
console.log('built dist/');
