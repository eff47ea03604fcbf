/**
 * The one way to build a planner from user options: the search planner when no model is
 * configured (or asked for), else the LLM chain over an OpenAI-compatible provider. The CLI's
 * `run` and `bench` and library users all come through here. The LLM parts load lazily so that
 * the search planner starts without the `openai` client.
 */
import { join } from 'node:path';
import { searchPlanner } from "./search/search-planner.js";
import { parseStages } from "./stages.js";
/** A planner option the user got wrong (the CLI exits 2 on it). */
export class PlannerOptionsError extends Error {
    name = 'PlannerOptionsError';
}
const nothingToFinish = () => Promise.resolve(undefined);
/** Builds the planner the options ask for; throws PlannerOptionsError (or LlmConfigError) on bad options. */
export async function createPlanner(opts = {}) {
    if (opts.planner !== undefined && opts.planner !== 'search' && opts.planner !== 'llm') {
        throw new PlannerOptionsError(`--planner must be search or llm, not "${opts.planner}"`);
    }
    const { loadLlmConfig } = await import("./llm/llm-config.js");
    const config = await loadLlmConfig(opts.configPath ? { configPath: opts.configPath } : {});
    const kind = opts.planner ?? (config ? 'llm' : 'search');
    let stages;
    try {
        stages = opts.stages ? parseStages(opts.stages) : undefined;
    }
    catch (err) {
        throw new PlannerOptionsError(err instanceof Error ? err.message : String(err));
    }
    if (kind === 'search') {
        if (stages)
            throw new PlannerOptionsError('--stages selects LLM stages; the search planner always runs its own four (use --planner llm)');
        return { planner: searchPlanner, finish: nothingToFinish };
    }
    if (!config) {
        throw new PlannerOptionsError('--planner llm needs a model: set ROBOTOOL_LLM_BASE_URL and ROBOTOOL_LLM_MODEL (and OPENAI_API_KEY if the server wants one), or an "llm" section in robotool.config.json. See the README.');
    }
    const { createOpenAiCompatibleModel } = await import("./llm/openai-provider.js");
    const { createLlmPlanner } = await import("./llm/llm-planner.js");
    const provider = createOpenAiCompatibleModel(config);
    const modelName = `${provider.provider}:${provider.modelId}`;
    if (opts.transcript === undefined) {
        return { planner: createLlmPlanner({ model: provider, ...(stages ? { stages } : {}) }), model: modelName, finish: nothingToFinish };
    }
    const { recordingModel, writeTranscript } = await import("./llm/transcript.js");
    const entries = [];
    const model = recordingModel(provider, entries);
    const file = opts.transcript === 'default' ? join('transcripts', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`) : opts.transcript;
    return {
        planner: createLlmPlanner({ model, ...(stages ? { stages } : {}) }),
        model: modelName,
        finish: async () => {
            await writeTranscript(file, { model: modelName, stages: stages ?? 'full' }, entries);
            return file;
        },
    };
}
//# sourceMappingURL=create.js.map