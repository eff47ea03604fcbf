import { Observable } from 'rxjs';
import type { Goal } from '../../scene/schema.ts';
import type { SceneObservation } from '../../perception/observation.ts';
import type { EpisodePlanner, PlanRequest, PlannerEvent, ProposalsEvent } from '../planner.ts';
import type { AnalyzerOutput, CalculatorOutput, CoderOutput, PlannerOutput, StageName } from '../stages.ts';
import { analyze } from './analyzer.ts';
import type { Candidate } from './candidate.ts';
import { armCandidates } from './arm-schemas.ts';
import { quadrupedCandidates } from './quadruped-schemas.ts';
import { goalFormCandidates } from './goal-forms.ts';
import { describeObjects, describeRelations } from './object-analysis.ts';

/**
 * At most this many candidates go to verification. Most tasks verify their first; a task whose
 * cheapest ideas fail in the twin gets the next distinct strategies, then variations of them.
 */
const MAX_CANDIDATES = 16;
/** Of each family (same schemas, same first object used), this many come before any family's next. */
const PER_FAMILY_FIRST = 2;

export interface SearchResult {
  analyzer: AnalyzerOutput;
  planner: PlannerOutput;
  calculator: CalculatorOutput;
  coder: CoderOutput;
  candidates: Candidate[];
}

/** All candidate strategies for a goal, cheapest first; no model, no task or object names assumed. */
export function searchCandidates(obs: SceneObservation, goal: Goal): Candidate[] {
  const all = [...goalFormCandidates(obs, goal), ...(obs.robot.kind === 'arm' ? armCandidates(obs, goal) : quadrupedCandidates(obs, goal))];
  const seen = new Set<string>();
  const unique = all
    .sort((a, b) => a.cost - b.cost)
    .filter((c) => (seen.has(c.program) ? false : (seen.add(c.program), true)));
  // Breadth before depth: the cheapest few of every family, then the remaining variations by cost.
  const count = new Map<string, number>();
  const early: Candidate[] = [];
  const late: Candidate[] = [];
  for (const c of unique) {
    const f = familyOf(c);
    const n = count.get(f) ?? 0;
    count.set(f, n + 1);
    (n < PER_FAMILY_FIRST ? early : late).push(c);
  }
  return [...early, ...late].slice(0, MAX_CANDIDATES);
}

/** A candidate's family: its schemas and its first step (which object it starts with). */
function familyOf(c: Candidate): string {
  return `${c.schemas.join('+')}|${(c.steps[0]?.description ?? '').split(':')[0]}`;
}

/** Runs the four search stages on an observation; pure and synchronous. */
export function searchPlan(obs: SceneObservation, goal: Goal): SearchResult {
  const analyzer = analyze(obs, goal);
  const candidates = searchCandidates(obs, goal);
  const best = candidates[0];
  const planner: PlannerOutput = {
    objects: describeObjects(obs),
    relations: describeRelations(obs, goal),
    steps: best?.steps.length ? best.steps : [{ skill: 'none', description: 'no strategy found' }],
  };
  return {
    analyzer,
    planner,
    calculator: { values: best?.values ?? [] },
    coder: { program: best?.program ?? '// no strategy found\n' },
    candidates,
  };
}

/** The search planner as an episode planner: the same stage events as the LLM chain, then every candidate. */
export const searchPlanner: EpisodePlanner = {
  kind: 'search',
  repairs: false,
  needsGoal: true,
  plan(req: PlanRequest): Observable<PlannerEvent | ProposalsEvent> {
    return new Observable((sub) => {
      if (!req.goal) {
        sub.error(new Error('the search planner needs a goal'));
        return;
      }
      const t0 = performance.now();
      const result = searchPlan(req.observation, req.goal);
      const seconds = (performance.now() - t0) / 1000 / 4;
      const stages: [StageName, unknown][] = [
        ['analyzer', result.analyzer],
        ['planner', result.planner],
        ['calculator', result.calculator],
        ['coder', result.coder],
      ];
      for (const [stage, output] of stages) {
        sub.next({ type: 'stage-started', stage, round: req.round });
        sub.next({ type: 'stage-finished', stage, round: req.round, output, seconds });
      }
      sub.next({
        type: 'proposals',
        proposals: result.candidates.map((c) => ({ program: c.program, schemas: c.schemas, cost: c.cost })),
      });
      sub.complete();
    });
  },
};
