// Actor recognition and resolution over one document.
//
//   1. chunk: walk the KB token trie from each token (longest phrase whose case fits), leaving
//      unknown capitalised words as name candidates;
//   2. assemble phrases from chunks: [country|possessive]? [former|then|...]* TITLE NAME?,
//      COUNTRY (+ up to two words) SECTOR-WORD, ORG, STATE, METONYM, PERSON, SURNAME, PRONOUN;
//   3. resolve each as of its date: the article date, unless the sentence sets a year ("in 2015")
//      — roles, regimes ("the Taliban" after 2021-08-15 is AFG GOV) and office holders are dated.
// Unknown capitalised names that look like actors are kept with entity null and a message.
import type { Entity, EntityKind, Mention, MentionType, SentencedDoc } from '../types.js';
import { addMessage } from '../types.js';
import type { Cand, KnowledgeBase, OrgEntry, PersonEntry, RoleEntry } from './kb.js';
import { candValid, padEnd, padStart, within } from './kb.js';
import { tokenize, type Tok } from './trie.js';
import { cloneEntity, mkEntity, placedEntity } from './entity.js';
import { loadDescriptions, loadHomonyms, loadNonActorNouns, type Descriptions, type Homonym, type NonActorNouns } from './generic.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const ENDS_ER_OR_IST = /(er|or|ist|ian|ant|ent|man|ee|al|ive|ic|ess|ain)$/;
const RE_LOOKS_LIKE_ORGANISATION = /[^\p{L}]+/u;
const RE_IS_WORD = /^[\p{L}\p{M}\p{N}]/u;
const RE_SLUG = /\p{M}/gu;
const RE_SLUG_2 = /[^a-z0-9]+/g;
const RE_SLUG_3 = /^-|-$/g;
const RE_IN_QUOTE = /\d/;
const RE_TITLE_WORD = /[\p{L}.’']$/u;
const RE_TITLE_WORD_2 = /^(?:and|but|as|so|if|when|then|because)$/i;
const RE_TITLE_WORD_3 = /^(?:I|I['’]m)$/;
const RE_TITLE_WORD_4 = /[\p{L}’']$/u;
const RE_TITLE_WORD_5 = /^\W+/;
const ENDS_S = /s$/i;
const RE_GENERIC_GROUPS = /^\S+\s+/;
const RE_ACRONYM_DEFS = /^[A-Z][A-Z&]{1,5}$/;
const RE_ACRONYM_DEFS_2 = /&/g;
const RE_DEFINED_ACRONYMS = /^the\s+/i;
const RE_DEFINED_ACRONYMS_2 = /[\s-]+/;
const RE_LAST_SPEAKER = /^\s*(?:\p{Lu}[\p{L}.]*\s+)*$/u;
const RE_INDEX_SENTENCES = /[.!?:]["”’')]?\s*$/;
const RE_INDEX_SENTENCES_2 = /\p{L}{4,}/gu;
const RE_INDEX_SENTENCES_3 = /[.!?]["”’')]?\s*$/;
const ENDS_ING_ED = /(ing|ed)$/;
const RE_PREVIOUS_SUBJECT = /,\s*$/;
const RE_SECTOR_AHEAD = /[,;:]/;
const RE_ASSEMBLE = /^[\p{Lu}\d.&+-]+$/u;
const RE_TITLED_CHUNK = /_/g;
const RE_KB_HEAD = /\s+/g;
const COUNTER_ANTI = /^(counter|anti)$/;
const ENDS_S_2 = /s$/;
const RE_COUNTED = /s$|men$|children$|people$/;
const RE_PEOPLE_BY_OFFICE = /\s+/;
const RE_FUZZY_STATE = /\s/;
const RE_POSSESSOR_NO_APOSTROPHE = /(?:ics|ness)$/;
const RE_STATE_GROUP = /^[\p{L}]/u;
const ENDS_ED_ING = /(ed|ing)$/;
const RE_RESOLVE_SURNAME = /^\d/;
const RE_UNKNOWN_NAME = /^\s*(?:['’]s?)?\s*$/;

/** modifiers between a country and a title: "Poland's current interior minister", "then defence minister" */
const MODS = new Set(['junior', 'federal', 'regional', 'provincial', 'current', 'then', 'new', 'acting', 'outgoing', 'incoming', 'interim', 'top', 'senior', 'veteran', 'longtime', 'long-time', 'powerful', 'hardline', 'influential', 'newly', 'appointed', 'elected', 'caretaker', 'de', 'facto', 'ruling', 'deputy', 'chief']);
const FORMER = new Set(['former', 'ex', 'retired', 'late', 'erstwhile', 'previous']);
/** words that cannot sit between a country and its group word ("Russian troops" but not "Russia said troops") */
const STOP = new Set(['the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'said', 'says', 'say', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'that', 'which', 'who', 'whom', 'as', 'at', 'from', 'it', 'its', 'their', 'his', 'her', 'they', 'he', 'she', 'we', 'not', 'than', 'after', 'before', 'while', 'when', 'also', 'into', 'over', 'about', 'against', 'between', 'if', 'this', 'these', 'those', 'there', 'do', 'does', 'did']);
const LOC_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'throughout', 'within', 'across', 'via', 'visited', 'visit', 'visiting']);
const SPEECH = new Set(['said', 'says', 'told', 'added', 'stated', 'argued', 'wrote', 'warned', 'claimed', 'insisted', 'noted', 'explained', 'announced', 'tweeted']);
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'dos', 'di', 'abu', 'ul', 'ur', 'bint']);
const ORG_WORDS = new Set(['fund', 'control', 'branch', 'library', 'farms', 'community', 'secretaries', 'trust', 'society', 'league', 'board', 'press', 'airways', 'airlines', 'group', 'command', 'force', 'headquarters', 'directorate', 'administration', 'division', 'regiment', 'battalion', 'squadron', 'mission', 'secretariat', 'cabinet', 'coalition', 'observatory', 'centre', 'center', 'network', 'tribunal', 'senate', 'congress', 'council', 'ministry', 'party', 'front', 'army', 'council', 'agency', 'committee', 'movement', 'brigade', 'brigades', 'forces', 'union', 'organization', 'organisation', 'group', 'court', 'commission', 'authority', 'guard', 'corps', 'service', 'bank', 'institute', 'university', 'department', 'office', 'assembly', 'parliament', 'alliance', 'federation', 'association', 'foundation', 'news', 'agency', 'times', 'post', 'network', 'company', 'corporation', 'bureau', 'police', 'navy', 'fleet']);
/** capitalised words that are not names: calendar words, sentence openers, honorifics handled elsewhere */
const NOT_NAME = new Set(['ramadan', 'eid', 'christmas', 'easter', 'hanukkah', 'diwali', 'nowruz', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'the', 'a', 'an', 'in', 'on', 'at', 'for', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'mr', 'mrs', 'ms', 'dr', 'sir', 'related', 'original', 'read', 'more', 'speaking', 'according', 'as', 'by', 'with', 'from', 'to', 'of', 'also', 'however', 'meanwhile', 'yet', 'so', 'there', 'here', 'what', 'why', 'how', 'who', 'where', 'now', 'today', 'yesterday', 'tomorrow', 'no', 'not', 'some', 'many', 'all', 'both', 'each', 'every', 'one', 'two', 'western', 'eastern', 'northern', 'southern', 'islamic', 'christian', 'muslim', 'jewish', 'arab', 'english', 'covid', 'photo', 'video', 'getty', 'images', 'ap', 'reuters', 'since', 'during', 'under', 'until', 'although', 'though', 'because', 'despite', 'earlier', 'later', 'last', 'next', 'first', 'anti', 'counter']);
/** first or last words of capitalised runs that name places, operations or events, not actors */
const NOT_ACTOR_WORDS = new Set(['language', 'speaking', 'barrage', 'gate', 'lakes', 'village', 'municipality', 'town', 'neighbourhood', 'neighborhood', 'museum', 'temple', 'park', 'port', 'harbour', 'harbor', 'canal', 'highway', 'crossing', 'checkpoint', 'border', 'region', 'county', 'oblast', 'state', 'tel', 'wadi', 'jebel', 'mountains', 'desert', 'sea', 'gulf', 'bay', 'coast', 'peninsula', 'operation', 'fort', 'camp', 'mount', 'lake', 'river', 'airfield', 'airport', 'base', 'street', 'square', 'road', 'district', 'province', 'governorate', 'city', 'valley', 'island', 'islands', 'bridge', 'dam', 'hospital', 'stadium', 'east', 'west', 'north', 'south', 'eastern', 'western', 'northern', 'southern', 'central', 'upper', 'lower', 'new', 'old', 'war', 'conflict', 'crisis', 'agreement', 'accord', 'accords', 'treaty', 'act', 'summit', 'conference', 'day', 'week', 'cup', 'games', 'olympics', 'prize', 'award', 'festival', 'protocol', 'declaration', 'resolution', 'plan', 'initiative']);
/** after a nationality adjective, a language is meant: "the Russian language", "Arabic-language", "Russian-speaking" */
const LANGUAGE = new Set(['language', 'languages', 'speaking', 'speakers', 'dialect', 'dialects', 'translation', 'alphabet', 'script']);
/** words that, capitalised before a name, are a person's title ("General Thierry Burkhard") */
// the head of an international organisation holds the KB's secretary_general office (data/kb/offices.json)
const HEAD_WORDS = new Set(['chief', 'head', 'boss']);
const IGO_HEAD = 'secretary_general';
const HUMAN_TITLE_WORDS = new Set(['general', 'commander', 'officer', 'colonel', 'captain', 'admiral', 'judge', 'prosecutor', 'spokesman', 'spokeswoman', 'professor', 'imam', 'bishop', 'cleric', 'ayatollah', 'reporter', 'journalist', 'editor', 'activist', 'dissident', 'senator', 'lawmaker', 'diplomat', 'envoy', 'sheikh', 'mullah', 'rabbi', 'pope', 'patriarch', 'king', 'queen', 'emir', 'sultan', 'prince', 'princess']);
/** group words that are collective even in the singular: "the police", "the military" */
const MASS = new Set(['population', 'community', 'movement', 'television', 'radio', 'news', 'youth', 'police', 'military', 'army', 'government', 'administration', 'authority', 'authorities', 'leadership', 'cabinet', 'navy', 'opposition', 'media', 'press', 'public', 'junta', 'regime', 'parliament', 'congress', 'court', 'clergy', 'intelligence', 'judiciary', 'legislature', 'gendarmerie', 'militia', 'business', 'delegation', 'ministry', 'department', 'agency', 'party', 'group', 'embassy', 'fleet', 'force', 'forces', 'personnel', 'staff', 'people', 'crowd', 'family', 'union', 'company', 'firm', 'bank', 'airline', 'university', 'school', 'church', 'mosque', 'state', 'security', 'diaspora', 'coalition', 'alliance', 'office', 'presidency', 'council', 'assembly', 'commission', 'committee']);
/** a singular human noun ("a soldier", "an Iraqi official") names one person, not a group */
function oneHuman(ctx: Ctx, endTok: number): boolean {
  const w = ctx.toks[endTok - 1]!.key;
  if (w.endsWith('s') || w.endsWith('men') || MASS.has(w)) return false;
  return ENDS_ER_OR_IST.test(w);
}

/** For callers that classify unresolved names: does this capitalised run look like an organisation? */
export function looksLikeOrganisation(text: string): boolean {
  return text.toLowerCase().split(RE_LOOKS_LIKE_ORGANISATION).some((w) => ORG_WORDS.has(w));
}
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'lady', 'sheikh', 'maulana', 'maulvi', 'mufti', 'haji', 'hajji', 'gen', 'lt', 'col', 'maj', 'capt', 'adm', 'sgt', 'sen', 'rep', 'gov', 'prof', 'brig', 'cpl', 'pvt', 'cmdr', 'insp', 'supt']);
// "him" too (the target of "urged him to"); not possessives ("his", "her", "their": they qualify a
// noun; tried: re3d labels few of them, P 0.815 -> 0.783 for R +0.015) nor "them" (same result)
const PRONOUNS = new Map<string, 'm' | 'f'>([['he', 'm'], ['him', 'm'], ['she', 'f']]);
/** third-person plural → the last group named */
const PLURAL = new Set(['they']);
// patterns tested per token, made once: a regular-expression literal in a loop builds a new RegExp object each time it is evaluated
const PARTICIPLE_END = /(ed|en|ing|t)$/;
const APOS_START = /^['’]/;
const HAVE_FORM = /^ha(s|ve|d)$/;
const PLURAL_END = /[^s]s$/;
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;
const LOWER_START = /^\p{Ll}/u;
const DIGITS = /^\d+$/;
const POSS_MARK = /^['’]s?$/;
const OPEN_MARK_TOK = /^["“‘'(\[*#]$/;
const ALL_CAPS = /^\p{Lu}+$/u;
const PRO_ANTI = /^(pro|anti)$/;
const NUMERAL = /^\d[\d,.]*$/;
const UPPER_START = /^\p{Lu}/u;
const SENT_YEAR = /\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Bb]y|[Uu]ntil)\s+(?:(?:early|late|mid)[- ])?((?:19|20)\d{2})\b(?!\s*(?:%|percent|people|troops|km))/g;

type Chunk =
  | { k: 'kb'; i: number; j: number; cands: Cand[] }
  | { k: 'cap'; i: number; j: number }
  | { k: 'word'; i: number; j: number }
  | { k: 'punct'; i: number; j: number };

interface Ctx {
  doc: SentencedDoc;
  kb: KnowledgeBase;
  toks: Tok[];
  sent: number[];
  sentStart: boolean[];
  /** POS tag of a token, from the sentence stage's tokens when it gave any */
  posAt: (i: number) => string | undefined;
  /** sentence number → sentence (the last of a number given twice), built once for the passes that need it */
  byIndex: Map<number, SentencedDoc['sentences'][number]>;
  mentions: Mention[];
  sentDate: Map<number, { at: number; date: string }[]>;
  refDate: string;
  /** token is on a title-cased line (a headline): capitalisation says nothing about names there */
  headline: boolean[];
  /** last word (surname) of people not in the KB named in full earlier → their mention index */
  unknownNames: Map<string, number>;
  /** acronyms the text defines for an organisation the KB does not know: "World Monuments Fund (WMF)" */
  acronyms: Set<string>;
  /** index of the first token of the next line, per token: no mention crosses a line break */
  lineEnd: number[];
  /** entity id → index of its last non-pronoun mention */
  lastById: Map<string, number>;
  /** generic descriptions (data/actors/descriptions.json) */
  desc: Descriptions;
  /** gender of people described but not named ("a young girl"), by entity id, for a later he/she */
  gender: Map<string, 'm' | 'f'>;
  /** descriptions of someone's relative ("his father"): no antecedent for a later pronoun */
  relational: WeakSet<Mention>;
  /** generic groups ("the victims", "all parties"): no speaker of a quotation's "we" */
  generic: WeakSet<Mention>;
  /** place names shared by two countries (data/actors/homonyms.json) */
  homonyms: Map<string, Homonym>;
  /** heads a nationality adjective qualifies without naming an actor (data/actors/non-actor-nouns.json) */
  nonActor: NonActorNouns;
  /** countries named only by an adjective qualifying a thing ("British cinema"): no mention, still a country the article names */
  qualifiers: { country: string; sentence: number }[];
}

// ASCII fast paths: these run for every token
const capText = (text: string) => {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(text);
};
const isCap = (t: Tok) => capText(t.text);
const isWord = (t: Tok) => {
  const c = t.text.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : RE_IS_WORD.test(t.text);
};
const slug = (s: string) => s.normalize('NFD').replace(RE_SLUG, '').toLowerCase().replace(RE_SLUG_2, '-').replace(RE_SLUG_3, '');

export interface RecognizeOptions {
  /** detect title-cased headline lines (off for a bare phrase such as a `kb lookup` query) */
  headlines?: boolean;
}

export function recognize(doc: SentencedDoc, kb: KnowledgeBase, opts: RecognizeOptions = {}): Mention[] {
  const toks = tokenize(doc.text);
  const ctx: Ctx = { doc, kb, toks, sent: [], sentStart: [], posAt: () => undefined, byIndex: new Map(), mentions: [], sentDate: new Map(), refDate: doc.refDate ?? UNDATED, headline: [], unknownNames: new Map(), lineEnd: [], lastById: new Map(), acronyms: new Set(), desc: loadDescriptions(), gender: new Map(), relational: new WeakSet(), generic: new WeakSet(), homonyms: loadHomonyms(), nonActor: loadNonActorNouns(), qualifiers: [] };
  indexSentences(ctx, opts.headlines !== false);
  if (doc.text.includes('(')) acronymDefs(ctx);
  const chunks = chunkTokens(ctx);
  assemble(ctx, chunks);
  if (ctx.acronyms.size) definedAcronyms(ctx);
  definiteGroups(ctx);
  genericGroups(ctx);
  placesIn(ctx);
  // before the context rules, which place groups by the countries the sentence names
  homonymPlaces(ctx);
  possessed(ctx);
  // which sentences name which country in the text itself, before the context rules give descriptions a country
  const named = namedCountries(ctx);
  contextCountry(ctx);
  theyGeneric(ctx);
  firstPerson(ctx);
  itPronoun(ctx);
  articleCountry(ctx, named);
  return ctx.mentions;
}

// not "my"/"our": a possessive determiner qualifies a noun ("our partners"), it is no actor itself
/** Whether position `at` lies inside a quotation opened since `from`. */
const LETTER = /[\p{L}\p{N}]/u;
function inQuote(text: string, from: number, at: number): boolean {
  let straight = 0, curly = 0, single = 0;
  for (let x = from; x < at; x++) {
    const ch = text.charCodeAt(x);
    if (ch === 34) straight++;
    else if (ch === 0x201c) curly++;
    else if (ch === 0x201d && curly > 0) curly--;
    else if (ch === 39 || ch === 0x2018 || ch === 0x2019) {
      // single quotation marks ('I was chilling,' he said) — not an apostrophe inside a word
      // ("don't", "I’ve") or before a year ("'90s")
      const before = x > 0 && LETTER.test(text[x - 1]!), after = x + 1 < text.length && LETTER.test(text[x + 1]!);
      if (before && after) continue;
      if (!before && after && ch !== 0x2019 && !RE_IN_QUOTE.test(text[x + 1]!)) single++;
      else if (!after && single > 0) single--;
    }
  }
  return straight % 2 === 1 || curly > 0 || single > 0;
}

const FIRST_SING = new Set(['i', 'me', 'myself', 'my']);
/**
 * "World War I", "Chang'e I,", "A.I.", a song "Give It To Me", "I Would Die 4 U": a numeral, a
 * letter or a word of a title, not the pronoun — a capitalised neighbour inside the sentence, a
 * word glued before it, or a comma right after a capitalised word.
 */
function titleWord(ctx: Ctx, i: number): boolean {
  const { toks } = ctx;
  const t = toks[i]!, prev = toks[i - 1], next = toks[i + 1];
  if (prev && prev.end === t.start && RE_TITLE_WORD.test(prev.text)) return true;
  const capWord = (x: number) => !!toks[x] && isWord(toks[x]!) && isCap(toks[x]!) && !ctx.sentStart[x] && toks[x]!.key !== 'i' && ctx.sent[x] === ctx.sent[i];
  if (prev && capWord(i - 1) && !RE_TITLE_WORD_2.test(prev.text)) return true;
  if (next && next.start === t.end + 1 && capWord(i + 1) && (t.key !== 'i' || t.text === 'I') && !RE_TITLE_WORD_3.test(next.text)) return true;
  return t.key === 'i' && next?.key === ',' && !!prev && RE_TITLE_WORD_4.test(prev.text) && prev.key !== 'and' && prev.key !== 'but' && capText(prev.text.replace(RE_TITLE_WORD_5, ''));
}
/** entity id of the author of a first-person report ("I ask him"): a person, no country, no sector */
export const AUTHOR_ID = 'author';
const FIRST_PLUR = new Set(['we', 'us', 'ourselves']);
/**
 * "I" / "we" in reported speech: "I" → the nearest person named in the same sentence (the speaker of
 * '"I will not resign," Khan said'), else the last person of the sentence before; "we" → the nearest
 * organisation, group or government likewise. Runs after assembly because the speaker often comes
 * after the quote. No candidate there: no mention (the author's own "we" is no actor).
 */
function firstPerson(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  if (!mentions.length) return;
  const covered = (at: number) => mentions.some((m) => m.start <= at && at < m.end);
  const added: Mention[] = [];
  for (let i = 0; i < toks.length; i++) {
    // cheap test first: the pronouns are short ("ourselves"); the rest in a block of its own, entered only for a
    // pronoun, because its variables are captured by closures and would cost a context object on every token
    const key = toks[i]!.key;
    if (key.length > 9 || (!FIRST_SING.has(key) && !FIRST_PLUR.has(key))) continue;
    {
      const t = toks[i]!;
      const sing = FIRST_SING.has(t.key) && (t.key !== 'i' || t.text === 'I');
      // "US" is the country; "us" only in lower case
      const plur = FIRST_PLUR.has(t.key) && (t.key !== 'us' || t.text === 'us');
      if (!sing && !plur) continue;
      if (ctx.headline[i] || covered(t.start)) continue;
      if (sing && titleWord(ctx, i)) continue;
      const sentence = ctx.sent[i]!;
      // a resolved he/she may be the speaker ('"I am hungry," she says')
      const fits = (m: Mention) => !!m.entity && (m.type !== 'pronoun' || sing) && !ctx.relational.has(m) && !ctx.generic.has(m) && (sing
        ? m.entity.kind === 'person'
        : m.entity.kind !== 'person' && m.entity.kind !== 'media' && !(m.entity.kind === 'state' && m.entity.sector === null));
      // inside a quotation the speaker stands outside it ('"We ...," the army said'); the sentence
      // before names the speaker of a quotation's second sentence (which has no opening mark)
      const sStart = ctx.byIndex.get(sentence)?.start ?? 0;
      const quoted = inQuote(ctx.doc.text, sStart, t.start);
      // a quotation's later sentences carry no opening mark: count the marks from the paragraph's start
      const para = ctx.doc.text.lastIndexOf('\n', t.start) + 1;
      const paraQuoted = quoted || inQuote(ctx.doc.text, para, t.start);
      const search = (ok: (m: Mention) => boolean): number => {
        // outside quotation marks "I" is the author ("Ahmed tells me ..."), unless a statement "X said:" runs on
        if (sing && !paraQuoted) return lastSpeaker(ctx, t.start, sentence, ok, false);
        let best = -1, dist = Infinity;
        mentions.forEach((m, x) => {
          if (m.sentence !== sentence || !ok(m)) return;
          const inside = quoted && inQuote(ctx.doc.text, sStart, m.start);
          // someone the speaker describes ('"I hope the child lives," ...') is not the speaker
          if (inside && m.type === 'description' && m.entity?.id.startsWith('new/described-')) return;
          const d = (m.start > t.start ? m.start - t.end : t.start - m.end) + (inside ? 1e6 : 0);
          if (d < dist) { dist = d; best = x; }
        });
        if (best < 0) for (let x = mentions.length - 1; x >= 0; x--) {
          const m = mentions[x]!;
          if (m.sentence === sentence - 1 && ok(m)) { best = x; break; }
        }
        // a quotation running over several sentences, or a statement after "X said:": the last speaker
        if (best < 0) best = lastSpeaker(ctx, t.start, sentence, ok, paraQuoted);
        return best;
      };
      let best = -1;
      // '"We are on scene," a British Transport Police spokesman said': the spokesman of a body speaks for it, before
      // any group of the sentence before
      if (plur && !mentions.some((m) => m.sentence === sentence && fits(m))) {
        const sp = mentions.findIndex((m) => m.sentence === sentence && m.type !== 'pronoun' && m.entity?.kind === 'person' && !!m.entity.country_code && ctx.kb.states.has(m.entity.country_code) && SPOKES_BODY.has(m.entity.sector ?? '') && SPOKES.has(ctx.toks[tokAt(ctx.toks, m.end) - 1]!.key) && !inQuote(ctx.doc.text, sStart, m.start));
        if (sp >= 0) {
          const p = mentions[sp]!.entity!;
          added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: stateEntity(ctx, p.country_code!, p.sector, t.text, sentence, t.start, t.end, dateAt(ctx, sentence, t.start)), in_kb: true, antecedent: sp });
          continue;
        }
      }
      best = search(fits);
      // 'Lord X said: "I failed to agree with the lord chancellor"': a known person inside the quotation is whom
      // the speaker talks about; an unknown speaker of the sentence, outside it, is the "I"
      if (sing && quoted && best >= 0 && mentions[best]!.sentence === sentence && inQuote(ctx.doc.text, sStart, mentions[best]!.start)) {
        const u = unknownSpeaker(ctx, -1, t.start, sentence, true);
        if (u >= 0) {
          const m = mentions[u]!;
          added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: mkEntity(t.text, m.text, `new/${slug(m.text)}`, 'person', null, null, null, sentence, t.start, t.end), in_kb: false, antecedent: u });
          continue;
        }
      }
      if (best < 0 && plur) {
        // '"We will respond," the Russian foreign minister said': an official's "we" is their government
        // (or armed forces); a person of no known country or sector gives nothing
        const official = (m: Mention) => !!m.entity && m.type !== 'pronoun' && m.entity.kind === 'person' && !!m.entity.country_code && ctx.kb.states.has(m.entity.country_code) && (m.entity.sector === 'GOV' || m.entity.sector === 'MIL');
        const o = search(official);
        if (o >= 0) {
          const p = mentions[o]!.entity!;
          const e = stateEntity(ctx, p.country_code!, p.sector, t.text, sentence, t.start, t.end, dateAt(ctx, sentence, t.start));
          added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: e, in_kb: true, antecedent: o });
        }
        continue;
      }
      if (best < 0 && sing) {
        // a speaker the KB does not know ('"...," says Manal'; "Natasha Grey: I have ..."): a new person
        const u = lastSpeaker(ctx, t.start, sentence, (m) => !m.entity && m.type === 'name' && !looksLikeOrganisation(m.text) && !ctx.acronyms.has(m.text), paraQuoted);
        if (u >= 0) {
          const m = mentions[u]!;
          added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: mkEntity(t.text, m.text, `new/${slug(m.text)}`, 'person', null, null, null, sentence, t.start, t.end), in_kb: false, antecedent: u });
          continue;
        }
      }
      if (best < 0) {
        // the author's own "I" in a first-person report: a person, the article's author when it names one
        if (sing && !paraQuoted) {
          const by = ctx.doc.article?.authors?.[0] ?? null;
          added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: mkEntity(t.text, by ?? 'the author', AUTHOR_ID, 'person', null, null, null, sentence, t.start, t.end), in_kb: false, antecedent: null });
        }
        continue;
      }
      const e: Entity = placedEntity(mentions[best]!.entity!, t.text, sentence, t.start, t.end);
      added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: e, in_kb: mentions[best]!.in_kb, antecedent: best });
    }
  }
  mergeMentions(ctx, added);
}

