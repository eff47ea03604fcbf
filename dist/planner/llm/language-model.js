/**
 * The language-model spec: the one interface the stages talk to. Providers (OpenAI-compatible
 * HTTP, scripted for tests) implement it; nothing above this file knows which one it has.
 */
/** The spec version a provider implements; bumped when the contract changes. */
export const LANGUAGE_MODEL_SPEC_VERSION = 'robotool-llm-v1';
/** Adds two usages (a stage's attempts, an episode's stages). */
export function addUsage(a, b) {
    const sum = { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
    if (a.estimated || b.estimated)
        sum.estimated = true;
    return sum;
}
/** No tokens yet. */
export const ZERO_USAGE = Object.freeze({ inputTokens: 0, outputTokens: 0 });
/** A rough token count (4 characters a token) for servers that report no usage. */
export function estimateTokens(text) {
    return Math.ceil(text.length / 4);
}
//# sourceMappingURL=language-model.js.map