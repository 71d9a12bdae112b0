// Clause analysis for one sentence: find event triggers (verb forms of the lexicon), refine the
// CAMEO code with the lexicon's phrase patterns, and fill the roles (source, target) from the
// actor mentions the actors stage found (never re-derived here).
//
// The analysis is shallow on purpose (no parser: ~150 articles/s/core is the budget):
// - speech frames ("X said (that) ...", "..., X said", "according to X") split the sentence
//   into the speaker part and the reported content; events in the content are "claimed" by X;
// - roles: source = nearest actor group left of the trigger in its clause (not the object of a
//   preposition when another choice exists), target = first actor group right of it (direct
//   object or a "with/against/to/on/for/at/from" object); passive ("was X-ed by Y") swaps them;
// - coordinated actors ("Russia and China") stay one group: one record with actor [RUS, CHN].
import type { Entity, Mention } from '../types.js';
import type { Lexicon, Pattern, Item } from './lexicon.js';
import { candidatePatterns } from './lexicon.js';
import type { Tok } from './tokens.js';
import { cloneEntity } from '../actors/entity.js';

export interface Group {
  /** token range [from, to] inclusive */
  from: number;
  to: number;
  entities: Entity[];
  mentions: Mention[];
  /** preposition governing the group ("with", "in", ...), or null */
  prep: string | null;
}

export interface Trigger {
  i: number;
  /** number of tokens in the verb form ("ask for" = 2) */
  n: number;
  code: string;
  /** words matched by the pattern (0 = the verb's default code) */
  patternWords: number;
}

export interface Frame {
  cue: number;
  /** token index range of the cue ("according to" = 2 tokens) */
  cueEnd: number;
  speaker: Group | null;
  /** content token range [from, to] inclusive */
  from: number;
  to: number;
  via: Entity | null;
}

export const SPEECH = new Set([
  'say', 'tell', 'state', 'announce', 'add', 'declare', 'note', 'stress', 'underscore', 'underline', 'emphasize', 'emphasise',
  'explain', 'report', 'write', 'assert', 'confirm', 'reiterate', 'remark', 'comment', 'observe', 'argue', 'insist', 'tweet',
  'claim', 'predict', 'estimate', 'suggest', 'acknowledge', 'admit', 'contend', 'maintain', 'recall',
  'indicate', 'point', 'reply', 'respond', 'testify', 'told', 'said', 'says',
]);
/** "between their (foreign) ministries": a between-group whose possessor is "its"/"their", through adjectives, numbers
 * and "respective", naming no country but the subject's. */
function ownBetween(toks: Tok[], g: Group, i: number, subj: Group | null | undefined): boolean {
  let k = g.from - 1;
  while (k > i && k >= g.from - 3 && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'NUM' || toks[k]!.pos === 'NOUN' || toks[k]!.low === 'respective' || toks[k]!.low === 'own')) k--;
  if (!ITS_THEIR.test(toks[k]?.low ?? '') || toks[k - 1]?.low !== 'between') return false;
  const cc = subj?.entities.map((e) => e.country_code).filter(Boolean) ?? [];
  return g.entities.every((e) => !e.country_code || cc.includes(e.country_code));
}

/** Attribution cues that are also events in their own right ("warned that", "called for", "agreed that"):
 * they open a frame (a quote, a claimed content) but are still coded. Mental states (know, want,
 * expect, hope, decide) are left out: in news they mostly do not report what someone said. */
export const ATTRIB = new Set([
  'warn', 'caution', 'agree', 'ask', 'find', 'show', 'cite', 'call', 'urge', 'pledge', 'vow', 'promise', 'describe', 'criticize',
  'criticise', 'question', 'mention', 'condemn', 'demand', 'charge', 'accuse', 'deny', 'predict', 'fear',
  'reveal', 'disclose', 'concede', 'conclude', 'complain', 'blast', 'slam', 'allege',
  'plan', 'announce', 'propose', 'threaten', 'blame', 'praise', 'welcome', 'reject', 'dismiss', 'doubt', 'signal',
  'express', 'voice', 'stress', 'request', 'recommend', 'order', 'declare', 'acknowledge', 'warn',
]);
// Speech verbs whose own CAMEO code is the residual "make statement" (010) or a belief: not events themselves.
const SPEECH_NO_EVENT = new Set(['010', '012', '013']);

