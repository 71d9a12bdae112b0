// Worker-thread side of the coding pool: each worker loads the pipeline resources (KB, lexicon,
// NLP model) once, then codes RawDocuments. Tokens are dropped before the result is cloned back
// to the main thread: the store does not keep them and they are most of the cloning cost. For the
// store (Coder.prepare) the worker sends the rows the store writes instead (store/prepare.ts).
import { createPipeline, processRaw, type Pipeline } from '../pipeline.js';
import type { CodedDoc, RawDocument } from '../types.js';
import { prepareDoc, type PreparedDoc } from '../store/prepare.js';
import { stripTokens } from './strip.js';
import { workerData } from 'piscina';
import { busyCounter } from './busy.js';

let pipeline: Pipeline | null = null;

/** The pool's workerData (pool.ts): the busy-time buffer (busy.ts). */
export interface CodeWorkerData {
  stats?: SharedArrayBuffer;
}
const timed = busyCounter((workerData as CodeWorkerData | undefined)?.stats);

export interface CodeTask {
  /** null: only load the resources (Coder.ready) */
  raw: RawDocument | null;
  defaultDate: string | null;
  /** send back the store's rows (PreparedDoc) instead of the coded document */
  prepare?: boolean;
}

export default function code(task: CodeTask): CodedDoc | PreparedDoc | null {
  return timed(() => run(task));
}

function run(task: CodeTask): CodedDoc | PreparedDoc | null {
  if (!pipeline || pipeline.defaultDate !== task.defaultDate) pipeline = createPipeline({ defaultDate: task.defaultDate });
  if (!task.raw) return null;
  const doc = processRaw(task.raw, pipeline);
  return task.prepare ? prepareDoc(doc) : stripTokens(doc);
}