/**
 * "they" left unresolved by the named-actor pass (which runs before the generic groups exist) →
 * a generic group that is the nearest actor before it in this or the previous sentence ("these
 * people live in dignity. The camp where they live ..."). Only when no other actor stands between.
 */
function theyGeneric(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  if (!mentions.some((m) => ctx.generic.has(m))) return;
  const added: Mention[] = [];
  let from = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.key !== 'they' || ctx.headline[i]) continue;
    while (from < mentions.length && mentions[from]!.end <= t.start) from++;
    if (mentions[from] && mentions[from]!.start <= t.start) continue; // already a mention
    let x = from - 1;
    while (x >= 0 && !mentions[x]!.entity) x--;
    if (x < 0) continue;
    const a = mentions[x]!;
    if (!ctx.generic.has(a) || ctx.sent[i]! - a.sentence > 1) continue;
    // the group is a subject itself (a verb right after it): "users requested support for these
    // videos and thus they were added" means the videos, "condolences to the fans. They feature" a firm
    const ai = tokAt(toks, a.end), p = ctx.posAt(ai);
    if (!(ai < i && (p === 'VERB' || p === 'AUX'))) continue;
    const sentence = ctx.sent[i]!;
    const e: Entity = placedEntity(a.entity!, t.text, sentence, t.start, t.end);
    added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: e, in_kb: false, antecedent: x });
  }
  mergeMentions(ctx, added);
}

const BE = new Set(['is', 'was', "'s", '’s', 'seems', 'appears', 'takes', 'took', 'remains', 'remained']);
const IT_KINDS = new Set(['organization', 'igo', 'armed_group', 'government', 'state', 'group', 'media']);
/**
 * "it"/"its" for a body: only as a clause's subject ("it has 700 employees") or a possessor ("its
 * obligations"), and only when the nearest actor before it, in this or the previous sentence, is a
 * singular body that is itself a subject (a verb right after it) and no common noun stands between
 * them that "it" could mean instead ("The ministry published a report. It says ..."). Expletive "it
 * is/was ..." (it is clear that ...) is left alone unless a participle follows ("it was worried").
 */
function itPronoun(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  if (!mentions.length) return;
  const added: Mention[] = [];
  const verbal = (i: number) => { const p = ctx.posAt(i); return p === 'VERB' || p === 'AUX'; };
  // after "it is/was/has been" only a participle the body undergoes or does ("it was worried", "it
  // was offering"), never a reporting one of the expletive "it was reported/expected (that) ..."
  const part = (y: number) => ctx.posAt(y) === 'VERB' && PARTICIPLE_END.test(toks[y]!.key) && !EXPLETIVE_PART.test(toks[y]!.key);
  let from = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.key !== 'it' || ctx.headline[i]) continue;
    const nx = toks[i + 1];
    if (!nx) continue;
    const pp = ctx.posAt(i - 1);
    // an object ("make it", "for it") is no subject
    if (i > 0 && !ctx.sentStart[i] && (pp === 'VERB' || pp === 'ADP' || pp === 'AUX')) continue;
    // "it's", "it would be a catastrophe", "it seems": mostly a description, not the body acting
    if (!verbal(i + 1) || APOS_START.test(nx.text) || LINK.has(nx.key) || (MODAL.has(nx.key) && toks[i + 2]?.key === 'be' && ctx.posAt(i + 3) !== 'VERB')) continue;
    if (BE.has(nx.key) && !part(i + 2) && !(ctx.posAt(i + 2) === 'AUX' && part(i + 3))) continue;
    if (HAVE_FORM.test(nx.key) && toks[i + 2]?.key === 'been' && !part(i + 3)) continue;
    const sentence = ctx.sent[i]!;
    if (inQuote(ctx.doc.text, ctx.byIndex.get(sentence)?.start ?? t.start, t.start)) continue;
    while (from < mentions.length && mentions[from]!.end <= t.start) from++;
    // the nearest actor before: a person, a plural group or a body that is no subject ends the search
    // (a name qualifying the noun after it, "Security Council members", is no candidate itself)
    let x = from - 1;
    for (; x >= 0; x--) {
      const m = mentions[x]!;
      if (!m.entity || (m.type === 'pronoun' && m.entity.id === AUTHOR_ID)) continue;
      const after = tokAt(toks, m.end);
      if (after < i && toks[after]!.start === m.end + 1 && ctx.posAt(after) === 'NOUN' && PLURAL_END.test(toks[after]!.key)) continue;
      break;
    }
    if (x < 0) continue;
    const a = mentions[x]!, e = a.entity!;
    // a pronoun before ("we can reach consensus. It does not ...") is no singular body named
    if (a.type === 'pronoun' || sentence - a.sentence > 1 || !IT_KINDS.has(e.kind) || ctx.relational.has(a)) continue;
    if (e.kind === 'group' && ENDS_S.test(a.text)) continue;
    if (e.kind === 'state' && a.type === 'demonym') continue;
    const ai = tokAt(toks, a.end);
    // the body acts ("the government said", "Bank of America announced"); "the EU is also involved.
    // It grew out of ..." describes it, and what follows may be about something else
    if (!(ai < i && verbal(ai)) || IT_COPULA.has(toks[ai]!.key)) continue;
    // a singular common noun between may be what "it" means ("published a plan. It will cost");
    // a plural one ("members"), a date word or a word inside a mention cannot
    let noun = false;
    for (let y = ai, mx = x + 1; y < i && !noun; y++) {
      const p = ctx.posAt(y);
      if (p !== 'NOUN' && p !== 'PROPN') continue;
      while (mx < from && mentions[mx]!.end <= toks[y]!.start) mx++;
      const covered = mx < from && mentions[mx]!.start <= toks[y]!.start;
      noun = !covered && !PLURAL_END.test(toks[y]!.key) && !TIME_NOUN.test(toks[y]!.key);
    }
    if (noun) continue;
    const en: Entity = placedEntity(e, t.text, sentence, t.start, t.end);
    added.push({ start: t.start, end: t.end, text: t.text, sentence, type: 'pronoun', entity: en, in_kb: a.in_kb, antecedent: x });
  }
  mergeMentions(ctx, added);
}
/** "it feels/seems/means ...": a verb of description, whose "it" is seldom a body */
const LINK = new Set(['feels', 'felt', 'seems', 'seemed', 'looks', 'looked', 'sounds', 'sounded', 'means', 'meant', 'matters', 'mattered', 'happens', 'happened', 'turns', 'turned', 'makes', 'made', 'goes', 'went', 'gets', 'got']);
const EXPLETIVE_PART = /^(reported|said|expected|believed|thought|known|feared|understood|estimated|claimed|alleged|hoped|assumed|noted|suggested|announced|agreed|decided|judged|considered|deemed|seen|felt|clear)$/;
const MODAL = new Set(['would', 'could', 'will', 'may', 'might', 'should', 'can', 'must']);
const IT_COPULA = new Set(['is', 'was', 'are', 'were', "'s", '’s']);
const TIME_NOUN = /^(today|yesterday|tomorrow|now|week|month|year|day|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Adds mentions found by a later pass, keeping the list in text order (antecedents renumbered). */
function mergeMentions(ctx: Ctx, added: Mention[]): void {
  const { mentions } = ctx;
  if (!added.length) return;
  const all = mentions.map((m, x) => ({ m, x })).concat(added.map((m) => ({ m, x: -1 })));
  all.sort((a, b) => a.m.start - b.m.start || (a.x < 0 ? 1 : 0) - (b.x < 0 ? 1 : 0));
  const newIndex = new Map<number, number>();
  all.forEach((a, y) => { if (a.x >= 0) newIndex.set(a.x, y); });
  mentions.length = 0;
  for (const { m } of all) {
    if (m.antecedent !== undefined && m.antecedent !== null) m.antecedent = newIndex.get(m.antecedent) ?? null;
    mentions.push(m);
  }
}

/** head nouns of a definite description that refers back to an organisation ("the group", "this terrorist organization") */
const ANAPHOR_HEADS = new Set(['group', 'organization', 'organisation', 'movement', 'militia', 'coalition', 'alliance', 'command']);
/** adjectives that make the description an armed group's ("the jihadist group") */
const ARMED_ADJ = new Set(['terrorist', 'terror', 'jihadist', 'militant', 'extremist', 'insurgent', 'rebel', 'armed', 'islamist', 'paramilitary']);
/**
 * "The group claimed the attack", "this terrorist organization", "the coalition": a definite
 * description (the/this/that + up to two adjectives + group, organization, movement, militia,
 * coalition, alliance, command) refers back to the last organisation it fits, within five
 * sentences: an armed group for "terrorist/jihadist/..."; for coalition, alliance and command one
 * whose name says so. Nothing fits: no mention (no guess). "the group of seven" (partitive) and
 * "the group Hamas" (the name follows) are left to the other rules.
 */
const ANAPHOR_TEXT = /\b(?:group|organi[sz]ation|movement|militia|coalition|alliance|command)\b/i;
function definiteGroups(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  if (!mentions.length || !ANAPHOR_TEXT.test(ctx.doc.text)) return;
  const added: Mention[] = [];
  // qualifiers: lower-case words, and hyphen compounds ("counter-ISIL", "U.S.-backed")
  const joined = (x: number) => toks[x]!.key === '-' ? toks[x - 1]!.end === toks[x]!.start && toks[x + 1]?.start === toks[x]!.end : toks[x - 1]?.key === '-' && toks[x - 1]!.end === toks[x]!.start;
  for (let i = 0; i < toks.length; i++) {
    const d = toks[i]!.key;
    if (d !== 'the' && d !== 'this' && d !== 'that') continue;
    // cheap test first: a head word within the next five tokens
    let any = false;
    for (let x = i + 1; x <= i + 5 && x < toks.length; x++) if (ANAPHOR_HEADS.has(toks[x]!.key)) { any = true; break; }
    if (!any) continue;
    // the rest in a block of its own, entered only past the cheap test: its variables are captured by closures, and
    // in the loop's body they would cost a context object on every token
    {
      const from = toks[i]!.start;
      let j = i + 1;
      const adjs: string[] = [];
      while (j < toks.length && j < i + 5 && !ANAPHOR_HEADS.has(toks[j]!.key) && ((LOWER_WORD.test(toks[j]!.text) && !STOP.has(toks[j]!.key)) || joined(j))) adjs.push(toks[j++]!.key);
      const head = toks[j];
      // "the coalition"; capitalised only after "the" ("the Coalition", as official texts write it)
      if (!head || !ANAPHOR_HEADS.has(head.key) || !(LOWER_START.test(head.text) || (d === 'the' && isCap(head))) || j >= ctx.lineEnd[i]! || ctx.headline[i]) continue;
      const next = toks[j + 1];
      if (next && (next.key === 'of' || next.key === 'to' || (isCap(next) && next.start === head.end + 1))) continue;
      // a capitalised head the name rules left unresolved ("the Coalition") is resolved in place
      const over = mentions.filter((m) => m.start < head.end && from < m.end);
      const inPlace = over.length === 1 && over[0]!.entity === null && over[0]!.start >= toks[i]!.start && over[0]!.end <= head.end ? over[0]! : null;
      if (!inPlace && over.length) continue;
      const sentence = ctx.sent[i]!;
      const armed = adjs.some((a) => ARMED_ADJ.has(a));
      const named = head.key === 'coalition' || head.key === 'alliance' || head.key === 'command';
      let best = -1;
      for (let x = mentions.length - 1; x >= 0; x--) {
        const m = mentions[x]!;
        if (m.start >= toks[i]!.start) continue;
        if (sentence - m.sentence > 5) break;
        const e = m.entity;
        if (!e || m.type === 'pronoun') continue;
        if (named ? new RegExp(`\\b${head.key}\\b`, 'i').test(`${e.name} ${m.text}`) && e.kind !== 'person'
          : armed ? e.kind === 'armed_group' : e.kind === 'armed_group' || e.kind === 'organization') { best = x; break; }
      }
      if (best < 0) continue;
      const start = toks[i]!.start, end = head.end;
      const e: Entity = placedEntity(mentions[best]!.entity!, ctx.doc.text.slice(start, end), sentence, start, end);
      if (inPlace) {
        // the name rule's "not in the knowledge base" message no longer holds
        const at = ctx.doc.messages.findIndex((msg) => msg.origin === 'actors:unresolved' && msg.start === inPlace.start && msg.end === inPlace.end);
        if (at >= 0) ctx.doc.messages.splice(at, 1);
        Object.assign(inPlace, { start, end, text: e.entity_text, type: 'description', entity: e, in_kb: mentions[best]!.in_kb, antecedent: best });
      } else added.push({ start, end, text: e.entity_text, sentence, type: 'description', entity: e, in_kb: mentions[best]!.in_kb, antecedent: best });
      i = j;
    }
  }
  mergeMentions(ctx, added);
}

/** what may open a generic group's noun phrase: determiners, possessives, quantifiers */
const GROUP_DET = new Set(['the', 'all', 'both', 'our', 'their', 'its', 'his', 'her', 'my', 'your', 'these', 'those', 'other', 'many', 'some', 'several', 'a', 'an', 'any', 'each', 'every', 'various', 'two', 'three', 'four']);
/**
 * "The victims were lagging behind", "all parties must respect the truce", "the international
 * community", "our partners", "snipers": a generic group (a head noun of data/actors/descriptions.json
 * with what must stand before it) is a group of that sector, country null here — contextCountry then
 * gives a domestic one (victims, snipers) the one country its sentence names. Runs after the named
 * mentions: a head inside one ("the Coalition" resolved to a named coalition) is left alone.
 */
const sectorWords = new WeakMap<KnowledgeBase, Map<string, string>>();
/** the sector a single KB sector word names ("opposition" OPP, "rebel" REB), else null */
function sectorWord(kb: KnowledgeBase, w: string): string | null {
  let m = sectorWords.get(kb);
  if (!m) {
    m = new Map();
    for (const se of kb.sectors) if (se.sector !== 'ELI') for (const x of se.words) if (!x.includes(' ') && !m.has(x)) m.set(x, se.sector);
    sectorWords.set(kb, m);
  }
  return m.get(w) ?? null;
}
function genericGroups(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  const groups = ctx.desc.groups;
  const added: Mention[] = [];
  let mx = 0;
  for (let i = 0; i < toks.length; i++) {
    if (!groups.has(toks[i]!.key) || ctx.headline[i]) continue;
    // the rest in a block of its own, entered only past the cheap test: its variables are captured by closures, and
    // in the loop's body they would cost a context object on every token
    {
      const t = toks[i]!;
      const g = groups.get(t.key)!;
      // a head in lower case; capitalised only as a title ("the Coalition", "The International Community") or at a sentence's start
      const capHead = isCap(t);
      while (mx < mentions.length && mentions[mx]!.end <= t.start) mx++;
      if (mx < mentions.length && mentions[mx]!.start < t.end) continue;
      const next = toks[i + 1];
      // a modifier, not the head ("enemy fighters", "coalition air strikes", "the victims' families" stays: a possessor is one)
      if (next && next.start === t.end + 1 && isWord(next) && !STOP.has(next.key) && (ctx.posAt(i + 1) ?? (LOWER_START.test(next.text) ? 'NOUN' : '')) === 'NOUN') continue;
      if (next && next.key === '-' && next.start === t.end) continue;
      // back over modifiers (lower-case words, hyphen compounds, numbers) to a determiner
      let a = i, det = false;
      const words: string[] = [];
      while (a > 0 && i - a < 4) {
        const p = toks[a - 1]!;
        if (ctx.lineEnd[a - 1] !== ctx.lineEnd[i]) break;
        const joined = p.key === '-' && p.end === toks[a]!.start && toks[a - 2]?.end === p.start;
        if (GROUP_DET.has(p.key) && (!isCap(p) || ctx.sentStart[a - 1])) { a--; det = true; words.push(p.key); break; }
        if (joined) { a -= 2; words.push(toks[a]!.key); continue; }
        // a modifier: an adjective, a noun or a number ("international", "member", "12"), never a verb
        // or preposition ("told counterparts", "among victims"); without tags, a plain word
        const pos = ctx.posAt(a - 1);
        const modifier = pos ? pos === 'ADJ' || pos === 'NOUN' || pos === 'NUM' || (pos === 'PROPN' && (capHead || ctx.desc.factions.has(p.key))) : true;
        // (a people or faith is capitalised: "Hausa politicians", "the Yazidi community")
        if (modifier && (DIGITS.test(p.text) || (isWord(p) && !STOP.has(p.key) && (LOWER_WORD.test(p.text) || ctx.desc.factions.has(p.key) || (capHead && isCap(p) && !ctx.sentStart[a - 1]) || (isCap(p) && ctx.sentStart[a - 1] && !capHead))))) {
          // a word a mention covers ends the phrase ("Coalition partners" after a resolved name)
          if (mentions.some((m) => m.start <= p.start && p.start < m.end)) break;
          a--; words.push(p.key); continue;
        }
        break;
      }
      if (capHead && !ctx.sentStart[a] && !(a < i && toks[a]!.key === 'the') && !(a < i && isCap(toks[a]!))) continue;
      if (g.before === 'det' ? !(det || a < i) : g.before !== 'any' && !words.some((w) => (g.before as Set<string>).has(w))) continue;
      // "Turkey's allies": the possessor's country; a possessor we cannot resolve: no guess, no mention
      let country: string | null = null;
      const pa = toks[a - 1];
      if (pa && POSS_MARK.test(pa.text) && pa.start === toks[a - 2]?.end) {
        const owner = mentions.find((m) => m.end === pa.start);
        country = owner?.entity?.kind !== 'person' && owner?.entity?.country_code && ctx.kb.states.has(owner.entity.country_code) ? owner.entity.country_code : null;
        if (!country) continue;
      }
      const sentence = ctx.sent[i]!;
      const start = toks[a]!.start, end = t.end;
      const text = ctx.doc.text.slice(start, end);
      const name = text.replace(RE_GENERIC_GROUPS, det ? '' : '$&').toLowerCase();
      // a sector word among the modifiers says what kind of group ("the opposition coalition" OPP)
      const sector = g.sector ?? words.map((w) => sectorWord(ctx.kb, w)).find((x) => x) ?? null;
      const e = mkEntity(text, det ? name : text.toLowerCase(), `new/${sector ? sector.toLowerCase() : `group-${slug(g.head)}`}`, 'group', country, sector, null, sentence, start, end);
      const m: Mention = { start, end, text, sentence, type: 'description', entity: e, in_kb: false, antecedent: null };
      ctx.generic.add(m);
      added.push(m);
    }
  }
  mergeMentions(ctx, added);
}

const BORDER_NOUNS = new Set(['border', 'borders', 'frontier', 'boundary']);
const DESTINATION = new Set(['to', 'into', 'toward', 'towards', 'visit', 'visits', 'visited', 'visiting']);
/** sectors of a country's own people and bodies: coded by the country they are in (PLOVER/CAMEO) */
const HOME_SECTORS = new Set(['OPP', 'CVL', 'COP', 'PTY', 'REB', 'PRM', 'UAF', 'LAB', 'REL', 'EDU', 'AGR', 'CRM', 'LEG', 'JUD']);
/**
 * "Islamic fundamentalists demanded the resignation of Algeria's president", "ethnic Albanians
 * demonstrated in Serbia": a domestic group named without a country (rebels, protesters, police,
 * an ethnic group...) is coded, by the PLOVER/CAMEO convention, as the country it acts in — taken
 * only when its sentence names exactly one country (else, when the sentence names none, the sentence
 * before does). Two countries, or none: no guess, the country stays null. Troops, governments and
 * refugees are left alone (they often act abroad; governments have their own rule), and so are
 * named people (a name without a known country is never given one).
 */
const POSSESSIVE_DET = new Set(['its', 'their']);
const POSSESSOR_KINDS = new Set(['state', 'government', 'group', 'organization', 'armed_group', 'igo']);
/** what a state or body has: its forces, government, police, citizens ("their firms", "its experts" are anyone's) */
const OWNED_SECTORS = new Set(['MIL', 'GOV', 'COP', 'SPY', 'LEG', 'JUD', 'CVL', 'REF']);
/**
 * "Bosnian Serbs said their forces had withdrawn", "Israel called it an assault on its troops": a bare group
 * word after its/their belongs to the nearest body named before it in the sentence — not a place ("in Iraq"),
 * nor a name qualifying a noun ("a U.S. ally"), nor one across "but" or ";".
 */
function possessed(ctx: Ctx): void {
  const { mentions, toks } = ctx;
  for (let x = 0; x < mentions.length; x++) {
    const m = mentions[x]!;
    const e = m.entity;
    if (!e || e.country_code !== null || !e.sector || !OWNED_SECTORS.has(e.sector) || m.type !== 'description' || e.id !== `new/${e.sector.toLowerCase()}`) continue;
    const ti = tokAt(toks, m.start);
    if (!POSSESSIVE_DET.has(toks[ti - 1]?.key ?? '')) continue;
    // the object of a verb ("withdraw its troops from Lebanon", "urged its citizens") is left as it was: the
    // event coder would take the actor's own forces as the other side, where the gold codes the place or none
    const vp = ctx.posAt(ti - 2);
    if ((vp === 'VERB' || vp === 'AUX') && !SPEECH.has(toks[ti - 2]!.key)) continue; // not "said its forces had ..."
    let own: Mention | null = null;
    // a new clause ("..., but its military") starts a new search horizon
    let horizon = ti;
    while (horizon > 0 && ctx.sent[horizon - 1] === m.sentence && toks[horizon - 1]!.key !== 'but' && toks[horizon - 1]!.key !== ';') horizon--;
    for (let y = x - 1; y >= 0 && mentions[y]!.sentence === m.sentence && mentions[y]!.start >= toks[horizon]!.start; y--) {
      const a = mentions[y]!;
      const ae = a.entity;
      if (!ae?.country_code || !POSSESSOR_KINDS.has(ae.kind) || a.type === 'pronoun') continue;
      if (a.type === 'demonym' && ae.sector === null) continue; // a bare adjective ("US-backed", "Syrian")
      const bi = tokAt(toks, a.start) - 1, ai = tokAt(toks, a.end);
      if (LOC_PREPS.has(toks[bi]?.key ?? '') || DESTINATION.has(toks[bi]?.key ?? '')) continue;
      if (ai < ti && toks[ai]!.start === a.end + 1 && ctx.posAt(ai) === 'NOUN') continue;
      own = a;
      break;
    }
    if (!own) continue;
    const c = own.entity!.country_code!;
    if (c === 'IGO') {
      m.entity = cloneEntity(e);
      m.entity.country_code = 'IGO';
      m.entity.code = (own.entity!.code.startsWith('IGO') ? own.entity!.code.slice(0, 6) : 'IGO') + e.sector;
      continue;
    }
    if (!ctx.kb.states.has(c)) continue;
    const st = stateEntity(ctx, c, e.sector, m.text, m.sentence, m.start, m.end, ctx.refDate);
    if (e.kind === 'person') st.kind = 'person';
    m.entity = st;
  }
}

/**
 * "militias in Tripoli ... the north Lebanese port": a place name the KB gives one country (Libya's capital)
 * that is also a city of another (data/actors/homonyms.json) belongs to the other when the sentence names
 * that one and not the default. A bare capital acting ("Tripoli denied ...") stays the government it names.
 */
// the homonyms as an array, once per table: iterating the Map built an [name, entry] pair per entry per mention
const homonymLists = new WeakMap<Map<string, Homonym>, Homonym[]>();
const A_LETTER = /\p{L}/u;
function homonymPlaces(ctx: Ctx): void {
  const { mentions, toks } = ctx;
  let list = homonymLists.get(ctx.homonyms);
  if (!list) { list = [...ctx.homonyms.values()]; homonymLists.set(ctx.homonyms, list); }
  for (const m of mentions) {
    const e = m.entity;
    if (!e?.country_code || m.type === 'pronoun') continue;
    let h: Homonym | undefined;
    for (let q = 0; q < list.length; q++) {
      const x = list[q]!;
      if (x.default !== e.country_code) continue;
      const name = x.name; // the table's key (generic.ts keys each entry by its name)
      const at = m.text.indexOf(name);
      if (at < 0 || A_LETTER.test(m.text[at - 1] ?? '') || A_LETTER.test(m.text[at + name.length] ?? '')) continue;
      // a place only after a locative preposition ("in Tripoli", "militias in Tripoli"): the name alone
      // is the government, and "Birmingham City University" is a body named after the city
      if (!LOC_PREPS.has(toks[tokAt(toks, m.start + at) - 1]?.key ?? '')) continue;
      h = x; break;
    }
    if (!h) continue;
    const named = new Set<string>();
    for (const o of mentions) {
      if (o === m || o.sentence !== m.sentence || !o.entity?.country_code || o.type === 'pronoun') continue;
      named.add(o.entity.country_code);
    }
    if (named.has(h.default)) continue;
    const other = h.also.filter((c) => named.has(c));
    if (other.length !== 1 || !ctx.kb.states.has(other[0]!)) continue;
    const st = stateEntity(ctx, other[0]!, e.sector, m.text, m.sentence, m.start, m.end, ctx.refDate);
    if (e.kind === 'person') st.kind = 'person';
    m.entity = st;
  }
}

function contextCountry(ctx: Ctx): void {
  const { mentions, kb } = ctx;
  const countriesOf = (sentence: number): Set<string> => {
    const out = new Set<string>();
    for (const m of mentions) {
      if (m.sentence !== sentence || !m.entity || m.type === 'pronoun') continue;
      const c = m.entity.country_code;
      if (!c || !kb.states.has(c)) continue;
      if (m.type === 'demonym' && m.entity.sector === null && ctx.doc.text[m.end] === '-') continue; // "U.S.-backed": the backer
      // "students visited China", "fled into Turkey": a destination is not where the group is from
      const bi = tokAt(ctx.toks, m.start) - 1;
      const before = ctx.toks[bi]?.key;
      if (before && DESTINATION.has(before)) continue;
      // "near Macedonia's border with Bulgaria": the far side of a border is no setting
      if (before === 'with' && BORDER_NOUNS.has(ctx.toks[bi - 1]?.key ?? '')) continue;
      out.add(c);
    }
    // "the Brazilian economy ... the government": a country named only as a qualifier still sets the scene
    for (const q of ctx.qualifiers) if (q.sentence === sentence) out.add(q.country);
    return out;
  };
  const cache = new Map<number, Set<string>>();
  const at = (s: number) => { let v = cache.get(s); if (!v) { v = countriesOf(s); cache.set(s, v); } return v; };
  const ministers: Mention[] = [];
  for (const m of mentions) {
    const e = m.entity;
    // bare descriptions only ("rebels", "a professor": id new/<sector>), never a named person
    // (and people described, not named: "a man was killed in shelling in Gaza")
    const described = !!e && e.id.startsWith('new/described-');
    const party = !!e && e.id.startsWith('new/pty-') && (m.type === 'name' || m.type === 'pronoun');
    // "Planning and Investment Minister Tran Xuan Gia said Vietnam ...": a minister the KB lacks, titled with no
    // country, is one of the country the text names (only a government has ministers; a "president" may head a firm)
    const minister = !!e && e.country_code === null && m.type === 'title' && e.kind === 'person' && !!e.office && e.office.endsWith('minister') && e.id.startsWith('new/') && e.sector === 'GOV';
    if (minister) { ministers.push(m); continue; }
    if (!e || e.country_code !== null || !e.sector || !(HOME_SECTORS.has(e.sector) || factional(ctx, m)) || !(e.id === `new/${e.sector.toLowerCase()}` || e.id.startsWith('new/ethnic-') || described || party)) continue;
    let cs = at(m.sentence);
    if (cs.size === 0 && m.sentence > 0) cs = at(m.sentence - 1);
    // one person described ("a man", "the driver") is placed only by where the sentence says things
    // happen ("in Nairobi"): a country merely named beside them is too often someone else's
    if (described) {
      if (m.type === 'pronoun') continue;
      cs = placedIn(ctx, m.sentence);
    }
    // two countries: the one the sentence places things in ("The U.S. would not meet hostage-takers'
    // demands to release prisoners in Iraq") is where a domestic group acts
    if (cs.size > 1 && m.type !== 'pronoun') cs = placedIn(ctx, m.sentence);
    if (cs.size !== 1) continue;
    const country = [...cs][0]!;
    if (described || party) { m.entity = cloneEntity(e); m.entity.country_code = country; m.entity.code = country + e.sector; continue; }
    const s = stateEntity(ctx, country, e.sector, m.text, m.sentence, m.start, m.end, ctx.refDate);
    if (e.kind === 'person') s.kind = 'person';
    m.entity = s;
  }
  // after the groups, so that a minister placed here places no one else
  for (const m of ministers) {
    let cm = statesNamed(ctx, m.sentence);
    if (cm.size === 0 && m.sentence > 0) cm = statesNamed(ctx, m.sentence - 1);
    if (cm.size === 1) { const c = [...cm][0]!; m.entity = cloneEntity(m.entity!); m.entity.country_code = c; m.entity.code = c + 'GOV'; }
  }
}

/** public offices and bodies a country-less mention may take from a one-country article (not ELI: a former one) */
const OFFICE_SECTORS = new Set(['GOV', 'LEG', 'JUD', 'MIL', 'COP']);
/** sentences that must name the article's one country before it is the default of its offices */
const ONE_COUNTRY_SENTENCES = 3;
/** country → the sentences whose mentions (not pronouns, not media) carry it */
function namedCountries(ctx: Ctx): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const m of ctx.mentions) {
    const c = m.entity?.country_code;
    if (!c || m.type === 'pronoun' || m.entity!.kind === 'media' || !ctx.kb.states.has(c)) continue;
    let set = out.get(c);
    if (!set) out.set(c, (set = new Set()));
    set.add(m.sentence);
  }
  // "the Brazilian economy": no actor, but the article names Brazil there
  for (const q of ctx.qualifiers) {
    let set = out.get(q.country);
    if (!set) out.set(q.country, (set = new Set()));
    set.add(q.sentence);
  }
  return out;
}

