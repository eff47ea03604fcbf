import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
/** Wraps a model so that every prompt and answer is kept, in order, for the transcript file. */
export function recordingModel(model, entries) {
    return {
        specificationVersion: model.specificationVersion,
        provider: model.provider,
        modelId: model.modelId,
        capabilities: model.capabilities,
        async generate(options) {
            const t0 = performance.now();
            const entry = {
                at: new Date().toISOString(),
                model: `${model.provider}:${model.modelId}`,
                messages: options.messages.map((m) => ({ ...m })),
                answer: null,
                error: null,
                usage: null,
                seconds: 0,
            };
            entries.push(entry);
            try {
                const r = await model.generate(options);
                entry.answer = r.text;
                entry.usage = r.usage;
                return r;
            }
            catch (err) {
                entry.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
                throw err;
            }
            finally {
                entry.seconds = (performance.now() - t0) / 1000;
            }
        },
    };
}
/** Writes the transcript of an episode as JSON. */
export async function writeTranscript(file, meta, entries) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ ...meta, calls: entries }, null, 2) + '\n');
}
//# sourceMappingURL=transcript.js.map