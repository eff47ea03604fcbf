import { z } from 'zod';
import { signature, skillsFor } from "../../skills/registry.js";
/** An argument's type in words, read from its zod schema so that it cannot drift from the registry. */
function argType(schema) {
    const json = z.toJSONSchema(schema, { unrepresentable: 'any' });
    if (json.type === 'string')
        return 'string';
    if (json.type === 'number')
        return 'number';
    if (json.type === 'array' && Array.isArray(json.prefixItems))
        return `array of ${json.prefixItems.length} numbers`;
    return json.type ?? 'value';
}
function argItems(spec) {
    const def = spec.args.def;
    return def?.items ?? [];
}
/** One skill as the prompts show it: `- move_to_position(position: array of 3 numbers) → …: doc`. */
export function renderSkill(spec) {
    const items = argItems(spec);
    const args = spec.argNames.map((n, i) => (items[i] ? `${n}: ${argType(items[i])}` : n)).join(', ');
    return `- ${spec.name}(${args}) -> ${spec.returns}. ${spec.doc}`;
}
/** The robot's skills, generated from the registry, one per line. */
export function renderSkillApi(robot) {
    return skillsFor(robot).map(renderSkill).join('\n');
}
/** The skill names a robot has, as the prompts list them (`signature` form). */
export function skillSignatures(robot) {
    return skillsFor(robot).map(signature);
}
//# sourceMappingURL=skill-api.js.map