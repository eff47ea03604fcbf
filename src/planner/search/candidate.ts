import type { CalculatedValue, KeyConcept, PlanStep } from '../stages.ts';

/** One strategy the search planner proposes: its plan, the numbers behind it, and its program. */
export interface Candidate {
  /** The tool-use schemas it composes, e.g. `["make-stairs", "walk-route"]`. */
  schemas: string[];
  /** Lower is tried first: metres pushed and walked plus a penalty per tool. */
  cost: number;
  steps: PlanStep[];
  values: CalculatedValue[];
  program: string;
}

/** Builds a candidate's plan, values and program together, one skill call at a time. */
export class ProgramBuilder {
  readonly steps: PlanStep[] = [];
  readonly values: CalculatedValue[] = [];
  private readonly lines: string[] = [];

  /** Adds one skill call as a plan step; `args` are JavaScript literals. */
  call(skill: string, args: readonly unknown[], description: string, value?: { name: string; derivation: string }): this {
    this.steps.push({ skill, description });
    const step = this.steps.length;
    const literal = args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : JSON.stringify(roundDeep(a)))).join(', ');
    this.lines.push(`${skill}(${literal}); // ${step}. ${description}`);
    const nums = args.filter((a) => Array.isArray(a) || typeof a === 'number') as (number | number[])[];
    if (value && nums.length > 0) {
      this.values.push({ step, name: value.name, value: roundDeep(nums[nums.length - 1]!) as number | number[], derivation: value.derivation });
    }
    return this;
  }

  comment(text: string): this {
    this.lines.push(`// ${text}`);
    return this;
  }

  program(): string {
    return this.lines.join('\n') + '\n';
  }

  build(schemas: string[], cost: number): Candidate {
    return { schemas, cost, steps: [...this.steps], values: [...this.values], program: this.program() };
  }
}

function roundDeep(v: unknown): unknown {
  if (typeof v === 'number') return Math.round(v * 1e4) / 1e4;
  if (Array.isArray(v)) return v.map(roundDeep);
  return v;
}

/** What the search planner's analyzer found, used by the schema generators. */
export interface Analysis {
  concepts: KeyConcept[];
}
