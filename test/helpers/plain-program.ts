import type { RobotBackend } from '../../src/skills/backend.ts';
import { SKILLS } from '../../src/skills/registry.ts';

/**
 * Interim, test-only runner for trusted reference programs while the quickjs sandbox lands:
 * makes each skill call awaited and runs the program as an async function over the backend.
 * It has none of the sandbox's isolation or budgets; never use it for model-written code.
 */
export async function runTrustedProgram(source: string, backend: RobotBackend): Promise<void> {
  const names = [...backend.capabilities];
  const awaited = source.replace(new RegExp(`\\b(${names.join('|')})\\s*\\(`, 'g'), 'await $1(');
  const fns = names.map((name) => async (...args: unknown[]) => {
    const spec = SKILLS[name as keyof typeof SKILLS];
    const parsed = spec.args.parse(args);
    const r = await backend.call(name, parsed);
    if (r.status === 'failed' && spec.kind === 'query') throw new Error(r.message ?? `${name} failed`);
    return r.value;
  });
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...a: string[]) => (...args: unknown[]) => Promise<void>;
  await new AsyncFunction(...names, awaited)(...fns);
}
