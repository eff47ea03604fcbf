import { z } from 'zod';
/** The file robotool reads its settings from, in the working directory unless `--config` names one. */
export declare const CONFIG_FILE_NAME = "robotool.config.json";
/** The `llm` section of robotool.config.json. Secrets stay in the environment: the file names the variable. */
export declare const LlmConfigSection: z.ZodObject<{
    baseURL: z.ZodOptional<z.ZodURL>;
    model: z.ZodOptional<z.ZodString>;
    apiKeyEnv: z.ZodDefault<z.ZodString>;
    structuredOutput: z.ZodOptional<z.ZodBoolean>;
    stream: z.ZodDefault<z.ZodBoolean>;
    timeoutMs: z.ZodDefault<z.ZodNumber>;
    maxRetries: z.ZodDefault<z.ZodNumber>;
    retryBaseDelayMs: z.ZodDefault<z.ZodNumber>;
    retryMaxDelayMs: z.ZodDefault<z.ZodNumber>;
    temperature: z.ZodOptional<z.ZodNumber>;
    maxOutputTokens: z.ZodOptional<z.ZodNumber>;
    headers: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
}, z.core.$strict>;
export type LlmConfigSection = z.infer<typeof LlmConfigSection>;
/** A resolved model configuration: file, then environment on top. */
export interface LlmConfig {
    /** Undefined: the provider's default (api.openai.com). */
    baseURL: string | undefined;
    model: string;
    apiKey: string | undefined;
    structuredOutput: boolean;
    stream: boolean;
    timeoutMs: number;
    maxRetries: number;
    retryBaseDelayMs: number;
    retryMaxDelayMs: number;
    temperature: number | undefined;
    maxOutputTokens: number | undefined;
    headers: Record<string, string>;
}
/** One thing wrong with the configuration: where (`llm.timeoutMs`, `ROBOTOOL_LLM_BASE_URL`) and why. */
export interface ConfigProblem {
    path: string;
    message: string;
}
/** A configuration that cannot be used, naming each bad field. */
export declare class LlmConfigError extends Error {
    readonly source: string;
    readonly problems: ConfigProblem[];
    readonly name = "LlmConfigError";
    constructor(source: string, problems: ConfigProblem[], options?: {
        cause?: unknown;
    });
}
/** Where loadLlmConfig looks. Defaults: process.env, process.cwd(). */
export interface LoadLlmConfigOptions {
    env?: Record<string, string | undefined>;
    cwd?: string;
    /** `--config FILE`: must exist (the default file may be absent). */
    configPath?: string;
}
/**
 * Resolves the model configuration from robotool.config.json (or `--config`) and the environment
 * (`ROBOTOOL_LLM_BASE_URL`, `ROBOTOOL_LLM_MODEL`, `OPENAI_API_KEY` or the variable `llm.apiKeyEnv`
 * names), the environment winning. Returns null when no model is configured: the caller then
 * plans with the search planner. Throws LlmConfigError naming each bad field.
 */
export declare function loadLlmConfig(options?: LoadLlmConfigOptions): Promise<LlmConfig | null>;
//# sourceMappingURL=llm-config.d.ts.map