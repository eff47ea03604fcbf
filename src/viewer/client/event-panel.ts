import type { EpisodeEvent } from '../../episode/events.ts';
import type { TimedEvent } from '../protocol.ts';

/**
 * The side panel of the viewer: the current stage, the executed skill calls, warnings and the
 * outcome. Verification calls (in the twin) are counted, not listed, to keep the list readable.
 */
export class EventPanel {
  private readonly stageEl: HTMLElement;
  private readonly callsEl: HTMLOListElement;
  private readonly warningsEl: HTMLUListElement;
  private readonly outcomeEl: HTMLElement;
  private readonly commandEl: HTMLElement;
  private verifyCalls = 0;
  /** The planner of the episode shown: the search planner's stages are searches, not model calls. */
  private planner = '';

  constructor(root: HTMLElement) {
    root.innerHTML = `
      <h2>Command</h2><p class="command">—</p>
      <h2>Stage</h2><p class="stage">waiting</p>
      <h2>Outcome</h2><p class="outcome">—</p>
      <h2>Skill calls</h2><ol class="calls"></ol>
      <h2>Warnings</h2><ul class="warnings"></ul>`;
    this.commandEl = root.querySelector('.command')!;
    this.stageEl = root.querySelector('.stage')!;
    this.outcomeEl = root.querySelector('.outcome')!;
    this.callsEl = root.querySelector('.calls')!;
    this.warningsEl = root.querySelector('.warnings')!;
  }

  /** Clears the panel and shows these events (replay seeks). */
  reset(events: readonly TimedEvent[]): void {
    this.commandEl.textContent = '—';
    this.stageEl.textContent = 'waiting';
    // No episode yet (a scene on its own runs nothing): no outcome, not "running".
    this.outcomeEl.textContent = '—';
    this.outcomeEl.className = 'outcome';
    this.callsEl.replaceChildren();
    this.warningsEl.replaceChildren();
    this.verifyCalls = 0;
    for (const e of events) this.add(e);
  }

  add({ t, event }: TimedEvent): void {
    this.show(event, t);
  }

  private show(e: EpisodeEvent, t: number): void {
    switch (e.type) {
      case 'episode-started':
        this.commandEl.textContent = `${e.command} (${e.robot}, ${e.planner} planner)`;
        this.outcomeEl.textContent = 'running';
        this.planner = e.planner;
        break;
      case 'stage-started':
        this.stageEl.textContent = `${e.stage} (round ${e.round})`;
        break;
      case 'stage-finished':
        this.stageEl.textContent = `${e.stage}${this.planner === 'search' ? ' (search, no model)' : ''} done in ${e.seconds.toFixed(2)} s wall`;
        break;
      case 'candidate':
        this.stageEl.textContent = `candidate ${e.index}: ${e.schemas.join(' + ')} → ${e.success ? 'works' : e.reason}`;
        break;
      case 'program':
        this.stageEl.textContent = `program ready (round ${e.round})`;
        break;
      case 'skill-call': {
        if (e.phase === 'verify') {
          this.verifyCalls++;
          this.stageEl.textContent = `verifying in the twin (${this.verifyCalls} calls)`;
          break;
        }
        this.stageEl.textContent = 'executing';
        const li = document.createElement('li');
        li.className = ['blocked', 'timeout', 'failed', 'grasped-nothing'].includes(e.call.status) ? 'failed' : 'ok';
        li.textContent = `${t.toFixed(2)} sim s  ${e.call.skill}(${e.call.args.map(rounded).join(', ')}) ${e.call.status}${e.call.message ? `: ${e.call.message}` : ''}`;
        this.callsEl.append(li);
        for (const w of e.call.warnings) this.warning(w);
        break;
      }
      case 'warning':
        this.warning(e.message);
        break;
      case 'safety-stop':
        this.warning(`safety stop: ${e.reason}`);
        break;
      case 'repair':
        this.stageEl.textContent = `repair round ${e.round}: ${e.cause}`;
        break;
      case 'outcome':
        this.outcomeEl.textContent = `${e.success ? 'success' : 'failure'}: ${e.reason}`;
        this.outcomeEl.className = `outcome ${e.success ? 'ok' : 'failed'}`;
        this.stageEl.textContent = 'done';
        break;
      case 'observation':
      case 'goal':
      case 'stage-delta':
        break;
      default: {
        const never: never = e;
        void never;
      }
    }
  }

  private warning(text: string): void {
    const li = document.createElement('li');
    li.textContent = text;
    this.warningsEl.append(li);
  }
}

/** JSON with numbers to at most 6 decimals: a program's `z + 0.1` shows 0.235, not 0.23500000000000001. */
function rounded(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(6)) : x)) ?? 'undefined';
}