/**
 * "the foreign minister said", "the government has been accused", "ministers", "police" in an article
 * that names one country and no other (its states, people, parties and bodies, in at least three
 * sentences): a public office or body the text gives no country is that country's — the reader of a
 * story about Italy takes "the government" for Italy's. Runs last, after the sentence-level rules
 * (contextCountry, bareGroup), so only what they left country-less is filled; pronouns that took a
 * country-less antecedent are filled alike. Any second country anywhere in the article: no guess.
 * (A single sentence never qualifies: the one country a sentence names is as often the other side.)
 */
function articleCountry(ctx: Ctx, named: Map<string, Set<number>>): void {
  const { mentions, kb } = ctx;
  let country: string | null = null;
  for (const m of mentions) {
    const c = m.entity?.country_code;
    if (!c || m.type === 'pronoun' || m.entity!.kind === 'media' || !kb.states.has(c)) continue;
    if (country && c !== country) return;
    country = c;
  }
  for (const q of ctx.qualifiers) {
    if (country && q.country !== country) return;
    country = q.country;
  }
  // counted before the context rules: "Analysts" after a sentence naming Portugal does not name it again
  const sentences = country ? named.get(country) : undefined;
  if (!country || !sentences || sentences.size < ONE_COUNTRY_SENTENCES) return;
  for (const m of mentions) {
    const e = m.entity;
    if (!e || e.country_code !== null || !OFFICE_SECTORS.has(e.sector ?? '') || !e.id.startsWith('new/') || (e.kind !== 'person' && e.kind !== 'group')) continue;
    const c = cloneEntity(e);
    c.country_code = country;
    c.code = country + e.sector;
    // an office with no holder named ("the prime minister": new/unknown-prime-minister) is named as describeOffice
    // names it, when the KB knows the office in that country (no "United States monarch" for a misread "she")
    if (e.kind === 'person' && e.office && e.id === `new/${slug(`unknown-${e.office}`)}` && kb.holders.has(`${e.office}|${country}`)) {
      c.name = `${kb.states.get(country)?.name ?? country} ${e.office.replace(RE_TITLED_CHUNK, ' ')}`;
      c.id = `new/${slug(`${country}-${e.office}`)}`;
    } else if (e.kind === 'group' && e.id === `new/${e.sector!.toLowerCase()}`) {
      const s = stateEntity(ctx, country, e.sector, m.text, m.sentence, m.start, m.end, ctx.refDate);
      m.entity = { ...s, entity_text: e.entity_text, start: e.start, end: e.end, sentence: e.sentence };
      continue;
    }
    m.entity = c;
  }
}

/**
 * The states a sentence names as states or their official bodies — not a paper ("the Associated Press"), a
 * firm, a person, nor a name qualifying a noun ("the UK food group")
 */
function statesNamed(ctx: Ctx, sentence: number): Set<string> {
  const out = new Set<string>();
  for (const m of ctx.mentions) {
    const e = m.entity;
    if (m.sentence !== sentence || !e?.country_code || m.type === 'pronoun' || !ctx.kb.states.has(e.country_code)) continue;
    if (!(e.kind === 'state' || e.kind === 'government' || (e.kind === 'group' && SPOKES_BODY.has(e.sector ?? '')))) continue;
    if (modifiesNext(ctx, tokAt(ctx.toks, m.end))) continue;
    out.add(e.country_code);
  }
  return out;
}

/**
 * "Moslem forces in east Bosnia", "Yoruba leaders": forces or leaders qualified by a people or faith
 * (data/actors/descriptions.json "factions") are a domestic faction, coded by where they are, as the
 * home sectors are — not a state's army or government acting abroad.
 */
function factional(ctx: Ctx, m: Mention): boolean {
  if (m.type !== 'description' || (m.entity!.sector !== 'MIL' && m.entity!.sector !== 'GOV')) return false;
  const i = tokAt(ctx.toks, m.start), t = ctx.toks[i]!;
  if (!isCap(t) || ctx.headline[i] || tokAt(ctx.toks, m.end) - i < 2) return false;
  if (ctx.sentStart[i] && ctx.toks[i + 1] && isCap(ctx.toks[i + 1]!)) return false;
  return ctx.desc.factions.has(t.key);
}

const TOWN_NOUNS = new Set(['town', 'city', 'village', 'district', 'province', 'region', 'county', 'area', 'municipality', 'governorate']);
/**
 * "a curfew in the town of Cizre in southeastern Turkey", "the village of Tal Afar, Iraq": a place
 * the KB does not know, named as a town of a country the text gives right after it, is a place of
 * that country (PLOVER codes a place in an actor's position as its country). Only the place's name
 * is the mention; no country after it: nothing.
 */
function placesIn(ctx: Ctx): void {
  const { toks, mentions } = ctx;
  const added: Mention[] = [];
  for (let i = 0; i + 2 < toks.length; i++) {
    if (!TOWN_NOUNS.has(toks[i]!.key) || toks[i + 1]!.key !== 'of' || !isCap(toks[i + 2]!) || ctx.headline[i]) continue;
    // a block of its own: its variables are captured by closures, a context object per token were they in the loop's body
    {
      let j = i + 2;
      while (j < ctx.lineEnd[i]! && j < i + 6 && (isCap(toks[j]!) || (toks[j]!.key === '-' && toks[j + 1] && isCap(toks[j + 1]!))) && (j === i + 2 || toks[j]!.start <= toks[j - 1]!.end + 1)) j++;
      const start = toks[i + 2]!.start, end = toks[j - 1]!.end;
      if (mentions.some((m) => m.start < end && start < m.end)) continue;
      // then "in (the) (compass) <state>" or ", <state>"
      let n = j;
      if (toks[n]?.key === ',') n++;
      else if (toks[n]?.key === 'in') { n++; while (toks[n] && (toks[n]!.key === 'the' || COMPASS.test(toks[n]!.key))) n++; }
      else continue;
      const at = toks[n];
      const st = at && mentions.find((m) => m.start === at.start && m.type === 'name' && m.entity && (m.entity.kind === 'state' || m.entity.kind === 'government') && ctx.kb.states.has(m.entity.id));
      if (!st) continue;
      const sentence = ctx.sent[i + 2]!;
      const e = stateEntity(ctx, st.entity!.country_code ?? st.entity!.id, null, ctx.doc.text.slice(start, end), sentence, start, end, dateAt(ctx, sentence, start));
      added.push({ start, end, text: ctx.doc.text.slice(start, end), sentence, type: 'name', entity: renamed(e, ctx.doc.text.slice(start, end)), in_kb: false, antecedent: null });
      i = j;
    }
  }
  mergeMentions(ctx, added);
}

const IN_PREPS = new Set(['in', 'inside', 'across', 'throughout', 'within']);
/** The countries a sentence names after "in" (a compass word or "the" between allowed): where things happen. */
function placedIn(ctx: Ctx, sentence: number): Set<string> {
  const out = new Set<string>();
  let lastEnd = -1;
  for (const m of ctx.mentions) {
    if (m.sentence !== sentence || !m.entity || (m.type !== 'name' && m.type !== 'metonym') || m.entity.kind === 'person') continue;
    const c = m.entity.country_code;
    if (!c || !ctx.kb.states.has(c)) continue;
    let b = tokAt(ctx.toks, m.start) - 1;
    while (b >= 0 && (ctx.toks[b]!.key === 'the' || COMPASS.test(ctx.toks[b]!.key))) b--;
    // "in Japan and South Korea": down a list begun after "in"
    const listed = b >= 1 && (ctx.toks[b]!.key === 'and' || ctx.toks[b]!.key === 'or' || ctx.toks[b]!.key === ',') && ctx.toks[b - 1]!.end === lastEnd;
    if (b >= 0 && (IN_PREPS.has(ctx.toks[b]!.key) || listed)) { out.add(c); lastEnd = m.end; }
  }
  return out;
}

/**
 * "the World Monuments Fund (WMF)", "State Board of Antiquities and Heritage (SBAH)": an acronym in
 * parentheses after an organisation-shaped capitalised name (an organisation word in it, the
 * acronym's letters in order among its initials) names that organisation wherever it recurs. Only
 * for acronyms the KB does not know; their mentions stay unresolved (entity null).
 */
function acronymDefs(ctx: Ctx): void {
  const { toks, kb } = ctx;
  for (let i = 1; i + 2 < toks.length; i++) {
    if (toks[i]!.key !== '(' || toks[i + 2]!.key !== ')') continue;
    const acr = toks[i + 1]!.text;
    if (!RE_ACRONYM_DEFS.test(acr) || ctx.acronyms.has(acr) || kb.trie.longest(toks, i + 1, i + 2)) continue;
    // the capitalised run before "(": names and their particles ("of", "and", "for", "the")
    let initials = '', org = false, caps = 0;
    for (let x = i - 1; x >= 0 && x >= i - 10; x--) {
      const t = toks[x]!;
      if (isCap(t)) { initials = t.text[0] + initials; caps++; if (ORG_WORDS.has(t.key)) org = true; }
      else if (!['of', 'and', 'for', 'the', '&', '-'].includes(t.key)) break;
    }
    let y = 0;
    for (const ch of initials) if (ch === acr[y]) y++;
    if (org && caps >= 2 && y === acr.replace(RE_ACRONYM_DEFS_2, '').length) ctx.acronyms.add(acr);
  }
}

/**
 * "the Nigerian Air Force (NAF) ... the NAF said": an acronym the text defines for a name the recogniser resolved
 * (a KB body under another name, a state's body it put together) is that body wherever it recurs.
 */
function definedAcronyms(ctx: Ctx): void {
  const { mentions, doc } = ctx;
  for (const m of mentions) {
    if (m.entity || m.type !== 'acronym' || !ctx.acronyms.has(m.text)) continue;
    const def = mentions.find((d) => d.entity && d.type !== 'pronoun' && d.end < m.start && doc.text.startsWith(` (${m.text})`, d.end));
    // the whole name, not its last part ("University College London (UCL)" is no more London than
    // "the Parliament of New South Wales (NSW)" is that parliament): the acronym starts with the name's initial
    // and takes its letters in order from the name's capitalised words
    if (!def) continue;
    const initials = def.text.replace(RE_DEFINED_ACRONYMS, '').split(RE_DEFINED_ACRONYMS_2).filter((w) => UPPER_START.test(w)).map((w) => w[0]).join('');
    let y = 0;
    for (const ch of initials) if (ch === m.text[y]) y++;
    if (initials[0] !== m.text[0] || y !== m.text.replace(RE_ACRONYM_DEFS_2, '').length) continue;
    m.entity = placedEntity(def.entity!, m.text, m.sentence, m.start, m.end);
    m.in_kb = def.in_kb;
  }
}

/** Index of the first token starting at or after `pos`. */
function tokAt(toks: Tok[], pos: number): number {
  let lo = 0, hi = toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid]!.start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

/**
 * The speaker of a first-person pronoun that names none nearby: the last mention before it that
 * speaks ("X said", "says X", "X, a minister, said"), within six sentences when the pronoun is
 * quoted; outside quotation marks only a statement introduced by "X said:" counts (a press
 * release's paragraphs after it), within twelve — else the author's own "I", which is no actor.
 */
/** verbs that introduce a quotation's speaker besides SPEECH ('"...," he replies') */
const REPLY = new Set(['replies', 'replied', 'adds', 'asks', 'asked', 'tells', 'explains', 'recalls', 'recalled', 'continues', 'continued', 'insists', 'admits', 'admitted', 'recounts', 'recounted', 'writes']);
function lastSpeaker(ctx: Ctx, at: number, sentence: number, fits: (m: Mention) => boolean, quoted: boolean): number {
  const { toks, mentions } = ctx;
  for (let x = mentions.length - 1; x >= 0; x--) {
    const m = mentions[x]!;
    if (m.start >= at) continue;
    if (sentence - m.sentence > (quoted ? 6 : 12)) break;
    if (!fits(m)) continue;
    const a = tokAt(toks, m.end);
    // "X said", "X, the minister, said": skip an appositive up to the next comma
    let v = a;
    if (toks[v]?.key === "," && toks[v + 1] && SPEECH.has(toks[v + 1]!.key)) v++;
    else if (toks[v]?.key === ",") { let y = v + 1; while (y < toks.length && y < v + 12 && toks[y]!.key !== "," && toks[y]!.key !== ".") y++; if (toks[y]?.key === ',') v = y + 1; }
    const after = toks[v]?.key === 'has' || toks[v]?.key === 'had' ? v + 1 : v;
    const speaksAfter = toks[after] && (SPEECH.has(toks[after]!.key) || REPLY.has(toks[after]!.key)) ? after : -1;
    const b = tokAt(toks, m.start) - 1;
    const speaksBefore = b >= 0 && (SPEECH.has(toks[b]!.key) || REPLY.has(toks[b]!.key));
    // a transcript's speaker label at a line's start ("SECRETARY KERRY: We talked ...")
    // (only capitalised words, "SECRETARY", before the name on its line)
    const label = toks[a]?.key === ':' && RE_LAST_SPEAKER.test(ctx.doc.text.slice(ctx.doc.text.lastIndexOf('\n', m.start - 1) + 1, m.start));
    if (label) return x;
    if (speaksAfter < 0 && !speaksBefore) continue;
    if (quoted) return x;
    if (speaksAfter >= 0 && toks[speaksAfter + 1]?.key === ':') return x;
  }
  return -1;
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let x = from; x < to; x++) if (text.charCodeAt(x) === 10) return true;
  return false;
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>)\]]+/g;

function indexSentences(ctx: Ctx, headlines: boolean): void {
  const { doc, toks } = ctx;
  // headline lines: most longer words capitalised ("Russia Is Building 'Pragmatic' Partnership With ...")
  const lineHead: [number, number][] = [];
  // line by line without split(): only a line of a headline's length is cut out of the text
  const text = doc.text;
  for (let pos0 = 0; headlines && pos0 <= text.length;) {
    let nl = text.indexOf('\n', pos0);
    if (nl < 0) nl = text.length;
    const len = nl - pos0;
    // cheap tests first: most lines are prose ending in a full stop
    // nor one ending in a colon: "Tobias Ellwood, Foreign Office Minister for the Middle East, said:" introduces a statement
    if (len >= 20 && len <= 300) {
      const line = text.slice(pos0, nl);
      if (!RE_INDEX_SENTENCES.test(line)) {
        const words = line.match(RE_INDEX_SENTENCES_2) ?? [];
        const caps = words.filter((w) => UPPER_START.test(w)).length;
        if (words.length >= 5 && caps / words.length >= 0.85 && !RE_INDEX_SENTENCES_3.test(line)) lineHead.push([pos0, nl]);
      }
    }
    pos0 = nl + 1;
  }
  let h = 0;
  // per-token arrays sized once (push would regrow and copy them a dozen times on a long article)
  const n = toks.length;
  ctx.headline = new Array<boolean>(n);
  ctx.sent = new Array<number>(n);
  ctx.sentStart = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    while (h < lineHead.length && lineHead[h]![1] < t.start) h++;
    ctx.headline[i] = h < lineHead.length && lineHead[h]![0] <= t.start;
  }
  // URLs are not prose: their words ("...-taliban-government-...") are no mentions
  if (doc.text.includes('://') || doc.text.includes('www.')) {
    for (const m of doc.text.matchAll(URL_RE)) {
      for (const t of toks) if (t.start >= m.index! && t.end <= m.index! + m[0].length) t.key = '\u0000';
    }
  }
  // the splitter gives them in order: a sorted copy only when they are not
  let ordered = true;
  for (let x = 1; x < doc.sentences.length && ordered; x++) ordered = doc.sentences[x - 1]!.start <= doc.sentences[x]!.start;
  const sents = ordered ? doc.sentences : [...doc.sentences].sort((a, b) => a.start - b.start);
  let s = 0;
  let prevSent = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    while (s + 1 < sents.length && t.start >= sents[s + 1]!.start) s++;
    const idx = sents.length ? sents[s]!.index : 0;
    ctx.sent[i] = idx;
    // sentence-initial: first word of a sentence, or (when the splitter is a stub) after . ! ? or a blank line
    const prev = i > 0 ? toks[i - 1]! : null;
    let start = idx !== prevSent || !prev || (prev.end < t.start && hasBreak(doc.text, prev.end, t.start)) || prev.text === '.' || prev.text === '!' || prev.text === '?';
    if (prev && OPEN_MARK_TOK.test(prev.text)) start = ctx.sentStart[i - 1]! || start;
    ctx.sentStart[i] = start && isWord(t);
    if (isWord(t)) prevSent = idx;
  }
  ctx.lineEnd = new Array(toks.length);
  let end = toks.length;
  for (let i = toks.length - 1; i >= 0; i--) {
    ctx.lineEnd[i] = end;
    if (i > 0 && hasBreak(doc.text, toks[i - 1]!.end, toks[i]!.start)) end = i;
  }
  const byIndex = ctx.byIndex;
  for (const se of doc.sentences) byIndex.set(se.index, se);
  ctx.posAt = (i: number) => {
    const tks = byIndex.get(ctx.sent[i]!)?.tokens;
    if (!tks?.length) return undefined;
    const at = toks[i]!.start;
    let lo = 0, hi = tks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = tks[mid]!.start;
      if (s === at) return tks[mid]!.pos;
      if (s < at) lo = mid + 1; else hi = mid - 1;
    }
    return undefined;
  };
  for (const se of doc.sentences) {
    // exec on the one global pattern: matchAll would clone the pattern for every sentence
    SENT_YEAR.lastIndex = 0;
    for (let m = SENT_YEAR.exec(se.text); m; m = SENT_YEAR.exec(se.text)) {
      const list = ctx.sentDate.get(se.index) ?? [];
      list.push({ at: se.start + m.index!, date: `${m[1]}-07-01` });
      ctx.sentDate.set(se.index, list);
    }
  }
}

