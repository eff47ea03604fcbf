/**
 * Reading JSON and programs out of a model's raw answer. Models wrap JSON in ```json fences,
 * add prose around it, leave trailing commas; structured-output models send bare JSON. The
 * parsers accept all of these and, when nothing fits, say what they looked for.
 */
/** The fenced code blocks of a Markdown answer, in order. An unclosed last fence runs to the end. */
export function fencedBlocks(text) {
    const blocks = [];
    const re = /(^|\n)[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)(?:\n[ \t]*\2[ \t]*(?=\n|$)|$)/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        blocks.push({ lang: (m[3] ?? '').toLowerCase(), body: m[4] ?? '' });
    }
    return blocks;
}
/** The first balanced `{…}` in the text (strings and escapes respected), if any. */
function balancedObject(text) {
    const start = text.indexOf('{');
    if (start < 0)
        return undefined;
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            if (c === '\\')
                i++;
            else if (c === '"')
                inString = false;
        }
        else if (c === '"')
            inString = true;
        else if (c === '{')
            depth++;
        else if (c === '}' && --depth === 0)
            return text.slice(start, i + 1);
    }
    return undefined;
}
/** Repairs the slips models make most: trailing commas before `}`/`]`, and `//` line comments. */
function repairJson(text) {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
            out += c;
            if (c === '\\')
                out += text[++i] ?? '';
            else if (c === '"')
                inString = false;
            continue;
        }
        if (c === '"')
            inString = true;
        if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n')
                i++;
            out += '\n';
            continue;
        }
        out += c;
    }
    return out.replace(/,(\s*[}\]])/g, '$1');
}
function tryParse(candidate) {
    try {
        return { ok: true, value: JSON.parse(candidate) };
    }
    catch (err) {
        try {
            return { ok: true, value: JSON.parse(repairJson(candidate)) };
        }
        catch {
            return { ok: false, error: err instanceof Error ? err.message : String(err) };
        }
    }
}
/**
 * Reads a JSON object from an answer: a ```json block (the last one wins: models often show
 * a draft first), else any fenced block that parses, else the whole text, else the first
 * balanced `{…}` in the prose.
 */
export function parseJsonAnswer(text) {
    const blocks = fencedBlocks(text);
    const jsonBlocks = blocks.filter((b) => b.lang === 'json' || b.lang === 'jsonc' || b.lang === 'json5');
    const candidates = [
        ...jsonBlocks.reverse().map((b) => ({ what: 'the ```json block', text: b.body })),
        ...blocks.filter((b) => b.lang === '').map((b) => ({ what: 'a fenced block', text: b.body })),
        { what: 'the answer', text: text.trim() },
    ];
    const balanced = balancedObject(text);
    if (balanced !== undefined)
        candidates.push({ what: 'the {…} in the answer', text: balanced });
    let firstError;
    for (const c of candidates) {
        if (c.text.trim() === '')
            continue;
        const r = tryParse(c.text.trim());
        if (r.ok)
            return r;
        firstError ??= `${c.what} is not valid JSON: ${r.error}`;
    }
    if (text.trim() === '')
        return { ok: false, error: 'the answer is empty' };
    return { ok: false, error: firstError ?? 'no JSON object found (expected a ```json block)' };
}
const JS_LANGS = new Set(['javascript', 'js', 'mjs', 'ecmascript']);
/**
 * Reads the Coder's program: the last ```javascript block, else a JSON `{ "program": … }`
 * (structured output, or a ```json block), else a lone untagged fenced block.
 */
export function parseProgramAnswer(text) {
    const blocks = fencedBlocks(text);
    const js = blocks.filter((b) => JS_LANGS.has(b.lang));
    const lastJs = js.at(-1);
    if (lastJs && lastJs.body.trim() !== '')
        return { ok: true, program: lastJs.body.trim() + '\n', from: 'code-block' };
    const json = parseJsonAnswer(text);
    if (json.ok && typeof json.value === 'object' && json.value !== null && 'program' in json.value) {
        const program = json.value.program;
        if (typeof program === 'string' && program.trim() !== '')
            return { ok: true, program: program.trim() + '\n', from: 'json' };
        return { ok: false, error: 'the JSON answer has "program" but it is not a non-empty string' };
    }
    const untagged = blocks.filter((b) => b.lang === '');
    if (untagged.length === 1 && untagged[0].body.trim() !== '')
        return { ok: true, program: untagged[0].body.trim() + '\n', from: 'code-block' };
    const python = blocks.some((b) => b.lang === 'python' || b.lang === 'py');
    return {
        ok: false,
        error: python
            ? 'the program is in a ```python block; robotool runs JavaScript: answer with a ```javascript block'
            : 'no ```javascript block and no JSON {"program": …} found',
    };
}
//# sourceMappingURL=answer-text.js.map