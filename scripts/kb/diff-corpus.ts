// Reads news articles with two knowledge bases and lists every mention whose resolution changed, for a
// reviewer to read before a KB change is committed (new guesses that are wrong get fixed first).
//
//   node --import tsx scripts/kb/diff-corpus.ts --old DIR [--new DIR] [--n 300] [--corpus DIR]
//
// --old: the KB before (e.g. `git archive HEAD data/kb | tar -x -C /tmp/kbold`, then /tmp/kbold/data/kb);
// --new: the KB after (default data/kb). Takes --n articles, spread over the corpus files (the first of
// each file in turn), each resolved as of its own date. Prints `file:line  text  old → new` per change.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadKB, recognizeActors } from '../../src/actors/index.js';
import { splitSentences } from '../../src/text/sentences.js';
import type { Entity, SentencedDoc } from '../../src/types.js';

const arg = (k: string, d?: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1]! : d; };
const oldDir = arg('--old');
if (!oldDir) { console.error('usage: diff-corpus.ts --old DIR [--new DIR] [--n 300] [--corpus DIR]'); process.exit(2); }
const n = Number(arg('--n', '300'));
const corpus = arg('--corpus', join(process.cwd(), '..', 'shared', 'news', 'corpus'))!;
const kbOld = loadKB(oldDir);
const kbNew = loadKB(arg('--new'));

const files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl')).sort();
const lists = files.map((f) => readFileSync(join(corpus, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));
const docs: { file: string; i: number; a: { text: string; date?: string | null } }[] = [];
for (let i = 0; docs.length < n && lists.some((l) => i < l.length); i++) {
  lists.forEach((l, k) => { if (i < l.length && docs.length < n) docs.push({ file: files[k]!, i, a: l[i] }); });
}

const show = (e: Entity | null | undefined) => (e ? `${e.code || '-'} ${e.id}` : 'unresolved');
let changed = 0, mentions = 0;
for (const { file, i, a } of docs) {
  const refDate = a.date ? String(a.date).slice(0, 10) : null;
  const mk = (): SentencedDoc => ({
    id: 'diff', text: a.text, refDate, messages: [], english: true, sentences: splitSentences(a.text),
    article: { id: 'diff', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: a.text, blocks: [], captions: [], links: [], section: null, tags: [] },
  });
  const before = new Map(recognizeActors(mk(), kbOld).map((m) => [`${m.start}:${m.end}`, m]));
  const after = recognizeActors(mk(), kbNew);
  mentions += after.length;
  const seen = new Set<string>();
  for (const m of after) {
    const key = `${m.start}:${m.end}`;
    seen.add(key);
    const o = before.get(key);
    if (show(o?.entity) === show(m.entity)) continue;
    changed++;
    console.log(`${file}:${i + 1}  "${m.text}"  ${o ? show(o.entity) : '(no mention)'} → ${show(m.entity)}  | ${a.text.slice(Math.max(0, m.start - 60), m.end + 60).replace(/\s+/g, ' ')}`);
  }
  for (const [key, o] of before) if (!seen.has(key)) { changed++; console.log(`${file}:${i + 1}  "${o.text}"  ${show(o.entity)} → (no mention)`); }
}
console.log(`${docs.length} articles, ${mentions} mentions, ${changed} changed`);