function chunkTokens(ctx: Ctx): Chunk[] {
  const { toks, kb } = ctx;
  // at most one chunk a token: sized once and cut to length at the end (push regrew and copied it as it went)
  const out: Chunk[] = new Array(toks.length);
  let n = 0;
  // a dated alias names its state only within its period (bare "Congo" = COG before 1997-05-17)
  const valid = (v: Cand): boolean => candValid(v, ctx.refDate);
  for (let i = 0; i < toks.length;) {
    const t = toks[i]!;
    // shouted words (headlines, datelines: "CANBERRA") match as if capitalised
    let m = kb.trie.longest(toks, i, ctx.lineEnd[i], valid);
    // "the UN Security Council": an alias with "the" must not cut a longer name that follows it
    if (m && t.key === 'the') {
      const m2 = kb.trie.longest(toks, i + 1, ctx.lineEnd[i], valid);
      if (m2 && m2[0] > m[0]) m = null;
    }
    // "the Earth Liberation Front", "the Golden Dawn Party": a one-word newspaper's name (Libération, Dawn)
    // amid the capitalised words of a longer name is a word of that name, not the paper
    if (m && m[0] === i + 1 && i > 0 && !ctx.sentStart[i] && isCap(toks[i - 1]!) && toks[i + 1] && isCap(toks[i + 1]!) && i + 1 < ctx.lineEnd[i]! && toks[i - 1]!.end + 1 === t.start && t.end + 1 === toks[i + 1]!.start && m[1].every((v) => v.t === 'org' && kb.orgs.get(v.id)?.kind === 'media')) m = null;
    if (m) {
      out[n++] = { k: 'kb', i, j: m[0], cands: m[1] };
      i = m[0];
      continue;
    }
    if (t.text.length >= 4 && ALL_CAPS.test(t.text)) {
      const shout: Tok[] = [{ text: t.text[0] + t.text.slice(1).toLowerCase(), key: t.key, start: t.start, end: t.end }];
      const m2 = kb.trie.longest(shout, 0, undefined, valid);
      if (m2) { out[n++] = { k: 'kb', i, j: i + 1, cands: m2[1] }; i++; continue; }
    }
    out[n++] = { k: !isWord(t) ? 'punct' : isCap(t) ? 'cap' : 'word', i, j: i + 1 };
    i++;
  }
  out.length = n;
  return out;
}

// ---------------------------------------------------------------- entity builders

function dateAt(ctx: Ctx, sentence: number, at: number): string {
  let d = ctx.refDate;
  for (const x of ctx.sentDate.get(sentence) ?? []) if (x.at < at) d = x.date;
  return d;
}

function renamed(e: Entity, name: string): Entity {
  const c = cloneEntity(e);
  c.name = name;
  return c;
}

/** A state as a political actor; `gov` → its government (the regime valid at the date, if the KB knows one). */
function stateEntity(ctx: Ctx, id: string, sector: string | null, text: string, sentence: number, start: number, end: number, date: string, formerName?: string): Entity {
  const s = ctx.kb.states.get(id)!;
  const country = s.sector ? s.sovereign! : id;
  const sec = s.sector ?? sector;
  if (sec === 'GOV' && !s.sector) {
    const g = ctx.kb.govs.find((r) => r.country === id && within(date, r.start, r.end));
    if (g) return mkEntity(text, g.name, g.id, 'government', id, 'GOV', null, sentence, start, end);
    return mkEntity(text, s.name, id, 'government', id, 'GOV', null, sentence, start, end);
  }
  return mkEntity(text, formerName ?? s.name, s.id, sec && sec !== 'PRE' ? 'group' : 'state', country, sec, null, sentence, start, end);
}

/** The side an office of an organisation stands for when the text names no country: an IGO's (code IGO, the
 * office's sector); a national organisation's country ("the Taliban's foreign minister", "Hezbollah's spokesman"),
 * with the organisation's own sector (REB) unless it is that country's government at the date (the Taliban after
 * 2021-08-15: the office's sector). UX's audit, session 9: every organisation was taken for an IGO. */
function orgOfficeSide(ctx: Ctx, org: OrgEntry, date: string): { country: string; sector: string | null } {
  if (!org.country || org.country === 'IGO') return { country: 'IGO', sector: null };
  return { country: org.country, sector: governmentOf(ctx, org.id, date) ? null : org.sector };
}

/** The government an organisation formed at the date (the Taliban from 2021-08-15), if any. */
function governmentOf(ctx: Ctx, orgId: string, date: string) {
  return ctx.kb.govs.find((r) => r.group === orgId && within(date, r.start, r.end));
}

function orgEntity(ctx: Ctx, o: OrgEntry, text: string, sentence: number, start: number, end: number, date: string): Entity {
  const g = governmentOf(ctx, o.id, date);
  // ... unless every year the sentence names is the year it took power or before ("The Taliban swept back to power
  // in 2021 after overthrowing the government"): the sentence tells the takeover, when the group was not yet the government
  const years = g ? ctx.sentDate.get(sentence) : undefined;
  const took = g?.start?.slice(0, 4);
  const takeover = !!took && !!years?.length && years.every((x) => x.date.slice(0, 4) <= took);
  if (g && !takeover) return mkEntity(text, g.name, g.id, 'government', g.country, 'GOV', null, sentence, start, end);
  const kind: EntityKind = o.kind;
  return mkEntity(text, o.name, o.id, kind, o.country, o.sector, null, sentence, start, end, o.code);
}

function roleCode(ctx: Ctx, r: RoleEntry, sector: string): { country: string; code: string } {
  if (r.country === 'IGO') {
    const org = r.org ? ctx.kb.orgs.get(r.org) : undefined;
    return { country: 'IGO', code: org?.code ?? `IGO${sector}` };
  }
  return { country: r.country, code: r.country + sector };
}

const rank = (ctx: Ctx, office: string) => ctx.kb.offices.get(office)?.rank ?? 9;

/** A KB person as of a date; `office` (from a title in the text) and `former` shape the role chosen. */
function personEntity(ctx: Ctx, p: PersonEntry, text: string, sentence: number, start: number, end: number, date: string, office: string | null, former: boolean, then = false): Entity {
  const now = p.roles.filter((r) => within(date, r.start, r.end)).sort((a, b) => rank(ctx, a.office) - rank(ctx, b.office));
  const titled = office ? p.roles.filter((r) => r.office === office) : [];
  // "then defence minister Shoigu": the text places him in that office, whatever the date
  if (then && titled.length) {
    const r = titled[titled.length - 1]!;
    const sector = ctx.kb.offices.get(r.office)?.sector ?? 'GOV';
    const { country, code } = roleCode(ctx, r, sector);
    return mkEntity(text, p.name, p.id, 'person', country, sector, r.office, sentence, start, end, code);
  }
  let role: RoleEntry | undefined;
  if (office && !former) role = titled.find((r) => within(date, r.start, r.end)) ?? (now.length ? undefined : titled[titled.length - 1]);
  if (!role && !(former && !now.length)) role = now[0];
  if (!role && !former && titled.length) role = titled[titled.length - 1];
  if (role && (!former || within(date, role.start, role.end))) {
    const sector = ctx.kb.offices.get(role.office)?.sector ?? 'GOV';
    const { country, code } = roleCode(ctx, role, sector);
    return mkEntity(text, p.name, p.id, 'person', country, sector, role.office, sentence, start, end, code);
  }
  const past = p.roles.some((r) => padEnd(r.end) <= date || (r.end && padStart(r.end) <= date));
  if (past || former) return mkEntity(text, p.name, p.id, 'person', p.country, 'ELI', office, sentence, start, end);
  return mkEntity(text, p.name, p.id, 'person', p.country, null, null, sentence, start, end, p.country);
}

function previousHolder(ctx: Ctx, office: string, country: string, date: string): PersonEntry | null {
  const list = ctx.kb.holders.get(`${office}|${country}`);
  if (!list) return null;
  const past = list.filter((h) => h.role.end && padStart(h.role.end) <= date);
  const last = past[past.length - 1];
  return last ? ctx.kb.people.get(last.person) ?? null : null;
}

function holderAt(ctx: Ctx, office: string, country: string, date: string): PersonEntry | null {
  const list = ctx.kb.holders.get(`${office}|${country}`);
  if (!list) return null;
  const hits = list.filter((h) => within(date, h.role.start, h.role.end));
  if (hits.length !== 1) return null; // several holders at once (ambassadors, envoys): no guess
  return ctx.kb.people.get(hits[0]!.person) ?? null;
}

// ---------------------------------------------------------------- assembly

interface Prefix { country: string | null; fromAdj: boolean; former: boolean; then: boolean; first: number; next: number; orgPoss: OrgEntry | null; backer: { id: string; i: number; j: number } | null }

function candOf<T extends Cand['t']>(c: Chunk | undefined, t: T): Extract<Cand, { t: T }> | undefined {
  if (!c || c.k !== 'kb') return undefined;
  // a loop, not find(): a closure per call on every chunk the assembler looks at
  for (let x = 0; x < c.cands.length; x++) if (c.cands[x]!.t === t) return c.cands[x] as Extract<Cand, { t: T }>;
  return undefined;
}

function isPossessive(ctx: Ctx, j: number): boolean {
  return ctx.toks[j]?.key === "'" && ctx.toks[j + 1]?.key === 's' && ctx.toks[j]!.start === ctx.toks[j - 1]!.end;
}

/** "the Philippines' Department of Justice", "the United States' envoy": a name ending in s takes a bare apostrophe */
function pluralPossessive(ctx: Ctx, j: number): boolean {
  const a = ctx.toks[j], prev = ctx.toks[j - 1], next = ctx.toks[j + 1];
  return !!a && !!prev && !!next && (a.key === "'" || a.key === '’') && a.start === prev.end && prev.key.endsWith('s') && next.start > a.end && next.key !== 's' && isWord(next);
}

/** "U.S.-backed", "Russia-led", "Kurdish-led": the country qualifies, it does not own, what follows. */
const BACKED = /^(backed|led|funded|brokered|allied|supported|sponsored|aligned|installed|made|controlled|run|held|occupied|appointed|friendly)$/;
function isBackerCompound(ctx: Ctx, j: number): boolean {
  const dash = ctx.toks[j], w = ctx.toks[j + 1];
  return dash?.key === '-' && !!w && BACKED.test(w.key);
}

const titleWords = new WeakMap<KnowledgeBase, Set<string>>();
/** the office chunk ends in the plural of a title's last word ("senators", "ministers", "chiefs") */
function pluralTitle(ctx: Ctx, h: Chunk): boolean {
  let words = titleWords.get(ctx.kb);
  if (!words) {
    words = new Set();
    for (const o of ctx.kb.offices.values()) for (const t of o.titles) words.add(t.toLowerCase().split(RE_DEFINED_ACRONYMS_2).pop()!);
    titleWords.set(ctx.kb, words);
  }
  // "president of the United States": a plural inside the title's own "of" phrase is no plural title
  for (let i = h.i; i < h.j; i++) if (ctx.toks[i]!.key === 'of') return false;
  const key = ctx.toks[h.j - 1]!.key;
  return key.length > 3 && key.endsWith('s') && !key.endsWith('ss') && words.has(key.slice(0, -1));
}

/** "pro-" / "anti-" written onto token i ("pro-Iranian", "Anti-American"). */
function isStanceCompound(ctx: Ctx, i: number): boolean {
  const dash = ctx.toks[i - 1], pre = ctx.toks[i - 2];
  return dash?.key === '-' && !!pre && PRO_ANTI.test(pre.key) && pre.end === dash.start && dash.end === ctx.toks[i]!.start;
}

function parsePrefix(ctx: Ctx, chunks: Chunk[], k: number): Prefix {
  const p: Prefix = { country: null, fromAdj: false, former: false, then: false, first: k, next: k, orgPoss: null, backer: null };
  let n = k;
  const stop = ctx.lineEnd[chunks[k]!.i]!;
  for (let guard = 0; guard < 6 && n < chunks.length; guard++) {
    const c = chunks[n]!;
    if (c.i >= stop) break;
    const key = ctx.toks[c.i]!.key;
    if (c.k === 'word' && (MODS.has(key) || FORMER.has(key))) {
      if (FORMER.has(key)) p.former = true;
      if (key === 'then') p.then = true;
      n++;
      if (ctx.toks[chunks[n]?.i ?? -1]?.key === '-') n++; // "ex-", "then-"
      continue;
    }
    // "deputy governor": a title word that is also a modifier qualifies the title after it
    if (c.k === 'kb' && c.j === c.i + 1 && MODS.has(key) && candOf(chunks[n + 1], 'office') && chunks[n + 1]!.i === c.j) { n++; continue; }
    if (c.k === 'kb' && c.cands.some((x) => x.t === 'sector' && x.sector === 'ELI') && ctx.toks[c.i]!.key !== 'elite') {
      p.former = true; n++;
      if (ctx.toks[chunks[n]?.i ?? -1]?.key === '-') n++;
      continue;
    }
    // "pro-Iranian Hizbollah", "anti-American protesters": the country is a sympathy or a target,
    // not whose the group is; the compound qualifies what follows and is no mention itself
    if (c.k === 'kb' && isStanceCompound(ctx, c.i) && (candOf(c, 'adj') || candOf(c, 'state'))) { n++; continue; }
    if (p.country === null && c.k === 'kb') {
      const adj = candOf(c, 'adj');
      const st = candOf(c, 'state') ?? candOf(c, 'metonym');
      if ((adj || st) && ctx.toks[c.j]?.key === '-' && ctx.toks[c.j + 1]?.key === 'based') {
        // "a Somalia-based paramilitary group": the country is where the group is
        p.country = (adj ?? st)!.id; p.fromAdj = true; n++;
        while (n < chunks.length && chunks[n]!.i < c.j + 2) n++;
        continue;
      }
      if (isBackerCompound(ctx, c.j) && (adj || st)) {
        p.backer = { id: (adj ?? st)!.id, i: c.i, j: c.j + 2 };
        n++;
        while (n < chunks.length && chunks[n]!.i < c.j + 2) n++;
        continue;
      }
      if (adj) { p.country = adj.id; p.fromAdj = true; n++; continue; }
      if (st && (isPossessive(ctx, c.j) || pluralPossessive(ctx, c.j))) {
        p.country = st.id; n++;
        const past = c.j + (isPossessive(ctx, c.j) ? 2 : 1);
        while (n < chunks.length && chunks[n]!.i < past) n++;
        continue;
      }
      const org = candOf(c, 'org');
      // "Russian Security Council Secretary Sergei Shoigu", "NATO Secretary General Mark Rutte"
      if (org && !isPossessive(ctx, c.j) && candOf(chunks[n + 1], 'office') && chunks[n + 1]!.i < stop) {
        const o = ctx.kb.orgs.get(org.id) ?? null;
        p.orgPoss = o;
        if (o?.country && o.country !== 'IGO') p.country = o.country;
        n++;
        continue;
      }
      if (org && isPossessive(ctx, c.j)) {
        p.orgPoss = ctx.kb.orgs.get(org.id) ?? null; n++;
        while (n < chunks.length && chunks[n]!.i < c.j + 2) n++;
        continue;
      }
      // a state name used attributively before a title: "US Senator", "Ukraine President"
      if (st && chunks[n + 1] && candOf(chunks[n + 1], 'office') && chunks[n + 1]!.i < stop) { p.country = st.id; n++; continue; }
    }
    break;
  }
  p.next = n;
  return p;
}

/** A run of capitalised name tokens from chunk k ("Mohsin Naqvi", "Ho-jen Tseng", "Abu Mohammed al-Jolani"): [end chunk, end token]. */
function nameRun(ctx: Ctx, chunks: Chunk[], k: number): [number, number] | null {
  let n = k, words = 0, lastTok = -1;
  while (n < chunks.length && words < 5) {
    const c = chunks[n]!;
    const t = ctx.toks[c.i]!;
    if ((c.k === 'cap' && !NOT_NAME.has(t.key)) || (c.k === 'kb' && nameLikeKb(c, words > 0) && ctx.toks.slice(c.i, c.j).every((x) => isCap(x) || x.key === '-'))) { words++; lastTok = c.j; n++; }
    else if (c.k === 'word' && NAME_PARTICLES.has(t.key) && words > 0 && chunks[n + 1] && (chunks[n + 1]!.k === 'cap' || ctx.toks[chunks[n + 1]!.i]!.key === '-')) { n++; }
    else if (c.k === 'punct' && t.key === '-' && words > 0 && chunks[n + 1] && chunks[n + 1]!.k !== 'punct' && ctx.toks[chunks[n + 1]!.i]!.start === t.end) {
      n++; const c2 = chunks[n]!; lastTok = c2.j; n++;
    }
    else if (c.k === 'punct' && t.key === '.' && words > 0 && ctx.toks[c.i - 1]!.text.length === 1) { n++; } // initials: "J. Burns"
    else break;
    if (ctx.toks[lastTok] && ctx.doc.text.slice(ctx.toks[lastTok - 1]!.end, ctx.toks[lastTok]!.start).includes('\n')) break;
  }
  return words ? [n, lastTok] : null;
}

function push(ctx: Ctx, i: number, j: number, type: MentionType, entity: Entity | null, antecedent?: number | null): Mention {
  if (j > ctx.lineEnd[i]!) j = ctx.lineEnd[i]!; // a phrase never runs over a line break
  const start = ctx.toks[i]!.start, end = ctx.toks[j - 1]!.end;
  const text = ctx.doc.text.slice(start, end);
  const sentence = ctx.sent[i]!;
  if (entity) { entity.entity_text = text; entity.start = start; entity.end = end; entity.sentence = sentence; }
  const in_kb = !!entity && !entity.id.startsWith('new/');
  // the same keys in the same order as the other mention literals here: two maps, not three
  const m: Mention = antecedent !== undefined ? { start, end, text, sentence, type, entity, in_kb, antecedent } : { start, end, text, sentence, type, entity, in_kb };
  ctx.mentions.push(m);
  if (entity && type !== 'pronoun') ctx.lastById.set(entity.id, ctx.mentions.length - 1);
  if (!entity) addMessage(ctx.doc, 'actors:unresolved', `"${text}" looks like an actor but is not in the knowledge base (add it to data/kb)`, 'info', { start, end });
  return m;
}

function lastPerson(ctx: Ctx, sentence: number, pred: (e: Entity, m: Mention) => boolean, window = 3): number {
  for (let x = ctx.mentions.length - 1; x >= 0; x--) {
    const m = ctx.mentions[x]!;
    if (sentence - m.sentence > window) return -1;
    if (m.entity?.kind === 'person' && pred(m.entity, m)) return x;
  }
  return -1;
}

/** The subject of a sentence when it is a person: its first mention, a person fitting `pred`, with no verb
 * or auxiliary before it in the sentence (so not an object, nor the speaker of a quote that opens it); -1 when none. */
