// Worker-thread side of the coding pool: each worker loads the pipeline resources (KB, lexicon,
// NLP model) once, then codes RawDocuments. Tokens are dropped before the result is cloned back
// to the main thread: the store does not keep them and they are most of the cloning cost.
import { createPipeline, processRaw, type Pipeline } from '../pipeline.js';
import type { CodedDoc, RawDocument } from '../types.js';
import { stripTokens } from './strip.js';

let pipeline: Pipeline | null = null;

export interface CodeTask {
  /** null: only load the resources (Coder.ready) */
  raw: RawDocument | null;
  defaultDate: string | null;
}

export default function code(task: CodeTask): CodedDoc | null {
  if (!pipeline || pipeline.defaultDate !== task.defaultDate) pipeline = createPipeline({ defaultDate: task.defaultDate });
  if (!task.raw) return null;
  const doc = processRaw(task.raw, pipeline);
  return stripTokens(doc);
}
