// Builds the event lexicon (data/lexicon/*.json) from the reference tables in ../shared/gold.
// Run at dev time: `node --import tsx scripts/lexicon/build.ts [path/to/shared]`. The output is
// committed, so the product runs without ../shared.
//
// Sources (named in each output file's "source" field):
// - verbs.json: PETRARCH2's CAMEO verb-pattern dictionary CAMEO.2.0.txt (openeventdata/petrarch2
//   @ 676801cd, MIT, Open Event Data Alliance / Parus Analytics). We keep facts (which verb forms
//   and which following/preceding words express which CAMEO code), not the coder.
// - cameo_codes.json: CAMEO codebook table (andybega/cameo @ db21a451, CAMEO 1.1b3, Schrodt et al.)
//   codes, names, Goldstein weights, quad classes (descriptions dropped).
// - cameo2plover.json: openeventdata/PLOVER @ 5e0c24fb CAMEO2PLOVER-2021.txt (CC BY-SA 4.0).
// - plover_types.json: the 16 PLOVER types and their modes (ahalterman/NGEC-2025 codebook).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = process.argv[2] ?? join(ROOT, '..', 'shared');
const GOLD = join(SHARED, 'gold');
const OUT = join(ROOT, 'data', 'lexicon');
mkdirSync(OUT, { recursive: true });

const jsonl = (p: string): any[] => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// ------------------------------------------------------------------ CAMEO codes
const codes: Record<string, { name: string; goldstein: number; quad: number; root: string }> = {};
const QUAD: Record<string, number> = { 'verbal cooperation': 1, 'material cooperation': 2, 'verbal conflict': 3, 'material conflict': 4 };
for (const r of jsonl(join(GOLD, 'cameo-manual', 'cameo_codes.jsonl'))) {
  codes[r.code] = { name: r.name, goldstein: r.goldstein, quad: QUAD[r.quad_class] ?? 1, root: r.root };
}
// 5 codes that exist only in Schrodt's manual (155, 176, 1834, 1951, 1952) have no Goldstein
// weight in the table: they inherit their parent's (3-digit, else root) weight.
for (const [c, v] of Object.entries(codes)) {
  if (typeof v.goldstein !== 'number') v.goldstein = codes[c.slice(0, 3)]?.goldstein ?? codes[c.slice(0, 2)]?.goldstein ?? 0;
}
writeFileSync(join(OUT, 'cameo_codes.json'), JSON.stringify({
  source: 'CAMEO Event and Actor Codebook 1.1b3 (Schrodt et al., 2012) via andybega/cameo data/eventtypes.csv @ db21a45138cd7c209389ff60f988e42e4934f105; quad: 1 verbal coop (01-05), 2 material coop (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)',
  codes,
}, null, 0) + '\n');

