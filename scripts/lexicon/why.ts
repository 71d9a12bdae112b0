// Dev helper: for one sentence, each trigger the lexicon finds and the pattern that decided its
// code. `node --import tsx scripts/lexicon/why.ts "<sentence>"`
import { createPipeline, articleStage, sentenceStage } from '../../src/pipeline.js';
import { loadLexicon, type Lexicon, type Pattern } from '../../src/events/lexicon.js';
import { findTriggers } from '../../src/events/coder.js';
import { sentenceTokens } from '../../src/events/tokens.js';
import type { RawDocument } from '../../src/types.js';

void createPipeline;
const text = process.argv[2]!;
const raw: RawDocument = { id: 'x', kind: 'text', content: text, origin: 'x', hints: {} };
const d = sentenceStage(articleStage(raw, null));
const lex = process.env.LEXDIR ? loadLexicon(process.env.LEXDIR) : loadLexicon();
const fmt = (items: string[][][]) => items.map((it) => (it.length > 3 ? `{${it.slice(0, 3).map((a) => a.join(' ')).join('|')}|…${it.length}}` : `{${it.map((a) => a.join(' ')).join('|')}}`)).join(' ');
for (const s of d.sentences) {
  const toks = sentenceTokens(s, d.text);
  console.log(toks.map((t) => `${t.text}/${t.pos}${t.lemma !== t.low ? '/' + t.lemma : ''}`).join(' '));
  const hasPos = toks.some((t) => t.pos === 'VERB' || t.pos === 'NOUN');
  for (const trig of findTriggers(toks, 0, toks.length - 1, lex, hasPos)) {
    const key = toks.slice(trig.i, trig.i + trig.n).map((t) => t.low).join(' ');
    const entries = lex.forms.get(key) ?? lex.forms.get(toks[trig.i]!.lemma) ?? [];
    let why = 'default';
    for (const e of entries) {
      for (const p of lex.patterns.get(e.block) ?? []) {
        const one: Lexicon = { ...lex, forms: new Map([[key, [{ ...e, code: null }]], [toks[trig.i]!.lemma, [{ ...e, code: null }]]]), patterns: new Map([[e.block, [p as Pattern]]]) };
        const r = findTriggers(toks, trig.i, trig.i + trig.n - 1 + 15 > toks.length - 1 ? toks.length - 1 : trig.i + trig.n + 14, one, hasPos).find((x) => x.i === trig.i);
        if (r && r.code === trig.code && r.patternWords === trig.patternWords && trig.patternWords > 0) { why = `block ${e.block}: ${fmt(p.before)} * ${fmt(p.after)} -> ${p.code}`; break; }
      }
      if (why !== 'default') break;
    }
    console.log(`  ${key} [${trig.i}] -> ${trig.code} (${trig.patternWords} words) ${why}${why === 'default' ? ' ' + entries.map((e) => e.block + ':' + e.code).join(',') : ''}`);
  }
}
