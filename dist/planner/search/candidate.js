/** Builds a candidate's plan, values and program together, one skill call at a time. */
export class ProgramBuilder {
    steps = [];
    values = [];
    lines = [];
    /** Adds one skill call as a plan step; `args` are JavaScript literals. */
    call(skill, args, description, value) {
        this.steps.push({ skill, description });
        const step = this.steps.length;
        const literal = args.map((a) => (typeof a === 'string' ? JSON.stringify(a) : JSON.stringify(roundDeep(a)))).join(', ');
        this.lines.push(`${skill}(${literal}); // ${step}. ${description}`);
        const nums = args.filter((a) => Array.isArray(a) || typeof a === 'number');
        if (value && nums.length > 0) {
            this.values.push({ step, name: value.name, value: roundDeep(nums[nums.length - 1]), derivation: value.derivation });
        }
        return this;
    }
    /**
     * Reads a value from the robot at run time into a constant (`const v = get_graspable_point("x");`),
     * for steps that must use where an object ended up after earlier steps moved it.
     */
    query(variable, skill, object, description) {
        this.steps.push({ skill, description });
        this.lines.push(`const ${variable} = ${skill}(${JSON.stringify(object)}); // ${this.steps.length}. ${description}`);
        return this;
    }
    /**
     * Adds a skill call whose position is a queried constant plus a fixed offset:
     * `move_to_position([v[0] + dx, v[1] + dy, v[2] + dz])`.
     */
    callOffset(skill, variable, offset, description) {
        this.steps.push({ skill, description });
        const r = (v) => {
            const x = Math.round(v * 1e4) / 1e4;
            return x === 0 ? '' : x > 0 ? ` + ${x}` : ` - ${-x}`;
        };
        const expr = offset.map((d, i) => `${variable}[${i}]${r(d)}`).join(', ');
        this.lines.push(`${skill}([${expr}]); // ${this.steps.length}. ${description}`);
        return this;
    }
    /** Adds a skill call whose position components are JavaScript expressions over queried constants. */
    callExpr(skill, components, description) {
        this.steps.push({ skill, description });
        this.lines.push(`${skill}([${components.join(', ')}]); // ${this.steps.length}. ${description}`);
        return this;
    }
    comment(text) {
        this.lines.push(`// ${text}`);
        return this;
    }
    program() {
        return this.lines.join('\n') + '\n';
    }
    build(schemas, cost) {
        return { schemas, cost, steps: [...this.steps], values: [...this.values], program: this.program() };
    }
}
function roundDeep(v) {
    if (typeof v === 'number')
        return Math.round(v * 1e4) / 1e4;
    if (Array.isArray(v))
        return v.map(roundDeep);
    return v;
}
//# sourceMappingURL=candidate.js.map