// ------------------------------------------------------------------ CAMEO -> PLOVER
const c2p: Record<string, { event: string | null; mode: string | null; context: string | null }> = {};
for (const r of jsonl(join(GOLD, 'ontology', 'cameo2plover.jsonl'))) {
  c2p[r.cameo] = { event: r.plover_event, mode: r.mode ?? null, context: r.context ?? null };
}
// our corrections from the PLOVER codebook's definitions (data/lexicon/plover-override.txt)
const overrides: string[] = [];
const ploverEvents = new Set(jsonl(join(GOLD, 'ontology', 'plover_codebook.jsonl')).map((r) => r.event as string));
readFileSync(join(OUT, 'plover-override.txt'), 'utf8').split('\n').forEach((raw, k) => {
  const l = raw.replace(/#.*/, '').trim();
  if (!l) return;
  const [code, event, mode, context] = l.split(/\s+/);
  if (!code || !codes[code] || !event || !ploverEvents.has(event)) {
    throw new Error(`data/lexicon/plover-override.txt:${k + 1}: need "<CAMEO code> <PLOVER type> <mode|-> <context|->", got "${raw.trim()}"`);
  }
  c2p[code] = { event, mode: mode && mode !== '-' ? mode : null, context: context && context !== '-' ? context : null };
  overrides.push(code);
});
writeFileSync(join(OUT, 'cameo2plover.json'), JSON.stringify({
  source: 'openeventdata/PLOVER @ 5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f CAMEO2PLOVER-2021.txt (Schrodt 2021, CC BY-SA 4.0). Roots 01 and 02 are absent there; the PLOVER manual maps 02 APPEAL to REQUEST (added by the coder, see src/events/lexicon.ts).' + (overrides.length ? ` Rows ${overrides.join(', ')} corrected from the PLOVER codebook's definitions: data/lexicon/plover-override.txt.` : ''),
  map: c2p,
}, null, 0) + '\n');

// ------------------------------------------------------------------ PLOVER types and modes
const plover: Record<string, { definition: string; modes: string[] }> = {};
for (const r of jsonl(join(GOLD, 'ontology', 'plover_codebook.jsonl'))) {
  const t = (plover[r.event] ??= { definition: r.event_def, modes: [] });
  if (r.mode && !t.modes.includes(r.mode)) t.modes.push(r.mode);
}
writeFileSync(join(OUT, 'plover_types.json'), JSON.stringify({
  source: 'PLOVER structured codebook, ahalterman/NGEC-2025 @ a3909e2aa02969ccaaa915a9626a5316e1cac0f8 NGEC/assets/PLOVER_structured_codebook_updated.csv',
  types: plover,
}, null, 1) + '\n');

// ------------------------------------------------------------------ verbs
const text = readFileSync(join(GOLD, 'petrarch-verbs', 'CAMEO.2.0.txt'), 'utf8');
// entente's own additions (data/lexicon/supplement.txt, same format; "+++ NAME" extends the block
// NAME, or the block that holds the verb NAME) are parsed after the dictionary.
const supplement = readFileSync(join(OUT, 'supplement.txt'), 'utf8');
const lines = text.split('\n');
const supLines = supplement.split('\n');
const sets: Record<string, string[]> = {};
const norm = (w: string): string => w.replace(/^\+/, '').replace(/_+$/, '').replace(/_/g, ' ').toLowerCase().trim();

let i = 0;
// synonym sets: "&NAME" then "+WORD" lines
for (; i < lines.length; i++) {
  const l = lines[i]!;
  if (l.startsWith('####### VERB PATTERNS')) break;
  const m = /^&(\S+)/.exec(l);
  if (m) {
    const name = m[1]!;
    const members: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() && !lines[i]!.startsWith('&'); i++) {
      const w = lines[i]!.replace(/#.*/, '').trim();
      if (w.startsWith('+')) members.push(norm(w));
    }
    i--;
    sets[name] = members;
  }
}

// sets the dictionary's patterns name but never define (data/lexicon/sets.txt, ours)
{
  let name = '';
  readFileSync(join(OUT, 'sets.txt'), 'utf8').split('\n').forEach((raw, k) => {
    const l = raw.replace(/#.*/, '').trim();
    if (!l) return;
    const m = /^&(\S+)$/.exec(l);
    if (m) {
      name = m[1]!;
      if (sets[name]) throw new Error(`data/lexicon/sets.txt:${k + 1}: &${name} is already defined by CAMEO.2.0.txt`);
      sets[name] = [];
    } else if (l.startsWith('+') && name) sets[name]!.push(norm(l));
    else throw new Error(`data/lexicon/sets.txt:${k + 1}: expected "&NAME" or "+WORD", got "${raw.trim()}"`);
  });
}

const parseCode = (s: string | undefined): string | null => {
  if (!s) return null;
  const parts = s.split(':').map((x) => x.replace(/[^0-9]/g, ''));
  const c = parts.find((x) => x.length >= 2);
  return c && codes[c] ? c : null;
};

function inflect(base: string): string[] {
  // base: "ask" or "ask for" (inflect the first word)
  const [w, ...rest] = base.split(' ');
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const v = w!;
  const forms = new Set<string>([v]);
  if (/(s|x|z|ch|sh)$/.test(v)) forms.add(v + 'es');
  else if (/[^aeiou]y$/.test(v)) forms.add(v.slice(0, -1) + 'ies');
  else forms.add(v + 's');
  if (v.endsWith('e')) { forms.add(v + 'd'); forms.add(v.slice(0, -1) + 'ing'); }
  else if (/[^aeiou]y$/.test(v)) { forms.add(v.slice(0, -1) + 'ied'); forms.add(v + 'ing'); }
  else {
    forms.add(v + 'ed'); forms.add(v + 'ing');
    // CVC doubling ("stop" -> "stopped"); adding both spellings is harmless
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(v)) { forms.add(v + v.at(-1) + 'ed'); forms.add(v + v.at(-1) + 'ing'); }
  }
  return [...forms].map((f) => f + tail);
}

type Alt = string[]; // a token sequence
type Item = Alt[]; // alternatives
// from: the verb(s) the pattern was written for (CAMEO.2.0.txt's "# VERB" comment after a
// pattern, lower-cased, "_" -> " "); src/events/lexicon.ts keeps a pattern for the verbs it was
// written for and the block's verbs that have no pattern of their own
interface Pattern { before: Item[]; after: Item[]; code: string | null; from?: string[]; only?: boolean }
interface VerbEntry { lemma: string; block: string; code: string | null }
const forms: Record<string, VerbEntry[]> = {};
const patterns: Record<string, Pattern[]> = {};

// a pattern naming a synonym set the dictionary does not define (&FIGHT_GAMES, &WEATHER, ...) is
// skipped: dropping just that word left "- * &FIGHT_GAMES IN +" as "began ... in" -> 062
let unknownSet: string | null = null;
function expandWord(w: string): string[][] {
  // one pattern word -> alternative token sequences
  if (w.startsWith('&')) {
    const s = sets[w.slice(1)];
    if (!s) unknownSet = w;
    return s ? s.map((x) => x.split(' ')) : [];
  }
  return w.split('/').map((x) => norm(x)).filter(Boolean).map((x) => x.split(' '));
}
function seqProduct(parts: string[][][]): string[][] {
  let acc: string[][] = [[]];
  for (const p of parts) {
    const next: string[][] = [];
    for (const a of acc) for (const b of p) next.push([...a, ...b]);
    acc = next.slice(0, 200);
  }
  return acc;
}
function parsePatternSide(s: string): Item[] {
  // tokens: words, {phrase}, (group), &SET, markers $ + ^ %
  const items: Item[] = [];
  const re = /\{([^}]*)\}|\(([^)]*)\)|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const inner = m[1] ?? m[2];
    if (inner !== undefined) {
      // a phrase or a prepositional group: consecutive words, possibly with sets/braces
      const words = inner.replace(/[{}]/g, ' ').split(/\s+/).filter((w) => w && !/^[$+^%]$/.test(w));
      const parts = words.map(expandWord).filter((p) => p.length);
      if (parts.length) items.push(seqProduct(parts));
    } else {
      const w = m[3]!;
      if (/^[$+^%*]$/.test(w) || /^[$+]/.test(w) && w.length === 1) continue;
      const alts = expandWord(w.replace(/^[$+^]/, ''));
      if (alts.length) items.push(alts);
    }
  }
  return items;
}

