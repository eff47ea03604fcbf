#!/usr/bin/env node
// Entry point for `npx robotool`. An installed package runs the compiled CLI in dist/ with plain
// node. A development checkout (src/ present, tsx installed) runs the TypeScript sources through
// tsx instead, so that an edit is never shadowed by a stale build.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const debug = process.argv.includes('--debug') || process.env.ROBOTOOL_DEBUG === '1';
// Last line of defence: an error no command caught is still one line, not a Node stack trace
// (`--debug` shows the trace).
const fatal = (err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`robotool: ${message.replace(/\s*\n\s*/g, '; ')}${debug ? '' : ' (--debug shows where)'}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let main;
const tsx = existsSync(source) && process.env.ROBOTOOL_FROM_DIST !== '1' ? await import('tsx/esm/api').catch(() => null) : null;
if (tsx) {
  tsx.register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import('../dist/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