function previousSubject(ctx: Ctx, sentence: number, pred: (e: Entity, m: Mention) => boolean): number {
  const { toks } = ctx;
  let first = -1;
  for (let x = ctx.mentions.length - 1; x >= 0; x--) {
    const m = ctx.mentions[x]!;
    if (m.sentence < sentence) break;
    if (m.sentence === sentence) first = x;
  }
  if (first < 0) return -1;
  // an opening phrase up to the first comma is no subject ("Speaking in Kyiv, X ...", "In Warsaw, X ...",
  // "After X met Y, Z ..."): the subject comes after it
  let s0 = tokAt(toks, ctx.mentions[first]!.start);
  while (s0 > 0 && ctx.sent[s0 - 1] === sentence) s0--;
  const lead = toks[s0]!, leadPos = ctx.posAt(s0);
  if (OPENERS.has(lead.key) || leadPos === 'ADP' || leadPos === 'SCONJ' || leadPos === 'VERB' && ENDS_ING_ED.test(lead.key)) {
    let c = s0;
    while (c < toks.length && ctx.sent[c] === sentence && toks[c]!.key !== ',') c++;
    // (no comma: an opening adverb alone, "Earlier Foreign Secretary X said ...")
    if (c >= toks.length || ctx.sent[c] !== sentence) {
      if (!LEAD_ADVERBS.has(lead.key)) return -1;
      c = s0;
    }
    s0 = c + 1;
    while (first < ctx.mentions.length && ctx.mentions[first]!.sentence === sentence && ctx.mentions[first]!.start < toks[s0]!.start) first++;
    if (ctx.mentions[first]?.sentence !== sentence) return -1;
  }
  const m = ctx.mentions[first]!;
  if (m.type === 'pronoun' || m.entity?.kind !== 'person') return -1;
  for (let i = tokAt(toks, m.start) - 1; i >= s0; i--) {
    const p = ctx.posAt(i);
    if (p === 'VERB' || p === 'AUX' || QUOTE_MARK.test(toks[i]!.text)) return -1;
  }
  // "The Shadow Secretary of State for the Family, Theresa May, said: ...": the name in apposition (after a comma,
  // no verb between) is the subject as named
  const next = ctx.mentions[first + 1];
  if (next && next.sentence === sentence && next.entity?.kind === 'person' && next.type !== 'pronoun' && RE_PREVIOUS_SUBJECT.test(ctx.doc.text.slice(m.end, next.start))) {
    let verb = false;
    for (let i = tokAt(toks, m.end); i < toks.length && toks[i]!.start < next.start; i++) if (ctx.posAt(i) === 'VERB' || ctx.posAt(i) === 'AUX') verb = true;
    if (!verb) return pred(next.entity, next) ? first + 1 : -1;
  }
  return pred(m.entity, m) ? first : -1;
}
const LEAD_ADVERBS = new Set(['earlier', 'later', 'meanwhile', 'however', 'also']);
/** words that open a sentence with a phrase before its subject */
const OPENERS = new Set(['after', 'before', 'when', 'while', 'as', 'although', 'though', 'if', 'because', 'since', 'once', 'despite', 'in', 'on', 'at', 'during', 'following', 'speaking', 'earlier', 'later', 'meanwhile', 'however', 'also']);
const QUOTE_MARK = /^["“”‘’']$/;

function genderOf(ctx: Ctx, e: Entity): 'm' | 'f' | null {
  return ctx.kb.people.get(e.id)?.gender ?? ctx.gender.get(e.id) ?? null;
}

const CLAUSE_WORDS = new Set([',', ';', ':', 'that', 'who', 'which', 'said', 'says', 'and', 'but', 'when', 'after', 'before', 'because', 'while', 'if', 'as']);
/** Is there a clause boundary (punctuation, a conjunction, a speech verb) between two offsets? */
function clauseBetween(ctx: Ctx, from: number, to: number): boolean {
  for (let x = tokAt(ctx.toks, from); x < ctx.toks.length && ctx.toks[x]!.start < to; x++) if (CLAUSE_WORDS.has(ctx.toks[x]!.key)) return true;
  return false;
}

/** A sector word at chunk n, allowing up to two plain words between ("two Chinese military planes"). */
function sectorAhead(ctx: Ctx, chunks: Chunk[], n: number): { sector: string; end: number } | null {
  const stop = chunks[n] ? ctx.lineEnd[Math.max(0, chunks[n]!.i - 1)]! : 0;
  for (let skip = 0; skip <= 2 && n + skip < chunks.length; skip++) {
    const c = chunks[n + skip]!;
    if (c.i >= stop) return null;
    const s = candOf(c, 'sector');
    if (s && s.sector !== 'ELI') return { sector: s.sector, end: n + skip };
    if (c.k === 'punct' || (c.k === 'kb' && !candOf(c, 'sector'))) return null;
    const key = ctx.toks[c.i]!.key;
    if (STOP.has(key)) return null;
    const pos = ctx.posAt(c.i);
    if (pos && !['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(pos)) return null;
    if (ctx.toks[c.i]!.start > 0 && RE_SECTOR_AHEAD.test(ctx.doc.text.slice(ctx.toks[c.i - 1]!.end, ctx.toks[c.i]!.start))) return null;
  }
  return null;
}

function assemble(ctx: Ctx, chunks: Chunk[]): void {
  const { toks, kb } = ctx;
  for (let k = 0; k < chunks.length;) {
    const ck = chunks[k]!.k, ci = chunks[k]!.i;
    // fast path: punctuation and plain words start nothing (most chunks of a text)
    if (ck === 'punct') { k++; continue; }
    // "One man I spoke to", "The carpenter says" at a sentence's start
    if (ck === 'cap' && ctx.sentStart[ci] && DESC_DET.has(toks[ci]!.key)) {
      const n = describedPerson(ctx, chunks, k);
      if (n > k) { k = n; continue; }
    }
    if (ck === 'word') {
      const w = toks[ci]!.key;
      if (DESC_DET.has(w)) {
        const n = describedPerson(ctx, chunks, k);
        if (n > k) { k = n; continue; }
      }
      if (!MODS.has(w) && !FORMER.has(w) && !PLURAL.has(w) && !PRONOUNS.has(w)) { k++; continue; }
    }
    // the rest in a block of its own, entered only past the cheap test. Each kind of head is a function of its own
    // (pronounChunk, titledChunk, kbHead...): one giant function was recompiled whole by TurboFan after every
    // deopt in any of its rare branches (26 KB of bytecode, 4 compiles, 8 s of compile time in a cold pass)
    {
      const c = chunks[k]!;
      const i0 = c.i;
      const sentence = ctx.sent[i0]!;
      const date = dateAt(ctx, sentence, toks[i0]!.start);

      if (c.k !== 'kb' && pronounChunk(ctx, c, i0, sentence)) { k++; continue; }

      const p = parsePrefix(ctx, chunks, k);
      // "Vietnamese-led forces": forces a state leads are its forces (backed, funded, supported ones are not)
      if (p.backer && toks[p.backer.j - 1]!.key === 'led') {
        const sec = sectorAhead(ctx, chunks, p.next);
        if (sec && (sec.sector === 'MIL' || sec.sector === 'PRM')) {
          push(ctx, p.backer.i, chunks[sec.end]!.j, 'description', stateEntity(ctx, p.backer.id, 'MIL', '', sentence, 0, 0, date));
          k = sec.end + 1; continue;
        }
      }
      if (p.backer) {
        const b = p.backer;
        push(ctx, b.i, b.j - 2, 'demonym', stateEntity(ctx, b.id, null, '', sentence, 0, 0, date));
      }
      const h = chunks[p.next];
      const first = p.country || p.former || p.orgPoss ? chunks[p.first]!.i : h?.i ?? i0;
      const startI = p.backer ? (chunks[p.next]?.i ?? i0) : first;

      // TITLE (+ NAME) (+ "of" COUNTRY|ORG)
      const off = h && !usedAsVerb(ctx, h.i) ? candOf(h, 'office') : undefined;
      if (h && off) { k = titledChunk(ctx, chunks, p, h, off, startI, sentence, date); continue; }

      // "Bosnian Serbs", "Kosovo Albanians": a people living in another state is that state's people (PLOVER/CAMEO)
      { const n = peopleOfState(ctx, chunks, p, h, sentence, date); if (n >= 0) { k = n; continue; } }
      { const n = countryGroup(ctx, chunks, p, h, startI, sentence, date); if (n >= 0) { k = n; continue; } }
      // "our Turkish allies", "their French counterparts", "Iraqi preservationists": a country
      // adjective before a plural noun of people the sector lists do not know is a group of that country
      if (p.country && p.fromAdj && !p.former && h && h.k === 'word') {
        const end = humanPlural(ctx, chunks, p.next);
        if (end >= 0) {
          push(ctx, startI, chunks[end]!.j, 'demonym', mkEntity('', `${kb.states.get(p.country)?.name ?? p.country} ${toks[chunks[end]!.i]!.key}`, p.country, 'group', kb.states.get(p.country)?.sector ? kb.states.get(p.country)!.sovereign : p.country, null, null, 0, 0, 0));
          k = end + 1; continue;
        }
      }
      if (p.country && p.next > k && !(h && (candOf(h, 'org') || candOf(h, 'person') || candOf(h, 'gov')))) { k = countryAlone(ctx, chunks, p as Prefix & { country: string }, h, k, sentence, date); continue; }
      if (p.orgPoss && !p.country && p.next > k) {
        // "ISIL's murderous violence": the organisation itself
        const oc = chunks[p.next - 1]!;
        const endI = isPossessive(ctx, oc.j - 2) ? oc.j - 2 : oc.j;
        const first = chunks[p.first]!;
        const textOf = ctx.doc.text.slice(toks[first.i]!.start, toks[endI - 1]!.end);
        push(ctx, first.i, endI, RE_ASSEMBLE.test(textOf) && textOf.length <= 8 ? 'acronym' : 'name', orgEntity(ctx, p.orgPoss, '', sentence, 0, 0, date));
        k = p.next; continue;
      }
      if (!h) break;

      if (h.k === 'kb') { k = kbHead(ctx, chunks, p, h, startI, sentence, date); continue; }

      // "the Phillippines military", "Chenchen refugees": a misspelt state name or adjective (one edit,
      // nine letters or more: "Columbia", "Granada" are other places; one state only) before a group word is still that country's group
      if (h.k === 'cap' && !p.country && h.j === h.i + 1 && !ctx.headline[h.i]) {
        const fz = fuzzyState(ctx, toks[h.i]!.text);
        const sec = fz ? sectorAhead(ctx, chunks, p.next + 1) : null;
        if (fz && sec) {
          push(ctx, h.i, chunks[sec.end]!.j, 'demonym', stateEntity(ctx, fz, sec.sector, '', sentence, 0, 0, date));
          k = sec.end + 1; continue;
        }
      }
      if (h.k === 'cap') {
        const consumed = unknownName(ctx, chunks, p.next, sentence, date, startI, p.country);
        k = consumed > p.next ? consumed : p.next + 1;
        continue;
      }
      k = p.next + 1;
    }
  }
}

/** "they", "he", "him": a pronoun chunk resolved to an earlier mention; false when the chunk is no pronoun. */
function pronounChunk(ctx: Ctx, c: Chunk, i0: number, sentence: number): boolean {
  const toks = ctx.toks;
  // "they" → the last group, organisation or government named in this or the previous sentence
  if (c.k !== 'kb' && PLURAL.has(toks[i0]!.key)) {
    for (let x = ctx.mentions.length - 1; x >= 0; x--) {
      const m = ctx.mentions[x]!;
      if (sentence - m.sentence > 1) break;
      const e = m.entity;
      if (!e || e.kind === 'person' || e.kind === 'media' || (e.kind === 'state' && e.sector === null)) continue;
      push(ctx, i0, c.j, 'pronoun', cloneEntity(e), x);
      break;
    }
    return true;
  }
  // pronouns: he/she → the last person of that gender (or of unknown gender) within three sentences
  if (c.k !== 'kb' && PRONOUNS.has(toks[i0]!.key) && toks[i0]!.text.length <= 3) {
    const g = PRONOUNS.get(toks[i0]!.key)!;
    // "Mitterrand welcomed him": an object pronoun is not the subject of its own clause — a
    // candidate earlier in the sentence needs a clause boundary between ("X said he would meet him")
    const obj = toks[i0]!.key === 'him';
    const fits = (e: Entity, m: Mention): boolean => {
      if (ctx.relational.has(m)) return false;
      const pg = genderOf(ctx, e);
      if (!(pg === null || pg === g)) return false;
      return !obj || m.sentence !== sentence || clauseBetween(ctx, m.end, toks[i0]!.start);
    };
    let a = lastPerson(ctx, sentence, fits);
    // a sentence-initial "He"/"She" continues the previous sentence's subject, not the person named last in it
    // (centering: "The Polish prime minister met President Zelensky in Warsaw. He said ..." → the prime
    // minister); the subject: a person mention of the previous sentence with no verb before it
    // (not inside a quotation: a quoted "He" is someone the speaker, the subject before, talks about)
    if (a >= 0 && ctx.sentStart[i0] && !obj && ctx.mentions[a]!.sentence === sentence - 1 && !inQuote(ctx.doc.text, ctx.doc.text.lastIndexOf('\n', toks[i0]!.start) + 1, toks[i0]!.start)) {
      const subj = previousSubject(ctx, sentence - 1, fits);
      if (subj >= 0 && subj !== a && ctx.mentions[subj]!.entity!.id !== ctx.mentions[a]!.entity!.id) a = subj;
    }
    // "…, said George Lopez, a former UN panel member. He said …": a person the KB does not know, named as the
    // speaker after the known candidate, is who "he" is — not the known person before (who would take his words)
    // (a candidate inside a quotation is whom that sentence's speaker talks about: the speaker may stand before it)
    let from = a, quotedA = false;
    if (a >= 0) {
      const am = ctx.mentions[a]!;
      quotedA = inQuote(ctx.doc.text, ctx.byIndex.get(am.sentence)?.start ?? 0, am.start);
      if (quotedA) while (from >= 0 && ctx.mentions[from]!.sentence === am.sentence) from--;
    }
    // (only over a person the KB names, or anyone named inside a quotation: a description outside one, "Tory
    // leader", "the correspondent", is often the unknown speaker himself); and not for a quoted "he", someone the
    // speaker talks about
    const u = a >= 0 && !obj && (quotedA || ctx.mentions[a]!.entity!.id.startsWith('person/')) && !inQuote(ctx.doc.text, ctx.doc.text.lastIndexOf('\n', toks[i0]!.start) + 1, toks[i0]!.start)
      ? unknownSpeaker(ctx, from, toks[i0]!.start, sentence) : -1;
    if (u >= 0) {
      const m = ctx.mentions[u]!;
      push(ctx, i0, c.j, 'pronoun', mkEntity(toks[i0]!.text, m.text, `new/${slug(m.text)}`, 'person', null, null, null, sentence, toks[i0]!.start, toks[i0]!.end), u);
    } else if (a >= 0) {
      const e = cloneEntity(ctx.mentions[a]!.entity!);
      push(ctx, i0, c.j, 'pronoun', e, a);
    }
    return true;
  }
  return false;
}

/**
 * An unresolved name shaped like a person's: two or more capitalised words, none an acronym ("Takaaki Uesugi",
 * "Mr Howard", "Lord Woolf"), or one word that ended such a name earlier ("Uesugi" after "Takaaki Uesugi") — not
 * a party or section word standing alone ("Labour", "Sport") nor an organisation's name.
 */
function personLike(ctx: Ctx, m: Mention, x: number): boolean {
  if (looksLikeOrganisation(m.text) || ctx.acronyms.has(m.text)) return false;
  const words = m.text.split(' ');
  if (words.some((w) => !UPPER_START.test(w) || (w.length > 1 && w === w.toUpperCase()))) return false;
  if (words.length >= 2) return true;
  for (let y = x - 1; y >= 0; y--) {
    const p = ctx.mentions[y]!;
    if (!p.entity && p.text.length > m.text.length && p.text.endsWith(' ' + m.text)) return true;
  }
  return false;
}

/**
 * A person the KB does not know (a name or "Lord X" left unresolved) named as a speaker — "said X", "X said", "X,
 * a guard at the town hall, said" — after mention `after` and before `at`, in this or the previous sentence; -1
 * when none. Only a speaker: an unresolved name elsewhere is as often a place or a firm.
 */
function unknownSpeaker(ctx: Ctx, after: number, at: number, sentence: number, sameSentence = false): number {
  const toks = ctx.toks;
  for (let x = ctx.mentions.length - 1; x > after; x--) {
    const m = ctx.mentions[x]!;
    if (m.start >= at) continue;
    if (sentence - m.sentence > (sameSentence ? 0 : 1)) break;
    if (m.entity || (m.type !== 'name' && m.type !== 'surname') || !personLike(ctx, m, x)) continue;
    if (inQuote(ctx.doc.text, ctx.byIndex.get(m.sentence)?.start ?? 0, m.start)) continue;
    // in the sentence before, only a speaker who opens it ("X, a guard, said he …") or follows a quotation ('"…,"
    // said X'): in "He then shot a man, X said" the content's "he" is whom a next "He" continues
    const sStart = ctx.byIndex.get(m.sentence)?.start ?? 0;
    if (m.sentence < sentence && !/["“”]/.test(ctx.doc.text.slice(sStart, m.start))) {
      let verb = false;
      for (let i = tokAt(toks, m.start) - 1; i >= 0 && toks[i]!.start >= sStart; i--) if (ctx.posAt(i) === 'VERB' || ctx.posAt(i) === 'AUX') { verb = true; break; }
      if (verb) continue;
    }
    const b = tokAt(toks, m.start) - 1;
    if (b >= 0 && ctx.sent[b] === m.sentence && (SPEECH.has(toks[b]!.key) || REPLY.has(toks[b]!.key))) return x;
    // up to three appositive phrases, each to its comma, between the name and its speech verb
    let v = tokAt(toks, m.end);
    for (let k = 0; k < 3 && toks[v]?.key === ','; k++) {
      if (toks[v + 1] && SPEECH.has(toks[v + 1]!.key)) { v++; break; }
      let y = v + 1;
      while (y < toks.length && y < v + 15 && toks[y]!.key !== ',' && toks[y]!.key !== '.') y++;
      if (toks[y]?.key !== ',') break;
      v = y;
    }
    if (toks[v]?.key === 'has' || toks[v]?.key === 'had') v++;
    if (toks[v] && ctx.sent[v] === m.sentence && (SPEECH.has(toks[v]!.key) || REPLY.has(toks[v]!.key))) return x;
  }
  return -1;
}

/** TITLE (+ NAME) (+ "of" COUNTRY|ORG) at chunk p.next; the chunk index after what it consumed. */
function titledChunk(ctx: Ctx, chunks: Chunk[], p: Prefix, h: Chunk, off: Extract<Cand, { t: 'office' }>, startI: number, sentence: number, date: string): number {
  const { toks, kb } = ctx;
  const office = kb.offices.get(off.id);
  let country = p.country ?? off.country ?? null;
  let orgCtx = p.orgPoss ?? (off.org ? kb.orgs.get(off.org) ?? null : null);
  let n = p.next + 1;
  // "opposition leader Maulana Fazl-ur-Rehman", "Foreign Minister Dr. X": an honorific between title and KB name
  for (let x = n; chunks[x] && chunks[x]!.k !== 'punct' && HONORIFICS.has(toks[chunks[x]!.i]!.key) && x < n + 2; ) {
    x++;
    if (chunks[x] && toks[chunks[x]!.i]!.key === '.') x++;
    if (candOf(chunks[x], 'person') && chunks[x]!.i < ctx.lineEnd[h.i]!) { n = x; break; }
  }
  const nx = chunks[n];
  const per = candOf(nx, 'person');
  const sur = candOf(nx, 'surname');
  // where the name part ends (chunk index after it), and what kind of name it is
  let nameEnd = n, kind: 'kb' | 'surname' | 'new' | 'none' = 'none';
  let run: [number, number] | null = null;
  if (nx && per) { nameEnd = n + 1; kind = 'kb'; }
  else {
    run = nx && (nx.k === 'cap' || sur) && !ctx.headline[nx.i] ? nameRun(ctx, chunks, n) : null;
    if (nx && sur && (!run || run[0] === n + 1)) { nameEnd = n + 1; kind = 'surname'; }
    else if (run) { nameEnd = run[0]; kind = 'new'; }
  }
  // "president of Armenia", "King Hassan of Morocco", "president of the Riigikogu"
  let post = ofCountry(ctx, chunks, nameEnd);
  // "the president of Tatarstan" is not Russia's president: a region's office only when the
  // office has many holders in a country (governor, deputy, minister)
  if (post?.place && office?.single_holder) post = null;
  let endChunk = nameEnd;
  let sectorOverride: string | null = null;
  if (post && !country && !orgCtx) {
    endChunk = post.end;
    if (post.org) {
      orgCtx = post.org;
      if (post.org.country && post.org.country !== 'IGO') {
        country = post.org.country;
        if (post.org.sector && ['LEG', 'JUD', 'MIL', 'COP', 'SPY', 'PTY'].includes(post.org.sector)) sectorOverride = post.org.sector;
      }
    } else country = post.country;
  }
  const endTok = endChunk > n ? chunks[endChunk - 1]!.j : h.j;
  if (kind === 'kb') {
    const pe = kb.people.get(per!.id)!;
    push(ctx, startI, endTok, 'title', personEntity(ctx, pe, '', sentence, 0, 0, date, off.id, p.former, p.then));
    return endChunk;
  }
  if (kind === 'surname') {
    const pe = pickSurname(ctx, sur!.ids, date, off.id, country);
    if (pe) { push(ctx, startI, endTok, 'title', personEntity(ctx, pe, '', sentence, 0, 0, date, off.id, p.former, p.then)); return endChunk; }
    kind = 'new';
    run = nameRun(ctx, chunks, n) ?? [n + 1, nx!.j];
    endChunk = Math.max(endChunk, run[0]);
  }
  if (kind === 'new' && run) {
    const nameText = ctx.doc.text.slice(toks[nx!.i]!.start, toks[run[1] - 1]!.end);
    // "President Abdelaziz Bouteflicka", "former president Carlos Menem": a spelling variant or a
    // short form of the one KB person who held that office
    const fz = fuzzyHolder(ctx, toks.slice(nx!.i, run[1]).filter(isWord).map((t) => t.text), off.id, country);
    if (fz) {
      push(ctx, startI, endTok, 'title', personEntity(ctx, fz, '', sentence, 0, 0, date, off.id, p.former, p.then));
      return endChunk;
    }
    const side = !country && orgCtx ? orgOfficeSide(ctx, orgCtx, date) : null;
    const sector = p.former ? 'ELI' : side?.sector ?? sectorOverride ?? office?.sector ?? 'GOV';
    const ctry = country ?? side?.country ?? null;
    const e = mkEntity('', nameText, `new/${slug(nameText)}`, 'person', ctry, sector, off.id, 0, 0, 0, ctry === 'IGO' ? orgCtx?.code : undefined);
    const m = push(ctx, startI, endTok, 'title', e);
    rememberName(ctx, toks.slice(nx!.i, run[1]).filter(isWord), ctx.mentions.length - 1, m.entity);
    return endChunk;
  }
  // a plural title ("senators", "the presidents of Russia and France", "EU foreign ministers")
  // names several people: a group of that sector, never one of them
  if (kind === 'none' && pluralTitle(ctx, h)) {
    const endT = post && endChunk === post.end ? endTok : h.j;
    const words = ctx.doc.text.slice(toks[h.i]!.start, toks[h.j - 1]!.end).toLowerCase();
    // "the presidents of Russia and France": of several countries, no one country
    const side = !country && orgCtx ? orgOfficeSide(ctx, orgCtx, date) : null;
    const ctry = post && endChunk === post.end && toks[endT]?.key === 'and' ? null : country ?? side?.country ?? null;
    push(ctx, startI, endT, 'description', mkEntity('', `${ctry ? `${kb.states.get(ctry)?.name ?? ctry} ` : ''}${words}`, `new/${slug(`${ctry ?? 'unknown'}-${words}`)}`, 'group', ctry, p.former ? 'ELI' : (ctry && side?.sector) ?? sectorOverride ?? office?.sector ?? 'GOV', null, 0, 0, 0, ctry === 'IGO' ? orgCtx?.code : undefined));
    return post && endChunk === post.end ? endChunk : p.next + 1;
  }
  // a bare lower-case title that is also a common word ("general merchandise", "in general", "criminal
  // justice", "deputy director", "a representative for the actress") is a person only after a
  // determiner and with no noun or adjective after it ("the general said")
  if (!country && !orgCtx && !post && h.j === h.i + 1 && AMBIG_TITLES.has(toks[h.i]!.key) && !isCap(toks[h.i]!)) {
    const nextPos = h.j < ctx.lineEnd[h.i]! ? ctx.posAt(h.j) : null;
    const nextKey = toks[h.j]?.key;
    if (!TITLE_DET.has(toks[h.i - 1]?.key ?? '') || nextPos === 'NOUN' || nextPos === 'ADJ' || nextPos === 'PROPN' || nextKey === 'for' || nextKey === 'of' || toks[h.i]!.key === 'justice') { return p.next + 1; }
  }
  // "Prince played a concert", "Stephen King accused", "Arc of Justice": a capitalised title word alone is a proper name
  // (an artist, a writer, a title), not an office, when nothing makes it one: no determiner or modifier before it ("the
  // Queen", "the Deputy Secretary", "a senior Tory MP"), no country, body, name or complement ("Minister for the Middle
  // East") around it. English puts a determiner before an office named alone; headlines, which drop it, keep the office
  if (kind === 'none' && !country && !orgCtx && !post && !p.former && startI === h.i && h.j === h.i + 1 && bareCapTitle(ctx, chunks, p.next, h)) return p.next + 1;
  // a description: "the Russian foreign minister", "the minister"
  // "president of the Riigikogu" heads that body: not the country's president
  const e = sectorOverride && orgCtx
    ? { entity: mkEntity('', `${orgCtx.name} ${off.id.replace(RE_TITLED_CHUNK, ' ')}`, `new/${slug(`${orgCtx.id.slice(4)}-${off.id}`)}`, 'person', country, p.former ? 'ELI' : sectorOverride, off.id, 0, 0, 0), antecedent: null }
    : describeOffice(ctx, off.id, country, orgCtx, p.former, sentence, date);
  push(ctx, startI, post && endChunk === post.end ? endTok : h.j, 'description', e.entity, e.antecedent);
  return post && endChunk === post.end ? endChunk : p.next + 1;
}

/** "Bosnian Serbs", "Kosovo Albanians": a people living in another state is that state's people (PLOVER/CAMEO); -1 when not. */
function peopleOfState(ctx: Ctx, chunks: Chunk[], p: Prefix, h: Chunk | undefined, sentence: number, date: string): number {
  const toks = ctx.toks;
  const named = !p.country && !p.former && h && h.k === 'kb' && !isPossessive(ctx, h.j) && !LOC_PREPS.has(toks[h.i - 1]?.key ?? '') ? candOf(h, 'state') : undefined;
  const home = p.country && !p.former && p.next === p.first + 1 ? p.country : named?.id ?? null;
  const pc = home ? (named ? chunks[p.next + 1] : h) : undefined;
  if (home && pc && pc.k === 'kb' && pc.i < ctx.lineEnd[pc.i - 1]! && toks[pc.i]!.start === toks[pc.i - 1]!.end + 1 && ctx.desc.peoples.has(toks[pc.j - 1]!.key)) {
    const pn = named ? p.next + 1 : p.next;
    const dem = candOf(pc, 'demonym') ?? candOf(pc, 'adj');
    if (dem && dem.id !== home) {
      const sec = sectorAhead(ctx, chunks, pn + 1);
      const adjacent = sec && sec.end === pn + 1 && toks[chunks[sec.end]!.i]!.start === toks[pc.j - 1]!.end + 1;
      push(ctx, named ? h!.i : chunks[p.first]!.i, adjacent ? chunks[sec!.end]!.j : pc.j, 'demonym', stateEntity(ctx, home, adjacent ? sec!.sector : 'CVL', '', sentence, 0, 0, date));
      return adjacent ? sec!.end + 1 : pn + 1;
    }
  }
  return -1;
}

/** COUNTRY + group word ("Russian officials", "Minsk police"); -1 when not. */
function countryGroup(ctx: Ctx, chunks: Chunk[], p: Prefix, h: Chunk | undefined, startI: number, sentence: number, date: string): number {
  const { toks, kb } = ctx;
  // COUNTRY + group word: "Russian officials", "Afghan forces", "Chile's Defense Department", "Minsk police"
  const metonymHead = !p.country && h ? candOf(h, 'metonym') ?? candOf(h, 'place') : undefined;
  // "Ivory Coast rebels", "Sierra Leone police": a state name used attributively, right before its
  // group word (a state with no adjective in use, or written so); only adjacent, as "Russia said troops" is not
  const stateHead = !p.country && !metonymHead && h ? candOf(h, 'state') : undefined;
  const groupCountry = p.country ?? (metonymHead ? metonymHead.id : stateHead ? stateHead.id : null);
  if (groupCountry) {
    const from = p.country ? p.next : p.next + 1;
    let sec = sectorAhead(ctx, chunks, from);
    if (sec && stateHead && !stateGroup(ctx, chunks, h!, from, sec, p.next, stateHead.id)) sec = null;
    if (sec) {
      const nx = chunks[sec.end + 1];
      const s2 = nx && nx.i < ctx.lineEnd[nx.i - 1]! && toks[nx.i]!.start === toks[nx.i - 1]!.end + 1 ? candOf(nx, 'sector') : undefined;
      // "an Indian army spokesman", "Syrian opposition leaders": the people of that body, its sector kept
      if (s2 && SPOKES.has(keysOf(ctx, nx!.i, nx!.j))) sec = { sector: sec.sector, end: sec.end + 1 };
      // "ROK military commanders": the group word after the sector word is the head
      else if (s2 && stateHead && s2.sector !== 'ELI' && !kb.modifierOnly.has(keysOf(ctx, nx!.i, nx!.j))) sec = { sector: s2.sector, end: sec.end + 1 };
    }
    if (sec) {
      const end = chunks[sec.end]!.j;
      let e = p.former ? stateEntity(ctx, groupCountry, 'ELI', '', sentence, 0, 0, date) : stateEntity(ctx, groupCountry, sec.sector, '', sentence, 0, 0, date);
      if (e.kind === 'group' && oneHuman(ctx, end)) e.kind = 'person';
      // "the Jordanian planning minister": one official of the government, not the government
      else if (e.kind === 'government' && oneHuman(ctx, end)) {
        const words = toks.slice(chunks[from]!.i, end).map((t) => t.key).join(' ');
        e = mkEntity('', `${kb.states.get(e.country_code!)?.name ?? e.country_code} ${words}`, `new/${slug(`${e.country_code}-${words}`)}`, 'person', e.country_code, 'GOV', null, 0, 0, 0);
      }
      // "Berlin police spokeswoman Valeska Jakubowski": the named person, of that body
      if (e.kind === 'person' && SPOKES.has(toks[end - 1]!.key) && chunks[sec.end + 1]?.k === 'cap' && !ctx.headline[end] && toks[end]!.start === toks[end - 1]!.end + 1) {
        const run = nameRun(ctx, chunks, sec.end + 1);
        if (run && run[1] - chunks[sec.end + 1]!.i >= 2) {
          const nameText = ctx.doc.text.slice(toks[chunks[sec.end + 1]!.i]!.start, toks[run[1] - 1]!.end);
          push(ctx, startI, run[1], 'title', mkEntity('', nameText, `new/${slug(nameText)}`, 'person', e.country_code, e.sector, null, 0, 0, 0, e.code));
          rememberName(ctx, toks.slice(chunks[sec.end + 1]!.i, run[1]).filter(isWord), ctx.mentions.length - 1);
          return run[0];
        }
      }
      push(ctx, startI, end, p.fromAdj ? 'demonym' : 'description', e);
      return sec.end + 1;
    }
  }
  return -1;
}

/** The country alone, as a name or an adjective ("Russian", "Russia's", "the Syrian city of Raqqa"); the chunk index after it. */
function countryAlone(ctx: Ctx, chunks: Chunk[], p: Prefix & { country: string }, h: Chunk | undefined, k: number, sentence: number, date: string): number {
  const toks = ctx.toks;
  // the country alone: "Russian" (an adjective), "Russia's" (before something we do not know)
  const lastI = chunks[p.next - 1]!.j;
  const endI = isPossessive(ctx, lastI - 2) ? lastI - 2 : pluralPossessive(ctx, lastI - 1) ? lastI - 1 : lastI;
  // "UK", "U.S." are adjectives and names at once: alone, they name the state
  const first = chunks[p.first]!;
  const adjOnly = p.fromAdj && !(first.k === 'kb' && first.cands.some((x) => x.t === 'state' && x.id === p.country));
  // "the Turkish border", "the Syrian city of Raqqa": a place in that country (the country is
  // still what PLOVER codes), named as a place rather than by a nationality adjective
  // "the Russian language", "Russian-language media", "Russian-speaking residents": a language, not the state
  if (adjOnly && LANGUAGE.has(toks[endI]?.key === '-' ? toks[endI + 1]?.key ?? '' : toks[endI]?.key ?? '') && endI < ctx.lineEnd[chunks[p.first]!.i]!) { return p.next; }
  // "British cinema", "the French wine industry", "Venezuelan law", "the Australian Open", "Tunisian-born": the adjective
  // (or "US", "UK" used as one) qualifies a thing, not an actor (data/actors/non-actor-nouns.json; the compound's head decides)
  if (!p.former && endI === lastI && nonActorHead(ctx, endI)) {
    const st = ctx.kb.states.get(p.country);
    ctx.qualifiers.push({ country: st?.sector ? st.sovereign ?? p.country : p.country, sentence });
    return p.next;
  }
  const pn = adjOnly && h && h.k === 'word' && !p.former ? toks[h.i]! : null;
  if (pn && PLACE_NOUNS.has(pn.key) && pn.start === toks[h!.i - 1]!.end + 1) {
    let endT = h!.i + 1;
    // "the Syrian city of Raqqa": the place's own name too
    if (toks[endT]?.key === 'of' && toks[endT + 1] && isCap(toks[endT + 1]!) && endT + 1 < ctx.lineEnd[h!.i]!) {
      endT += 2;
      while (endT < ctx.lineEnd[h!.i]! && ((isCap(toks[endT]!) && !NOT_NAME.has(toks[endT]!.key)) || (toks[endT]!.key === '-' && toks[endT + 1] && isCap(toks[endT + 1]!))) && toks[endT]!.start <= toks[endT - 1]!.end + 1) endT++;
    }
    push(ctx, chunks[p.first]!.i, endT, 'name', stateEntity(ctx, p.country, null, '', sentence, 0, 0, date));
    while (k < chunks.length && chunks[k]!.i < endT) k++;
    return k;
  }
  // "French and Egyptian warships", "U.S. and Russian negotiators": the first adjective shares the head
  if (!p.former && (toks[endI]?.key === 'and' || toks[endI]?.key === 'or') && endI + 1 < ctx.lineEnd[endI]!) {
    let q = p.next;
    while (q < chunks.length && chunks[q]!.i <= endI) q++;
    const p2 = q < chunks.length ? parsePrefix(ctx, chunks, q) : null;
    const sec2 = p2?.country && p2.fromAdj && !p2.former && p2.country !== p.country ? sectorAhead(ctx, chunks, p2.next) : null;
    if (sec2 && sec2.end === p2!.next) {
      const e2 = stateEntity(ctx, p.country, sec2.sector, '', sentence, 0, 0, date);
      if (e2.kind === 'group' && oneHuman(ctx, chunks[sec2.end]!.j)) e2.kind = 'person';
      push(ctx, chunks[p.first]!.i, Math.max(endI, chunks[p.first]!.i + 1), 'demonym', e2);
      return p.next;
    }
  }
  push(ctx, chunks[p.first]!.i, Math.max(endI, chunks[p.first]!.i + 1), adjOnly ? 'demonym' : 'name', stateEntity(ctx, p.country, p.former ? 'ELI' : null, '', sentence, 0, 0, date));
  return p.next;
}

/** A head chunk the KB knows (a person, organisation, state, people, group word); the chunk index after it. */
function kbHead(ctx: Ctx, chunks: Chunk[], p: Prefix, h: Extract<Chunk, { k: 'kb' }>, startI: number, sentence: number, date: string): number {
  const { toks, kb } = ctx;
  const hc = h;
  const key = toks[hc.i]!.key;
  const org = candOf(hc, 'org');
  const per = candOf(hc, 'person');
  const gov = candOf(hc, 'gov');
  const st = candOf(hc, 'state');
  const met = candOf(hc, 'metonym');
  const sur = candOf(hc, 'surname');
  const dem = candOf(hc, 'demonym');
  const sec = candOf(hc, 'sector');
  const textOf = hc.j - hc.i === 1 ? toks[hc.i]!.text : ctx.doc.text.slice(toks[hc.i]!.start, toks[hc.j - 1]!.end).replace(RE_KB_HEAD, '');
  // "the counter-ISIL coalition", "anti-Taliban forces": the organisation named is the opponent,
  // not the actor; the compound is left to the rules for its head word
  // (hyphenated only: "to counter ISIL" names ISIL as the object)
  if (org && !per && toks[hc.i - 1]?.key === '-' && toks[hc.i - 1]!.end === toks[hc.i]!.start && COUNTER_ANTI.test(toks[hc.i - 2]?.key ?? '')) { return p.next + 1; }
  if (per) {
    const pe = kb.people.get(per.id)!;
    const e = personEntity(ctx, pe, '', sentence, 0, 0, date, null, p.former);
    push(ctx, startI, hc.j, 'name', e);
    if (leaderGroup(ctx, hc.j, date)) { return p.next + 2; }
  } else if (org && kb.orgs.get(org.id)!.country === 'IGO' && HEAD_WORDS.has(toks[hc.j]?.key ?? '') && toks[hc.j + 1]?.key !== 'of' && hc.j < ctx.lineEnd[hc.i]!) {
    // "the IAEA chief", "the WHO head": an international organisation's head, as of the date
    const e = describeOffice(ctx, IGO_HEAD, null, kb.orgs.get(org.id)!, p.former, sentence, date);
    push(ctx, startI, hc.j + 1, 'description', e.entity, e.antecedent);
    return p.next + 2;
  } else if (org) {
    const o = kb.orgs.get(org.id)!;
    if (p.country && o.country && o.country !== 'IGO' && o.country !== p.country) {
      // "Chile's Defense Department": another country's body of the same kind, not the Pentagon
      const last = kb.trie.longest(toks, hc.j - 1, hc.j, (v) => v.t === 'sector')?.[1][0];
      const sector = last && last.t === 'sector' ? last.sector : o.sector;
      push(ctx, startI, hc.j, 'description', stateEntity(ctx, p.country, sector, '', sentence, 0, 0, date));
      return p.next + 1;
    }
    const e = orgEntity(ctx, o, '', sentence, 0, 0, date);
    const nextC = chunks[p.next + 1];
    const follow = nextC && nextC.i < ctx.lineEnd[hc.i]! && toks[nextC.i]!.start === toks[hc.j - 1]!.end + 1 ? candOf(nextC, 'sector') : undefined;
    let endJ = hc.j;
    // "the TASS news agency", "Boko Haram gunmen": the group word belongs to the organisation;
    // for an IGO it says which part acts: "EU legislators" (IGO LEG), "UN peacekeepers" (IGO MIL)
    if (follow && follow.sector !== 'ELI') {
      endJ = chunks[p.next + 1]!.j;
      if (o.kind === 'igo' && follow.sector !== e.sector && !kb.modifierOnly.has(keysOf(ctx, hc.j, endJ))) e.sector = follow.sector;
      // "Taliban fighters" once the Taliban are the government: that state's forces
      if (e.kind === 'government' && ['MIL', 'REB', 'UAF', 'PRM'].includes(follow.sector)) { e.sector = 'MIL'; e.code = `${e.country_code}MIL`; }
    }
    push(ctx, startI, endJ, RE_ASSEMBLE.test(textOf) && textOf.length <= 8 ? 'acronym' : 'name', e);
    if (follow) { return p.next + 2; }
  } else if (gov) {
    const g = kb.govs.find((x) => x.id === gov.id)!;
    push(ctx, startI, hc.j, 'name', mkEntity('', g.name, g.id, 'government', g.country, 'GOV', null, 0, 0, 0));
  } else if (st && !skipAmbiguousState(ctx, chunks, p.next, st.id)) {
    // "the US economy", "the UK film industry": the name used as an adjective qualifying a thing (as countryAlone)
    // only where a determiner shows the name stands as a modifier: "Iran names an envoy", "China charts a course" are the state acting
    if (!p.former && !st.former && (TITLE_DET.has(toks[startI]?.key ?? '') || TITLE_DET.has(toks[startI - 1]?.key ?? '')) && nonActorHead(ctx, hc.j)) { ctx.qualifiers.push({ country: kb.states.get(st.id)?.sector ? kb.states.get(st.id)!.sovereign ?? st.id : st.id, sentence }); return p.next + 1; }
    push(ctx, startI, hc.j, 'name', stateEntity(ctx, st.id, p.former ? 'ELI' : null, '', sentence, 0, 0, date, st.former));
  } else if (met) {
    const prev = toks[hc.i - 1]?.key;
    // "in Kabul", "Kabul airport": the place, not the government
    // "East Timor's capital Dili", "the city of Mosul": named as a place too
    const asPlace = (prev !== undefined && (LOC_PREPS.has(prev) || prev === 'capital' || (prev === 'of' && TOWN_NOUNS.has(toks[hc.i - 2]?.key ?? '')))) || (modifiesNext(ctx, hc.j) && !isCap(toks[hc.j]!));
    const e = stateEntity(ctx, met.id, asPlace ? null : 'GOV', '', sentence, 0, 0, date);
    push(ctx, startI, hc.j, 'metonym', e);
  } else if (dem && toks[hc.i - 1]?.key === 'ethnic') {
    // "ethnic Albanians": a people, not the state of that name; "ethnic Albanians in Serbia" are
    // civilians of the country they live in (the PLOVER/CAMEO convention); else country unknown
    const post = inCountry(ctx, chunks, p.next + 1, 'CVL');
    if (post) {
      push(ctx, startI, chunks[post.end - 1]!.j, 'description', stateEntity(ctx, post.country, 'CVL', '', sentence, 0, 0, date));
      return post.end;
    }
    push(ctx, startI, hc.j, 'demonym', mkEntity('', `ethnic ${textOf}`, `new/ethnic-${slug(textOf)}`, 'group', null, 'CVL', null, 0, 0, 0));
  } else if (dem) {
    // a people named by its plural demonym ("ordinary Kazakhs", "Afghans fled"): civilians of that country
    const plural = ENDS_S_2.test(key) && !kb.states.get(dem.id)?.adjectives.some((a) => a.toLowerCase() === textOf.toLowerCase());
    push(ctx, startI, hc.j, 'demonym', stateEntity(ctx, dem.id, plural ? 'CVL' : null, '', sentence, 0, 0, date));
  } else if ((sur || (hc.cands.every((x) => x.t === 'place') && candOf(chunks[p.next + 1], 'surname'))) && isCap(toks[hc.i]!) && !NOT_NAME.has(key) && nameGoesOn(ctx, chunks[p.next + 1], hc.j)) {
    // "Sol Campbell", "Martin Johnson", "Lorraine Kelly" (a place's name as a given name): one name the KB lacks
    const consumed = unknownName(ctx, chunks, p.next, sentence, date, startI, p.country);
    return consumed > p.next ? consumed : p.next + 1;
  } else if (sur && isCap(toks[hc.i]!) && !NOT_NAME.has(key)) {
    const before = ctx.mentions.length;
    resolveSurname(ctx, chunks, p.next, sur.ids, sentence, date, startI);
    if (ctx.mentions.length > before && leaderGroup(ctx, hc.j, date)) { return p.next + 2; }
  } else if (sec && sec.sector !== 'ELI' && inCountry(ctx, chunks, p.next + 1, sec.sector) && !usedAsVerb(ctx, hc.i)) {
    // "opposition parties in Nepal", "the people of Syria": the country follows the group word
    const post = inCountry(ctx, chunks, p.next + 1, sec.sector)!;
    const e = stateEntity(ctx, post.country, p.former ? 'ELI' : sec.sector, '', sentence, 0, 0, date);
    if (e.kind === 'group' && sec.sector !== 'MED' && oneHuman(ctx, hc.j)) e.kind = 'person'; // not 'a newspaper'
    push(ctx, startI, chunks[post.end - 1]!.j, 'description', e);
    return post.end;
  } else if (sec && sec.sector !== 'ELI' && kb.modifierOnly.has(keysOf(ctx, hc.i, hc.j)) && COLLECTIVE.has(toks[hc.j]?.key ?? '') && hc.j < ctx.lineEnd[hc.i]! && toks[hc.j]!.start === toks[hc.j - 1]!.end + 1 && chunks[p.next + 1]?.i === hc.j && !usedAsVerb(ctx, hc.i)) {
    // "a Congressional group", "a parliamentary delegation", "business groups": a word that only
    // qualifies, before a collective noun, names a body of that sector (its own id: a delegation
    // often acts abroad, so the one-country-of-the-sentence rule does not apply)
    // "opposition groups in Zimbabwe": the country follows
    const post = inCountry(ctx, chunks, p.next + 2, sec.sector);
    if (post) {
      push(ctx, startI, chunks[post.end - 1]!.j, 'description', stateEntity(ctx, post.country, sec.sector, '', sentence, 0, 0, date));
      return post.end;
    }
    push(ctx, startI, hc.j + 1, 'description', mkEntity('', toks.slice(hc.i, hc.j + 1).map((t) => t.text).join(' '), `new/${sec.sector.toLowerCase()}-${toks[hc.j]!.key.replace(ENDS_S_2, '')}`, 'group', null, sec.sector, null, 0, 0, 0));
    return p.next + 2;
  } else if (sec && sec.sector !== 'ELI' && (!kb.modifierOnly.has(keysOf(ctx, hc.i, hc.j)) || counted(ctx, hc.i)) && (!modifiesNext(ctx, hc.j) || possessorNoApostrophe(ctx, hc.j - 1)) && !usedAsVerb(ctx, hc.i) && !isBackerCompound(ctx, hc.j) && !adjectiveUse(ctx, hc.i, hc.j)) {
    // ("rebel-held", "government-run": a compound that qualifies a place or a thing is no actor)
    // "the opposition newspaper La Prensa", "the news agency IRNA": a descriptor before the name it
    // describes is no actor of its own (the name is)
    const nx = chunks[p.next + 1];
    if (startI === hc.i && nx && nx.i === hc.j && hc.j < ctx.lineEnd[hc.i]! && toks[nx.i]!.start === toks[hc.j - 1]!.end + 1 && isCap(toks[nx.i]!) && candOf(nx, 'org') && !candOf(nx, 'sector')) { return p.next + 1; }
    // "launched artillery fire", "warplanes bombed": a weapon with no owner named is no actor
    if (sec.sector === 'MIL' && WEAPONS.has(keysOf(ctx, hc.i, hc.j)) && !POSSESSIVE_DET.has(toks[startI - 1]?.key ?? '')) { return p.next + 1; }
    // a bare group word: "officials", "gunmen", "the government" (its country from the context)
    const e = bareGroup(ctx, sec.sector, sentence, date, key, p.former);
    if (e) push(ctx, startI, hc.j, 'description', e);
    else {
      // a title-like word followed by a name: "General Thierry Burkhard"
      const run = isCap(toks[hc.i]!) && !ctx.headline[hc.i] && hc.j - hc.i === 1 && HUMAN_TITLE_WORDS.has(key) ? nameRun(ctx, chunks, p.next + 1) : null;
      if (run && run[1] - chunks[p.next + 1]!.i >= 2) {
        const nameText = ctx.doc.text.slice(toks[chunks[p.next + 1]!.i]!.start, toks[run[1] - 1]!.end);
        push(ctx, startI, run[1], 'title', mkEntity('', nameText, `new/${slug(nameText)}`, 'person', null, sec.sector, null, 0, 0, 0));
        return run[0];
      }
      push(ctx, startI === hc.i ? (kb.modifierOnly.has(key) ? countStart(ctx, hc.i) : modifiersBefore(ctx, hc.i)) : startI, hc.j, 'description', mkEntity('', toks.slice(hc.i, hc.j).map((t) => t.text).join(' '), `new/${sec.sector.toLowerCase()}`, oneHuman(ctx, hc.j) ? 'person' : 'group', null, sec.sector, null, 0, 0, 0));
    }
  }
  return p.next + 1;
}

/** collective nouns after a qualifying sector word: "parliamentary delegation", "business groups" */
/** words that open a description of a person not named: "a middle-aged carpenter", "one young girl", "my wife" */
const DESC_DET = new Set(['a', 'an', 'one', 'the', 'another', 'my', 'his', 'her', 'our', 'their']);
const POSS_DET = new Set(['my', 'his', 'her', 'our', 'their']);
const COPULA = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'became', 'become', 'becomes', 'becoming', 'remains', 'remained', "'s", '’s']);
/**
 * "One man I spoke to", "a middle-aged carpenter who asks us not to give his name", "my wife": a
 * person described but not named (a noun of data/actors/descriptions.json after a determiner and
 * up to three modifiers) is a person of that sector, no country; "the carpenter" later is the same
 * person (the last one described so within ten sentences). The gender a noun carries ("girl")
 * is what a later he/she must agree with. Returns the chunk after the noun, or k when none.
 */
function describedPerson(ctx: Ctx, chunks: Chunk[], k: number): number {
  const { toks } = ctx;
  const i0 = chunks[k]!.i;
  if (ctx.headline[i0]) return k;
  // "he was a wealthy man", "appeared as a witness", "the son of a rich father": a predicate, a role
  // or a noun's complement describes someone already there, it introduces no one
  const before = toks[i0 - 1]?.key;
  // ("there is one child who ..." introduces one)
  if (before && ((COPULA.has(before) && toks[i0 - 2]?.key !== 'there') || before === 'as' || before === 'of')) return k;
  let x = i0 + 1;
  const stop = Math.min(toks.length, ctx.lineEnd[i0]!, i0 + 8);
  // modifiers: lower-case words ("middle-aged", "young"), numbers and hyphens ("14-year-old")
  while (x < stop && !ctx.desc.persons.has(toks[x]!.key)) {
    const t = toks[x]!;
    const joined = t.key === '-' && toks[x - 1]!.end === t.start && toks[x + 1]?.start === t.end;
    if (!(joined || DIGITS.test(t.text) || (LOWER_WORD.test(t.text) && !STOP.has(t.key) && !DESC_DET.has(t.key)))) return k;
    x++;
  }
  const noun = toks[x];
  if (!noun || x >= stop || x - i0 > 4 + (toks.slice(i0 + 1, x).filter((t) => t.key === '-').length * 2)) return k;
  const pn = ctx.desc.persons.get(noun.key);
  if (!pn || !LOWER_START.test(noun.text)) return k;
  // "a child soldier", "the driver's seat", "a victim of": a noun modifying another, a possessor, a partitive
  const next = toks[x + 1];
  if (next && next.start === noun.end && APOS_START.test(next.text)) return k;
  if (next && next.start === noun.end + 1 && ctx.posAt(x + 1) === 'NOUN') return k;
  if (next && (next.key === '-' && next.start === noun.end)) return k;
  // "his wife Anna", "her daughter Dorcas": the name that follows is the mention
  if (next && isCap(next) && next.start === noun.end + 1 && !ctx.sentStart[x + 1]) return k;
  // the chunk after the noun; a KB phrase covering the noun ("man" may open one) is left to the other rules
  let n = k + 1;
  while (n < chunks.length && chunks[n]!.i <= x) n++;
  if (chunks[n - 1]!.j !== x + 1) return k;
  const sentence = ctx.sent[i0]!;
  const det = toks[i0]!.key;
  let ante = -1;
  if (det === 'the') {
    for (let y = ctx.mentions.length - 1; y >= 0; y--) {
      const m = ctx.mentions[y]!;
      if (sentence - m.sentence > 10) break;
      if (m.type === 'description' && m.entity?.id.startsWith('new/described-') && m.entity.office === null && m.entity.name.split(' ').pop() === noun.key) { ante = y; break; }
    }
  }
  const e = ante >= 0 ? cloneEntity(ctx.mentions[ante]!.entity!)
    : mkEntity('', noun.key, `new/described-${noun.key}-${ctx.mentions.length}`, 'person', null, pn.sector, null, 0, 0, 0);
  if (ante < 0 && pn.gender) ctx.gender.set(e.id, pn.gender);
  const m = push(ctx, i0, x + 1, 'description', e, ante >= 0 ? ante : null);
  // "his father", "my wife": someone's relative, rarely what a later he/she or "I" refers to
  if (POSS_DET.has(det)) ctx.relational.add(m);
  return n;
}

const COLLECTIVE = new Set(['group', 'groups', 'caucus', 'delegation', 'delegations', 'bloc']);
/** nouns of a place within a country: "the Turkish border", "the Iraqi city of Mosul" */
const PLACE_NOUNS = new Set(['city', 'town', 'village', 'border', 'frontier', 'province', 'region', 'capital', 'district', 'countryside', 'coast', 'airspace', 'territory', 'soil', 'waters', 'port', 'island', 'enclave', 'suburb', 'neighbourhood', 'neighborhood']);
const HUMAN_PLURAL = /(?:[^s]ers|ors|ists|ians|ants|ents|ees|smen|people|allies|counterparts|partners|personnel|staff)$/;
/** Chunk index of a plural noun of people within the next three plain words ("security force personnel"), else -1. */
function humanPlural(ctx: Ctx, chunks: Chunk[], n: number): number {
  for (let x = n; x < n + 3 && x < chunks.length; x++) {
    const c = chunks[x]!;
    if (c.k !== 'word' || c.i >= ctx.lineEnd[chunks[n]!.i]!) return -1;
    const t = ctx.toks[c.i]!;
    if (STOP.has(t.key) || !LOWER_START.test(t.text) || t.start !== ctx.toks[c.i - 1]!.end + 1) return -1;
    const pos = ctx.posAt(c.i);
    if (pos && pos !== 'NOUN' && pos !== 'ADJ' && pos !== 'PROPN') return -1;
    if (HUMAN_PLURAL.test(t.key) && (!pos || pos === 'NOUN') && !(ctx.toks[c.i + 1] && ctx.toks[c.i + 1]!.start === t.end + 1 && ctx.posAt(c.i + 1) === 'NOUN')) return x;
  }
  return -1;
}

/** after a leader's name, the words that make it their government ("the Assad regime") or its forces ("Assad forces") */
const LEADER_GROUP = new Map([['regime', 'GOV'], ['government', 'GOV'], ['administration', 'GOV'], ['forces', 'MIL'], ['troops', 'MIL'], ['loyalists', 'MIL']]);
/**
 * "the Assad regime", "the Trump administration", "Assad forces": the name of a head of state or
 * government (office rank <= 2 at the date) before one of these words names that government or its
 * military, not the person. Rewrites the mention just pushed (ending before token j); true if so.
 */
function leaderGroup(ctx: Ctx, j: number, date: string): boolean {
  const { toks, mentions } = ctx;
  const w = toks[j];
  const sector = w ? LEADER_GROUP.get(w.key) : undefined;
  if (!sector || j >= ctx.lineEnd[j - 1]! || w!.start !== toks[j - 1]!.end + 1 || !LOWER_START.test(w!.text)) return false;
  const x = mentions.length - 1;
  const m = mentions[x]!;
  const e = m.entity;
  if (!e || e.kind !== 'person' || !e.country_code || !ctx.kb.states.has(e.country_code)) return false;
  const pe = ctx.kb.people.get(e.id);
  if (!pe?.roles.some((r) => r.country === e.country_code && padStart(r.start) <= date && within(date, r.start, r.end) && rank(ctx, r.office) <= 2)) return false;
  mentions.pop();
  if (ctx.lastById.get(e.id) === x) ctx.lastById.delete(e.id);
  const i0 = tokAt(toks, m.start);
  push(ctx, i0, j + 1, 'description', stateEntity(ctx, e.country_code, sector, '', m.sentence, 0, 0, date));
  return true;
}

/**
 * "Moslem fundamentalist demonstrators", "Shona rebels": a bare group word's span takes in up to two
 * qualifiers just before it (adjectives, or capitalised words the KB does not know), so it covers
 * the group as the text names it; its country still comes only from the context.
 */
function modifiersBefore(ctx: Ctx, i: number): number {
  let s = i;
  for (let x = i - 1; x >= 0 && x >= i - 2; x--) {
    const t = ctx.toks[x]!;
    if (!isWord(t) || STOP.has(t.key) || NOT_NAME.has(t.key)) break;
    if (ctx.toks[x + 1]!.start !== t.end + 1 || ctx.mentions.some((m) => m.end > t.start && m.start <= t.start)) break;
    const pos = ctx.posAt(x);
    if (!(pos === 'ADJ' || (isCap(t) && !ctx.kb.trie.longest(ctx.toks, x, x + 1)))) break;
    s = x;
  }
  return s;
}

const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'dozen', 'dozens', 'million', 'millions', 'scores']);
/**
 * "43 people", "three women and three children", "thousands of people": a counted plural is a
 * group of people (the victims or the crowd of an event), though "people", "women", "children"
 * alone only qualify another word in the KB (modifier_only).
 */
