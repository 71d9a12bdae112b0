// Reads news articles with two recognisers (two trees: code and data/kb, data/actors each) and lists every mention
// whose span or resolution changed, for a reviewer to read before a recogniser rule is committed (wrong new
// guesses get fixed first). diff-corpus.ts does the same for two KBs under one recogniser.
//
//   node --import tsx scripts/kb/diff-recognizer.ts --old DIR [--new DIR] [--n 600] [--corpus DIR]
//
// --old: the tree before, e.g. `mkdir -p /tmp/old && git archive HEAD src data | tar -x -C /tmp/old && ln -s
// "$PWD/node_modules" /tmp/old/node_modules && cp package.json /tmp/old/`; --new: the tree after (default: this
// checkout). Takes --n articles spread over the corpus files (the first of each file in turn), each resolved as of
// its own date. Prints `<  file:line:offset "text" code kind | context` for the old mention and `>` for the new.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const arg = (k: string, d?: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1]! : d; };
const oldDir = arg('--old');
if (!oldDir) { console.error('usage: diff-recognizer.ts --old DIR [--new DIR] [--n 600] [--corpus DIR]'); process.exit(2); }
const newDir = resolve(arg('--new', process.cwd())!);
const n = Number(arg('--n', '600'));
const corpus = arg('--corpus', join(process.cwd(), '..', 'shared', 'news', 'corpus'))!;

interface Side { kb: unknown; recognize: (doc: unknown, kb: unknown) => { start: number; end: number; text: string; entity: { code: string; kind: string } | null }[] }
async function side(dir: string): Promise<Side> {
  const actors = await import(join(resolve(dir), 'src', 'actors', 'index.ts'));
  return { kb: actors.loadKB(join(resolve(dir), 'data', 'kb')), recognize: actors.recognizeActors };
}
const before = await side(oldDir);
const after = await side(newDir);
// one sentence splitter for both (the input, not what is compared; a second language model would double the memory)
const split: (text: string) => unknown[] = (await import(join(newDir, 'src', 'text', 'sentences.ts'))).splitSentences;

const files = readdirSync(corpus).filter((f) => f.endsWith('.jsonl')).sort();
const lists = files.map((f) => readFileSync(join(corpus, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; date?: string | null }));
const docs: { file: string; i: number; a: { text: string; date?: string | null } }[] = [];
for (let i = 0; docs.length < n && lists.some((l) => i < l.length); i++) {
  lists.forEach((l, k) => { if (i < l.length && docs.length < n) docs.push({ file: files[k]!, i, a: l[i]! }); });
}

let changed = 0, mentions = 0;
for (const { file, i, a } of docs) {
  const refDate = a.date ? String(a.date).slice(0, 10) : null;
  const sentences = split(a.text);
  const lines = (s: Side): string[] => {
    const doc = {
      id: 'diff', text: a.text, refDate, messages: [], english: true, sentences,
      article: { id: 'diff', url: null, canonical_url: null, title: null, published: refDate, modified: null, authors: [], site: null, language: 'en', lede: null, body: a.text, blocks: [], captions: [], links: [], section: null, tags: [] },
    };
    return s.recognize(doc, s.kb).map((m) => `${file}:${i + 1}:${m.start}  "${m.text}"  ${m.entity ? `${m.entity.code || '-'} ${m.entity.kind}` : 'unresolved'}  | ${a.text.slice(Math.max(0, m.start - 50), m.end + 50).replace(/\s+/g, ' ')}`);
  };
  const o = lines(before), w = lines(after);
  mentions += w.length;
  const os = new Set(o), ws = new Set(w);
  for (const l of o) if (!ws.has(l)) { changed++; console.log(`< ${l}`); }
  for (const l of w) if (!os.has(l)) { changed++; console.log(`> ${l}`); }
}
console.log(`${docs.length} articles, ${mentions} mentions, ${changed} lines changed`);
