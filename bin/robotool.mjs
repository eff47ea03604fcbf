#!/usr/bin/env node
// Entry point for `npx robotool`: runs the TypeScript CLI through tsx so that no build step
// stands between `npm ci` and the first command.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
