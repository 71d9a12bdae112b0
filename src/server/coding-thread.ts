// The worker-thread side of CodingWorker: loads the pipeline (KB, lexicons, NLP model) once and
// codes one RawDocument per message. Tokens are dropped before the answer is cloned back: the
// store does not keep them, and they are most of the cloning cost.
import { parentPort } from 'node:worker_threads';
import { createPipeline, processRaw, type Pipeline } from '../pipeline.js';
import type { RawDocument } from '../types.js';

let pipeline: Pipeline | null = null;

parentPort?.on('message', (msg: { id: number; raw: RawDocument }) => {
  try {
    pipeline ??= createPipeline();
    const doc = processRaw(msg.raw, pipeline);
    parentPort!.postMessage({ id: msg.id, doc: { ...doc, sentences: doc.sentences.map((s) => ({ ...s, tokens: [] })) } });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: msg.id, error: { name: e?.name ?? 'Error', message: e?.message ?? String(err) } });
  }
});
