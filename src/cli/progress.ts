import type { EpisodeEvent, CallRecord } from '../episode/events.ts';
import { describeGoal } from '../scene/goal-text.ts';

/** JSON for a trace line, numbers to at most 6 decimals (a program's `z + 0.1` prints 0.235, not 0.23500000000000001). */
export const shown = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(6)) : x)) ?? 'undefined';

const fmtArgs = (args: unknown[]): string => args.map(shown).join(', ');

/** One line for a skill call: `move_to_position([0.3,0,0.1]) → reached (1.20 sim s)`; on hardware the time is wall time. */
export function formatCall(c: CallRecord, unit: 'sim s' | 's' = 'sim s'): string {
  const value = c.status === 'ok' && c.value !== undefined ? ` = ${shown(c.value)}` : '';
  const msg = c.message ? ` — ${c.message}` : '';
  const warn = c.warnings.length ? ` [${c.warnings.join('; ')}]` : '';
  return `${c.skill}(${fmtArgs(c.args)}) → ${c.status}${value}${msg}${warn} (${c.seconds.toFixed(2)} ${unit})`;
}

export interface ProgressOptions {
  /** Print streamed model text as it arrives. */
  stream?: boolean;
  /** Print the skill calls of verification runs too. */
  verbose?: boolean;
  /** Executed on a real robot: its skill calls take wall time, not simulated time. */
  hardware?: boolean;
}

/**
 * A live progress display for the terminal: the current stage with elapsed time and tokens,
 * streamed model text, candidates tried in the twin, the program, the trace and the outcome.
 */
export function progressPrinter(write: (text: string) => void, opts: ProgressOptions = {}): (e: EpisodeEvent) => void {
  const t0 = performance.now();
  // Wall time since the start, in brackets; simulated times say "sim s".
  const elapsed = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`.padStart(7);
  let tokens = 0;
  let planner = '';
  let searchSeconds = 0;
  let midLine = false;
  const line = (text: string): void => {
    if (midLine) write('\n');
    midLine = false;
    write(`[${elapsed()}] ${text}\n`);
  };
  return (e) => {
    switch (e.type) {
      case 'episode-started':
        planner = e.planner;
        line(`${e.planner} planner, ${e.robot}: "${e.command}"`);
        break;
      case 'observation':
        line(`observed ${plural(e.observation.objects.length, 'object')} (${e.observation.source})`);
        break;
      case 'goal':
        line(`goal (from the ${e.source}): ${describeGoal(e.goal)}`);
        break;
      case 'stage-started':
        // The search planner computes its four stages in one go, with no model: no "…" per stage.
        if (planner !== 'search') line(`${e.stage}${e.round > 1 ? ` (round ${e.round})` : ''} …`);
        break;
      case 'stage-delta':
        if (opts.stream) {
          write(e.text);
          midLine = !e.text.endsWith('\n');
        }
        break;
      case 'stage-finished': {
        if (planner === 'search') {
          searchSeconds += e.seconds;
          const done = e.stage === 'coder' ? ` (search took ${searchSeconds.toFixed(2)} s wall for the four stages)` : '';
          line(`${e.stage} by search, no model: ${summarise(e.stage, e.output)}${done}`);
          break;
        }
        if (e.tokens) tokens += e.tokens.inputTokens + e.tokens.outputTokens;
        const tok = e.tokens ? `, ${e.tokens.inputTokens}+${e.tokens.outputTokens} tokens (total ${tokens})` : '';
        line(`${e.stage} done in ${e.seconds.toFixed(2)} s wall${tok}: ${summarise(e.stage, e.output)}`);
        break;
      }
      case 'candidate':
        line(`candidate ${e.index + 1} [${e.schemas.join(' + ') || 'program'}] in the twin: ${e.success ? 'succeeds' : 'fails'} — ${e.reason} (${e.seconds.toFixed(2)} s wall)`);
        break;
      case 'program':
        break;
      case 'skill-call':
        if (e.phase === 'execute' || opts.verbose) line(`${e.phase === 'verify' ? '  twin: ' : ''}${formatCall(e.call, e.phase === 'execute' && opts.hardware ? 's' : 'sim s')}`);
        break;
      case 'warning':
        line(`warning: ${e.message}`);
        break;
      case 'safety-stop':
        line(`SAFETY STOP: ${e.reason}`);
        break;
      case 'repair':
        line(`repair round ${e.round}: ${e.cause}`);
        break;
      case 'outcome':
        line(`${e.success ? 'SUCCESS' : 'FAILED'}: ${e.reason}${e.goal ? ` [judged goal: ${describeGoal(e.goal)}, from the ${e.goalSource}]` : ''} (planning ${e.planSeconds.toFixed(2)} s wall, execution ${e.execSeconds.toFixed(2)} s wall, ${plural(e.candidatesTried, 'candidate')} tried, ${plural(e.rounds, 'round')})`);
        break;
    }
  };
}

function summarise(stage: string, output: unknown): string {
  const o = output as Record<string, unknown>;
  if (stage === 'analyzer' && typeof o.summary === 'string') return o.summary;
  if (stage === 'planner' && Array.isArray(o.steps)) return `${o.steps.length} steps`;
  if (stage === 'calculator' && Array.isArray(o.values)) return `${o.values.length} values`;
  if (stage === 'coder' && typeof o.program === 'string') return `${o.program.split('\n').filter((l) => l.trim()).length} lines`;
  return '';
}

/** `1 object`, `3 objects`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
