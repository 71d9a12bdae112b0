// Dev helper: what the event lexicon says about a verb form (its blocks, default codes and the
// block's patterns). `node --import tsx scripts/lexicon/show.ts <form> [--patterns]`
import { loadLexicon } from '../../src/events/lexicon.js';

const lex = loadLexicon();
const form = process.argv[2]!.toLowerCase();
const withPatterns = process.argv.includes('--patterns');
const fmt = (items: string[][][]) => items.map((it) => (it.length > 3 ? `{${it.slice(0, 3).map((a) => a.join(' ')).join('|')}|…${it.length}}` : `{${it.map((a) => a.join(' ')).join('|')}}`)).join(' ');
for (const e of lex.forms.get(form) ?? []) {
  const ps = lex.patterns.get(e.block) ?? [];
  console.log(`${form}: lemma ${e.lemma} block ${e.block} default ${e.code ?? '-'} (${ps.length} patterns)`);
  if (withPatterns) for (const p of ps) console.log(`   ${fmt(p.before)} * ${fmt(p.after)} -> ${p.code ?? '---'}`);
}
