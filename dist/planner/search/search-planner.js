import { Observable } from 'rxjs';
import { analyze } from "./analyzer.js";
import { armCandidates } from "./arm-schemas.js";
import { quadrupedCandidates } from "./quadruped-schemas.js";
import { describeObjects, describeRelations } from "./object-analysis.js";
/** At most this many candidates go to verification, cheapest first. */
const MAX_CANDIDATES = 8;
/** All candidate strategies for a goal, cheapest first; no model, no task or object names assumed. */
export function searchCandidates(obs, goal) {
    const all = obs.robot.kind === 'arm' ? armCandidates(obs, goal) : quadrupedCandidates(obs, goal);
    const seen = new Set();
    return all
        .sort((a, b) => a.cost - b.cost)
        .filter((c) => (seen.has(c.program) ? false : (seen.add(c.program), true)))
        .slice(0, MAX_CANDIDATES);
}
/** Runs the four search stages on an observation; pure and synchronous. */
export function searchPlan(obs, goal) {
    const analyzer = analyze(obs, goal);
    const candidates = searchCandidates(obs, goal);
    const best = candidates[0];
    const planner = {
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
export const searchPlanner = {
    kind: 'search',
    repairs: false,
    needsGoal: true,
    plan(req) {
        return new Observable((sub) => {
            if (!req.goal) {
                sub.error(new Error('the search planner needs a goal'));
                return;
            }
            const t0 = performance.now();
            const result = searchPlan(req.observation, req.goal);
            const seconds = (performance.now() - t0) / 1000 / 4;
            const stages = [
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
//# sourceMappingURL=search-planner.js.map