import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
/** The file robotool reads its settings from, in the working directory unless `--config` names one. */
export const CONFIG_FILE_NAME = 'robotool.config.json';
/** The `llm` section of robotool.config.json. Secrets stay in the environment: the file names the variable. */
export const LlmConfigSection = z.strictObject({
    baseURL: z.url().optional().describe('OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1; default api.openai.com'),
    model: z.string().min(1).optional().describe('model id; no model means the search planner is used'),
    apiKeyEnv: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
        .default('OPENAI_API_KEY')
        .describe('environment variable holding the API key'),
    structuredOutput: z
        .boolean()
        .optional()
        .describe("send response_format json_schema; default true for api.openai.com, false for other endpoints (answers are then parsed from ```json blocks)"),
    stream: z.boolean().default(true).describe('stream answers over server-sent events'),
    timeoutMs: z.number().int().positive().default(120_000).describe('deadline of one model call, retries included (ms)'),
    maxRetries: z.number().int().min(0).max(10).default(3).describe('retries on 429, 5xx and connection failures'),
    retryBaseDelayMs: z.number().min(0).default(500).describe('first backoff delay (ms), doubled each retry'),
    retryMaxDelayMs: z.number().min(0).default(8_000).describe('longest backoff delay (ms)'),
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().optional().describe('sent as max_completion_tokens'),
    headers: z.record(z.string(), z.string()).default({}).describe('extra HTTP headers (proxies, gateways)'),
});
/** robotool.config.json: other sections belong to other parts of robotool and pass through. */
const ConfigFile = z.looseObject({ llm: LlmConfigSection.optional() });
/** A configuration that cannot be used, naming each bad field. */
export class LlmConfigError extends Error {
    source;
    problems;
    name = 'LlmConfigError';
    constructor(source, problems, options) {
        super(`${source}: invalid configuration\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`, options);
        this.source = source;
        this.problems = problems;
    }
}
function pathOf(path, prefix) {
    return path.reduce((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), prefix);
}
async function readConfigFile(file, required) {
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (err) {
        if (!required && err.code === 'ENOENT')
            return undefined;
        throw new LlmConfigError(file, [{ path: '', message: `cannot read: ${err.message}` }], { cause: err });
    }
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (err) {
        throw new LlmConfigError(file, [{ path: '', message: `not valid JSON: ${err.message}` }], { cause: err });
    }
    const parsed = ConfigFile.safeParse(data);
    if (!parsed.success) {
        throw new LlmConfigError(file, parsed.error.issues.map((i) => ({ path: pathOf(i.path, ''), message: i.message })), { cause: parsed.error });
    }
    return parsed.data.llm;
}
const nonEmpty = (v) => (v === undefined || v.trim() === '' ? undefined : v.trim());
/**
 * Resolves the model configuration from robotool.config.json (or `--config`) and the environment
 * (`ROBOTOOL_LLM_BASE_URL`, `ROBOTOOL_LLM_MODEL`, `OPENAI_API_KEY` or the variable `llm.apiKeyEnv`
 * names), the environment winning. Returns null when no model is configured: the caller then
 * plans with the search planner. Throws LlmConfigError naming each bad field.
 */
export async function loadLlmConfig(options = {}) {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    const file = resolve(cwd, options.configPath ?? CONFIG_FILE_NAME);
    const section = (await readConfigFile(file, options.configPath !== undefined)) ?? LlmConfigSection.parse({});
    const problems = [];
    let baseURL = section.baseURL;
    const envBase = nonEmpty(env.ROBOTOOL_LLM_BASE_URL);
    if (envBase !== undefined) {
        const r = z.url().safeParse(envBase);
        if (r.success)
            baseURL = r.data;
        else
            problems.push({ path: 'ROBOTOOL_LLM_BASE_URL', message: `not a URL: "${envBase}"` });
    }
    const model = nonEmpty(env.ROBOTOOL_LLM_MODEL) ?? section.model;
    if (model === undefined) {
        if (problems.length > 0)
            throw new LlmConfigError('environment', problems);
        return null;
    }
    const apiKey = nonEmpty(env[section.apiKeyEnv]);
    if (apiKey === undefined && baseURL === undefined) {
        problems.push({
            path: section.apiKeyEnv,
            message: `not set; api.openai.com needs a key (a local server given by ROBOTOOL_LLM_BASE_URL may do without)`,
        });
    }
    if (problems.length > 0)
        throw new LlmConfigError('environment', problems);
    return {
        baseURL,
        model,
        apiKey,
        structuredOutput: section.structuredOutput ?? baseURL === undefined,
        stream: section.stream,
        timeoutMs: section.timeoutMs,
        maxRetries: section.maxRetries,
        retryBaseDelayMs: section.retryBaseDelayMs,
        retryMaxDelayMs: section.retryMaxDelayMs,
        temperature: section.temperature,
        maxOutputTokens: section.maxOutputTokens,
        headers: section.headers,
    };
}
//# sourceMappingURL=llm-config.js.map