const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'am', "'s", 'get', 'got', 'gets', 'getting']);
// "following"/"amid" open a circumstance ("following the Iraq war", "amid the crisis"), never the act's direct object
const PREPS = new Set(['following', 'amid', 'with', 'against', 'to', 'on', 'upon', 'for', 'at', 'from', 'in', 'of', 'by', 'into', 'toward', 'towards', 'over', 'about', 'near', 'inside', 'outside', 'across', 'between', 'among', 'during', 'under', 'after', 'before', 'through', 'within']);
// "between"/"among": "mediation between X and Y", "ended mediation efforts between rival militias"
const TARGET_PREPS = new Set(['with', 'against', 'to', 'on', 'upon', 'for', 'at', 'from', 'into', 'toward', 'towards', 'over', 'about', 'between', 'among']);
const LOC_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'within']);
/** head nouns of a body whose seat an "in X" right after it names (see assignRoles) */
const SEAT_HEAD = /^(government|governments|authorities|regime|administration|embassy|embassies|forces|troops|military|army|leadership|rulers|parliament|ministry)$/;
const DET = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those', "'s"]);
// brackets do not break a clause: "The Asia-Pacific Economic Cooperation (APEC) forum has agreed"
const CLAUSE_BREAK = new Set([';', ':', '—', '–']);
// -ing forms that are adjectives before a noun in news prose ("despite growing pressure by X")
const ING_ADJ = new Set(['growing', 'mounting', 'increasing', 'continuing', 'ongoing', 'leading', 'ruling', 'existing', 'following', 'remaining', 'emerging', 'developing', 'neighbouring', 'neighboring', 'outgoing', 'incoming', 'upcoming', 'rising', 'escalating', 'intensifying', 'worsening', 'lasting', 'standing', 'sweeping', 'striking', 'warring', 'fighting', 'opposing', 'competing']);
// subordinators that only open clauses (not prepositions too, unlike "after", "since", "until")
// ("if", "unless", "when" are left out: PLOVER codes the actor of a threat's condition as its target,
// "threatened to stop talks if the United States goes ahead")
const CLAUSE_SUBORD = new Set(['because', 'although', 'though', 'whereas', 'while']);
// subordinators that open a clause with its own subject ("as shells continued", "while troops looked on")
const CLAUSE_OPEN = new Set(['as', 'while', 'because', 'when', 'although', 'though', 'whereas', 'since', 'until', 'after', 'before', 'if', 'unless', 'once']);
// (after a comma, "where" opens a relative clause of place with its own subject: "demonstrated in Serbia, where 24
// people were killed": the people killed are not the demonstrators' target)
const SUBORD = new Set(['which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'although', 'though', 'because', 'after', 'before', 'since', 'when', 'as', 'unless', 'if']);

// verbs of receiving, and what is given: with "from X" the giver X is the source
const RECEIVE = /^(receive|get|obtain|win|gain|enjoy|secure|accept|earn|collect|take)$/;
const TRANSFER = /^(aid|support|backing|help|assistance|weapons|arms|loans?|funds|funding|money|supplies|recognition|approval|endorsement|investment|grants?|donations?|credits?|guarantees?|shipments?|deliveries|ammunition|equipment|training)$/;
// nouns naming an act done to someone: the "of" complement is its patient
const NOMINAL_ACT = /^(withdrawal|removal|release|arrest|expulsion|extradition|resignation|ouster|overthrow|disarmament|surrender|pullout|pull-out|dismissal|recall|deployment|punishment|prosecution|trial|execution|isolation|recognition|exclusion|suspension)$/;
const HELP = /^(help|support|backing|assistance|aid|cooperation|approval|blessing|consent|participation|mediation)$/;
const BACKED = /^(backed|supported|sponsored|funded|armed|trained|installed|allied|aligned|affiliated|linked|inspired)$/;

// Regular expressions the coder tests per token are constants here, not literals in its functions: V8
// builds a new RegExp object each time a literal is evaluated, even in optimised code (scratch test, 2M
// calls testing a literal: 874 scavenges, 0 with a constant), and matchAlt's literals made it the
// largest allocator of a warm coder (~14% of the bytes per article). None is global or sticky, so
// sharing one object keeps no state between calls.
const PUNCT_TOK = /^[.,;:!?]$/;
const QUOTE_DASH_TOK = /^["“”‘’'«»\-–]$/;
const ED_EN = /(ed|en)$/;
const ING = /ing$/;
const ED = /ed$/;
const S_END = /s$/;
const A_AN = /^(a|an)$/;
const A_AN_THE = /^(a|an|the)$/;
const PERFECT_AUX = /^(have|has|had|'ve)$/;
const MODAL = /^(will|would|shall|should|can|could|may|might|must|'ll|'d)$/;
const BE_FORM = /^(is|are|was|were|been|be)$/;
const PARTICIPLE_END = /(ed|en|wn|un|ght|lt)$/;
const CAPITAL = /^[A-Z]/;
const CLOSE_QUOTE = /^(''|'|"|”|’)$/;
const INTRO_WORD = /^(in|on|at|after|before|during|following|despite|with|since|under|amid|as|when|while|although|though|earlier|later)$/;
const COMMA_BREAK = /^[,;:]$/;
const DIGIT_START = /^\d/;
const OUTSIDE_INSIDE = /^(outside|inside)$/;
const WHICH_WHO = /^(which|who)$/;
const WHICH_WHO_WHOSE = /^(which|who|whose)$/;
const ING_ED = /(ing|ed)$/;
const ITS_THEIR = /^(its|their)$/;
// a joint undertaking whose "against X" names the adversary the parties share, not a party to it:
// "expand security cooperation against the Islamic State", "the fight against drugs", "join forces against"
const JOINT_AGAINST = /^(cooperation|co-operation|cooperate|co-operate|cooperating|co-operating|coordination|coordinate|partnership|alliance|coalition|fight|struggle|battle|war|campaign|efforts?|measures|front|unite|united|together|forces)$/;
// CAMEO roots of cooperation, verbal (01-05) and material (06-08): a hostile act's "against X" is its target
const COOPERATIVE_ROOT = /^0[1-8]/;
/** The group g ("against X") is the shared adversary of a cooperative act: the trigger's code is
 * cooperative and a joint undertaking's word stands within three words before "against". */
function sharedAdversary(toks: Tok[], trig: Trigger, g: Group): boolean {
  if (g.prep !== 'against' || !COOPERATIVE_ROOT.test(trig.code)) return false;
  let k = g.from - 1;
  while (k > trig.i && toks[k]!.low !== 'against') k--;
  if (toks[k]?.low !== 'against') return false;
  for (let j = k - 1; j >= Math.max(trig.i, k - 3); j--) if (JOINT_AGAINST.test(toks[j]!.low)) return true;
  return false;
}
const FOR_ON_TO = /^(for|on|to)$/;

/** Mention groups of a sentence: resolved mentions mapped to token ranges, coordination merged. */
const NO_WORDS: readonly string[] = [];
export function mentionGroups(toks: Tok[], mentions: Mention[]): Group[] {
  const ms = mentions.filter((m) => m.entity && m.entity.kind !== 'media').sort((a, b) => a.start - b.start || b.end - a.end);
  const singles: Group[] = [];
  let lastEnd = -1;
  for (const m of ms) {
    if (m.start < lastEnd) continue; // nested in a longer mention
    // the first token ending after the mention's start (a loop: no closure per mention)
    let from = 0;
    while (from < toks.length && !(toks[from]!.end > m.start)) from++;
    if (from === toks.length) from = -1;
    let to = from;
    while (to + 1 < toks.length && toks[to + 1]!.start < m.end) to++;
    if (from < 0) continue;
    lastEnd = m.end;
    // "the U.S.-backed government", "Russian-trained forces": the backer qualifies the noun that follows; the
    // noun, not the backer, fills the role (the mention stays in Doc.mentions)
    const n1 = toks[to + 1], n2 = toks[to + 2];
    if (n1?.low === '-' && n1.start === toks[to]!.end && n2 && n2.start === n1.end && BACKED.test(n2.low)) continue;
    singles.push({ from, to, entities: [m.entity!], mentions: [m], prep: null });
  }
  // preposition: the token before the group, skipping determiners/adjectives (at most 3)
  for (const g of singles) g.prep = prepBefore(toks, g.from);
  // coordination: "X and Y", "X, Y and Z", "both X and Y"
  const out: Group[] = [];
  const commaList = new Set<Group>();
  for (let g of singles) {
    const prev = out.at(-1);
    if (prev) {
      // the words between the two groups, only when there are 1-3 of them: any other gap fails the test below,
      // and slicing the whole stretch for every pair of groups was most of this function's allocation
      const gap = g.from - prev.to - 1;
      const between = gap >= 1 && gap <= 3 ? toks.slice(prev.to + 1, g.from).map((t) => t.low) : NO_WORDS;
      if (between.length && between.length <= 3 && between.every((w) => w === 'and' || w === ',' || w === 'the' || w === '&') && between.some((w) => w === 'and' || w === ',' || w === '&')) {
        // a bare comma joins only inside a list that ends with "and" ("X, Y and Z")
        // ("Iran, Libya, North Korea, Sudan and Cuba": the list may run over several commas)
        const listEnds = (): boolean => {
          for (let k = singles.indexOf(g); k + 1 < singles.length; k++) {
            const b2 = toks.slice(singles[k]!.to + 1, singles[k + 1]!.from).map((t) => t.low);
            if (!b2.length || b2.length > 3 || !b2.every((w) => w === 'and' || w === ',' || w === 'the')) return false;
            if (b2.includes('and')) return true;
          }
          return false;
        };
        // a comma list of three or more actors is one group even when an aside breaks its end ("to Iran,
        // Libya, North Korea, Sudan, and with strings attached, Cuba")
        const commaRun = (): boolean => {
          let n = 1;
          for (let k = singles.indexOf(g); k + 1 < singles.length && n < 2; k++) {
            const b2 = toks.slice(singles[k]!.to + 1, singles[k + 1]!.from).map((t) => t.low);
            if (b2.length !== 1 || b2[0] !== ',') break;
            n++;
          }
          return (n >= 2 || commaList.has(prev)) && between.length === 1;
        };
        const byComma = !between.includes('and') && !between.includes('&') && !listEnds() && commaRun();
        if (byComma) commaList.add(prev);
        if (between.includes('and') || between.includes('&') || listEnds() || byComma) {
          // "Israeli helicopters and tanks", "Egyptian police and soldiers": the nationality adjective of the
          // first armed force qualifies the second (a bare force with no country of its own)
          const first = prev.mentions.at(-1)!;
          if (first.type === 'demonym' && first.entity?.country_code && [null, 'MIL', 'COP'].includes(first.entity.sector) && between.length === 1) {
            const cc = first.entity.country_code;
            g = { from: g.from, to: g.to, entities: g.entities.map((e) => (!e.country_code && (e.sector === 'MIL' || e.sector === 'COP') && e.code.length === 3 ? armed(e, cc) : e)), mentions: g.mentions, prep: g.prep };
          }
          prev.to = g.to;
          for (const e of g.entities) if (!prev.entities.some((x) => x.id === e.id)) prev.entities.push(e);
          prev.mentions.push(...g.mentions);
          continue;
        }
      }
    }
    // literals with every key, not spreads: groups keep one hidden class (see actors/entity.ts)
    out.push({ from: g.from, to: g.to, entities: [...g.entities], mentions: [...g.mentions], prep: g.prep });
  }
  return out;
}

/** A bare armed force placed in a country (a copy: entities keep one hidden class, actors/entity.ts). */
function armed(e: Entity, cc: string): Entity {
  const c = cloneEntity(e);
  c.country_code = cc;
  c.code = cc + e.code;
  return c;
}

export function prepBefore(toks: Tok[], from: number): string | null {
  let num = false;
  for (let k = from - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const w = toks[k]!.low;
    // "up to 100 ethnic Turks", "more than 1,000 refugees": a quantifier, not a preposition
    if (num && (w === 'to' || w === 'than' || w === 'of')) return null;
    if (toks[k]!.pos === 'NUM' || DIGIT_START.test(w)) num = true;
    // "outside of the Iraqi city of Basra": the place phrase's preposition is the one before "of"
    if (w === 'of' && OUTSIDE_INSIDE.test(toks[k - 1]?.low ?? '')) return toks[k - 1]!.low;
    if (PREPS.has(w)) return w;
    // "said on Tuesday that Somalia expelled ...": a conjunction "that" opens a clause; the preposition
    // before it belongs to the time ("in that country" keeps its preposition)
    if (w === 'that' && toks[k]!.pos === 'SCONJ' && !PREPS.has(toks[k - 1]?.low ?? '')) return null;
    // "from both governments", "with both Russia and China": "both" is a determiner of the group
    if (w === 'both') continue;
    if (DET.has(w) || toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'NUM' || (toks[k]!.pos === 'PROPN' && n < 2)) continue;
    // a participle used as an adjective: "in the occupied West Bank", "from the besieged town"
    if (ED_EN.test(w) && k > 0 && DET.has(toks[k - 1]!.low)) continue;
    return null;
  }
  return null;
}

// ------------------------------------------------------------------ triggers and patterns

function wordMatch(t: Tok | undefined, w: string): boolean {
  if (!t) return false;
  const x = t.low;
  if (x === w || t.lemma === w) return true;
  // x is w + one of s, es, ed, d, ing, 's (compared in place: no substring per call, matchAlt's inner loop)
  const d = x.length - w.length;
  if (d >= 1 && d <= 3 && x.startsWith(w)) {
    if (d === 1) return x.endsWith('s') || x.endsWith('d');
    if (d === 2) return x.endsWith('es') || x.endsWith('ed') || x.endsWith("'s");
    return x.endsWith('ing');
  }
  // pattern words are sometimes plural or inflected ("EXERCISES"): x is w without its final s
  return x.length === w.length - 1 && w.endsWith('s') && w.startsWith(x);
}

/** Match an alternative (consecutive words, up to 2 filler tokens between them) starting at or after `at`; returns the end index or -1. */
// modifiers and quote marks do not count toward the distance from the verb to a pattern word
// ("building “pragmatic” and “full-fledged” relations" is "build ... relations")
const MODIFIER_POS = new Set(['DET', 'ADJ', 'ADV', 'NUM', 'CCONJ', 'PART']);
const isModifier = (t: Tok): boolean => MODIFIER_POS.has(t.pos) || QUOTE_DASH_TOK.test(t.low);

// a day named between the verb (and its object) and a pattern word is no distance either ("defended Iraq and
// Libya on Friday against criticism" is "defend ... against criticism")
// (a Set: matchAlt is the coder's hottest loop)
const DAY_WORD = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'overnight']);
const timeFiller = (toks: Tok[], k: number): boolean => DAY_WORD.has(toks[k]!.low) || toks[k]!.low === 'on' && DAY_WORD.has(toks[k + 1]?.low ?? '');

function matchAlt(toks: Tok[], alt: string[], at: number, limit: number, maxLead: number): number {
  let lead = 0;
  for (let s = at; s <= limit && lead <= maxLead; s++) {
    if (toks[s] && PUNCT_TOK.test(toks[s]!.low)) return -1;
    if (s > at && !isModifier(toks[s - 1]!) && !timeFiller(toks, s - 1)) lead++;
    if (lead > maxLead) break;
    if (!wordMatch(toks[s], alt[0]!)) continue;
    let k = s + 1;
    let ok = true;
    for (let j = 1; j < alt.length; j++) {
      let found = false;
      for (let g = 0; g <= 2 && k + g <= limit; g++) {
        if (wordMatch(toks[k + g], alt[j]!)) { k = k + g + 1; found = true; break; }
        // fillers inside a phrase are modifiers ("to the border", "on its troops"), never a verb:
        // "agreed to lift the sanctions" is not "agree to sanctions"
        const f = toks[k + g];
        if (!f || PUNCT_TOK.test(f.low) || f.pos === 'VERB' || f.pos === 'AUX') break;
      }
      if (!found) { ok = false; break; }
    }
    if (ok) return k;
  }
  return -1;
}

function matchItems(toks: Tok[], items: Item[], from: number, limit: number): number {
  // items in order; the first within 4 tokens of the verb, later ones within 6 of the previous.
  // Ties in word count go to the match nearer the verb (a tiny penalty per token of distance):
  // in "withdrew peacekeepers from X" the object decides, not the preposition after it
  let pos = from;
  let words = 0;
  for (let n = 0; n < items.length; n++) {
    let best = -1;
    let bestLen = 0;
    for (const alt of items[n]!) {
      const e = matchAlt(toks, alt, pos, limit, n === 0 ? 3 : 6);
      if (e >= 0 && (best < 0 || e < best)) { best = e; bestLen = alt.length; }
    }
    if (best < 0) return -1;
    pos = best;
    words += bestLen;
  }
  return words - 0.001 * (pos - from);
}

function matchBefore(toks: Tok[], items: Item[], verb: number, lo: number): number {
  // words before the verb: match the reversed sequence within 6 tokens
  let words = 0;
  let pos = verb - 1;
  for (let n = items.length - 1; n >= 0; n--) {
    let found = -1;
    let len = 0;
    for (const alt of items[n]!) {
      for (let s = pos; s >= Math.max(lo, pos - 6); s--) {
        const e = matchAlt(toks, alt, s, pos, 0);
        if (e >= 0) { found = s; len = alt.length; break; }
      }
      if (found >= 0) break;
    }
    if (found < 0) return -1;
    pos = found - 1;
    words += len;
  }
  return words - 0.001 * (verb - 1 - pos);
}

/** Verb forms of the lexicon in [lo, hi], with their CAMEO code after pattern refinement. */
export function findTriggers(toks: Tok[], lo: number, hi: number, lex: Lexicon, hasPos: boolean): Trigger[] {
  const out: Trigger[] = [];
  const words = sentenceWordSet(toks);
  for (let i = lo; i <= hi; i++) {
    const t = toks[i]!;
    // the second half of a hyphenated compound ("China-led", "U.S.-backed") is an adjective
    if (i > 0 && toks[i - 1]!.low === '-' && toks[i - 1]!.end === t.start) continue;
    // a participle before its noun is an adjective: "allied forces", "the besieged town", "exiled leaders"
    if (ED_EN.test(t.low) && participleAdjective(toks, i)) continue;
    // "Jordan's visiting King", "the ruling party": an -ing form between a determiner and its noun
    if (ING.test(t.low) && i > 0 && (toks[i - 1]!.pos === 'DET' || toks[i - 1]!.low === "'s") && ['NOUN', 'PROPN'].includes(toks[i + 1]?.pos ?? '')) continue;
    // "after an 18-year break", "a two-day visit": a word after an article and its modifiers is a noun,
    // whatever the tagger says
    if (t.pos === 'VERB' && articleNoun(toks, i)) continue;
    // "Asked whether he would resign, X said …", "Asked by reporters about …": an interviewer's question opening the
    // sentence is no request (its asker is unnamed; its "target" would be the one who answers)
    // (nor is the question's own content, up to where the answer starts: "Asked if he would welcome X voters, he said")
    if (t.low === 'asked' && askedOpener(toks, i)) {
      while (i + 1 <= hi && !ANSWER_START.has(toks[i + 1]!.low)) i++;
      continue;
    }
    if (hasPos ? !(t.pos === 'VERB' || (t.pos === 'NOUN' && isPluralVerbLike(toks, i)) || progressiveAdj(toks, i) || afterModal(toks, i)) : (i > 0 && DET.has(toks[i - 1]!.low))) continue;
    let entries = null;
    let n = 1;
    for (let w = lex.multiFirst.has(t.low) ? Math.min(lex.maxWords, hi - i + 1) : 1; w >= 1; w--) {
      const key = w === 1 ? t.low : toks.slice(i, i + w).map((x) => x.low).join(' ');
      const e = lex.forms.get(key) ?? (w === 1 ? lex.forms.get(t.lemma) : undefined);
      if (e) { entries = e; n = w; break; }
    }
    if (!entries) continue;
    // the best code so far and its pattern's word count (two locals, not an object per improvement)
    let bestCode: string | null = null;
    let bestWords = -1;
    for (const e of entries) {
      if (e.code && bestWords < 0) { bestCode = e.code; bestWords = 0; }
      // only the patterns that can pass the quick rejection, in block order (src/events/lexicon.ts candidatePatterns)
      for (const p of candidatePatterns(lex, e.block, words)) {
        const w = scorePattern(toks, p, i, n, lo, hi, words);
        if (w > bestWords) { bestCode = p.code; bestWords = w; }
      }
    }
    if (bestCode) out.push({ i, n, code: bestCode, patternWords: Math.max(0, Math.round(bestWords)) });
    i += n - 1;
  }
  return out;
}

/** where an "Asked …" opener's question ends: its comma, a quotation, or the answer's speech verb */
const ANSWER_START = new Set([',', '"', '“', ':', 'said', 'says', 'told', 'replied', 'replies', 'added', 'answered', 'responded', 'insisted', 'confesses', 'confessed']);
const QUESTION_AFTER = new Set(['if', 'whether', 'why', 'how', 'what', 'when', 'where', 'who', 'which', 'about', 'on', 'for']);
/** "Asked" opening the sentence (after an opening quotation mark at most) and followed by a question or its topic,
 * directly or after a "by" agent ("Asked by reporters whether …", "Asked by the BBC to comment"). */
function askedOpener(toks: Tok[], i: number): boolean {
  if (!(i === 0 || (i === 1 && /^["“‘']$/.test(toks[0]!.text)))) return false;
  const n = toks[i + 1]?.low ?? '';
  if (QUESTION_AFTER.has(n)) return true;
  if (n !== 'by') return false;
  for (let k = i + 2; k < Math.min(toks.length, i + 9); k++) {
    if (QUESTION_AFTER.has(toks[k]!.low) || (toks[k]!.low === 'to' && toks[k + 1]?.low === 'comment')) return true;
    if (toks[k]!.low === ',') return false;
  }
  return false;
}

/**
 * A participle before its noun is an adjective: "allied forces", "the besieged Bosnian town", "the
 * occupied West Bank", "the banned movement", "Newly appointed Palestinian Prime Minister", "most
 * respected daily". After a comma it is the main verb when its noun phrase is not followed by a
 * verb: "Kenzo Oshima, the UN relief coordinator, demanded parties to ..." vs ", armed men attacked".
 */
function participleAdjective(toks: Tok[], i: number): boolean {
  const p = toks[i - 1];
  const p2 = toks[i - 2];
  const n = toks[i + 1];
  if (!n) return false;
  const detLike = !p || ['DET', 'ADP', 'CCONJ', 'NUM'].includes(p.pos) || (p.pos === 'ADV' && (!p2 || ['DET', 'ADP', 'PUNCT', 'CCONJ', 'PART'].includes(p2.pos)));
  if (n.pos === 'NOUN') {
    if (!p || detLike || p.pos === 'ADJ') return true;
    if (p.pos === 'PUNCT' && p.low !== ',') return true;
    if (p.low === ',') {
      let k = i + 1;
      while (toks[k] && ['NOUN', 'PROPN', 'ADJ'].includes(toks[k]!.pos)) k++;
      return !!toks[k] && (toks[k]!.pos === 'VERB' || toks[k]!.pos === 'AUX');
    }
    return false;
  }
  // before a proper noun or another adjective only after a determiner or preposition ("and credited
  // Kabul" is a verb)
  return (n.pos === 'PROPN' || n.pos === 'ADJ') && !!p && (p.pos === 'DET' || p.pos === 'ADP' || p.low === "'s" || (p.pos === 'ADV' && detLike));
}

/** Is the token at i the head of "a/an/the + numbers, adjectives, hyphenated words"? ("an 18-year break") */
function articleNoun(toks: Tok[], i: number): boolean {
  let k = i - 1, mods = 0;
  while (k >= 0 && (toks[k]!.pos === 'NUM' || toks[k]!.pos === 'ADJ' || toks[k]!.low === '-' || toks[k + 1]?.low === '-' || toks[k - 1]?.low === '-' && toks[k - 1]!.end === toks[k]!.start)) { k--; mods++; }
  return mods > 0 && k >= 0 && A_AN.test(toks[k]!.low);
}

// after a modal the word is a verb, whatever the tagger says ("Israel announced it would free 150 prisoners",
// where "free" was tagged an adjective); not "would be free", where "be" is the verb
function afterModal(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (t.pos !== 'ADJ' && t.pos !== 'NOUN') return false;
  let k = i - 1;
  while (k >= 0 && (toks[k]!.low === 'not' || toks[k]!.low === "n't" || toks[k]!.pos === 'ADV')) k--;
  // "forces have retaken a village" (tagged a noun): a participle form after a perfect auxiliary
  if (k >= 0 && PERFECT_AUX.test(toks[k]!.low) && ED_EN.test(t.low) && ['DET', 'NUM', 'PROPN', 'ADJ', 'NOUN', 'PRON'].includes(toks[i + 1]?.pos ?? '')) return true;
  // (an adjective cannot follow a modal; a noun there needs an object after it)
  return k >= 0 && MODAL.test(toks[k]!.low) && !!toks[i + 1] && (t.pos === 'ADJ' || ['DET', 'NUM', 'PROPN', 'ADJ', 'NOUN', 'PRON'].includes(toks[i + 1]!.pos));
}

// wink tags a few verbs after a subject as nouns ("Russia attacks Ukraine"): accept a NOUN
// that directly follows a proper noun and precedes a determiner or proper noun.
function isPluralVerbLike(toks: Tok[], i: number): boolean {
  const p = toks[i - 1];
  const n = toks[i + 1];
  return !!p && !!n && p.pos === 'PROPN' && (n.pos === 'PROPN' || n.pos === 'DET') && S_END.test(toks[i]!.low);
}

// Quick rejection: a pattern can only match when, for each of its items, one alternative's first
// word occurs in the sentence (most patterns fail here; this keeps the coder within budget).
const firstWords = new WeakMap<Pattern, Set<string>[]>();
function needs(p: Pattern): Set<string>[] {
  let f = firstWords.get(p);
  if (!f) {
    f = [...p.before, ...p.after].map((item) => new Set(item.map((alt) => alt[0]!)));
    firstWords.set(p, f);
  }
  return f;
}
/** Does the sentence hold one of the item's first words? Iterates the smaller of the two sets. */
function intersects(item: Set<string>, words: Set<string>): boolean {
  if (item.size <= words.size) {
    for (const w of item) if (has(words, w)) return true;
    return false;
  }
  for (const x of words) if (item.has(x) || item.has(x + 's')) return true;
  return false;
}
export function sentenceWordSet(toks: Tok[]): Set<string> {
  const set = new Set<string>();
  for (const t of toks) {
    set.add(t.low);
    set.add(t.lemma);
    const stem = inflectionStem(t.low);
    if (stem !== null) set.add(stem);
    if (t.low.endsWith('es')) set.add(t.low.slice(0, -2));
  }
  return set;
}
/**
 * What /^(.+?)(s|es|ed|d|ing|'s)$/ captures as its stem, without a match object per token: the shortest
 * non-empty stem, so the longest of the endings that leaves one ('.' stops at line terminators).
 */
function inflectionStem(x: string): string | null {
  const n = x.length;
  let cut = 0;
  if (n >= 4 && x.endsWith('ing')) cut = 3;
  else if (n >= 3 && (x.endsWith('es') || x.endsWith('ed') || x.endsWith("'s"))) cut = 2;
  else if (n >= 2 && (x.endsWith('s') || x.endsWith('d'))) cut = 1;
  if (!cut) return null;
  const stem = x.slice(0, n - cut);
  return LINE_TERMINATOR.test(stem) ? null : stem;
}
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;
const has = (set: Set<string>, w: string): boolean => set.has(w) || (w.endsWith('s') && set.has(w.slice(0, -1)));

// wink sometimes tags a progressive verb as an adjective ("warplanes are striking Daesh positions"):
// an -ing "adjective" right after a form of "be" and before its object is a verb
function progressiveAdj(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  const n = toks[i + 1];
  return t.pos === 'ADJ' && ING.test(t.low) && BE_FORM.test(toks[i - 1]?.low ?? '') && !!n && (n.pos === 'DET' || n.pos === 'PROPN' || n.pos === 'NOUN');
}

function scorePattern(toks: Tok[], p: Pattern, i: number, n: number, lo: number, hi: number, words?: Set<string>): number {
  if (words) for (const item of needs(p)) if (!intersects(item, words)) return -1;
  let w = 0;
  if (p.after.length) {
    const a = matchItems(toks, p.after, i + n, Math.min(hi, i + n + 14));
    if (a < 0) return -1;
    w += a;
  }
  if (p.before.length) {
    const b = matchBefore(toks, p.before, i, lo);
    if (b < 0) return -1;
    w += b;
  }
  return w;
}

// ------------------------------------------------------------------ clauses

/** Token ranges split at hard clause breaks (";", ":", dashes, brackets). */
export function clauseOf(toks: Tok[], i: number, lo: number, hi: number): [number, number] {
  let a = i;
  while (a > lo && !CLAUSE_BREAK.has(toks[a - 1]!.low)) a--;
  let b = i;
  while (b < hi && !CLAUSE_BREAK.has(toks[b + 1]!.low)) b++;
  return [a, b];
}

const IRREGULAR_PARTICIPLES = new Set(['held', 'met', 'hit', 'shot', 'struck', 'made', 'led', 'set', 'put', 'sent', 'won', 'told', 'built', 'kept', 'left', 'sought', 'fought', 'brought', 'caught', 'bought', 'taught', 'thought', 'paid', 'laid', 'said', 'found', 'bound', 'hung', 'spent', 'lent', 'meant']);
const isParticipleForm = (t: Tok): boolean => PARTICIPLE_END.test(t.low) || IRREGULAR_PARTICIPLES.has(t.low);
// "is opposed to", "is committed to", "is prepared to": an adjectival state with a complement, not a passive
const STATIVE_TO = new Set(['opposed', 'committed', 'prepared', 'determined', 'dedicated', 'devoted', 'inclined', 'obliged', 'poised', 'resolved', 'used', 'accustomed', 'entitled', 'set']);

export function isPassive(toks: Tok[], i: number): boolean {
  const t = toks[i]!;
  if (!isParticipleForm(t)) return false;
  if (STATIVE_TO.has(t.low) && toks[i + 1]?.low === 'to') return false;
  for (let k = i - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    const w = toks[k]!.low;
    if (BE.has(w)) return true;
    if (toks[k]!.pos === 'ADV' || w === 'not' || w === "n't" || w === 'reportedly' || w === 'also') continue;
    return false;
  }
  return false;
}

// verbs that take a clause as object: "said Russia attacked", "believes troops withdrawn ..." is not a reduced relative
const CLAUSE_VERBS = new Set(['think', 'believe', 'hope', 'know', 'expect', 'feel', 'fear', 'understand', 'suspect', 'learn', 'hear', 'see', 'ensure', 'mean', 'show', 'suggest', 'insist', 'consider', 'assume', 'doubt', 'wish']);
const REL_BREAK = new Set(['and', 'but', 'or', ';', ':', 'that', 'which', 'who', 'whom', 'whose', 'as', 'when', 'while', 'after', 'before', 'because', 'since', 'if', 'until', 'where', 'unless', 'though', 'although', '"', '“', '”']);

/**
 * A reduced relative clause: a participle right after a noun, in a clause whose main verb came
 * earlier ("a member of Hamas jailed a year ago", "two men sought in the slaying", "lorries
 * passing through", "a meeting aimed at"). It modifies the noun: its subject (-ing) or its
 * patient (-ed) is that noun, never the main clause's subject.
 */
/** A token wink tags VERB that is part of a name ("Red Cross", "President Prosper Avril") or of a
 * hyphenated compound ("Israeli-occupied"): no verb of the clause. */
function nameOrCompound(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  return (k > 0 && CAPITAL.test(t.text)) || (k > 0 && toks[k - 1]!.low === '-' && toks[k - 1]!.end === t.start) || (ED_EN.test(t.low) && participleAdjective(toks, k));
}

export function reducedRelative(toks: Tok[], i: number, lo: number): 'ing' | 'ed' | null {
  const t = toks[i]!;
  // a closing quote may stand between the noun and its modifier: a ``special law'' recognizing ... (the
  // tokenizer splits '' into two tokens)
  let q = i - 1;
  while (q > i - 3 && CLOSE_QUOTE.test(toks[q]?.low ?? '')) q--;
  const p = toks[q];
  if (!p || t.pos !== 'VERB') return null;
  // ", disputed by X and Y": a participle set off by a comma with its agent is a passive modifier
  if (p.low === ',' && toks[i + 1]?.low === 'by' && isParticipleForm(t) && i - 1 > lo) return 'ed';
  if (p.pos !== 'NOUN' && p.pos !== 'PROPN') return null;
  const kind = ING.test(t.low) ? 'ing' : isParticipleForm(t) ? 'ed' : null;
  if (!kind) return null;
  // in an appositive right after a comma (", a body linked to X,") the participle modifies the noun
  {
    let k = i - 2;
    while (k > lo && ['NOUN', 'PROPN', 'ADJ'].includes(toks[k]!.pos)) k--;
    if (k > lo && A_AN.test(toks[k]!.low) && toks[k - 1]!.low === ',') return kind;
  }
  for (let k = i - 2; k >= lo; k--) {
    const w = toks[k]!;
    // "and" inside a noun phrase ("political and military officials") does not break the clause
    if (REL_BREAK.has(w.low) && !((w.low === 'and' || w.low === 'or') && ['ADJ', 'NOUN', 'PROPN', 'DET', 'NUM'].includes(toks[k + 1]?.pos ?? '') && k + 1 < i - 1)) return null;
    // an introductory phrase ("In a session held April 1, the parliament rejected ...") is not the clause
    if (w.low === ',' && introPhrase(toks, lo, k)) return null;
    if (w.pos === 'AUX' && toks[k - 1]?.low !== 'to') return kind;
    if (w.pos !== 'VERB' || nameOrCompound(toks, k)) continue;
    // the earlier verb must be a finite main verb: not an infinitive, not itself a participle modifier
    if (toks[k - 1]?.low === 'to' || (ING.test(w.low) && toks[k - 1]?.pos !== 'AUX')) continue;
    // "said Russia attacked Kyiv" is the reported clause's own verb; but in "hoped officials accused of
    // X would be indicted" the reported clause's verb comes later, and the participle modifies its subject
    if (SPEECH.has(w.lemma) || SPEECH.has(w.low) || ATTRIB.has(w.lemma) || CLAUSE_VERBS.has(w.lemma)) return finiteAfter(toks, i) ? kind : null;
    return kind;
  }
  // no verb before: "A report released Tuesday in the capital alleged ...": a past participle followed
  // by a time or its agent, before the clause's finite verb (a main verb followed by a preposition is
  // too common to tell: "appealed to", "agreed to")
  if (kind !== 'ed') return null;
  const n = toks[i + 1];
  if (!n || !(n.low === 'by' || TIME_WORD.test(n.low))) return null;
  return finiteAfter(toks, i) ? kind : null;
}
/** Is [lo, comma) an introductory phrase ("In a session held Monday,", "After talks in Geneva,")? */
function introPhrase(toks: Tok[], lo: number, comma: number): boolean {
  return INTRO_WORD.test(toks[lo]!.low) && !toks.slice(lo, comma).some((x) => x.low === ',');
}

/** A finite verb later in the clause (before a comma or a clause break). */
function finiteAfter(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length; k++) {
    const w = toks[k]!;
    if (COMMA_BREAK.test(w.low) || REL_BREAK.has(w.low)) return false;
    if (w.pos === 'AUX' && toks[k - 1]!.low !== 'to') return true;
    // (wink tags a verb of saying before its "that" clause as an adjective: "a report ... alleged that France ...")
    if (w.pos === 'ADJ' && ED.test(w.low) && toks[k + 1]?.low === 'that' && toks[k - 1]!.pos !== 'AUX') return true;
    if (w.pos === 'VERB' && !nameOrCompound(toks, k) && !ING.test(w.low) && toks[k - 1]!.low !== 'to' && !(isParticipleForm(w) && toks[k - 1]!.pos === 'AUX')) return true;
  }
  return false;
}
const TIME_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|earlier|recently|overnight)$/;

export interface Roles {
  source: Group | null;
  target: Group | null;
  passive: boolean;
  loc: Group | null;
  /** the target is only the place of the event (no object or prepositional target); always set by assignRoles
   * (false when not), so that every Roles object has the same keys and hidden class */
  targetIsPlace?: boolean;
}

/** Where the trigger's clause ends on the right (its objects lie before): the next trigger's subject, a comma before a
 * participle or subordinator, a coordinated verb phrase. Split out of assignRoles: TurboFan recompiled that whole
 * function after each deopt in one of its rarely taken branches. */
function rightEdge(toks: Tok[], groups: Group[], trig: Trigger, lo: number, hi: number, passive: boolean, stopAt: number[]): number {
  const i = trig.i;
  // the right edge: the next trigger's subject may start a new clause ("X met Y and Z attacked W")
  let right = hi;
  for (const s of stopAt) if (s > i + trig.n && s < right) right = s;
  // ", killing five officers", ", which ...", ", as ...": the object of the verb comes before
  for (let k = i + trig.n; k < right; k++) {
    // "charging its neighbor with supporting dissidents": a gerund after a preposition opens its own
    // clause, whose object is not this verb's; "withholding it until a government takes over": so does
    // a clause subordinator
    // ("blocked roads in Algiers demanding that he be reinstated": so does a participle with a "that" clause)
    if (k > i + trig.n && ((!passive && toks[k]!.pos === 'VERB' && ING.test(toks[k]!.low) && !ING_ADJ.has(toks[k]!.low) && (toks[k - 1]!.pos === 'ADP' || toks[k + 1]?.low === 'that')) || CLAUSE_SUBORD.has(toks[k]!.low))) { right = k - 1; break; }
    // "opened its borders to X, but was still refusing ...", "refused to deploy ... and has urged ...": a
    // second verb phrase coordinated with this one has its own objects
    if (k > i + trig.n && (toks[k]!.low === 'but' || toks[k]!.low === 'and' && toks[k + 1]?.pos === 'AUX')) {
      let v = k + 1;
      while (toks[v] && v < right && (toks[v]!.pos === 'ADV' || toks[v]!.low === 'not')) v++;
      if (toks[v] && (toks[v]!.pos === 'AUX' || toks[v]!.pos === 'VERB' && !ING.test(toks[v]!.low))) { right = k - 1; break; }
    }
    if (toks[k]!.low !== ',') continue;
    const n = toks[k + 1];
    if (n && ((n.pos === 'VERB' && (ING.test(n.low) || isParticipleForm(n))) || SUBORD.has(n.low))) { right = k; break; }
  }
  // "After gunmen attacked the club in Paris, the president spoke": a clause opened by a subordinator ends at the
  // comma before the main clause's subject and verb (the president is not attacked)
  if (CLAUSE_OPEN.has(toks[lo]!.low) && lo < i && !toks.slice(lo, i).some((t) => t.low === ',')) {
    for (let k = i + trig.n; k < right; k++) {
      if (toks[k]!.low !== ',') continue;
      const g = groups.find((x) => x.from > k && x.from <= k + 3 && !x.prep);
      let v = g ? g.to + 1 : -1;
      while (g && toks[v] && toks[v]!.pos === 'ADV') v++;
      if (g && toks[v] && (toks[v]!.pos === 'VERB' || toks[v]!.pos === 'AUX')) { right = k - 1; break; }
    }
  }
  return right;
}

/** The groups left of the trigger that may be its subject, nearest first. */
function subjectCandidates(toks: Tok[], groups: Group[], i: number, lo: number, leftG: Group[]): Group[] {
  // a subordinate clause ("which", "who", "after") between a left group and the verb separates them
  const leftOk = leftG.filter((g) => !toks.slice(g.to + 1, i).some((t, k) => t.low === ',' && SUBORD.has(toks[g.to + 2 + k]?.low ?? '')));
  let subjCands = (leftOk.length ? leftOk : leftG).slice().reverse();
  // "..., as shells continued crashing into the port", "while troops looked on": a subordinator opening
  // the trigger's own clause (its subject noun phrase, then the verb) closes off the groups before it
  // (a catenative head before the trigger belongs to the same clause: "as shells continued crashing",
  // "while troops began to fire")
  let head = i;
  if (ING.test(toks[i]!.low) && toks[i - 1]?.pos === 'VERB') head = i - 1;
  else if (toks[i - 1]?.low === 'to' && toks[i - 2]?.pos === 'VERB') head = i - 2;
  for (let k = head - 1; k > lo; k--) {
    const w = toks[k]!;
    if (w.low === ',' || w.pos === 'VERB' && k < i) break;
    if (!CLAUSE_OPEN.has(w.low)) continue;
    const span = toks.slice(k + 1, head);
    // (an unresolved "it"/"he"/"they" there mostly refers back to the main clause's subject: "China committed
    // to ... when it joined the WTO" keeps China)
    const bare = span.filter((t) => t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART');
    if (bare.length === 1 && bare[0]!.pos === 'PRON' && !groups.some((g) => g.from > k && g.to < i)) break;
    if (span.some((t) => ['NOUN', 'PROPN', 'PRON'].includes(t.pos)) && span.every((t) => ['NOUN', 'PROPN', 'PRON', 'DET', 'ADJ', 'NUM', 'AUX', 'ADV', 'PART'].includes(t.pos) || t.low === "'s")) {
      subjCands = subjCands.filter((g) => g.from > k);
    }
    break;
  }
  return subjCands;
}

/** The trigger's subject among the candidates (a relative pronoun's antecedent, the head before an apposition, a qualifier's country). */
function pickSubject(toks: Tok[], i: number, lo: number, leftG: Group[], subjCands: Group[]): Group | null {
  let subj = subjCands.find((g) => !g.prep) ?? null;
  // "X visited Tashkent and met Y": the second verb of a coordinated predicate shares the first one's subject;
  // the first verb's object right before "and" is not it
  {
    let k = i - 1;
    while (k > lo && (toks[k]!.pos === 'ADV' || toks[k]!.pos === 'AUX')) k--;
    // (a time phrase may close the first predicate: "visited Tashkent last week and met")
    if (subj && toks[k]?.low === 'and' && subj.to < k && toks.slice(subj.to + 1, k).every((t) => t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'PROPN' && DAY_WORD.has(t.low) || t.low === 'on') && subj.to + 4 >= k) {
      const s0 = subj;
      // (finite verbs only: "kidnapping him and taking him" coordinates gerunds, whose subject is elsewhere)
      const first = ING.test(toks[i]!.low) ? undefined : subjCands.find((g) => !g.prep && g.to < s0.from && toks.slice(g.to + 1, s0.from).some((t) => t.pos === 'VERB' && !ING.test(t.low)) && !toks.slice(g.to + 1, s0.from).some((t) => t.low === ',' || t.low === ';' || CLAUSE_OPEN.has(t.low)));
      if (first) subj = first;
    }
  }
  // "Macedonia which is preparing an offensive": the subject of a relative clause is the antecedent
  // of its pronoun (the group right before it), whatever its preposition; none when there is no group there
  let relPron = -1;
  // ("a general strike that shut down the capital": "that" right after a noun and right before the verb is one too)
  for (let k = i - 1; k > lo && toks[k]!.pos !== 'VERB'; k--) if (WHICH_WHO.test(toks[k]!.low) || relThat(toks, k, i)) { relPron = k; break; }
  const antecedent = relPron > lo ? leftG.find((g) => g.to === relPron - 1 || (g.to === relPron - 2 && toks[relPron - 1]!.low === ',')) ?? null : undefined;
  if (antecedent !== undefined) subj = antecedent;
  else if (!subj) subj = subjCands.find((g) => g.prep === 'of') ?? null;
  // "Demonstrators in Baghdad blocked ...": the place qualifying an unresolved subject stands for it
  if (!subj && antecedent === undefined) subj = subjCands.find((g) => (g.prep === 'in' || g.prep === 'from') && !toks.slice(lo, g.from).some((t) => t.pos === 'VERB')) ?? null;
  // an apposition between the subject and its verb ("Pakistan, a key U.S. ally in the war, has refused"):
  // the subject is the group before the apposition, not a group inside it
  {
    let k = i - 1;
    while (k > lo && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || toks[k]!.low === 'not')) k--;
    if (toks[k]?.low === ',' && subj && subj.from > lo) {
      let c = k - 1;
      while (c > lo && toks[c]!.low !== ',' && k - c < 16 && toks[c]!.pos !== 'VERB' && toks[c]!.pos !== 'AUX') c--;
      const head = toks[c]?.low === ',' && subj.from > c && subj.to < k ? leftG.find((g) => g.to === c - 1 && !g.prep) : undefined;
      if (head && !WHICH_WHO_WHOSE.test(toks[c + 1]?.low ?? '')) subj = head;
    }
  }
  // "activists from the Fatah party staged ...", "officials of the Red Cross said": a subject with no
  // country (a sector or a role only) takes the country of the group that qualifies it, in its noun phrase
  if (subj && subj.entities.every((e) => !e.country_code)) {
    const s0 = subj;
    const q = leftG.find((g) => g.from > s0.to && g.from - s0.to <= 4 && (g.prep === 'of' || g.prep === 'from' || g.prep === 'in') && g.entities.some((e) => e.country_code) && !toks.slice(s0.to + 1, g.from).some((t) => t.pos === 'VERB' || t.low === ','));
    if (q) subj = q;
  }
  return subj;
}

/**
 * Roles of the trigger at i within [lo, hi] (the clause or the reported content).
 * `blocked` token indices (speaker, cue) are never roles.
 */
export function assignRoles(toks: Tok[], groups: Group[], trig: Trigger, lo: number, hi: number, blocked: (g: Group) => boolean, stopAt: number[]): Roles {
  const i = trig.i;
  const rel = reducedRelative(toks, i, lo);
  const passive = rel === 'ed' || isPassive(toks, i);
  const right = rightEdge(toks, groups, trig, lo, hi, passive, stopAt);
  const leftG = groups.filter((g) => g.to < i && g.from >= lo && !blocked(g));
  const rightG = groups.filter((g) => g.from >= i + trig.n && g.to <= right && !blocked(g));
  const subjCands = subjectCandidates(toks, groups, i, lo, leftG);
  let subj = pickSubject(toks, i, lo, leftG, subjCands);
  let byAgent: Group | null = null;
  let obj: Group | null = null;
  let loc: Group | null = null;
  let ofObj: Group | null = null;
  // "withdrew its troops from X", "the pullback of their forces": a group word owned by the subject
  // itself ("its"/"their" right before it, with up to three modifiers: "its remaining 5,000 troops") is the subject's own unit, not
  // what the act is done to; the search goes on to the next group (the actors stage leaves such a word
  // without a country, or gives it the subject's)
  const ownUnit = (g: Group): boolean => {
    if (g.prep && g.prep !== 'of') return false;
    let k = g.from - 1;
    while (k > i && k >= g.from - 3 && (toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'NUM' || toks[k]!.low === 'own' || toks[k]!.pos === 'VERB' && ING_ED.test(toks[k]!.low))) k--;
    if (!ITS_THEIR.test(toks[k]?.low ?? '')) return false;
    const cc = subj?.entities.map((e) => e.country_code).filter(Boolean) ?? [];
    // (also its own office holders: "recalled its ambassador to X", "their envoys in X": X is the target)
    return g.entities.every((e) => (e.kind === 'group' || e.kind === 'armed_group' || e.kind === 'person' && !!e.office) && (!e.country_code || cc.includes(e.country_code)));
  };
  for (const g of rightG) {
    if (!passive && ownUnit(g)) continue;
    if (sharedAdversary(toks, trig, g)) continue;
    // "a memorandum on cooperation between their foreign ministries": the subject's own bodies, no target
    // (also "between their defence / two foreign / respective interior ministries": adjectives and numbers between
    // "their" and the group; the bodies may carry a country the subject has)
    if ((g.prep === 'between' || !g.prep) && ownBetween(toks, g, i, subj)) continue;
    // "with Albania's help", "with the support of X": a helper of the act, never its target
    if (g.prep === 'with' && toks[g.to + 1]?.low === "'s" && HELP.test(toks[g.to + 2]?.low ?? '')) continue;
    if (g.prep === 'of' && toks.slice(Math.max(i, g.from - 3), g.from).some((t) => HELP.test(t.low)) && toks.slice(Math.max(i, g.from - 6), g.from).some((t) => t.low === 'with')) continue;
    if (g.prep === 'by' && passive && !byAgent) { byAgent = g; continue; }
    if (g.prep && LOC_PREPS.has(g.prep) && g.entities.every((e) => e.kind === 'state')) {
      // "relations with the Taliban government in Afghanistan", "its forces in Syria": "in X" right
      // after an institution of X names where that body sits, not where the act happened
      if (obj && obj.to + 2 === g.from && SEAT_HEAD.test(toks[obj.to]!.low) && g.entities.every((e) => e.country_code && obj!.entities.some((o) => o.country_code === e.country_code))) continue;
      loc ??= g; continue;
    }
    if (!obj && (!g.prep || TARGET_PREPS.has(g.prep))) obj = g;
    if (g.prep === 'of') ofObj ??= g;
  }
  // "shelled positions of the Palestinian forces": the owner of the object is the target
  if (!obj && ofObj) obj = ofObj;
  // "demanded the withdrawal of Serbian forces from Bosnia", "called for the release of X": the object
  // is an act named by a noun, and the one it is done to (its "of" complement) is the target, not the
  // place or party after it
  if (ofObj && obj && obj !== ofObj && ofObj.from < obj.from) {
    let k = i + trig.n;
    while (k < ofObj.from - 1 && (toks[k]!.pos === 'DET' || toks[k]!.pos === 'ADJ' || FOR_ON_TO.test(toks[k]!.low) && k === i + trig.n)) k++;
    if (NOMINAL_ACT.test(toks[k]?.low ?? '') && toks[k + 1]?.low === 'of' && k + 2 >= ofObj.from - 1) obj = ofObj;
  }
  // "received ministers from the Georgian government": an object with no country takes its qualifier's
  if (obj && obj.entities.every((e) => !e.country_code)) {
    const o0 = obj;
    const q = rightG.find((g) => g.from > o0.to && g.from - o0.to <= 4 && (g.prep === 'of' || g.prep === 'from') && g.entities.some((e) => e.country_code) && !toks.slice(o0.to + 1, g.from).some((t) => t.pos === 'VERB' || t.low === ','));
    if (q) obj = q;
  }
  // "rejected calls by Belarus's rulers", "approved a law recognizing victories by the opposition":
  // with an active verb, the agent of the object noun is the target when no other target follows
  // (also through a participle: "protested crimes committed by X" targets X, as the PLOVER coders do)
  // but not through a nested passive ("expected to be joined by X": X joins)
  if (!obj && !passive) obj = rightG.find((g) => g.prep === 'by' && !toks.slice(i + trig.n, g.from).some((t) => t.pos === 'AUX' || BE.has(t.low))) ?? null;
  // a place before the verb ("In Kabul, the Taliban ...", "talks in Geneva ended") when none follows it
  if (!loc) loc = leftG.filter((g) => g !== subj && g.prep && LOC_PREPS.has(g.prep) && g.entities.every((e) => e.kind === 'state')).at(-1) ?? null;
  // "fighting between Azerbaijanis and Armenians", "talks between X and Y": a nominal or -ing trigger followed
  // by "between" two actors has them as its (reciprocal) participants, not as targets of the clause's subject
  const btw = toks[i + trig.n]?.low === 'between' ? rightG.find((g) => g.prep === 'between' && g.from <= i + trig.n + 3) : undefined;
  if (btw && btw.entities.length >= 2 && (ING.test(toks[i]!.low) || toks[i]!.pos === 'NOUN')) return { source: btw, target: null, passive, loc, targetIsPlace: false };
  if (rel) {
    // the modified noun phrase ends right before the participle ("Palestinian lorries passing")
    const head = leftG.find((g) => g.to >= i - 2 && toks.slice(g.to + 1, i).every((t) => t.pos === 'NOUN')) ?? null;
    return rel === 'ed' ? { source: byAgent, target: head, passive, loc, targetIsPlace: false } : { source: head, target: obj, passive, loc, targetIsPlace: false };
  }
  if (passive) {
    // "A camp for Congolese refugees was attacked by ...": the qualifier of an unresolved subject
    const patient = subj ?? subjCands.find((g) => (g.prep === 'for' || g.prep === 'of') && !toks.slice(g.to + 1, i).some((t) => t.pos === 'VERB')) ?? null;
    return { source: byAgent, target: patient ?? obj, passive, loc, targetIsPlace: false };
  }
  // "received aid from X", "enjoyed support from X", "won backing from X": the giver is X; the subject receives
  if (obj?.prep === 'from' && subj && RECEIVE.test(toks[i]!.lemma) && toks.slice(i + trig.n, obj.from).some((t) => TRANSFER.test(t.low))) {
    return { source: obj, target: subj, passive, loc, targetIsPlace: false };
  }
  // no other target: the place is the target ("set up a centre in Tokyo", "protested in Rwanda"),
  // as in the PLOVER and CAMEO gold codings; it stays the event location too
  if (!obj && loc && loc.from > i) return { source: subj, target: loc, passive, loc, targetIsPlace: true };
  return { source: subj, target: obj, passive, loc, targetIsPlace: false };
}

// ------------------------------------------------------------------ modality

const IMPLICATIVE = /^(forced|managed|began|begun|begins|begin|started|starts|start|continued|continues|continue|resumed|helped|compelled|obliged|went|moved|rushed|stepped|proceeded|used|ready)$/;

export interface ModalityCues {
  future: boolean;
  hypothetical: boolean;
  pluperfect: boolean;
  negated: boolean;
  /** the subject announces the act: "will", "is going/willing/ready to", "plans/wants/seeks to" */
  intent: boolean;
  /** "would" (an intent only when reported from its speaker: "said it would") */
  would: boolean;
  /** a scheduled or imminent act reported as fact: "is scheduled/expected/due/set to", "is to", "prepared to" (the verb) */
  scheduled: boolean;
  /** "if"/"unless"/"whether" opens the clause */
  conditional: boolean;
  /** the verb "prepare(d) to" (not "is prepared to", an offer): getting ready for the act, a fact */
  prepares: boolean;
}

// texts and measures whose purpose is stated with "aims/seeks to" (the purpose is not an act)
const DOC_NOUN = /^(resolutions?|plans?|bills?|proposals?|measures?|laws?|legislation|drafts?|amendments?|decrees?|treaty|treaties|deals?|agreements?|accords?|initiatives?|programmes?|programs?|projects?|polic(y|ies)|strateg(y|ies)|reforms?|rules?|regulations?|sanctions)$/;

// after "had": the infinitive marker ("had to withdraw"), and the tags that open a noun phrase ("had no plans")
// (two sets: one of words, one of POS tags — a lower-cased word never equals an upper-case tag)
const HAD_NOT_AUX_WORD = 'to';
const HAD_NOT_AUX_POS = new Set(['DET', 'NUM', 'PRON', 'NOUN', 'PROPN', 'ADJ']);
/** "had" at k is the auxiliary of a past perfect: the word after it (through adverbs and "not") is no
 * infinitive marker and no noun phrase. */
function hadAuxiliary(toks: Tok[], k: number): boolean {
  let j = k + 1;
  while (toks[j] && (toks[j]!.pos === 'ADV' || NOT_WORD.test(toks[j]!.low))) j++;
  const t = toks[j];
  return !!t && t.low !== HAD_NOT_AUX_WORD && !HAD_NOT_AUX_POS.has(t.pos);
}
const NOT_WORD = /^(not|n't|never)$/;

export function modalityCues(toks: Tok[], i: number, lo: number): ModalityCues {
  let future = false, hypothetical = false, pluperfect = false, negated = false, intent = false, would = false, scheduled = false, conditional = false, prepares = false, docAim = false;
  for (let k = i - 1; k >= Math.max(lo, i - 5); k--) {
    const w = toks[k]!.low;
    if (w === ',' || w === ';') break;
    if (w === 'will' || w === "'ll" || w === 'shall') { future = true; intent = true; }
    // "he'd killed five people": "'d" before a past participle is "had"
    const hadD = w === "'d" && isParticipleForm(toks[k + 1]!) && !/^(be|have)$/.test(toks[k + 1]!.low);
    if (hadD) pluperfect = true;
    if (w === 'would' || w === 'could' || w === 'might' || w === 'may' || w === "'d" && !hadD) hypothetical = true;
    if (w === 'would' || w === "'d" && !hadD) would = true;
    if (w === 'not' || w === "n't" || w === 'never' || w === 'no' || w === 'neither' || w === 'nor') negated = true;
    // ("had" before an infinitive or a noun phrase is an obligation or a possession: "had to withdraw",
    // "had no plans to attack", "had talks with": no past before the past)
    if (w === 'had' && toks[i]!.pos !== 'NOUN' && hadAuxiliary(toks, k)) pluperfect = true;
    if (w === 'to' && k > lo) {
      const h = toks[k - 1]!.low;
      const h2 = toks[k - 2]?.low ?? '';
      const be = /^(is|are|was|were|be|been|am|'s|'re)$/.test(h2);
      if (/^(going|plans?|planned|planning|expected|scheduled|set|due|intends?|intended|aims?|vowed?|pledged?|promised?)$/.test(h)) future = true;
      // a plan, a pledge, a promise: the subject announces the act (CAMEO 03/13)
      if (/^(going|plans?|planned|planning|intends?|intended|aims?|vowed?|pledged?|promised?)$/.test(h)) intent = true;
      // a timetable reported as fact ("is scheduled to attend", "is expected to meet", "is to visit") and
      // the verb "prepared to" ("the army prepared to resume shelling": getting ready, not an offer)
      if (/^(expected|scheduled|set|due)$/.test(h) || h === 'prepared' && !be || (h === 'is' || h === 'are') && k + 1 === i) scheduled = true;
      if (/^(prepared|preparing|prepares|prepare)$/.test(h) && !(h === 'prepared' && be)) prepares = true;
      // a forecast of a passive ("expected to be joined later by Italian vessels"): a guess, not a timetable
      if (/^(expected|likely)$/.test(h) && BE.has(toks[k + 1]?.low ?? '') && k + 2 <= i) hypothetical = true;
      if (h === 'is' || h === 'are') future = true;
      // "is willing / ready / prepared to withdraw": an offer (CAMEO 03 intent), not the action done
      if (/^(willing|ready|prepared|determined|poised)$/.test(h)) future = true;
      if (/^(willing|ready|determined|poised)$/.test(h) || h === 'prepared' && be) intent = true;
      if (/^(attempts?|attempted|attempting|tries|try|tried|trying|seeks?|sought|seeking|wants?|wanted|hopes?|hoped|wish|wishes|threatens?|threatened)$/.test(h) || /^attempts?$/.test(h2)) hypothetical = true;
      // a wish or an aim of the subject's own ("wants to help", "is seeking to deepen", "would like to meet")
      if (/^(seeks?|seeking|wants?|wanted|hopes?|hoped|wish|wishes)$/.test(h) || h === 'like' && /^(would|'d)$/.test(h2)) intent = true;
      // what a text or a measure aims at ("a resolution that aims to tighten sanctions", "a bill seeking to ban"):
      // its purpose, not an act nor an actor's stated intent
      if (/^(aims?|aimed|aiming|seeks?|seeking|intends?|intended|designed|meant)$/.test(h) && (DOC_NOUN.test(h2) || /^(that|which)$/.test(h2) && DOC_NOUN.test(toks[k - 3]?.low ?? '') || BE.has(h2) && /^(that|which)$/.test(toks[k - 3]?.low ?? '') && DOC_NOUN.test(toks[k - 4]?.low ?? ''))) docAim = true;
    }
    if (w === 'attempts' || w === 'attempt') hypothetical = true;
  }
  // an infinitive of purpose ("remained on alert to forestall violence", "sent troops to investigate")
  // states an aim, not an act; implicative heads ("forced to", "began to", "managed to") do report it
  // ("the first country to recognize X" reports that it did)
  if (toks[i - 1]?.low === 'to' && !ING.test(toks[i]!.low) && !toks.slice(Math.max(lo, i - 5), i - 1).some((t) => /^(first|last|only|second|third|latest)$/.test(t.low)) && !future && !hypothetical && i - 2 >= lo && !IMPLICATIVE.test(toks[i - 2]!.low) && !(toks[i - 2]!.low === 'is' || toks[i - 2]!.low === 'are' || toks[i - 2]!.low === 'was' || toks[i - 2]!.low === 'were')) hypothetical = true;
  if (toks[i]!.negated && !negated) {
    // wink's negation scope runs to the end of the clause: trust it only near the verb
    for (let k = i - 1; k >= Math.max(lo, i - 3); k--) if (toks[k]!.low === 'not' || toks[k]!.low === "n't" || toks[k]!.low === 'never') negated = true;
  }
  // "if" / "unless" opening the clause
  for (let k = i - 1; k >= lo; k--) {
    const w = toks[k]!.low;
    if (w === ',' && k < i - 1) continue;
    if (w === 'if' || w === 'unless' || w === 'whether') { hypothetical = true; conditional = true; break; }
  }
  if (scheduled) intent = false;
  if (docAim) { intent = false; future = false; hypothetical = true; }
  return { future, hypothetical, pluperfect, negated, intent, would, scheduled, conditional, prepares };
}

/** A relative "that" at k, subject of the verb at i: after a common noun, only auxiliaries/adverbs up to the verb. */
function relThat(toks: Tok[], k: number, i: number): boolean {
  if (toks[k]!.low !== 'that' || toks[k - 1]?.pos !== 'NOUN') return false;
  for (let j = k + 1; j < i; j++) if (!['AUX', 'ADV', 'PART'].includes(toks[j]!.pos)) return false;
  return true;
}

/** Is [a, b] an appositive noun phrase (a determiner and a noun, its only verbs reduced relatives)? */
function appositive(toks: Tok[], a: number, b: number): boolean {
  if (b - a < 1 || !A_AN_THE.test(toks[a]!.low) || toks[a + 1]!.pos === 'VERB') return false;
  for (let k = a + 1; k <= b; k++) {
    const w = toks[k]!;
    if (w.pos === 'AUX' || SUBORD.has(w.low) || w.low === 'and' || w.low === 'but') return false;
    // (inside the commas a participle right after a noun modifies it: no finite verb can follow)
    if (w.pos === 'VERB' && !(['NOUN', 'PROPN'].includes(toks[k - 1]!.pos) && (ING.test(w.low) || isParticipleForm(w)))) return false;
  }
  return true;
}

/** "are guilty of V-ing", "was found guilty of V-ing": the gerund is the clause's predicate. */
function guiltyOf(toks: Tok[], i: number): boolean {
  if (toks[i - 1]?.low !== 'of' || toks[i - 2]?.low !== 'guilty') return false;
  // (not a reduced relative: "an adult found guilty of assaulting a soldier could be jailed" is generic)
  return BE.has(toks[i - 3]?.low ?? '') || toks[i - 3]?.low === 'found' && BE.has(toks[i - 4]?.low ?? '') || toks[i - 4]?.low === 'found';
}

/** How subordinate the trigger is (0 = main clause): participles after a comma, relative and adverbial clauses, infinitives. */
export function subordination(toks: Tok[], i: number, lo: number, depth = 0): number {
  let d = 0;
  if (toks[i - 1]?.low === 'to') d += 1;
  // (not the predicate of a finding: "X and Y are guilty of violating the ceasefire", "was found guilty of
  // shelling": the act is what the clause asserts of its subject)
  if (ING.test(toks[i]!.low) && (toks[i - 1]?.low === ',' || toks[i - 1]?.pos === 'ADP') && !guiltyOf(toks, i)) d += 1;
  // the first verb of a clause is its main verb; a later one (not after "and"/"but") is a
  // complement, a participle or a reduced relative ("a meeting aimed at", "expected to be joined")
  for (let k = i - 1; k >= lo; k--) {
    const w = toks[k]!.low;
    if (w === ';') break;
    // the comma closing an introductory phrase ("In a session held Monday, X rejected ...") ends the clause
    if (w === ',' && introPhrase(toks, lo, k)) break;
    if (w === ',') {
      // skip a parenthetical relative clause: "The ministry, which runs the prisons, refused"
      let c = k - 1;
      while (c >= lo && toks[c]!.low !== ',') c--;
      if (c >= lo && WHICH_WHO_WHOSE.test(toks[c + 1]?.low ?? '')) { k = c; continue; }
      // and an appositive noun phrase, with or without a reduced relative of its own: "Members of the
      // Association, a body linked to the OAU, investigated ...", "X, the UN envoy named in May, demanded"
      if (c > lo && k === i - 1 && appositive(toks, c + 1, k - 1)) { k = c; continue; }
    }
    // a relative pronoun opens the verb's own clause ("Macedonia which is preparing"): the second loop counts it
    if (w === 'which' || w === 'who' || w === 'whom') break;
    if (w === 'and' || w === 'but' || w === 'or') {
      // a coordinated verb shares the status of the verb it is coordinated with ("to protect ... and prevent")
      let v = k - 1;
      while (v >= lo && toks[v]!.pos !== 'VERB' && toks[v]!.low !== ';') v--;
      if (v >= lo && toks[v]!.pos === 'VERB' && depth < 3) return d + subordination(toks, v, lo, depth + 1);
      break;
    }
    if (toks[k]!.pos === 'VERB' && !nameOrCompound(toks, k)) { d += 1; break; }
  }
  for (let k = i - 1; k >= lo; k--) {
    const w = toks[k]!.low;
    if (w === ',' && k < i - 1) break;
    if (relThat(toks, k, i)) { d += 1; break; }
    if (w === 'who' || w === 'which' || w === 'whom' || w === 'where' || w === 'after' || w === 'when' || w === 'while' || w === 'because' || w === 'since' || w === 'before' || w === 'until' || w === 'as' && toks[k + 1]?.pos !== 'ADJ') { d += 1; break; }
  }
  return d;
}
