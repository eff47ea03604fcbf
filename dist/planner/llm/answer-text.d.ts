/**
 * Reading JSON and programs out of a model's raw answer. Models wrap JSON in ```json fences,
 * add prose around it, leave trailing commas; structured-output models send bare JSON. The
 * parsers accept all of these and, when nothing fits, say what they looked for.
 */
/** A fenced block: its info string (`json`, `javascript`, empty) and body. */
export interface FencedBlock {
    lang: string;
    body: string;
}
/** The fenced code blocks of a Markdown answer, in order. An unclosed last fence runs to the end. */
export declare function fencedBlocks(text: string): FencedBlock[];
/** The answer's JSON value, or why none could be read. */
export type JsonAnswer = {
    ok: true;
    value: unknown;
} | {
    ok: false;
    error: string;
};
/**
 * Reads a JSON object from an answer: a ```json block (the last one wins: models often show
 * a draft first), else any fenced block that parses, else the whole text, else the first
 * balanced `{…}` in the prose.
 */
export declare function parseJsonAnswer(text: string): JsonAnswer;
/** The answer's program, or why none could be read. */
export type ProgramAnswer = {
    ok: true;
    program: string;
    from: 'code-block' | 'json';
} | {
    ok: false;
    error: string;
};
/**
 * Reads the Coder's program: the last ```javascript block, else a JSON `{ "program": … }`
 * (structured output, or a ```json block), else a lone untagged fenced block.
 */
export declare function parseProgramAnswer(text: string): ProgramAnswer;
//# sourceMappingURL=answer-text.d.ts.map