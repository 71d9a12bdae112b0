// Worker-thread side of the coding pool: each worker loads the pipeline resources (KB, lexicon,
// NLP model) once, then codes RawDocuments. Tokens are dropped before the result is cloned back
// to the main thread: the store does not keep them and they are most of the cloning cost.
import { createPipeline, processRaw, type Pipeline } from '../pipeline.js';
import type { CodedDoc, RawDocument } from '../types.js';

let pipeline: Pipeline | null = null;

export interface CodeTask {
  raw: RawDocument;
  defaultDate: string | null;
}

export default function code(task: CodeTask): CodedDoc {
  if (!pipeline || pipeline.defaultDate !== task.defaultDate) pipeline = createPipeline({ defaultDate: task.defaultDate });
  const doc = processRaw(task.raw, pipeline);
  return stripTokens(doc);
}

export function stripTokens(doc: CodedDoc): CodedDoc {
  return { ...doc, sentences: doc.sentences.map((s) => ({ ...s, tokens: [] })) };
}