function counted(ctx: Ctx, i: number): boolean {
  const w = ctx.toks[i]!.key;
  if (!RE_COUNTED.test(w)) return false;
  const p = ctx.toks[i - 1];
  if (p?.key === 'of' && NUMBER_WORDS.has(ctx.toks[i - 2]?.key ?? '')) return true; // "thousands of people"
  return !!p && (NUMERAL.test(p.text) || NUMBER_WORDS.has(p.key));
}

/** where a counted plural's phrase starts: at its number ("43 people", "thousands of people") */
function countStart(ctx: Ctx, i: number): number {
  if (ctx.toks[i - 1]?.key === 'of' && NUMBER_WORDS.has(ctx.toks[i - 2]?.key ?? '')) return i - 2;
  return counted(ctx, i) ? i - 1 : i;
}

const fold = (w: string) => w.normalize('NFD').replace(RE_SLUG, '').toLowerCase();
interface Holder { p: PersonEntry; names: { first: string | null; sur: string }[] }
const officeIndex = new WeakMap<KnowledgeBase, Map<string, Holder[]>>();
/** KB people by office held (any country, any date) with their folded first names and surnames, built once per KB */
function peopleByOffice(kb: KnowledgeBase): Map<string, Holder[]> {
  let idx = officeIndex.get(kb);
  if (!idx) {
    idx = new Map();
    for (const p of kb.people.values()) {
      const names = [p.name, ...(p.aliases ?? [])].map((n) => n.split(RE_PEOPLE_BY_OFFICE).map(fold)).flatMap((n) => {
        const one = { first: n.length > 1 ? n[0]! : null, sur: n[n.length - 1]! };
        // "José Eduardo dos Santos": the particle belongs to the surname too ("President Dos Santos")
        return n.length > 2 && NAME_PARTICLES.has(n[n.length - 2]!) ? [one, { first: null, sur: `${n[n.length - 2]} ${n[n.length - 1]}` }] : [one];
      });
      for (const o of new Set(p.roles.map((r) => r.office))) {
        const l = idx.get(o);
        if (l) l.push({ p, names }); else idx.set(o, [{ p, names }]);
      }
    }
    officeIndex.set(kb, idx);
  }
  return idx;
}
/** Levenshtein distance, giving up (returning max + 1) past `max` */
const stateWords = new WeakMap<KnowledgeBase, [string, string][]>();
/** the one state whose name, adjective or demonym the word (9+ letters) is within one edit of, else null */
function fuzzyState(ctx: Ctx, word: string): string | null {
  if (word.length < 9) return null;
  let list = stateWords.get(ctx.kb);
  if (!list) {
    list = [];
    for (const st of ctx.kb.states.values()) {
      for (const n of [st.name, ...st.aliases, ...st.adjectives, ...st.demonyms]) if (n.length >= 7 && !RE_FUZZY_STATE.test(n)) list.push([fold(n), st.sector ? st.sovereign ?? st.id : st.id]);
    }
    stateWords.set(ctx.kb, list);
  }
  const w = fold(word);
  let found: string | null = null;
  for (const [n, id] of list) {
    if (Math.abs(n.length - w.length) > 1 || n[0] !== w[0]) continue;
    if (editDistance(w, n, 1) <= 1) {
      if (found && found !== id) return null;
      found = id;
    }
  }
  return found;
}

