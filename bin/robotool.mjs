#!/usr/bin/env node
// Entry point for `npx robotool`: runs the TypeScript CLI through tsx so that no build step
// stands between `npm ci` and the first command.
import { register } from 'tsx/esm/api';

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

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
