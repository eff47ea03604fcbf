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

  /**
   * Reads a value from the robot at run time into a constant (`const v = get_graspable_point("x");`),
   * for steps that must use where an object ended up after earlier steps moved it.
   */
  query(variable: string, skill: string, object: string, description: string): this {
    this.steps.push({ skill, description });
    this.lines.push(`const ${variable} = ${skill}(${JSON.stringify(object)}); // ${this.steps.length}. ${description}`);
    return this;
  }

  /**
   * Adds a skill call whose position is a queried constant plus a fixed offset:
   * `move_to_position([v[0] + dx, v[1] + dy, v[2] + dz])`.
   */
  callOffset(skill: string, variable: string, offset: readonly number[], description: string): this {
    this.steps.push({ skill, description });
    const r = (v: number): string => {
      const x = Math.round(v * 1e4) / 1e4;
      return x === 0 ? '' : x > 0 ? ` + ${x}` : ` - ${-x}`;
    };
    const expr = offset.map((d, i) => `${variable}[${i}]${r(d)}`).join(', ');
    this.lines.push(`${skill}([${expr}]); // ${this.steps.length}. ${description}`);
    return this;
  }

  /** Adds a skill call whose position components are JavaScript expressions over queried constants. */
  callExpr(skill: string, components: readonly string[], description: string): this {
    this.steps.push({ skill, description });
    this.lines.push(`${skill}([${components.join(', ')}]); // ${this.steps.length}. ${description}`);
    return this;
  }

  /**
   * Adds a block of plain JavaScript as one plan step: control flow that decides at run time from
   * what the robot measures (a re-sweep while the target is still short of reach).
   */
  code(skill: string, description: string, lines: readonly string[]): this {
    this.steps.push({ skill, description });
    this.lines.push(`// ${this.steps.length}. ${description}`, ...lines);
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