// two rows reused across calls (grown when needed): this runs for every candidate name of a fuzzy match, and a
// fresh pair of arrays per call was the recogniser's largest allocation site
let edPrev = new Int32Array(64), edCur = new Int32Array(64);
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  if (edPrev.length <= m) { edPrev = new Int32Array(m + 1); edCur = new Int32Array(m + 1); }
  let prev = edPrev, cur = edCur;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const x = prev; prev = cur; cur = x;
  }
  return prev[m]!;
}
/**
 * The one KB person who held `office` (in `country`, when the text gives one) whose name the titled
 * name matches up to spelling: the surname within one edit (two from eight letters: transliterations,
 * typing slips), and the first name, when written, within one edit too; middle names may be left
 * out ("Carlos Menem" for Carlos Saul Menem). Several fit, or none: null (no guess).
 */
function fuzzyHolder(ctx: Ctx, words: string[], office: string, country: string | null): PersonEntry | null {
  if (!words.length || words.some((w) => w.length === 1)) return null;
  // "Dos Sontas": a particle before the last word is part of the surname, and no first name
  const particle = words.length >= 2 && NAME_PARTICLES.has(fold(words[words.length - 2]!));
  const last = particle ? `${fold(words[words.length - 2]!)} ${fold(words[words.length - 1]!)}` : fold(words[words.length - 1]!);
  if (last.length < 4) return null;
  const first = words.length > (particle ? 2 : 1) ? fold(words[0]!) : null;
  const tol = (w: string) => (w.length >= 8 ? 2 : 1);
  let found: PersonEntry | null = null;
  for (const { p, names } of peopleByOffice(ctx.kb).get(office) ?? []) {
    const fits = names.some((n) => {
      if (Math.abs(n.sur.length - last.length) > 2 || editDistance(last, n.sur, tol(n.sur)) > tol(n.sur)) return false;
      return first === null || (n.first !== null && editDistance(first, n.first, 1) <= 1);
    });
    if (fits && country && !p.roles.some((r) => r.office === office && r.country === country)) continue;
    if (!fits) continue;
    if (found && found.id !== p.id) return null;
    found = p;
  }
  return found;
}

function rememberName(ctx: Ctx, words: Tok[], index: number, _e?: Entity | null): void {
  const last = words[words.length - 1];
  // person-shaped only: "Mary Horomanski", not "Truth About Tech" or "Common Sense CEO"
  if (!last || words.length < 2 || words.length > 4 || last.key.length < 3 || ALL_CAPS.test(last.text)) return;
  if (words.some((w) => STOP.has(w.key) || ORG_WORDS.has(w.key) || NOT_ACTOR_WORDS.has(w.key))) return;
  ctx.unknownNames.set(last.key, index);
  // the first name too, unless it is another's surname: human-interest reports name people by
  // their first name ("Anas Ahmad ... Anas says"), and Arabic names often so ("Omar Abu Anas ... Omar")
  const first = words[0]!;
  if (words.length >= 2 && first.key.length >= 3 && !HONORIFICS.has(first.key) && !ctx.unknownNames.has(first.key)) ctx.unknownNames.set(first.key, index);
}

/** A later mention of a person not in the KB named in full earlier: that person (entity copied when the full mention had one). */
function pushKnownUnknown(ctx: Ctx, startI: number, endTok: number, prev: number): void {
  const e = ctx.mentions[prev]?.entity;
  push(ctx, startI, endTok, 'surname', e ? cloneEntity(e) : null, prev);
}

function keysOf(ctx: Ctx, i: number, j: number): string {
  if (j - i === 1) return ctx.toks[i]!.key;
  let s = ctx.toks[i]!.key;
  for (let x = i + 1; x < j; x++) s += ' ' + ctx.toks[x]!.key;
  return s;
}

/** "in Nepal", "of Syria", "from Iraq" after a group word: the group's country. */
const DOMESTIC = new Set(['OPP', 'CVL', 'COP', 'PTY', 'REB', 'PRM', 'LAB', 'REL', 'EDU', 'AGR', 'CRM', 'LEG', 'JUD', 'REF']);
const COMPASS = /^(?:(?:north|south)(?:east|west)?|east|west)(?:ern)?$|^(?:central|eastern|western)$/;
function inCountry(ctx: Ctx, chunks: Chunk[], n: number, sector: string): { country: string; end: number } | null {
  const c = chunks[n];
  if (!c || c.k !== 'word') return null;
  // "the people of Syria" always; "X in Nepal" only for groups that are the country's own
  // ("opposition parties in Nepal"), not "reporters in Moscow", "troops in Syria", "embassy in Kabul"
  const w = ctx.toks[c.i]!.key;
  // "a newspaper based in east Beirut": where any group is based is its country
  const based = w === 'based' && ctx.toks[chunks[n + 1]?.i ?? -1]?.key === 'in';
  if (!(w === 'of' || based || ((w === 'in' || w === 'from') && DOMESTIC.has(sector)))) return null;
  let m = based ? n + 2 : n + 1;
  if (chunks[m]?.k === 'word' && ctx.toks[chunks[m]!.i]!.key === 'the') m++;
  // "in south Serbia", "in northeastern Nigeria": a part of the country is still the country;
  // "based in Christian east Beirut": a qualifier of the quarter too
  if (based && chunks[m] && isCap(ctx.toks[chunks[m]!.i]!) && chunks[m]!.j === chunks[m]!.i + 1 && chunks[m + 1] && COMPASS.test(ctx.toks[chunks[m + 1]!.i]!.key)) m++;
  if (chunks[m] && COMPASS.test(ctx.toks[chunks[m]!.i]!.key) && chunks[m]!.j === chunks[m]!.i + 1) m++;
  const x = chunks[m];
  // "the government of Sindh province", "the people of Cizre": a region or town is still its country
  // "police in Karachi", "a court in Istanbul": a town or region places the group as a state does ("the Dubai
  // Marina": not when the place begins a longer name)
  const pl = w === 'of' || w === 'in' ? candOf(x, 'place') : undefined;
  const st = candOf(x, 'state') ?? candOf(x, 'metonym') ?? (pl && !(w === 'in' && ctx.toks[x!.j] && isCap(ctx.toks[x!.j]!) && x!.j < ctx.lineEnd[x!.i]!) ? pl : undefined);
  if (!st || (x!.k === 'kb' && isPossessive(ctx, x!.j))) return null;
  const s = ctx.kb.states.get(st.id)!;
  return { country: s.sector ? s.sovereign! : st.id, end: placeNounAfter(ctx, chunks, m) };
}

/** "of Armenia", "of the Riigikogu", "of the United States": a country or organisation after a title. */
const SUBDIVISION = new Set(['province', 'region', 'state', 'oblast', 'governorate', 'district', 'krai', 'prefecture', 'county']);
/** chunk after place chunk m, past a subdivision word written after it ("Sindh province", "the Tyumen region") */
function placeNounAfter(ctx: Ctx, chunks: Chunk[], m: number): number {
  const nx = chunks[m + 1];
  return nx && nx.k === 'word' && SUBDIVISION.has(ctx.toks[nx.i]!.key) && nx.i < ctx.lineEnd[chunks[m]!.i]! ? m + 2 : m + 1;
}

function ofCountry(ctx: Ctx, chunks: Chunk[], n: number): { country: string | null; org: OrgEntry | null; end: number; place?: boolean } | null {
  const c = chunks[n];
  if (!c || ctx.toks[c.i]!.key !== 'of') return null;
  let m = n + 1;
  if (chunks[m] && chunks[m]!.k === 'word' && ctx.toks[chunks[m]!.i]!.key === 'the') m++;
  const x = chunks[m];
  const st = candOf(x, 'state');
  if (st) return { country: ctx.kb.states.get(st.id)?.sector ? ctx.kb.states.get(st.id)!.sovereign : st.id, org: null, end: m + 1 };
  const org = candOf(x, 'org');
  if (org) return { country: null, org: ctx.kb.orgs.get(org.id) ?? null, end: m + 1 };
  // "governor of the Tyumen region": an office of a region — its country, but not the national office
  const pl = candOf(x, 'place');
  if (pl) return { country: ctx.kb.states.get(pl.id)?.sector ? ctx.kb.states.get(pl.id)!.sovereign : pl.id, org: null, end: placeNounAfter(ctx, chunks, m), place: true };
  return null;
}

/** "Moscow would judge the Taliban": a group word in verb position is no actor. */
/** lower-case titles that are also common words: a person only as "the general" (see the description rule) */
const AMBIG_TITLES = new Set(['general', 'justice', 'deputy', 'representative']);
const TITLE_DET = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'this', 'that']);
/** words after an office named alone that complete it ("Minister for the Middle East", "Secretary of State") */
const TITLE_COMPLEMENT = new Set(['for', 'of', 'to', 'at']);
/** parts of speech of a word that qualifies the title after it ("constituency MP", "senior Tory MP", "its President") */
const TITLE_QUALIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET', 'PRON']);

/**
 * A one-word capitalised title at chunk n that stands as a name ("Prince played", "Stephen King", "Arc of Justice"): not
 * written in capitals ("MP"), not in a headline, with no name or complement after it and, before it, the sentence's start,
 * punctuation, a verb, preposition or conjunction, or a capitalised word the KB does not know ("Stephen").
 */
function bareCapTitle(ctx: Ctx, chunks: Chunk[], n: number, h: Chunk): boolean {
  const { toks } = ctx;
  const t = toks[h.i]!;
  if (!isCap(t) || ALL_CAPS.test(t.text) || ctx.headline[h.i]) return false;
  const nx = h.j < ctx.lineEnd[h.i]! ? toks[h.j] : undefined;
  if (nx && (TITLE_COMPLEMENT.has(nx.key) || isCap(nx) || nx.key === '-' || NAME_PARTICLES.has(nx.key))) return false;
  if (ctx.sentStart[h.i]) return true;
  const b = h.i - 1, pt = toks[b]!;
  if (MODS.has(pt.key) || FORMER.has(pt.key) || TITLE_DET.has(pt.key) || HONORIFICS.has(pt.key) || pt.key === '-' || pt.key === '.' || DIGITS.test(pt.key)) return false;
  if (!isWord(pt)) return true;
  // "Stephen King", "Tottenham's Ledley King": a first name before it; not "the Planning Minister" (a portfolio)
  if (isCap(pt)) return chunks[n - 1]?.k === 'cap' && chunks[n - 1]!.j === h.i && !ctx.sentStart[b] && !TITLE_DET.has(toks[b - 1]?.key ?? '');
  return !TITLE_QUALIFIER_POS.has(ctx.posAt(b) ?? 'NOUN');
}
function usedAsVerb(ctx: Ctx, i: number): boolean {
  if (isCap(ctx.toks[i]!)) return false; // "Minister Ellwood": a capitalised title, whatever the tagger says
  const pos = ctx.posAt(i);
  if (pos === 'VERB' || pos === 'AUX') return true;
  const prev = ctx.toks[i - 1]?.key;
  return prev !== undefined && ['to', 'would', 'will', 'could', 'should', 'can', 'may', 'might', 'must', 'not'].includes(prev);
}

/** "terrorist organizations", "military presence": a group word used as a modifier is no actor. */
/**
 * "would not meet hostage-takers demands", "the rebels demands": a plural noun of people before
 * another noun is a possessor whose apostrophe is missing (a plural of people rarely qualifies a
 * noun: "rebel forces", not "rebels forces"), so still the actor.
 */
function possessorNoApostrophe(ctx: Ctx, j: number): boolean {
  const k = ctx.toks[j]!.key;
  return k.length > 4 && PLURAL_END.test(k) && HUMAN_PLURAL.test(k) && !RE_POSSESSOR_NO_APOSTROPHE.test(k);
}

/** sector words that, after a state's name, say what the person knows about, not whose they are ("a North Korea expert") */
const TOPIC_WORDS = new Set(['critics', 'critic', 'hawks', 'watchers', 'specialist', 'specialists']);
/**
 * "Ivory Coast rebels", "the US military": a state's name right before its group word (no possessive, not
 * a place after "in"), the group word not one that only qualifies a noun after it ("the US Congressional
 * elections", "the US division"), nor a topic ("a North Korea expert").
 */
function stateGroup(ctx: Ctx, chunks: Chunk[], h: Chunk, from: number, sec: { sector: string; end: number }, n: number, id: string): boolean {
  const { toks } = ctx;
  const c = chunks[from]!;
  if (sec.end !== from || isPossessive(ctx, h.j) || LOC_PREPS.has(toks[h.i - 1]?.key ?? '')) return false;
  if (toks[c.i]!.start !== toks[h.j - 1]!.end + 1 || skipAmbiguousState(ctx, chunks, n, id)) return false;
  if (sec.sector === 'EDU' || TOPIC_WORDS.has(toks[c.j - 1]!.key)) return false;
  if (ctx.kb.modifierOnly.has(keysOf(ctx, c.i, c.j)) && c.j < ctx.lineEnd[c.i]! && toks[c.j]!.start === toks[c.j - 1]!.end + 1 && RE_STATE_GROUP.test(toks[c.j]!.text) && !STOP.has(toks[c.j]!.key)) return false;
  return true;
}

/** people who speak or act for a body named before them: "army spokesman", "opposition leaders", "police officials" */
const SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'officer', 'officers', 'commander', 'commanders', 'leader', 'leaders', 'chief']);
/** bodies whose spokesman's quoted "we" is the body itself */
const SPOKES_BODY = new Set(['GOV', 'MIL', 'COP', 'SPY', 'LEG', 'JUD']);
/** MIL words that name weapons: an actor only with an owner ("Israeli tanks", "its warplanes") */
const WEAPONS = new Set(['artillery', 'tanks', 'warplanes', 'warplane', 'jets', 'fighter jets', 'drones', 'warships', 'warship', 'destroyer', 'submarine']);
/** sector words that are also adjectives: "the official Xinhua news agency", "an official mental disorder" */
const ADJ_SECTOR_WORDS = new Set(['official']);
const ADJ_OPENERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'as', 'on', 'in', 'by', 'from', 'of', 'to', 'at', 'with', 'for', 'and', 'or']);
/**
 * "the official CTK news agency", "an official Syrian newspaper", "its official Facebook page": the word
 * qualifies the name or adjective right after it and is no actor. Not after a noun or adjective, where it
 * is the head of a title before a name ("trades union official Ulf Carlsson", "senior official Sergei Ivanov").
 */
function adjectiveUse(ctx: Ctx, i: number, j: number): boolean {
  if (j !== i + 1 || !ADJ_SECTOR_WORDS.has(ctx.toks[i]!.key)) return false;
  const t = ctx.toks[j];
  if (!t || j >= ctx.lineEnd[i]! || t.start !== ctx.toks[i]!.end + 1 || (STOP.has(t.key) && !isCap(t))) return false;
  const pos = ctx.posAt(j);
  if (!(isCap(t) || pos === 'ADJ' || pos === 'NOUN' || pos === 'PROPN')) return false;
  const prev = ctx.toks[i - 1];
  return !prev || ctx.sentStart[i]! || !isWord(prev) || ADJ_OPENERS.has(prev.key);
}

/**
 * Does the noun compound starting at token j (right after a nationality adjective) have a head that names no actor
 * ("cinema", "wine industry", "box office"), a named event ("Open", "Grand Prix"), or is it "-born"/"-based"? Only the
 * compound's last noun decides: "car maker", "film director", "trade delegation" are actors.
 */
// a listed noun the tagger reads as a verb ends the compound: "Britain hopes to …", "Iran names an envoy" keep their actor
const VERB_POS = new Set(['VERB', 'AUX']);

function nonActorHead(ctx: Ctx, j: number): boolean {
  const { toks } = ctx, na = ctx.nonActor;
  const t = toks[j];
  if (!t || j >= ctx.lineEnd[j - 1]!) return false;
  if (t.key === '-') return t.start === toks[j - 1]!.end && toks[j + 1]?.start === t.end && na.hyphenated.has(toks[j + 1]!.key);
  if (t.start !== toks[j - 1]!.end + 1) return false;
  if (isCap(t)) {
    if (na.names.has(t.text)) return true;
    const t2 = toks[j + 1];
    return !!t2 && t2.start === t.end + 1 && na.names.has(`${t.text} ${t2.text}`);
  }
  // the compound: adjacent lower-case nouns (at most four); its last one is the head
  let e = j;
  while (e < j + 4 && e < ctx.lineEnd[j]! && toks[e]!.start === toks[e - 1]!.end + 1 && LOWER_WORD.test(toks[e]!.text) && !STOP.has(toks[e]!.key) && (ctx.posAt(e) === 'NOUN' || (na.nouns.has(toks[e]!.key) && !VERB_POS.has(ctx.posAt(e) ?? '')))) e++;
  if (e === j) return false;
  // not decided when the compound goes on in a way the tagger did not see: a coordination ("US food and drug regulators"),
  // a possessive ("Greek athletics' governing body") or one more noun or adjective ("Russian tennis chief", "chief" as ADJ)
  const nx = e < ctx.lineEnd[j]! ? toks[e] : undefined;
  if (nx && nx.start <= toks[e - 1]!.end + 1) {
    if (nx.key === 'and' || nx.key === 'or' || nx.key === '&' || isApostrophe(nx)) return false;
    if (LOWER_WORD.test(nx.text) && !STOP.has(nx.key) && TITLE_QUALIFIER_POS.has(ctx.posAt(e) ?? 'NOUN') && ctx.posAt(e) !== 'DET' && ctx.posAt(e) !== 'PRON') return false;
  }
  const head = toks[e - 1]!.key;
  return na.nouns.has(head) || (e - 1 > j && na.nouns.has(`${toks[e - 2]!.key} ${head}`));
}

function modifiesNext(ctx: Ctx, j: number): boolean {
  const t = ctx.toks[j];
  if (!t || t.start !== ctx.toks[j - 1]!.end + 1 || STOP.has(t.key)) return false;
  if (!LOWER_START.test(t.text)) return ctx.headline[j]! && UPPER_START.test(t.text);
  const pos = ctx.posAt(j);
  if (pos) return pos === 'NOUN';
  return !ENDS_ED_ING.test(t.key) && t.key.length > 2;
}

