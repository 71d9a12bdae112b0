// Entry of bench/heap.ts's worker thread: a CommonJS file, because under tsx only the require hook
// reaches a worker thread (as in piscina's workers). The live heap is taken before the pipeline loads.
const v8 = require('node:v8');
const { workerData } = require('node:worker_threads');
globalThis.gc(); globalThis.gc();
const at = { live: v8.getHeapStatistics().used_heap_size, ms: performance.now(), cpu: process.cpuUsage() };
require(workerData.file).run(workerData.opts, at);