// "- * TALKS [036]   # WANT" / "# START , BEGIN": the verbs named in the comment after the code.
// Comments that are not verb names (coder initials and dates, prose) give no origin: a verb's
// lemma form is looked up in the block at load time, unknown words are ignored there.
function originOf(raw: string): string[] {
  const c = /\]\s*#\s*(.*)$/.exec(raw)?.[1]?.trim() ?? '';
  if (!/^[A-Z][A-Z_'\-]*(\s*,\s*[A-Z][A-Z_'\-]*)*$/.test(c)) return [];
  return [...new Set(c.split(/\s*,\s*/).map(norm))];
}

let block = '';
let blockCode: string | null = null;
let nPatterns = 0;
let nSkipped = 0;
let front = false; // supplement patterns go before the block's own ones (they win ties)
let frontAt = 0;
const all = [...lines.slice(i), ...supLines];
const supFrom = all.length - supLines.length;
for (i = 0; i < all.length; i++) {
  const raw = all[i]!;
  // our own file is held to a stricter standard than the dictionary: a code that is not "---" and
  // not in the CAMEO table is a typo, not a silent "no event"
  if (i >= supFrom) {
    const c = /\[([^\]]*)\]/.exec(raw.replace(/#.*/, ''))?.[1];
    if (c !== undefined && !/^-+$/.test(c.trim()) && !parseCode(c)) throw new Error(`data/lexicon/supplement.txt:${i - supFrom + 1}: unknown CAMEO code [${c}] in "${raw.trim()}"`);
  }
  const l = raw.replace(/#.*/, '').trimEnd();
  if (!l.trim()) continue;
  const h = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(l);
  if (h) { block = h[1]!; blockCode = parseCode(h[2]); patterns[block] = []; front = false; continue; }
  const x = /^\+\+\+\s+(\S+)/.exec(l);
  if (x) {
    const name = x[1]!;
    block = patterns[name] ? name : forms[name.toLowerCase()]?.[0]?.block ?? '';
    if (!block) throw new Error(`supplement.txt: "+++ ${name}" names no block and no verb of CAMEO.2.0.txt`);
    blockCode = null; front = true; frontAt = 0;
    continue;
  }
  if (!block) continue;
  if (l.startsWith('-')) {
    const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(l);
    if (!m) continue;
    const body = m[1]!;
    const star = body.indexOf('*');
    if (star < 0) continue;
    const code = parseCode(m[2]);
    unknownSet = null;
    const p: Pattern = { before: parsePatternSide(body.slice(0, star)), after: parsePatternSide(body.slice(star + 1)), code };
    if (unknownSet) {
      if (i >= supFrom) throw new Error(`data/lexicon/supplement.txt:${i - supFrom + 1}: unknown synonym set ${unknownSet} in "${raw.trim()}"`);
      nSkipped++;
      continue;
    }
    // our supplement's "# ONLY VERB, VERB": a pattern for those verbs of the block alone (a phrase
    // whose code depends on the verb: "arrested as part of" 173, "seized as part of" 171)
    const onlyM = i >= supFrom ? /\]\s*#\s*ONLY\s+(.*)$/.exec(raw) : null;
    const from = onlyM ? originOf(`] # ${onlyM[1]}`) : originOf(raw);
    if (onlyM && !from.length) throw new Error(`data/lexicon/supplement.txt:${i - supFrom + 1}: "# ONLY" needs verb names: "${raw.trim()}"`);
    if (from.length) p.from = from;
    if (onlyM) p.only = true;
    if (!p.before.length && !p.after.length) continue;
    if (front) patterns[block]!.splice(frontAt++, 0, p);
    else patterns[block]!.push(p);
    nPatterns++;
    continue;
  }
  // a verb line: WORD {FORMS} [code]
  const m = /^(\+?[A-Z][A-Z_'\-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(l.trim());
  if (!m) continue;
  const lemma = norm(m[1]!);
  const code = m[3] ? parseCode(m[3].slice(1, -1)) : blockCode;
  // a supplement line re-declares the verb: drop its earlier entries in this block (all forms, irregular ones too)
  if (front) for (const f of Object.keys(forms)) forms[f] = forms[f]!.filter((e) => !(e.block === block && e.lemma === lemma));
  const fs = new Set<string>(inflect(lemma));
  if (m[2]) for (const f of m[2].slice(1, -1).split(/[\s,]+/).filter(Boolean)) fs.add(norm(f));
  for (const f of fs) (forms[f] ??= []).push({ lemma, block, code: m[3] && /---/.test(m[3]) ? null : code });
}

// ------------------------------------------------------------------ refinement of generic codes
// data/lexicon/refine.txt (ours): "root code WORDS..." refines a verb's generic code (020, 100,
// 030, 120, 130) by its object; added after each block's own patterns, tagged with the verbs of
// that root whose default is the generic code (src/events/lexicon.ts keeps them to those verbs).
const refineLines = readFileSync(join(OUT, 'refine.txt'), 'utf8').split('\n');
let nRefine = 0;
const FRAME_WORDS = new Set(['to', 'for', 'on', 'upon', 'with', 'against', 'that', 'from', 'of', 'in', 'at', 'over', 'into', 'about']);
// the blocks' own patterns before any refinement is added
const patternsBase = new Map(Object.entries(patterns).map(([b, ps]) => [b, [...ps]]));
// block -> generic code -> verbs of the block with that default code
const genericVerbs = new Map<string, Map<string, Set<string>>>();
for (const entries of Object.values(forms)) {
  for (const e of entries) {
    if (!e.code || !/^\d\d0$/.test(e.code)) continue;
    let m = genericVerbs.get(e.block);
    if (!m) genericVerbs.set(e.block, (m = new Map()));
    let set = m.get(e.code);
    if (!set) m.set(e.code, (set = new Set()));
    set.add(e.lemma);
  }
}
// protest codes (141-145) take a fourth digit by what the protesters demand (CAMEO 1.1b3: 1
// leadership change, 2 policy change, 3 rights, 4 institutions/regime): "14 +1 WORDS" lines of
// refine.txt. Every pattern giving a 3-digit 14x code gets a copy with the purpose words as one more
// item ("began a hunger strike" + "to demand the resignation" -> 1421); a verb whose default is 14x
// gets the bare refinement. Collected here, added after the generic refinements below.
const purposeLines: { digit: string; words: string; line: number }[] = [];
refineLines.forEach((raw, k) => {
  const l = raw.replace(/#.*/, '').trim();
  if (!l) return;
  const pm = /^14\s+\+([1-4])\s+(.+)$/.exec(l);
  if (pm) { purposeLines.push({ digit: pm[1]!, words: pm[2]!, line: k + 1 }); return; }
  const m = /^(\d{2})\s+(\d{3,4})\s+(.+)$/.exec(l);
  if (!m) throw new Error(`data/lexicon/refine.txt:${k + 1}: expected "root code WORDS", got "${raw.trim()}"`);
  const [, root, code, words] = m as unknown as [string, string, string, string];
  if (!codes[code] || codes[code]!.root !== root) throw new Error(`data/lexicon/refine.txt:${k + 1}: code ${code} is not a CAMEO code of root ${root}`);
  const alts = [...words.matchAll(/\(([^)]*)\)|(\S+)/g)].map((x) => (x[1] ?? x[2])!);
  const families = alts.map((a) => parsePatternSide(a.includes(' ') ? `(${a})` : a)).filter((x) => x.length);
  for (const [block, ps] of Object.entries(patterns)) {
    const lemmas = genericVerbs.get(block)?.get(root + '0');
    for (const after of families) {
      // the verb's generic default, refined: "demanded the extradition of"
      // (first in the block: on the very same words, "demanded the extradition" is 1013, not the 100
      // CAMEO.2.0.txt gives it)
      // the block's own coding of these very words in another root stands ("sought talks" 026)
      const same = JSON.stringify(after);
      const clash = (patternsBase.get(block) ?? []).some((p) => !p.before.length && JSON.stringify(p.after) === same && p.code && p.code.slice(0, 2) !== root);
      if (lemmas && !clash) { ps.unshift({ before: [], after, code, from: [...lemmas], only: true }); nRefine++; }
      // a frame pattern of the block that gives the generic code ("wants Y to" 020, "called for"),
      // refined by its object: "wants Y to withdraw troops" is 0256, which outscores an intent
      // refinement of "want" alone (0356)
      for (const p of patternsBase.get(block) ?? []) {
        if (p.code !== root + '0' || !p.after.length || !p.after.every((it) => it.every((alt) => alt.every((w) => FRAME_WORDS.has(w))))) continue;
        ps.push({ before: p.before, after: [...p.after, ...after], code, ...(p.from ? { from: p.from } : {}) });
        nRefine++;
      }
    }
  }
});

const PROTEST3 = /^14[1-5]$/;
// block -> protest default code -> verbs of the block with that default
const protestVerbs = new Map<string, Map<string, Set<string>>>();
for (const entries of Object.values(forms)) {
  for (const e of entries) {
    if (!e.code || !PROTEST3.test(e.code)) continue;
    let m = protestVerbs.get(e.block);
    if (!m) protestVerbs.set(e.block, (m = new Map()));
    let set = m.get(e.code);
    if (!set) m.set(e.code, (set = new Set()));
    set.add(e.lemma);
  }
}
for (const { digit, words, line } of purposeLines) {
  const alts = [...words.matchAll(/\(([^)]*)\)|(\S+)/g)].map((x) => (x[1] ?? x[2])!);
  // one item of alternatives: any of the family's words or phrases
  const item = alts.flatMap((a) => parsePatternSide(a.includes(' ') ? `(${a})` : a).flat());
  if (!item.length) throw new Error(`data/lexicon/refine.txt:${line}: no words after "14 +${digit}"`);
  for (const [block, ps] of Object.entries(patterns)) {
    for (const p of patternsBase.get(block) ?? []) {
      if (!p.code || !PROTEST3.test(p.code) || !p.after.length || !codes[p.code + digit]) continue;
      ps.push({ before: p.before, after: [...p.after, item], code: p.code + digit, ...(p.from ? { from: p.from } : {}) });
      nRefine++;
    }
    for (const [code, lemmas] of protestVerbs.get(block) ?? []) {
      if (!codes[code + digit]) continue;
      ps.push({ before: [], after: [item], code: code + digit, from: [...lemmas], only: true });
      nRefine++;
    }
  }
}

writeFileSync(join(OUT, 'verbs.json'), JSON.stringify({
  source: "PETRARCH2 CAMEO verb-pattern dictionary CAMEO.2.0.txt, openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT, (c) 2015 Open Event Data Alliance); reduced by scripts/lexicon/build.ts: verb surface forms -> {lemma, block, default CAMEO code}; per block, patterns of words before/after the verb -> CAMEO code",
  forms,
  patterns,
}) + '\n');
console.log(`refinement patterns ${nRefine}; skipped (unknown synonym set) ${nSkipped}; codes ${Object.keys(codes).length}, cameo2plover ${Object.keys(c2p).length}, plover types ${Object.keys(plover).length}, verb forms ${Object.keys(forms).length}, blocks ${Object.keys(patterns).length}, patterns ${nPatterns}`);