/** "Atlanta, Georgia" (a place's subdivision) and "Jordan Bardella" (a first name): not the state. */
function skipAmbiguousState(ctx: Ctx, chunks: Chunk[], n: number, id: string): boolean {
  const s = ctx.kb.states.get(id);
  if (!s?.ambiguous_with) return false;
  const c = chunks[n]!;
  const prev = chunks[n - 1], prev2 = chunks[n - 2];
  // "Atlanta, Georgia": a capitalised place before the comma (unknown, or a city the KB places elsewhere)
  if (prev && ctx.toks[prev.i]!.key === ',' && prev2 && (prev2.k === 'cap' || (prev2.k === 'kb' && prev2.cands.some((x) => x.t === 'place' && x.id !== id)))) return true;
  const next = chunks[n + 1];
  if (next && next.k === 'cap' && !NOT_NAME.has(ctx.toks[next.i]!.key) && ctx.toks[next.i]!.start === ctx.toks[c.j - 1]!.end + 1) return true;
  return false;
}

/**
 * a role fits a title in the text: the same office, or a bare "minister"/"secretary" before the surname
 * of a holder of a named ministry ("Secretary Kerry" = the Secretary of State; "Minister Lavrov"),
 * never a prime or deputy minister (they are titled as such)
 */
function officeFits(held: string, titled: string, start: string | null, date: string): boolean {
  if (held === titled) return true;
  // the generic title only for a ministry taken up by then ("Secretary Clinton" in 2016 is the former
  // secretary; "Minister Cameron" in 2016 is not the foreign secretary of 2023)
  return titled === 'minister' && held.endsWith('_minister') && !held.startsWith('deputy_') && held !== 'prime_minister' && padStart(start) <= date;
}
function pickSurname(ctx: Ctx, ids: string[], date: string, office: string | null, country: string | null): PersonEntry | null {
  let cands = ids.map((id) => ctx.kb.people.get(id)!).filter(Boolean);
  // a title in the text must fit ("King Hassan" is not a Somali prime minister called Hassan)
  if (office) cands = cands.filter((p) => p.roles.some((r) => officeFits(r.office, office, r.start, date) && (!country || r.country === country)));
  else if (country) cands = cands.filter((p) => p.country === country || p.roles.some((r) => r.country === country));
  if (cands.length > 1) {
    const f = cands.filter((p) => p.roles.some((r) => within(date, r.start, r.end)));
    if (f.length) cands = f;
  }
  if (cands.length > 1) {
    // "Trump" is the president, not his daughter: the one who has led a country wins
    const best = (p: PersonEntry) => Math.min(9, ...p.roles.filter((r) => padStart(r.start) <= date).map((r) => rank(ctx, r.office)));
    const top = Math.min(...cands.map(best));
    const f = cands.filter((p) => best(p) === top);
    if (f.length === 1) cands = f;
  }
  return cands.length === 1 ? cands[0]! : null;
}

const UPPER = /^\p{Lu}{2,}$/u;
/** token i is all capitals while the words next to it are not (a shouted line capitalises them all) */
function isAcronym(ctx: Ctx, i: number): boolean {
  const t = ctx.toks[i]!;
  if (!UPPER.test(t.text)) return false;
  for (const d of [-1, 1, -2, 2]) {
    const o = ctx.toks[i + d];
    if (o && isWord(o) && o.text.length >= 2 && UPPER.test(o.text) && ctx.lineEnd[i + d] === ctx.lineEnd[i]) return false;
  }
  return true;
}

/** how long after leaving a leading office a bare surname still names its holder */
const RECENT_YEARS = 10;
/** the date of a document that gives none (and of its sentences that name none): after every role */
const UNDATED = '9999-12-30';

/**
 * Does a name go on in chunk c, right after a surname ending at token j? A capitalised word ("Martin Johnson" after
 * "Martin"), or another word the KB knows only as a surname or place ("Martin" is a KB surname, so is "Johnson"): the two
 * are one name the KB lacks (a KB person's full name is one chunk of its own), not two people.
 */
function nameGoesOn(ctx: Ctx, c: Chunk | undefined, j: number): boolean {
  if (!c || ctx.toks[c.i]!.start !== ctx.toks[j - 1]!.end + 1 || c.i >= ctx.lineEnd[j - 1]! || NOT_NAME.has(ctx.toks[c.i]!.key)) return false;
  if (c.k === 'cap') return true;
  return c.k === 'kb' && nameLikeKb(c, true) && ctx.toks.slice(c.i, c.j).every((x) => isCap(x) || x.key === '-');
}

/**
 * A KB chunk that can be part of a name the KB lacks: only surnames and places ("Johnson", "Lorraine"); after a first
 * name also a surname that is a sector word too ("Elvis Bishop", "Kenny Bishop": not the REL sector word).
 */
function nameLikeKb(c: Extract<Chunk, { k: 'kb' }>, afterName: boolean): boolean {
  if (c.cands.every((x) => x.t === 'surname' || x.t === 'place')) return true;
  return afterName && c.cands.some((x) => x.t === 'surname') && c.cands.every((x) => x.t === 'surname' || x.t === 'place' || x.t === 'sector');
}

const isApostrophe = (t: Tok | undefined) => !!t && (t.key === "'" || t.key === '’');

function resolveSurname(ctx: Ctx, chunks: Chunk[], n: number, ids: string[], sentence: number, date: string, startI: number, honorific = false): void {
  const c = chunks[n]!;
  const tk = ctx.toks[c.i]!;
  // "May 14", "in May": the month, not Theresa May
  const nextTok = ctx.toks[c.j];
  if (nextTok && RE_RESOLVE_SURNAME.test(nextTok.text)) return;
  // an earlier mention of one of these people in the document wins
  let best = -1;
  for (const id of ids) best = Math.max(best, ctx.lastById.get(id) ?? -1);
  if (best >= 0) {
    push(ctx, startI, c.j, 'surname', cloneEntity(ctx.mentions[best]!.entity!), best);
    return;
  }
  // "the CITU union": a word in capitals amid ordinary text is an acronym, not a surname shouted
  if (isAcronym(ctx, c.i)) return;
  // "Johnson & Johnson", "Marks & Spencer": a surname joined by "&" names a firm, not the person
  const prevTok = ctx.toks[c.i - 1];
  if (nextTok?.key === '&' || (prevTok?.key === '&' && !ctx.sentStart[c.i])) return;
  // "Liverpool" (a KB place of GBR, and a Dominican president's surname): a surname that is also a place the KB knows
  // names the place (or its club) until the document names the person in full (the earlier-mention rule above)
  if (!honorific && c.k === 'kb' && c.cands.some((x) => x.t === 'place')) return;
  // "Malcolm O'Kelly", "D'Arcy", "Chang'e 4": a surname inside a longer word (an apostrophe joined to it, not a possessive)
  if (isApostrophe(prevTok) && prevTok!.end === tk.start) return;
  if (isApostrophe(nextTok) && nextTok!.start === ctx.toks[c.j - 1]!.end && ctx.toks[c.j + 1] && ctx.toks[c.j + 1]!.start === nextTok!.end && ctx.toks[c.j + 1]!.key !== 's') return;
  // "the Bishop of Durham", "the Moon": a person's name takes no article; "the Trump administration", "the Blair-Brown
  // feud" (a name qualifying a noun) still name the person
  if (!honorific && (prevTok?.key === 'the' || prevTok?.key === 'a' || prevTok?.key === 'an') && !modifiesNext(ctx, c.j) && !(nextTok?.key === '-' && nextTok.start === tk.end)) return;
  // "Omar Abu Anas ... Omar says": a person not in the KB named in full earlier beats a KB surname
  const known = ctx.unknownNames.get(tk.key);
  if (known !== undefined && isCap(tk)) { pushKnownUnknown(ctx, startI, c.j, known); return; }
  // a first mention by surname alone ("Putin said") resolves only to the one KB person of that
  // surname who holds a leading office (rank <= 2) at the date: anyone else needs a first name
  // — or held one recently: a leader gone for decades is named in full, while a bare surname then is
  // more often someone else's ("Carter", "Green")
  const pe = pickSurname(ctx, ids, date, null, null);
  const recent = `${String(Math.max(0, Number(date.slice(0, 4)) - RECENT_YEARS)).padStart(4, '0')}${date.slice(4)}`;
  // an undated text ("Obama ordered an investigation", a codebook example) may be from any time: a
  // leader's surname names them however long ago they led, still only when one person fits, and only
  // a word standing alone: not part of a longer name ("Gul Rahman", "Christian Michel"), a compound
  // ("Franco-German"), or a place ("in Kerry", "the Farah attack")
  const prev = ctx.toks[c.i - 1];
  const alone = !(nextTok && (isCap(nextTok) || nextTok.key === '-')) && !(prev && !ctx.sentStart[c.i] && (isCap(prev) || prev.key === '-' || prev.key === 'the' || LOC_PREPS.has(prev.key)));
  const prominent = pe && pe.roles.some((r) => padStart(r.start) <= date && (!r.end || padEnd(r.end) >= recent || (date === UNDATED && alone)) && rank(ctx, r.office) <= 2);
  if (pe && prominent) {
    push(ctx, startI, c.j, 'surname', personEntity(ctx, pe, '', sentence, 0, 0, date, null, false));
  } else if (honorific || (isCap(tk) && !ctx.sentStart[c.i] && nextTok && SPEECH.has(nextTok.key))) {
    push(ctx, startI, c.j, 'surname', null);
  }
}

function describeOffice(ctx: Ctx, office: string, country: string | null, org: OrgEntry | null, former: boolean, sentence: number, date: string): { entity: Entity | null; antecedent?: number | null } {
  const kb = ctx.kb;
  const o = kb.offices.get(office);
  // an earlier person in the document with this office (and country, when the text gives one)
  // (and organisation: "the UN chief" after "the NATO chief" is another person)
  // "the Taliban's foreign minister" (from 2021-08-15): a group governing a state at the date names that state's
  // office and its holder, as "Afghanistan's foreign minister" would (not the group's own officers)
  const govOf = !former && !country && org?.country && org.country !== 'IGO' && governmentOf(ctx, org.id, date) ? org.country : null;
  if (govOf) { country = govOf; org = null; }
  const a = lastPerson(ctx, sentence, (e) => e.office === office && (!country || e.country_code === country) && (!org || e.code === org.code), 6);
  if (a >= 0 && !former) return { entity: cloneEntity(ctx.mentions[a]!.entity!), antecedent: a };
  // "Shoigu, who had served as Russia's defense minister": a person just named who held the office
  const b = lastPerson(ctx, sentence, (e) => !!kb.people.get(e.id)?.roles.some((r) => r.office === office && (!country || r.country === country) && (!org || r.org === org.id)), 0);
  if (b >= 0) return { entity: cloneEntity(ctx.mentions[b]!.entity!), antecedent: b };
  if (!former && (country || org)) {
    const pe = holderAt(ctx, office, country ?? `IGO:${org!.id}`, date);
    if (pe) return { entity: personEntity(ctx, pe, '', sentence, 0, 0, date, office, false), antecedent: null };
  }
  if (former && (country || org) && o?.single_holder) {
    // "Russia's former defence minister", as of the date: the holder before the current one
    const pe = previousHolder(ctx, office, country ?? `IGO:${org!.id}`, date);
    if (pe) return { entity: personEntity(ctx, pe, '', sentence, 0, 0, date, office, true), antecedent: null };
  }
  const side = !country && org ? orgOfficeSide(ctx, org, date) : null;
  const sector = former ? 'ELI' : side?.sector ?? o?.sector ?? 'GOV';
  const ctry = country ?? side?.country ?? null;
  const name = `${ctry ? (kb.states.get(ctry)?.name ?? ctry) + ' ' : ''}${office.replace(RE_TITLED_CHUNK, ' ')}`;
  return { entity: mkEntity('', name, `new/${slug(`${ctry ?? 'unknown'}-${former ? 'former-' : ''}${office}`)}`, 'person', ctry, sector, office, 0, 0, 0, ctry === 'IGO' ? org?.code : undefined), antecedent: null };
}

/** "the government", "the authorities": the government of the last state named just before (same or previous sentence). */
function bareGroup(ctx: Ctx, sector: string, sentence: number, date: string, word: string, former = false): Entity | null {
  // only "the government" / "the authorities" / "the regime" / "the administration", and only when
  // this and the previous sentence name exactly one country: otherwise no guess
  if (sector !== 'GOV' || !['government', 'authorities', 'regime', 'administration', 'junta'].includes(word)) return null;
  // the sentence itself first; only when it names no country, the sentence before
  let country: string | null = null;
  for (const back of [0, 1]) {
    for (let x = ctx.mentions.length - 1; x >= 0; x--) {
      const m = ctx.mentions[x]!;
      if (sentence - m.sentence > back) break;
      if (sentence - m.sentence < back) continue;
      const e = m.entity;
      if (!e || !e.country_code || e.country_code === 'IGO' || !ctx.kb.states.has(e.country_code)) continue;
      if (m.type === 'demonym' && e.sector === null && ctx.doc.text[m.end] === '-') continue; // "U.S.-backed": the backer
      if (e.kind === 'person' || e.kind === 'media') continue;
      if (country && country !== e.country_code) return null;
      country = e.country_code;
    }
    if (country) break;
  }
  if (!country) return null;
  if (former) {
    // "the previous authorities", as of the date: the regime before the current one
    const prev = ctx.kb.govs.filter((g) => g.country === country && g.end && padStart(g.end) <= date).sort((a, b) => padStart(a.end).localeCompare(padStart(b.end))).pop();
    return prev ? mkEntity('', prev.name, prev.id, 'government', country, 'GOV', null, 0, 0, 0) : stateEntity(ctx, country, 'ELI', '', sentence, 0, 0, date);
  }
  return stateEntity(ctx, country, 'GOV', '', sentence, 0, 0, date);
}

/** An unknown capitalised run: a titled or speaking person, an organisation-shaped name, or nothing. */
/** heads of a party's or movement's name: capitalised after the name ("Homeland Union"), or "party"/"movement" in lower case ("the Umma party") */
/** heads of a non-governmental body's name ("... Association", "Association of ..."): see unknownName */
const NGO_HEADS = new Set(['association', 'foundation', 'federation', 'society']);
/** heads of a state agency's name ("Kenya Wildlife Service", "Ghana Revenue Authority"): its government's (GOV) */
const STATE_BODY_HEADS = new Set(['service', 'agency', 'authority', 'ministry', 'department', 'commission', 'office', 'bureau', 'directorate', 'administration', 'inspectorate', 'secretariat']);
const PARTY_HEADS = new Set(['party', 'union', 'front', 'movement', 'league', 'alliance']);
/**
 * "the Homeland Union (Conservatives)", "the fundamentalist Umma (Nation) party", "the ruling Baath party": an
 * unknown name, a parenthesis of capitalised words (a translation or nickname) allowed, then a party head.
 * The KB's parties are found before this; one it lacks is a party (PTY) with the sentence's country (contextCountry).
 */
function partyName(ctx: Ctx, chunks: Chunk[], startTok: number, endChunk: number, endTok: number): { endChunk: number; endTok: number } | null {
  const { toks } = ctx;
  const line = ctx.lineEnd[endTok - 1]!;
  let t = endTok;
  // the run's own last word already a capitalised head ("Freedom Front"): left to the ORG_WORDS rule
  if (PARTY_HEADS.has(toks[endTok - 1]!.key)) return null;
  if (toks[t]?.key === '(' && t < line) {
    let u = t + 1;
    while (u < line && u < t + 5 && isCap(toks[u]!)) u++;
    if (u > t + 1 && toks[u]?.key === ')') t = u + 1;
  }
  const head = toks[t];
  if (!head || t >= line || head.start > toks[t - 1]!.end + 1 || !PARTY_HEADS.has(head.key)) return null;
  // lower case only "party", and not after a possessive ("New Year's Eve party"); a social "movement" is no party
  if (!isCap(head) && (head.key !== 'party' || toks[startTok - 1]?.key === 's' || toks[startTok - 1]?.key === "'" || toks[startTok - 1]?.key === '’')) return null;
  // "the National Union of Journalists", "the Popular Front for the Liberation of ...": not a party's name
  if (head.key !== 'party' && (toks[t + 1]?.key === 'of' || toks[t + 1]?.key === 'for')) return null;
  let c = endChunk;
  while (c < chunks.length && chunks[c]!.i <= t) c++;
  return { endChunk: c, endTok: t + 1 };
}

function unknownName(ctx: Ctx, chunks: Chunk[], n: number, sentence: number, date: string, startI: number, country: string | null): number {
  const { toks } = ctx;
  // honorifics: "Mr Naqvi", "Gen. Burkhard"
  let k = n;
  let honorific = false;
  while (chunks[k] && HONORIFICS.has(toks[chunks[k]!.i]!.key) && chunks[k + 1]) {
    k++; // "Lt. Gen. Muhoozi Kainerugaba"
    if (chunks[k] && toks[chunks[k]!.i]!.key === '.') k++;
    honorific = true;
  }
  if (!chunks[k]) return n + 1;
  if (honorific && chunks[k]?.k === 'kb') {
    const sur = candOf(chunks[k], 'surname');
    if (sur) { resolveSurname(ctx, chunks, k, sur.ids, sentence, date, startI, true); return k + 1; }
  }
  const run = nameRun(ctx, chunks, k);
  if (!run) return n + 1;
  const [endChunk, endTok] = run;
  // "Pro-hunt", "Pro-Europeans" (a stance) are no names; "Pro-Life Alliance" (a name going on) is
  if (toks[chunks[k]!.i]!.key === 'pro' && toks[chunks[k]!.i + 1]?.key === '-' && endTok <= chunks[k]!.i + 3) return n + 1;
  const words = toks.slice(chunks[k]!.i, endTok).filter(isWord);
  const text = ctx.doc.text.slice(toks[chunks[k]!.i]!.start, toks[endTok - 1]!.end);
  const last = words[words.length - 1]!.key;
  const initial = ctx.sentStart[chunks[k]!.i];
  if (words.length === 1 && ctx.acronyms.has(words[0]!.text) && !honorific) { push(ctx, startI, endTok, 'acronym', null); return endChunk; }
  if (words.every((w) => w.text.length === 1)) return endChunk; // "D.C", initials alone
  if (ctx.headline[chunks[k]!.i]) return endChunk;
  if (NOT_ACTOR_WORDS.has(words[0]!.key) || NOT_ACTOR_WORDS.has(last)) return endChunk;
  // "the Moslem-led government", "Kurdish-backed": a compound that qualifies what follows, no name
  if (words.length >= 2 && BACKED.test(last) && toks[endTok - 2]?.key === '-') return endChunk;
  // a place: "in Tuloul Naser", "near East Mosul"
  const before = ctx.toks[chunks[k]!.i - 1]?.key;
  if (before && LOC_PREPS.has(before) && !ORG_WORDS.has(last)) return endChunk;
  const party = partyName(ctx, chunks, chunks[k]!.i, endChunk, endTok);
  if (party && !honorific) {
    const name = ctx.doc.text.slice(toks[chunks[k]!.i]!.start, toks[party.endTok - 1]!.end);
    push(ctx, startI, party.endTok, 'name', mkEntity('', name, `new/pty-${slug(name)}`, 'organization', country, 'PTY', null, 0, 0, 0));
    return party.endChunk;
  }
  // "the Association of African Jurists", "the Gulf Research Foundation": an association, foundation, federation or
  // society the KB lacks, with no state before it, is a non-governmental body (CAMEO NGO, as the gold codes such bodies);
  // "of" and a capitalised run after the head belong to the name
  const prevM = ctx.mentions[ctx.mentions.length - 1];
  const stateBefore = !!prevM?.entity?.country_code && prevM.entity.country_code !== 'IGO' && prevM.end <= toks[chunks[k]!.i]!.start && RE_UNKNOWN_NAME.test(ctx.doc.text.slice(prevM.end, toks[chunks[k]!.i]!.start)); // "Swiss Bankers Association", "the United States' National Science Foundation": a state's body
  if (NGO_HEADS.has(last) && !country && !honorific && !stateBefore) {
    let c = endChunk, e = endTok;
    if (toks[e]?.key === 'of' && chunks[c]?.i === e && !ctx.headline[e]) {
      // the capitalised words, a KB word among them too ("the Association of European Airlines")
      let u = e + 1;
      while (u < ctx.lineEnd[e]! && u < e + 7 && isCap(toks[u]!) && !NOT_NAME.has(toks[u]!.key)) u++;
      if (u > e + 1) {
        while (chunks[c] && chunks[c]!.i < u) c++;
        e = Math.max(u, chunks[c - 1]!.j);
      }
    }
    if (e > endTok || words.length >= 2) {
      const name = ctx.doc.text.slice(toks[chunks[k]!.i]!.start, toks[e - 1]!.end);
      push(ctx, startI, e, 'name', mkEntity('', name, `new/ngo-${slug(name)}`, 'organization', null, 'NGO', null, 0, 0, 0, 'NGO'));
      return c;
    }
  }
  if (ORG_WORDS.has(last)) {
    if (country) {
      const sec = ctx.kb.trie.longest(toks, endTok - 1, endTok, (v) => v.t === 'sector');
      const s = sec?.[1][0];
      if (s && s.t === 'sector') { push(ctx, startI, endTok, 'description', stateEntity(ctx, country, s.sector, '', sentence, 0, 0, date)); return endChunk; }
    }
    // "the Kenya Wildlife Service", "the Liberian Peace Council", "the Nigeria Police Force": a state's name or
    // adjective (or a body of it) right before an organisation-shaped name the KB lacks is that state's body,
    // one mention (cut in two, the name stayed unresolved and the state alone took its role)
    const st = stateBefore && prevM!.end + 1 === toks[chunks[k]!.i]!.start ? prevM!.entity! : null;
    const from = st ? tokAt(toks, prevM!.start) : 0;
    if (st && !honorific && ctx.kb.states.has(st.country_code!) && (st.kind === 'state' || (st.kind === 'group' && SPOKES_BODY.has(st.sector ?? ''))) && prevM!.type !== 'pronoun' && !LOC_PREPS.has(toks[from - 1]?.key ?? '') && !(toks[from - 1] && isCap(toks[from - 1]!) && !ctx.sentStart[from - 1]) && !toks.slice(from, chunks[k]!.i).some((t) => LOC_PREPS.has(t.key) || t.key === 'of')) {
      // "the Tunisian League for the Defence of Human Rights": a league or union "for"/"of" something is no party
      const sec = st.sector ?? (STATE_BODY_HEADS.has(last) ? 'GOV' : PARTY_HEADS.has(last) && toks[endTok]?.key !== 'for' && toks[endTok]?.key !== 'of' ? 'PTY' : null);
      ctx.mentions.pop();
      const name = ctx.doc.text.slice(prevM!.start, toks[endTok - 1]!.end);
      push(ctx, from, endTok, 'name', mkEntity('', name, `new/org-${slug(name)}`, 'organization', st.country_code, sec, null, 0, 0, 0));
      return endChunk;
    }
    if (words.length >= 2 || !initial) push(ctx, startI, endTok, 'name', null);
    return endChunk;
  }
  const after = toks[endTok];
  // "Manal said" and, inverted, "says Manal": a name that speaks is a person's
  const speaks = (after && SPEECH.has(after.key)) || SPEECH.has(toks[chunks[k]!.i - 1]?.key ?? '');
  // appositive title: "Mohsin Naqvi, Pakistan's interior minister" / "Harry Tseng, Taiwan's deputy foreign minister"
  if (after?.key === ',' && chunks[endChunk + 1]) {
    let q = endChunk + 1;
    if (['the', 'a'].includes(toks[chunks[q]!.i]!.key)) q++;
    const p = parsePrefix(ctx, chunks, q);
    const off = candOf(chunks[p.next], 'office');
    if (off && (p.country || p.orgPoss)) {
      const o = ctx.kb.offices.get(off.id);
      const ctry = p.country ?? 'IGO';
      push(ctx, startI, endTok, 'name', mkEntity('', text, `new/${slug(text)}`, 'person', ctry, p.former ? 'ELI' : o?.sector ?? 'GOV', off.id, 0, 0, 0, ctry === 'IGO' ? p.orgPoss?.code : undefined));
      return endChunk;
    }
  }
  if (words.length === 1) {
    // "Votel" after "General Joseph Votel": the unknown person named in full earlier
    const prev = ctx.unknownNames.get(words[0]!.key);
    if (prev !== undefined) { pushKnownUnknown(ctx, startI, endTok, prev); return endChunk; }
  }
  if ((words.length >= 2 && !(initial && words.length === 2 && NOT_NAME.has(words[0]!.key))) || (speaks && !initial) || honorific) {
    const m = push(ctx, startI, endTok, honorific && words.length === 1 ? 'surname' : 'name', null);
    if (words.length >= 2 && m) rememberName(ctx, words, ctx.mentions.length - 1);
  }
  return endChunk;
}

export { padStart };
