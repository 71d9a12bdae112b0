// The event coder: DatedDoc → quotes + events (PLOVER + CAMEO), with roles, modality,
// attribution, place, date and a confidence. Reads the actors stage's mentions and the time
// stage's expressions; never re-derives them. Why a sentence gave no event is a message
// `events:<reason>` with the sentence span.
import type { DatedDoc, Entity, EventRecord, Mention, Modality, Quote, Sentence, Span, TimeExpr } from '../types.js';
import { addMessage } from '../types.js';
import { dateForClause, datelineEnd } from '../time/index.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { assignRoles, clauseOf, isPassive, findTriggers, mentionGroups, modalityCues, prepBefore, reducedRelative, subordination, ATTRIB, SPEECH, type Group, type Roles, type Trigger } from './coder.js';
import { findFrames, INVERTED_ACT, type SpeechFrame } from './frames.js';
import { sentenceTokens, type Tok } from './tokens.js';
import { findQuotes } from './quotes.js';
import { intentCode, loadIntent, type IntentTable } from './intent.js';
import { cloneEntity, mkEntity, placedEntity } from '../actors/entity.js';
import { AUTHOR_ID } from '../actors/recognize.js';
import { loadKB } from '../actors/kb.js';

// Regular expressions used inside this file's functions are module constants, not literals in
// the functions: V8 builds a new RegExp object each time a literal is evaluated, even in optimised
// code, and these run per token or per sentence. None is sticky; a global one is only passed to
// replace/split/match, which start it at 0 (so sharing it keeps no state between calls).
const RE_NOUN_OBJECT = /^[.;:]$/;
const ITS_THEIR_HIS_ETC = /^(its|their|his|her|our)$/;
const RE_QUESTION_AT = /^[.!;]$/;
const ITS_THEIR_OUR_ETC = /^(its|their|our|my|his|her|own)$/;
const RE_SKIP_TRIGGER = /^[.,;:]$/;
const IS_ARE_AM_ETC = /^(is|are|am|was|were|be|been|being|'s|'re|'m|’s|’re|’m)$/;
const RE_SKIP_TRIGGER_2 = /ed$|en$/;
const RE_SKIP_TRIGGER_3 = /^(1[4-9]|20)/;
const RE_SKIP_TRIGGER_4 = /^0[4-8]/;
const RE_SKIP_TRIGGER_5 = /;\s*/;
const ENDS_ING = /ing$/;
const RE_REFINE_ROLES = /^(18|19|20)/;
const RE_REFINE_ROLES_2 = /^(borders?|frontiers?)$/;
const IT_HE_SHE_ETC = /^(it|he|she|they|we|i)$/;
const THEIR_ITS_OUR = /^(their|its|our)$/;
const RE_CODE_SENTENCE = /^(11|17)/;
const RE_CODE_SENTENCE_2 = /^[,;:]$/;
const RE_CODE_SENTENCE_3 = /^[,;:.]$/;
const OF_WITH_FOR = /^(of|with|for)$/;
const RE_CODE_SENTENCE_4 = /^(,|and|or)$/;
const MUST_SHOULD = /^(must|should)$/;
const NOT_NT_NEVER = /^(not|n't|never)$/;
const RE_CODE_SENTENCE_5 = /^claim/;
const RE_CODE_SENTENCE_6 = /^(['’](re|ve|ll|d|m)|not|n't)$/;
const WE_I = /^(we|i)$/;
const RE_SECTOR_ONLY = /^(NGO|IMG|IGO)/;
const COP_MIL = /^(COP|MIL)$/;
const RE_CODE_SENTENCE_7 = /^(,|but|-|–|—|;|:)$/;
const RE_CODE_SENTENCE_8 = /^(will|would|'ll|'d|shall|not|n't|never|to|going|plans?|wants?|willing|ready|prepared|determined|poised|also|still|now|soon)$/;
const RE_CODE_SENTENCE_9 = /^(02|10)/;
const RE_CODE_SENTENCE_10 = /^(,|in|by|and)$|^NOUN$/;
const WHO_WHICH_WHOSE = /^(who|which|whose)$/;
/** a relative pronoun opening a clause after the event's trigger (", who died in 2001", ", where ... early today") */
const REL_AFTER = /^(who|whom|which|whose|where)$/;
/** predicates that only place their subject, an event noun, in time (", which took place on Monday"): such a clause dates the event it follows */
const EVENT_TIME_PRED = /^(took|takes|happened|occurred|was|were)$/;
const HELD_PLACE = /^(held|place)$/;
const RE_EVENT_PLACE = /^(and|but|,|;)$/;
const IN_AT = /^(in|at)$/;
const RE_EVENT_PLACE_2 = /^[,.;:!?]$/;
const RE_EVENT_PLACE_3 = /^[;:"“”]$/;
const I_ME_MY_ETC = /^(i|me|my|myself)$/i;
const RE_EVENT_DATE = /^\d{4}/;
const RE_EVENT_DATE_2 = /^\d{4}(-\d{2}(-\d{2})?)?/;

export { loadLexicon } from './lexicon.js';

/** Sentences longer than this many tokens are cut (tables flattened into text, run-ons): a message says so. */
export const MAX_TOKENS = 120;
/** Per-sentence work budget: at most this many triggers are coded (with MAX_TOKENS this bounds the
 * time a sentence can take; a work count, not the clock, so results never depend on machine load). */
export const MAX_TRIGGERS = 24;

export interface CodeOptions {
  /** keep events that have neither actor nor recipient (evaluation of the classifier alone) */
  keepActorless?: boolean;
  lexicon?: Lexicon;
}

/** More than 20 ASCII letters and none of them lower case: what comparing the sentence's letters
 * (`text.replace(/[^A-Za-z]/g, '')`) with their upper case tests, without a string per sentence. */
function capitalsOnly(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters > 20;
}

export function codeEvents(doc: DatedDoc, opts: CodeOptions = {}): { quotes: Quote[]; events: EventRecord[] } {
  const lex = opts.lexicon ?? loadLexicon();
  const events: EventRecord[] = [];
  const quotes: Quote[] = [];
  const byS = new Map<number, Mention[]>();
  for (const m of doc.mentions ?? []) {
    const arr = byS.get(m.sentence) ?? [];
    arr.push(m);
    byS.set(m.sentence, arr);
  }
  const frameBySentence = new Map<number, { frames: SpeechFrame[]; toks: Tok[] }>();
  const pending: Array<{ s: Sentence; toks: Tok[]; groups: Group[]; frames: SpeechFrame[]; triggers: Trigger[] }> = [];
  const datelinePlaces: Mention[] = [];
  for (const s of doc.sentences) {
    let toks = sentenceTokens(s, doc.text);
    if (!toks.length) continue;
    if (toks.length > MAX_TOKENS) {
      addMessage(doc, 'events:sentence-too-long', `sentence ${s.index} has ${toks.length} tokens; only the first ${MAX_TOKENS} were coded`, 'info', s);
      toks = toks.slice(0, MAX_TOKENS);
    }
    const hasPos = toks.some((t) => t.pos === 'VERB' || t.pos === 'NOUN');
    if (capitalsOnly(s.text)) {
      addMessage(doc, 'events:all-caps', `sentence ${s.index} is all capitals (a headline or table?): not coded`, 'info', s);
      continue;
    }
    let mentions = byS.get(s.index) ?? mentionsInSpan(doc.mentions ?? [], s);
    // a wire dateline's place ("NAIROBI, Feb 20 (Reuters) -": the capital read as its government) is
    // where the dispatch was filed, never an actor, target or speaker of the sentence's events
    const dl = s.start < 600 ? datelineEnd(doc.text, s, doc.times, doc.article?.dateline) : -1;
    if (dl >= 0) {
      // (places only: not the agency, "DALLAS (AP) -")
      datelinePlaces.push(...mentions.filter((m) => m.start < dl && m.entity?.country_code && (m.entity.kind === 'state' || m.entity.kind === 'government')));
      mentions = mentions.filter((m) => m.start >= dl);
    }
    const groups = mentionGroups(toks, mentions);
    const media = mentions.filter((m) => m.entity?.kind === 'media');
    const frames = findFrames(toks, groups, media, hasPos);
    frameBySentence.set(s.index, { frames, toks });
    // (punctuation is never a trigger: lexicon.ts validateVerbs refuses a verb form without a letter or digit)
    const triggers = findTriggers(toks, 0, toks.length - 1, lex, hasPos);
    if (!triggers.length) {
      const reason = hasPos && !toks.some((t) => t.pos === 'VERB') ? 'no-verb' : 'no-trigger';
      if (groups.length) addMessage(doc, `events:${reason}`, `sentence ${s.index}: ${reason === 'no-verb' ? 'no verb' : 'no event verb or phrase of the lexicon'}`, 'info', s);
      continue;
    }
    pending.push({ s, toks, groups, frames, triggers });
  }
  // quotes before events: an event inside a direct quote is the quote's speaker's claim, whatever
  // sentence the attribution sits in ("... ," X was quoted as saying by Y; a second paragraph of a quote)
  quotes.push(...findQuotes(doc, frameBySentence));
  const direct = quotes.filter((q) => q.direct);
  const qa = interviewAnswers(doc);
  for (const p of pending) {
    resolvePairReference(doc, p.s, p.toks, p.groups, events);
    if (qa) answerSpeaker(qa, p.s, p.groups);
    const qs = direct.filter((q) => q.content.start < p.s.end && q.content.end > p.s.start);
    const m0 = doc.messages.length;
    const made = codeSentence(doc, p.s, p.toks, p.groups, p.frames, p.triggers, lex, opts, qs);
    events.push(...made);
    // every sentence with actors and no event says why ("why is this sentence missing?"): the rules
    // that drop a verb silently are those of attributions and of verbs inside another event's phrase
    if (!made.length && doc.messages.length === m0 && p.groups.length) {
      const verbs = p.triggers.slice(0, 4).map((t) => `"${p.toks[t.i]!.text}"`).join(', ');
      addMessage(doc, 'events:not-coded', `sentence ${p.s.index}: no event coded: its event verbs (${verbs}) attribute a statement or complete another verb's phrase`, 'info', p.s);
    }
  }
  // A sports match report ("Ireland began strongly and were never led", "the American top seed overcame Germany's
  // Tommy Haas 7-6 6-3"): a country named as a side is its national team, not the state, so an event whose every
  // party is a bare country (no government, force, body or person of it) is no event of international relations
  if (events.length && matchReport(doc, lex)) {
    const bare = (e: Entity): boolean => e.kind === 'state' && !e.sector;
    for (let k = events.length - 1; k >= 0; k--) {
      const e = events[k]!;
      const parties = [...e.actor, ...e.recipient];
      if (!parties.length || !parties.every(bare)) continue;
      addMessage(doc, 'events:sport', `sentence ${e.actor[0]?.sentence ?? e.recipient[0]!.sentence}: "${e.text_info.trigger.text}" (CAMEO ${e.cameo}) between ${parties.map((x) => x.entity_text).join(', ')} is not coded: in a match report a country is its team`, 'info', { start: e.text_info.trigger.start, end: e.text_info.trigger.end });
      events.splice(k, 1);
    }
  }
  placeOfSaying(doc, events);
  placeAtDateline(doc, events, datelinePlaces);
  // event ids: doc id + sentence + trigger offset, stable across runs
  return { quotes, events };
}

/** a match score, "3-0", "7-6" (not a date part, a range of years, "K2-18b" or "2-1/2") */
const SCORE = /(?<![\p{L}\p{N}.,/:-])\d{1,2}-\d{1,2}(?![\p{L}\p{N}.,/:-])/gu;
/** words of sport (data/lexicon/sport-report.txt) and scores per sentence from which an article is a match report */
const SPORT_DENSITY = 0.3;
const SPORT_MIN = 4;
/** Whether the article reads as a sports match report: at least 4 sport words or scores, and 0.3 per sentence. */
function matchReport(doc: DatedDoc, lex: Lexicon): boolean {
  if (!lex.sportWords) return false;
  const n = (doc.text.match(lex.sportWords)?.length ?? 0) + (doc.text.match(SCORE)?.length ?? 0);
  return n >= SPORT_MIN && n >= SPORT_DENSITY * doc.sentences.length;
}

// "the two ministers", "both governments", "the two sides": a reference to a pair of actors named before
const PAIR_HEAD = /^(ministers|leaders|presidents|premiers|governments|countries|nations|states|sides|delegations|allies|neighbo(u)?rs)$/;
const PAIR_PERSON_HEAD = /^(ministers|leaders|presidents|premiers)$/;
/** How many sentences back the pair may have been named. */
const PAIR_BACK = 2;

/**
 * "The two ministers signed ...", "both governments agreed ...": the pair is the two actors of the
 * previous sentences' events (an actor and its recipient, or a compound actor of two), when those
 * sentences give one pair of countries only and name no other country; else the reference stays unresolved. For a pair of
 * persons ("ministers", "leaders") the persons of the latest event that has two are taken. The
 * reference's group gets the pair (as "X and Y" would), with the reference's own span.
 */
function resolvePairReference(doc: DatedDoc, s: Sentence, toks: Tok[], groups: Group[], events: EventRecord[]): void {
  for (let k = 0; k + 1 < toks.length; k++) {
    const w = toks[k]!.low;
    let h = w === 'both' ? k + 1 : w === 'the' && (toks[k + 1]!.low === 'two' || toks[k + 1]!.low === '2') ? k + 2 : -1;
    if (h < 0) continue;
    if (toks[h]?.pos === 'ADJ' && !PAIR_HEAD.test(toks[h]!.low)) h++;
    if (!PAIR_HEAD.test(toks[h]?.low ?? '')) continue;
    // (not "both sides of the border", "the two countries' border": a part or a possession, not the pair acting)
    const next = toks[h + 1]?.low ?? '';
    if (next === 'of' || next === "'" || next === '’' || next === "'s" || next === '’s') continue;
    const pairs: Entity[][] = [];
    for (let j = events.length - 1; j >= 0; j--) {
      const e = events[j]!;
      if (e.text_info.sentence >= s.index) continue;
      if (e.text_info.sentence < s.index - PAIR_BACK) break;
      const two = e.actor.length === 1 && e.recipient.length === 1 ? [e.actor[0]!, e.recipient[0]!] : e.actor.length === 2 && !e.recipient.length ? e.actor : null;
      if (two && two[0]!.country_code && two[1]!.country_code && two[0]!.country_code !== two[1]!.country_code) pairs.push(two);
    }
    if (!pairs.length) return;
    const key = (p: Entity[]) => p.map((e) => e.country_code).sort().join('+');
    if (new Set(pairs.map(key)).size !== 1) return;
    // (and those sentences, up to the reference, name no third country: "He noted that China supplies North
    // Korea with oil and Russia ... He called on both countries" is China and Russia, not the event's pair)
    const named = new Set(pairs[0]!.map((e) => e.country_code));
    for (const m of doc.mentions ?? []) {
      if (m.sentence < s.index - 1 || m.sentence > s.index || m.start >= toks[k]!.start) continue;
      if (m.entity?.country_code && m.entity.kind !== 'media' && !named.has(m.entity.country_code)) return;
    }
    const pair = PAIR_PERSON_HEAD.test(toks[h]!.low) ? pairs.find((p) => p.every((e) => e.kind === 'person')) ?? pairs[0]! : pairs[0]!;
    const start = toks[k]!.start, end = toks[h]!.end, text = doc.text.slice(start, end);
    const placed = pair.map((e) => placedEntity(e, text, s.index, start, end));
    const at = groups.findIndex((g) => g.to >= k && g.from <= h);
    if (at >= 0) {
      const g = groups[at]!;
      // (a group that names a country is no bare reference: "both Afghan governments")
      if (g.entities.some((e) => e.country_code) || g.to > h) return;
      g.from = Math.min(g.from, k); g.to = h; g.entities = placed;
    } else {
      const g: Group = { from: k, to: h, entities: placed, mentions: [], prep: prepBefore(toks, k) };
      let i = 0;
      while (i < groups.length && groups[i]!.from < k) i++;
      groups.splice(i, 0, g);
    }
    return;
  }
}

// a Q&A page's turn: a label opening a paragraph, "((WN))", "Q:", "Ahmad Karimi:" (a short name)
const TURN = /(^|\n)[ \t]*(?:\(\(([^()\n]{1,40})\)\)|([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):)[ \t]*/g;
const QUESTION_LABEL = /^(wn|wikinews|q|question|interviewer)$/i;
const ANSWER_LABEL = /^(a|answer)$/i;
const MIN_TURNS = 3;

/**
 * A Q&A interview: question and answer turns (at least three of each), every answer turn by one
 * person ("((Ahmad Karimi))", or "A:" for the one person the intro names), who the intro before the
 * first turn names with a country ("..., Afghanistan's deputy foreign minister"). The interviewee's
 * entity and the text spans of the answers; null when the page is no such interview.
 */
function interviewAnswers(doc: DatedDoc): { who: Entity; answers: Array<[number, number]> } | null {
  const text = doc.text;
  const turns: Array<{ label: string; start: number; body: number }> = [];
  for (const m of text.matchAll(TURN)) turns.push({ label: (m[2] ?? m[3] ?? '').trim(), start: m.index! + m[1]!.length, body: m.index! + m[0].length });
  if (turns.length < 2 * MIN_TURNS) return null;
  const answers: Array<[number, number]> = [];
  const names = new Map<string, number>();
  let questions = 0;
  turns.forEach((t, k) => {
    const end = turns[k + 1]?.start ?? text.length;
    if (QUESTION_LABEL.test(t.label) || text.slice(t.body, end).trimEnd().endsWith('?')) { questions++; return; }
    answers.push([t.body, end]);
    if (!ANSWER_LABEL.test(t.label)) names.set(t.label, (names.get(t.label) ?? 0) + 1);
  });
  if (questions < MIN_TURNS || answers.length < MIN_TURNS) return null;
  // (one answering person: a second name answering more than once is a second interviewee)
  const many = [...names].filter(([, n]) => n > 1);
  if (many.length > 1 || names.size && !many.length) return null;
  const label = many[0]?.[0] ?? null;
  const intro = turns[0]!.start;
  const persons = (doc.mentions ?? []).filter((m) => m.end <= intro && m.entity?.kind === 'person' && m.entity.country_code && m.entity.id !== AUTHOR_ID);
  let who: Entity | null = null;
  if (label) {
    // the name in the intro, with its description in apposition ("Ahmad Karimi, Afghanistan's deputy foreign minister")
    // or as its own mention; named once: a second place naming it differently is no matter, a second person is
    const at = text.indexOf(label);
    if (at < 0 || at >= intro) return null;
    const m = persons.find((x) => x.start <= at && x.end >= at + label.length) ?? persons.find((x) => x.start >= at + label.length && x.start - (at + label.length) <= 3);
    who = m?.entity ?? null;
  } else {
    const ids = new Set(persons.map((m) => m.entity!.id));
    if (ids.size === 1) who = persons[0]!.entity!;
  }
  return who ? { who, answers } : null;
}

/** In an answer of a Q&A interview, the writer's "I" is the interviewee (see interviewAnswers). */
function answerSpeaker(qa: { who: Entity; answers: Array<[number, number]> }, s: Sentence, groups: Group[]): void {
  // (a sentence may open with the turn's label: "((Ahmad Karimi)) I will ...")
  if (!qa.answers.some(([a, b]) => s.end > a && s.start < b)) return;
  for (const g of groups) {
    if (!g.entities.length || !g.entities.every(isAuthor)) continue;
    g.entities = g.entities.map((e) => placedEntity(qa.who, e.entity_text, e.sentence, e.start, e.end));
  }
}

/**
 * Where a speaker spoke, for the speaker's other statements of the day: "Speaking at the SCO meeting in
 * Kyrgyzstan, Shoigu underscored that ..." places what Shoigu said that day ("Shoigu said Thursday at a regional
 * security gathering ...", '"We're building ...," Shoigu was quoted as saying') in Kyrgyzstan. Only a place
 * outside the statement's content (where the saying happened, not what it is about), only a speaker with one such
 * place in the article, and only claims dated to the article's day that name no place of their own. The location
 * keeps the span of the place where the text names it.
 */
function placeOfSaying(doc: DatedDoc, events: EventRecord[]): void {
  const at = new Map<string, NonNullable<EventRecord['event_loc']> | null>();
  for (const e of events) {
    if (e.modality !== 'claimed' || !e.speaker || !e.event_loc || !e.quote || e.quote.includes(e.event_loc.text)) continue;
    const prev = at.get(e.speaker.id);
    if (prev === undefined) at.set(e.speaker.id, e.event_loc);
    else if (prev && (prev.country_code !== e.event_loc.country_code || prev.name !== e.event_loc.name)) at.set(e.speaker.id, null);
  }
  if (!at.size) return;
  for (const e of events) {
    if (e.event_loc || e.modality !== 'claimed' || !e.speaker || e.date !== doc.refDate) continue;
    const loc = at.get(e.speaker.id);
    if (loc) e.event_loc = { ...loc };
  }
}

const PRIOR_SAYING = new Set(['previously', 'once', 'had', 'already', 'earlier']);
/** A speech verb said before the article's day: "previously/once/had/already said", "earlier said" (not a
 * sentence-opening "Earlier, …", often the same day), "said previously". */
function priorSaying(toks: Tok[], cue: [number, number]): boolean {
  const b = toks[cue[0] - 1]?.low ?? '', a = toks[cue[1] + 1]?.low ?? '';
  if (a === 'previously') return true;
  if (!PRIOR_SAYING.has(b)) return false;
  return b !== 'earlier' || cue[0] - 1 > 0;
}

/** Days an event may lie before the article's date and still be its own news (a wire story's "on Tuesday"). */
const OWN_NEWS_DAYS = 3;

/**
 * A wire dateline's place ("KABUL (Reuters) -") as the location of the article's own news that names
 * none: an event the article reports as done or said (not recalled, planned or supposed), dated to
 * its day or a few days before, that involves the dateline's country as actor or target (what a
 * Kabul dispatch reports Afghanistan doing happened there; what it reports of Pakistan need not have;
 * a verbal act needs its actor there).
 * One dateline place only ("SEOUL/WASHINGTON" names two). The location keeps the dateline's span.
 */
function placeAtDateline(doc: DatedDoc, events: EventRecord[], places: Mention[]): void {
  const ccs = new Set(places.map((m) => m.entity!.country_code));
  if (ccs.size !== 1 || !doc.refDate) return;
  const m = places[0]!;
  const cc = m.entity!.country_code!;
  const ref = Date.parse(doc.refDate);
  for (const e of events) {
    if (e.event_loc || (e.modality !== 'asserted' && e.modality !== 'claimed') || !e.date) continue;
    if (e.date_source !== 'publication') {
      const t = e.date_precision === 'day' ? Date.parse(e.date) : NaN;
      if (!(ref - t >= 0 && ref - t <= OWN_NEWS_DAYS * DAY)) continue;
    }
    // (a statement is made where its speaker is: "SEOUL - Japan condemned North Korea's launch" is no
    // Seoul statement; a material act may be done to the dateline's country: "Israel indicted a girl")
    if (!e.actor.some((a) => a.country_code === cc) && (VERBAL.test(e.cameo) || !e.recipient.some((a) => a.country_code === cc))) continue;
    e.event_loc = { text: m.text, name: placeName(m.text, cc) ?? stateName(cc) ?? m.entity!.name, country_code: cc, start: m.start, end: m.end };
  }
}

// A place's own name for event_loc.name when the KB (data/kb/states.json) lists it as a city or region of the
// country the mention resolved to — its capital or one of its "places": "KABUL" (a dateline) and "in Kabul" are
// Kabul, AFG, not the government the capital stands for as an actor. Built once from the shipped KB.
let PLACES: Map<string, string> | null = null;
const placeKey = (cc: string, text: string): string => `${cc}|${text.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim()}`;
function placeIndex(): Map<string, string> {
  if (PLACES) return PLACES;
  const kb = loadKB();
  PLACES = new Map();
  for (const st of kb.states.values()) {
    for (const c of [st.capital, ...(st.places ?? [])]) if (c) PLACES.set(placeKey(st.id, c), c);
  }
  return PLACES;
}
function placeName(text: string, cc: string | null): string | null {
  return cc ? placeIndex().get(placeKey(cc, text)) ?? null : null;
}
/** the state's own name for a country-level place ("Afghanistan", not the government "Islamic Emirate of Afghanistan") */
function stateName(cc: string): string | null {
  return loadKB().states.get(cc)?.name ?? null;
}

/** A common-noun object right after a verb, closed by a preposition, a relative "that" or the clause's end
 * (not the subject of a reported clause: "said the government would ..."). */
function nounObject(toks: Tok[], k: number): boolean {
  while (toks[k] && (toks[k]!.pos === 'DET' || toks[k]!.pos === 'ADJ' || toks[k]!.pos === 'NUM')) k++;
  if (toks[k]?.pos !== 'NOUN') return false;
  while (toks[k + 1]?.pos === 'NOUN') k++;
  const n = toks[k + 1];
  return !n || n.pos === 'ADP' && n.low !== 'that' || RE_NOUN_OBJECT.test(n.low) || n.low === 'that' && ['VERB', 'AUX'].includes(toks[k + 2]?.pos ?? '');
}

/** A noun matching `head` within three words after a group ending at `to`, through words tagged `through`. */
function headNounAfter(toks: Tok[], to: number, hi: number, head: RegExp, through: readonly string[]): boolean {
  for (let k = to + 1; k <= Math.min(hi, to + 3); k++) {
    if (head.test(toks[k]!.low)) return true;
    if (!through.includes(toks[k]!.pos)) return false;
  }
  return false;
}
// nouns of an armed attack: the actor named right before one ("Israeli tank shelling") carries it out
const ATTACK_NOUN = /^(shelling|strikes?|airstrikes?|air-strikes?|raids?|air-raids?|attacks?|bombings?|bombardments?|gunfire|fire|offensive|assault|ambush|operations?|fighting|clashes)$/;
const attackNounAfter = (toks: Tok[], to: number, hi: number): boolean => headNounAfter(toks, to, hi, ATTACK_NOUN, ['NOUN', 'ADJ']);
const ACCIDENT_NOUN = /^(crash|crashes|accident|accidents|collision|derailment|earthquake|quake|storm|hurricane|typhoon|cyclone|flood|floods|flooding|landslide|avalanche|tsunami|disease|virus|outbreak|epidemic)$/;
const accidentNounAfter = (toks: Tok[], to: number, hi: number): boolean => headNounAfter(toks, to, hi, ACCIDENT_NOUN, ['NOUN', 'ADJ', 'PROPN', 'NUM']);
// weapons and attacks that name no attacker ("a roadside bomb", "an improvised explosive device", "mortar fire")
const WEAPON_NOUN = /^(bombs?|bombings?|car-bombs?|explosives?|ieds?|devices?|landmines?|mines?|minefields?|grenades?|rockets?|mortars?|missiles?|shells?|shelling|gunfire|gunmen|gunman|snipers?|assailants?|attackers?|attacks?|ambush|airstrikes?|air-strikes?|raids?)$/;
const DEMAND_NOUN = /^(demands?|calls?|appeals?|requests?)$/;
/** "(on) its demand(s) that ...": a noun of demand right after the verb (through "on" and determiners), then "that". */
function demandThat(toks: Tok[], k: number): boolean {
  if (toks[k]?.low === 'on') k++;
  while (toks[k] && (toks[k]!.pos === 'DET' || toks[k]!.pos === 'ADJ' || ITS_THEIR_HIS_ETC.test(toks[k]!.low))) k++;
  return DEMAND_NOUN.test(toks[k]?.low ?? '') && toks[k + 1]?.low === 'that';
}

function mentionsInSpan(ms: Mention[], s: Sentence): Mention[] {
  return ms.filter((m) => m.start >= s.start && m.end <= s.end);
}

/** Cues whose content is what is asked for ("demanded that X ...", "urged X to ..."). */
const DIRECTIVE = new Set(['demand', 'urge', 'ask', 'call', 'press', 'insist', 'appeal', 'request', 'order', 'instruct', 'push', 'beg', 'implore', 'command', 'require', 'encourage', 'invite', 'exhort', 'advise', 'propose', 'recommend']);

/** Cues whose content the speaker says did not happen ("denied that", "dismissed reports that", "rejected claims that"). */
const DENY = new Set(['deny', 'dismiss', 'refute', 'rebut', 'disown', 'reject', 'contradict', 'dispute']);

/** Is the trigger in a direct question (its clause ends with "?")? "Did China send troops to Russia?" */
function questionAt(toks: Tok[], i: number): boolean {
  for (let k = i + 1; k < toks.length; k++) {
    const w = toks[k]!.low;
    if (w === '?') return true;
    if (RE_QUESTION_AT.test(w) || QUOTE.test(w) && k > i + 1) return false;
  }
  return false;
}

/** Cues whose gerund complement is the charge ("accused X of violating", "charging X with supporting"). */
const CHARGE = new Set(['accuse', 'charge', 'blame', 'fault', 'criticize', 'criticise', 'condemn', 'denounce', 'indict', 'convict', 'suspect']);

/** Nouns whose "of V-ing" complement is an act considered, not reported. */
const NOT_DONE_NOUN = /^(decisions?|ideas?|plans?|proposals?|possibility|possibilities|prospects?|options?|threats?|risks?|danger|aims?|goals?|purpose|hopes?|fears?|question|issue|costs?|rights?|polic(y|ies)|practice|crimes?|charges?|accusations?|allegations?|suspicion|ways?|means|methods?|importance|necessity|need|intention|dream|vision|strategy|tactic|tactics)$/;

/** Verbs of a post-posed charge ("..., a rights group protested"): complaints and accusations, not admissions or denials. */
const ACCUSING = new Set(['protest', 'object', 'complain', 'charge', 'allege', 'accuse']);

/** CAMEO codes of verbal acts (statements, appeals, intents, praise, demands, disapproval, rejections, threats). */
const VERBAL = /^(0[123]|051|1[0123])/;
const QUOTE = /^["“”‘’'«»]$/;

/** the pledge a refused permission for hostile use of one's own ground makes (codebook 030) */
const PLEDGE_CODE = '030';
const PERMIT = new Set(['allow', 'permit', 'let', 'tolerate']);
/** one's own ground, as the object of a permission ("its territory", "Afghan soil", "our airspace") */
const GROUND = new Set(['territory', 'territories', 'soil', 'land', 'lands', 'airspace', 'waters', 'ports', 'bases', 'border', 'borders']);
/** what is hostile use of it: "used against", "a base for attacks on", "to threaten", "to harm" */
const HOSTILE = /^(against|attacks?|attacking|threaten|threatening|threats?|harm|harming|hostile|aggression|terrorism|terrorist|terrorists|launchpad|launching)$/;

/** After a permission verb: its object is the actor's own ground (within three words: "its territory",
 * "Afghan soil", "its own territory") and what it is let for is hostile ("to be used against Y",
 * "to become a base for attacks on Y", "by anyone to threaten Y") — before the clause ends. */
function ownGroundUsedAgainst(toks: Tok[], from: number, hi: number): boolean {
  let ground = -1;
  for (let k = from; k <= Math.min(hi, from + 3); k++) if (GROUND.has(toks[k]!.low)) { ground = k; break; }
  if (ground < 0 || !ITS_THEIR_OUR_ETC.test(toks[ground - 1]?.low ?? '') && toks[ground - 1]?.pos !== 'ADJ' && toks[ground - 1]?.pos !== 'PROPN') return false;
  for (let k = ground + 1; k <= Math.min(hi, ground + 12); k++) {
    const w = toks[k]!.low;
    if (w === ';' || w === 'but') return false;
    if (HOSTILE.test(w)) return true;
  }
  return false;
}

const BE_FORM = /^(is|are|was|were|be|been|being|'s|'re)$/;
const MEAN_FORM = /^(mean|means|meant|meaning)$/;
/** a be-form right before token i, adverbs and particles between ("is widely expected", "wasn't really meant") */
function beBefore(toks: Tok[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (toks[k]!.pos === 'ADV' || toks[k]!.pos === 'PART') && i - k <= 3) k--;
  return k >= 0 && BE_FORM.test(toks[k]!.low);
}
/** "is (widely) expected", "had been expected", or a reduced relative "actors expected to attend" (a noun, then "expected to") */
function passiveExpected(toks: Tok[], i: number): boolean {
  if (beBefore(toks, i)) return true;
  return toks[i + 1]?.low === 'to' && (toks[i - 1]?.pos === 'NOUN' || toks[i - 1]?.pos === 'PROPN');
}

/** CAMEO roots of cooperation offered or given to a partner (intent, diplomatic, material): 03, 05, 06. */
const COOP_WITH_PARTNER = /^0[356]/;

const CUE_NOT_EVENT = new Set(['010', '012', '013', '014', '019', '018']);

/**
 * The tests that drop a trigger before its roles are assigned: an attribution, an opinion, a warning of a
 * prospect, a modifier, the complement of a verb already coded (which may refine that verb's record in `out`).
 * Records an inverted act ("..., a rights group protested") in `invertedActs`. True: the trigger is no event.
 * (Split out of codeSentence with refineRoles: TurboFan recompiled the whole loop, 17 KB of bytecode, after each
 * deopt in one of its rare branches.)
 */
function skipTrigger(doc: DatedDoc, s: Sentence, toks: Tok[], groups: Group[], frames: SpeechFrame[], triggers: Trigger[], lex: Lexicon, intents: IntentTable, trig: Trigger, tok: Tok, isCueVerb: boolean, invertedActs: Map<number, { source: Group; target: Group | null; code: string }>, coded: Trigger[], out: EventRecord[]): boolean {
  // a plain speech verb is an attribution, not an event
  if (tok.low === 'according') return true;
  // "..., a rights group protested": a verb of protest reporting the sentence is the speaker's verbal
  // act against the subject of what it reports (CAMEO 111 for a protest made in words)
  const inv = isCueVerb && INVERTED_ACT.has(tok.lemma) ? frames.find((f) => f.cue[0] === trig.i && f.content && f.content[1] < trig.i && f.speakerGroup) : undefined;
  if (inv) {
    const target = groups.find((g) => g.from >= inv.content![0] && g.to <= inv.content![1] && !g.prep && g !== inv.speakerGroup) ?? null;
    const c = trig.code.startsWith('14') ? '111' : trig.code;
    const info = lex.codes.get(c);
    if (info && !trig.code.startsWith('01')) {
      invertedActs.set(trig.i, { source: inv.speakerGroup!, target, code: c });
    }
  }
  // a speech verb introducing a clause is an attribution, not an event ("said it will support" is
  // coded on "support"); with a noun object matched by a pattern it is one ("declared a ceasefire")
  if (!invertedActs.has(trig.i) && (SPEECH.has(tok.lemma) || isCueVerb && !ATTRIB.has(tok.lemma))) {
    if (!trig.patternWords || trig.code.startsWith('01') && trig.code !== '015' && trig.code !== '016') return true;
    const next = toks.slice(trig.i + trig.n, trig.i + trig.n + 6);
    const stop = next.findIndex((t) => RE_SKIP_TRIGGER.test(t.low));
    // ... unless the verb has a noun object of its own before that clause ("claimed responsibility for
    // the bombings that killed ...", "announced a ceasefire that would begin ..."): the pattern coded it
    // ("insisted on its demands that the government grant ...": a noun of demand whose "that" clause says
    // what is asked is the verb's object too; the directive is the event, the clause its content)
    if (!nounObject(toks, trig.i + trig.n) && !demandThat(toks, trig.i + trig.n) && (stop < 0 ? next : next.slice(0, stop)).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.low === 'that')) return true;
  }
  if (trig.code === '010') return true;
  // "I think she played well", "we thought it would fail": an opinion, not CAMEO 040 (PETRARCH files THINK
  // under CONSIDER with no pattern; only a pattern of its own makes it an event)
  if (tok.lemma === 'think' && !trig.patternWords) {
    addMessage(doc, 'events:no-event', `sentence ${s.index}: "${tok.text}" states an opinion, not an event`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // "Mr Blair is expected to outline ...", "the UK economy is widely expected to slow", "actors expected to attend": a
  // passive "expected" that names no one who expects is the writer's forecast, no act of its subject (the lexicon's
  // PREDICT block codes EXPECT 030, and the passive made the subject its target); the act expected is coded on its
  // own verb, as a timetable (modalityCues' "scheduled"). An "expected by analysts" keeps its agent's record.
  if (tok.low === 'expected' && toks[trig.i + 1]?.low !== 'by' && passiveExpected(toks, trig.i)) {
    addMessage(doc, 'events:no-event', `sentence ${s.index}: "${tok.text}" (passive) is a forecast with no one expecting, not an event`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // "That means higher taxes", "the withdrawal did not mean that Libya had cut its ties", "meaning that ...": MEAN (the
  // lexicon's INTEND block, 030) is an intent only as "mean(s)/meant to" + a verb ("had not meant to discriminate");
  // a consequence or a sense is no event, nor is a passive "was meant to" (what something was for)
  if (tok.lemma === 'mean' && MEAN_FORM.test(tok.low) && (toks[trig.i + 1]?.low !== 'to' || beBefore(toks, trig.i))) {
    addMessage(doc, 'events:no-event', `sentence ${s.index}: "${tok.text}" states a consequence or a sense, not an intent`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // "is going to impose sanctions", "we're going to work with X": "be going to" + a verb is the future,
  // not a move (CAMEO 040's "go to"); the verb after it is the event, and modalityCues reads the future
  if (tok.low === 'going' && toks[trig.i + 1]?.low === 'to' && toks[trig.i + 2]?.pos === 'VERB' && IS_ARE_AM_ETC.test(toks[trig.i - 1]?.low ?? '')) return true;
  // "warned that earnings may slide", "cautioned that no deadline had been set": a warning about a prospect is
  // a pessimistic comment (CAMEO 012), not a threat (130 is a "coercive or forceful warning with serious
  // repercussions"); a threat of the speaker's own is coded on its own verb in the content ("warned it would
  // retaliate"); a warning addressed to an actor ("warned Russia that ...", "warned X to stop") stays 130, and so
  // does one about an actor named right after the verb, which cannot be told from it
  // (the words of a pattern inside the "that" clause are the prospect's: "cautioned that no deadline had been set")
  if ((tok.lemma === 'warn' || tok.lemma === 'caution') && trig.code.startsWith('13')
    // (an actor right after the verb may be the one warned, whatever follows: "warned North Korea would be met with fire")
    && (toks[trig.i + trig.n]?.low === 'that' || !trig.patternWords && frames.some((f) => f.cue[0] === trig.i && f.content && f.content[0] === trig.i + trig.n && !groups.some((g) => g.from <= f.content![0] + 1 && g.from >= f.content![0])))) {
    addMessage(doc, 'events:no-event', `sentence ${s.index}: "${tok.text}" warns of a prospect (CAMEO 012, a comment), not a threat`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // reduced relative "warplanes supported by Russia pounded ...": a participle + "by" right after
  // a noun modifies it; the sentence's event is the later main verb
  if (RE_SKIP_TRIGGER_2.test(tok.low) && toks[trig.i + trig.n]?.low === 'by' && ['NOUN', 'PROPN'].includes(toks[trig.i - 1]?.pos ?? '') && triggers.some((t) => t.i > trig.i + trig.n)) return true;
  // infinitival complement of an event verb already coded ("called on X to take", "agreed to lift"): the head verb's code stands
  if (toks[trig.i - 1]?.low === 'to' && coded.some((c) => c.i < trig.i && trig.i - c.i <= 8)) {
    // ... refined by what it announces when the lexicon gave the head only its generic code: "offered to
    // negotiate" 036, "agreed to allow access" 0355, "refused to release" 1243, "threatened to shell" 138
    const head = [...out].reverse().find((e) => e.text_info.trigger.start < tok.start);
    const kind = head?.cameo === '030' ? 'intent' : head?.cameo === '120' ? 'refusal' : head?.cameo === '130' ? 'threat' : null;
    const to = kind && (kind === 'threat' ? RE_SKIP_TRIGGER_3 : RE_SKIP_TRIGGER_4).test(trig.code) && coded.some((c) => c.i + c.n + 1 === trig.i) ? intentCode(intents, kind, trig.code) : null;
    const toInfo = to ? lex.codes.get(to) : undefined;
    const actInfo = lex.codes.get(trig.code);
    if (head && toInfo && actInfo) {
      Object.assign(head, { cameo: toInfo.code, event: toInfo.event, mode: toInfo.mode, context: toInfo.context ? toInfo.context.split(RE_SKIP_TRIGGER_5) : [], quad_code: toInfo.quad, goldstein: toInfo.goldstein, intended: { cameo: actInfo.code, event: actInfo.event, modality: 'future', negated: kind === 'refusal' } });
    }
    return true;
  }
  // the gerund of a modifier ("a programme aimed at bringing ...", "a meeting designed for easing ..."): part of the noun phrase
  if (ENDS_ING.test(tok.low) && toks[trig.i - 1]?.pos === 'ADP' && toks[trig.i - 2] && reducedRelative(toks, trig.i - 2, 0)) {
    addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) completes a modifier of a noun, not an event of its own`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // "the decision of sending troops", "the idea of holding talks", "the risk of losing": a gerund after a
  // noun of decision, plan, possibility or charge names an act considered, not one reported ("the process
  // of returning the gorillas" does report it: light nouns are not in the list)
  if (ENDS_ING.test(tok.low) && toks[trig.i - 1]?.low === 'of' && NOT_DONE_NOUN.test(toks[trig.i - 2]?.low ?? '')) {
    addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) completes a noun ("${toks[trig.i - 2]!.text} of"), not an event of its own`, 'info', { start: tok.start, end: tok.end });
    return true;
  }
  // a gerund complement of that chain ("prepared to resume shelling", "agreed to stop attacking")
  if (ENDS_ING.test(tok.low) && toks[trig.i - 1]?.pos === 'VERB' && toks[trig.i - 2]?.low === 'to' && coded.some((c) => c.i < trig.i && trig.i - c.i <= 10)) return true;
  return false;
}

/**
 * The roles assignRoles gave, corrected: the attacker of an agentless passive, a weapon's place, a speaker's
 * coordinated act, an inverted act's parties, a coordinated verb's shared subject, the speaker of a cue or of a
 * pronoun subject in reported speech. Null: no event (deaths in an accident).
 */
function refineRoles(doc: DatedDoc, s: Sentence, toks: Tok[], groups: Group[], frames: SpeechFrame[], trig: Trigger, tok: Tok, roles: Roles, frame: SpeechFrame | null, lo: number, hi: number, speakerAct: Group | null, invAct: { source: Group; target: Group | null; code: string } | undefined, coded: Trigger[], mainOf: Map<number, boolean>, rolesOf: Map<number, Roles>, isCueVerb: boolean): Roles | null {
  // "four children were killed in Israeli tank shelling", "died in a Russian air strike": in an agentless
  // passive of violence, the actor named before the attack noun of an "in"/"by" phrase is the attacker,
  // not the target or the place
  if (roles.passive && !roles.source && RE_REFINE_ROLES.test(trig.code)) {
    const g = groups.find((x) => x.from > trig.i && x.from - (trig.i + trig.n) <= 3 && (x.prep === 'in' || x.prep === 'by') && attackNounAfter(toks, x.to, hi));
    if (g) roles = { ...roles, source: g, target: roles.target === g ? null : roles.target, loc: roles.loc === g ? null : roles.loc, targetIsPlace: roles.target === g ? false : roles.targetIsPlace };
  }
  // "three soldiers were killed by a roadside bomb outside the Iraqi city of Basra", "a minefield explosion near X
  // killed two youths": an attack by a weapon with no attacker named has the place of the event as its source
  // (unidentified attackers of that state: the plover-gsr and conflibert gold sets code it so, as ICEWS codes
  // "unidentified gunmen (Iraq)"); only when the clause names a weapon or an attack, never for an accident
  // ("from a launch pad near the Chinese border" is no place inside China)
  if (!roles.source && roles.loc && roles.loc !== roles.target && RE_REFINE_ROLES.test(trig.code) && !roles.loc.entities.some((e) => e.kind !== 'state') && !toks.slice(roles.loc.from, roles.loc.to + 2).some((t) => RE_REFINE_ROLES_2.test(t.low))
    && toks.slice(lo, hi + 1).some((t) => WEAPON_NOUN.test(t.low)) && !toks.slice(lo, hi + 1).some((t) => ACCIDENT_NOUN.test(t.low))) {
    roles = { ...roles, source: roles.loc, targetIsPlace: false, target: roles.targetIsPlace ? null : roles.target };
  }
  // "victims killed by the Malaysia Airlines flight MH17 crash", "killed by a Gulf Air plane crash": deaths in an
  // accident or a disaster are no assault; the named actor owns the aircraft, it attacked no one
  const byAgent = !!roles.source && roles.source.from > trig.i && (toks[roles.source.from - 1]?.low === 'by' || toks[roles.source.from - 1]?.pos === 'DET' && toks[roles.source.from - 2]?.low === 'by');
  if (byAgent && RE_REFINE_ROLES.test(trig.code) && accidentNounAfter(toks, roles.source!.to, hi)) {
    addMessage(doc, 'events:no-event', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) reports deaths in an accident, not an attack`, 'info', { start: tok.start, end: tok.end });
    return null;
  }
  if (speakerAct) roles = { ...roles, source: speakerAct, passive: false };
  if (invAct) roles = { ...roles, source: invAct.source, target: invAct.target, passive: false };
  // "X killed Y and wounded Z": a verb coordinated with the coded verb before it shares its subject;
  // the nearest group on the left is that verb's object
  // ("..., but was still refusing admittance to X": no subject between "but" and the verb)
  {
    let k = trig.i - 1;
    while (k > lo && (toks[k]!.pos === 'ADV' || toks[k]!.pos === 'AUX' || toks[k]!.low === 'not' || toks[k]!.low === "n't")) k--;
    const prev = [...coded].reverse().find((c) => mainOf.get(c.i));
    const prevRoles = prev ? rolesOf.get(prev.i) : undefined;
    const bare = k > lo && toks[k - 1]?.low !== ',' ? true : toks[k - 1]?.low === ',';
    // (when that subject was not resolved, the group on the left is still the previous verb's object, not this one's subject)
    if (bare && (toks[k]?.low === 'and' || toks[k]?.low === 'but') && prev && prevRoles && (prevRoles.source || (roles.source && roles.source.from > prev.i)) && !prevRoles.passive && !roles.passive && (!roles.source || roles.source.from > prev.i)) {
      roles = { ...roles, source: prevRoles.source };
    }
  }
  // "Shoigu called on the US to ...": a speaker-subject frame whose cue is this trigger
  // (not when the cue is a passive or a reduced relative: "officials accused of X" are not accusers)
  if (isCueVerb && !roles.source && frame === null && !roles.passive) {
    const f = frames.find((x) => x.cue[0] === trig.i);
    if (f?.speakerGroup) roles = { ...roles, source: f.speakerGroup };
  }
  // what a claim of responsibility is about was done by the claimant ("X claimed responsibility for
  // the bombings that killed ..."): the CAMEO 015 reading of the cue
  if (!roles.source && !roles.passive && frame?.speakerGroup && coded.some((c) => c.i === frame.cue[0] && c.code === '015')) roles = { ...roles, source: frame.speakerGroup };
  // pronoun subject inside reported speech ("he would") falls back on the speaker when unresolved
  if (!roles.source && frame?.speakerGroup && !roles.passive) {
    // "Uganda said on Sunday it had paid ...": an unresolved pronoun subject is the speaker
    let k = trig.i - 1;
    // ("Bosnian Serbs said their forces had completed ...": the speaker's own forces are the speaker's side)
    const pron = (x: number): boolean => IT_HE_SHE_ETC.test(toks[x]!.low) || THEIR_ITS_OUR.test(toks[x]!.low) && toks[x + 1]?.pos === 'NOUN';
    // (a head verb of the infinitive is no boundary: "it is prepared to impose", "they plan to")
    while (k >= lo && !pron(k) && (toks[k]!.pos !== 'VERB' || toks[k + 1]?.low === 'to')) k--;
    if (k >= lo && pron(k)) roles = { ...roles, source: frame.speakerGroup };
  }
  return roles;
}

function codeSentence(doc: DatedDoc, s: Sentence, toks: Tok[], groups: Group[], frames: SpeechFrame[], triggers: Trigger[], lex: Lexicon, opts: CodeOptions, directQuotes: Quote[] = []): EventRecord[] {
  const out: EventRecord[] = [];
  const intents: IntentTable = loadIntent(lex);
  const cueIdx = new Set<number>();
  for (const f of frames) for (let k = f.cue[0]; k <= f.cue[1]; k++) cueIdx.add(k);
  const speakerGroups = new Set(frames.map((f) => f.speakerGroup).filter((g): g is Group => !!g));
  const coded: Trigger[] = [];
  const rolesOf = new Map<number, Roles>();
  const invertedActs = new Map<number, { source: Group; target: Group | null; code: string }>();
  const mainOf = new Map<number, boolean>();
  const charged: number[] = [];
  // "Croatian authorities are failing to uphold X, a human rights group protested": what an accusation
  // made after its content charges is the content of the charge, as with "accused X of V-ing" below;
  // the accusation (coded on its cue) is the event
  const charges = frames.filter((f) => f.content && f.content[1] < f.cue[0] && f.speakerGroup && ACCUSING.has(toks[f.cue[0]]!.lemma) && triggers.some((t) => t.i === f.cue[0]) && INVERTED_ACT.has(toks[f.cue[0]]!.lemma)
    // (the charged party is named in the content: otherwise the charge is coded without a target, or not at all)
    && groups.some((g) => g.from >= f.content![0] && g.to <= f.content![1] && !g.prep && g !== f.speakerGroup));
  let work = 0;
  let reasonUntil = -1;
  for (const trig of triggers) {
    if (++work > MAX_TRIGGERS) {
      addMessage(doc, 'events:budget', `sentence ${s.index}: coding stopped after ${MAX_TRIGGERS} event verbs`, 'warning', s);
      break;
    }
    const tok = toks[trig.i]!;
    const isCueVerb = cueIdx.has(trig.i);
    if (skipTrigger(doc, s, toks, groups, frames, triggers, lex, intents, trig, tok, isCueVerb, invertedActs, coded, out)) continue;
    // the frame whose content holds this trigger (innermost)
    let frame: SpeechFrame | null = frames.filter((f) => f.content && trig.i >= f.content[0] && trig.i <= f.content[1] && !(trig.i >= f.cue[0] && trig.i <= f.cue[1])).sort((a, b) => (a.content![1] - a.content![0]) - (b.content![1] - b.content![0]))[0] ?? null;
    // what a coded directive asks for ("demanded that the US match ...", "urged X to ...") is the
    // content of the request, not an event that happened: the directive is the event
    const dirCue = frame && trig.i > frame.cue[1] && (DIRECTIVE.has(toks[frame.cue[0]]!.lemma) || demandThat(toks, frame.cue[1] + 1)) ? frame.cue[0] : -1;
    if (dirCue >= 0 && coded.some((c) => c.i === dirCue)) {
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is what "${toks[dirCue]!.text}" asks for, not an event of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    // "jailed a student for helping militants join a group", "arrested for spying": the reason given for a
    // coded arrest, sentence or accusation (CAMEO 11x, 17x) is its charge, not a second event; the charge runs
    // to the end of its clause (a comma or a clause break)
    if (reasonUntil >= trig.i) {
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is part of the charge of an earlier coercion or accusation, not an event of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    if (ENDS_ING.test(tok.low) && toks[trig.i - 1]?.low === 'for' && out.some((e) => RE_CODE_SENTENCE.test(e.cameo) && e.text_info.trigger.start < tok.start && !toks.slice(toks.findIndex((t) => t.start === e.text_info.trigger.start) + 1, trig.i).some((t) => t.pos === 'AUX' || RE_CODE_SENTENCE_2.test(t.low)))) {
      let e = trig.i + 1;
      while (e < toks.length && !RE_CODE_SENTENCE_3.test(toks[e]!.low)) e++;
      reasonUntil = e - 1;
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is the charge of an earlier coercion or accusation, not an event of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    // what a coded accusation charges ("accused the US of violating human rights, ignoring ...", "charging
    // its neighbour with supporting dissidents", "blamed X for shelling"): the gerund is the content of
    // the charge, as the directive's is of the request; the accusation is the event
    const chargeCue = frame && trig.i > frame.cue[1] && CHARGE.has(toks[frame.cue[0]]!.lemma) && triggers.some((c) => c.i === frame!.cue[0]) ? frame.cue[0] : -1;
    if (chargeCue >= 0 && ENDS_ING.test(tok.low) && (OF_WITH_FOR.test(toks[trig.i - 1]?.low ?? '') || charged.length && RE_CODE_SENTENCE_4.test(toks[trig.i - 1]?.low ?? '') && trig.i - charged.at(-1)! <= 12)
      && !toks.slice(chargeCue + 1, trig.i).some((t) => t.pos === 'AUX' || t.low === 'that')) {
      charged.push(trig.i);
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is what "${toks[chargeCue]!.text}" charges, not an event of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    const chargedBy = charges.find((f) => trig.i >= f.content![0] && trig.i <= f.content![1]);
    if (chargedBy) {
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is what "${toks[chargedBy.cue[0]]!.text}" charges, not an event of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    // "He claimed X remained active ... and credited Kabul for ...": a verbal act (praise, criticism,
    // demand, appeal: what a speaker does with words) coordinated after the reported clause, with no
    // subject of its own, is the speaker's second act, not part of what was reported
    let speakerAct: Group | null = null;
    if (frame?.speakerGroup && frame.speakerGroup.to < frame.cue[0] && frame.content![0] > frame.cue[1] && VERBAL.test(trig.code)) {
      let k = trig.i - 1;
      while (k > frame.content![0] && toks[k]!.pos === 'ADV') k--;
      const and = toks[k]!.low === 'and' && k - 1 > frame.content![0] && toks.slice(frame.content![0], k).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      if (and && !toks.slice(frame.content![0], k).some((t) => t.low === ',' || QUOTE.test(t.low))) { speakerAct = frame.speakerGroup; frame = null; }
    }
    let [lo, hi] = clauseOf(toks, trig.i, 0, toks.length - 1);
    if (frame) { lo = Math.max(lo, frame.content![0]); hi = Math.min(hi, frame.content![1]); }
    // outside any reported content, a speaker before the trigger whose cue follows it is the trigger's
    // subject ("Serbia lodged a protest, charging ..."); other speakers are never roles
    const blocked = (g: Group): boolean => speakerGroups.has(g) && (frame ? frame.speakerGroup === g && !(g.from >= lo && g.to <= hi) : frames.some((f) => f.speakerGroup === g && (f.cue[0] <= trig.i || g.from > trig.i)));
    const stopAt = triggers.filter((t) => t.i > trig.i).map((t) => {
      // next trigger's own subject starts where its left group is
      const g = groups.filter((x) => x.to < t.i && x.from > trig.i).at(-1);
      return g && !g.prep && toks[g.from - 1]?.low === 'and' ? g.from - 1 : Infinity;
    });
    const invAct = invertedActs.get(trig.i);
    const refined = refineRoles(doc, s, toks, groups, frames, trig, tok, assignRoles(toks, groups, trig, lo, hi, blocked, stopAt), frame, lo, hi, speakerAct, invAct, coded, mainOf, rolesOf, isCueVerb);
    if (!refined) continue;
    let roles = refined;
    // "X claimed (that) they had attacked Y": the speaker taking credit for its own attack is a
    // claim of responsibility (CAMEO 015, the codebook's coding), not a report of the attack
    let code = invAct?.code ?? trig.code;
    // "X said Y must end the attacks": the speaker demands the act of Y (CAMEO 10, the codebook's
    // coding of "must" statements); the act itself is not reported as done
    let obligation = false;
    {
      let k = trig.i - 1;
      while (k >= Math.max(lo, trig.i - 4) && !MUST_SHOULD.test(toks[k]!.low) && toks[k]!.pos !== 'VERB' && toks[k]!.low !== ',') k--;
      obligation = k >= Math.max(lo, trig.i - 4) && MUST_SHOULD.test(toks[k]!.low) && !toks.slice(k + 1, trig.i).some((t) => NOT_NT_NEVER.test(t.low));
    }
    if (obligation && frame?.speakerGroup && frame.speakerGroup !== roles.source && !roles.passive) {
      roles = { ...roles, source: frame.speakerGroup, target: roles.source ?? roles.target };
      code = '100';
      obligation = false;
    }
    if (frame && roles.source && roles.source === frame.speakerGroup && RE_CODE_SENTENCE_5.test(toks[frame.cue[0]]!.low) && RE_REFINE_ROLES.test(code) && !coded.some((c) => c.i === frame.cue[0])) code = '015';
    const info = lex.codes.get(code);
    if (!info) continue;
    let actor = roles.source?.entities ?? [];
    let recipient = roles.target?.entities ?? [];
    // Inside a direct quote the first person is its speaker: "I" the speaker, "we/us/our" the speaker's
    // side (a minister's government, an organisation itself), whatever the actors stage made of the
    // pronoun from the text around the quote ("“We are building ...,” Shoigu was quoted as saying")
    // (an attributed quote only: a cue, a source or a speaker; a scare-quoted word is nobody's claim, and
    // a "Label: ..." turn with no actor for its label is a caption or a heading, not a transcript)
    const dq = directQuotes.find((q) => tok.start >= q.content.start && tok.start < q.content.end && (q.cue || q.source || q.speaker) && (q.speaker || q.cue?.text !== ':')) ?? null;
    const voice = dq ? dq.speaker ?? frame?.speaker ?? null : null;
    if (voice) {
      const mine = (g: Group | null): Mention | null => g && g.mentions.length && g.mentions.every((m) => FIRST_PERSON.test(m.text)) ? g.mentions[0]! : null;
      const a = mine(roles.source), r = mine(roles.target);
      if (a) actor = [firstPerson(doc, voice, a.text, a.start, a.end, s.index)];
      if (r) recipient = [firstPerson(doc, voice, r.text, r.start, r.end, s.index)];
      // an unresolved first-person subject ("We're consistently building a partnership": no mention at
      // all), when the verb has a target or a pattern of its own: a bare default code of a first-person
      // verb is mostly talk ("I think ...", "we're going to ...", "we need ...")
      if (!actor.length && !roles.passive && (recipient.length || trig.patternWords > 0)) {
        let k = trig.i - 1;
        while (k >= lo && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'PART' || RE_CODE_SENTENCE_6.test(toks[k]!.low))) k--;
        if (k >= lo && WE_I.test(toks[k]!.low)) actor = [firstPerson(doc, voice, toks[k]!.text, toks[k]!.start, toks[k]!.end, s.index)];
      }
    }
    // The writer's own "I" (the actors stage's AUTHOR_ID: a first person outside quotes, in a Q&A's answers,
    // a column, a readers' forum) is an interviewee or a columnist, no party to international relations: an
    // act of the writer's is not coded, and the writer as a recipient is dropped ("Ahmed told me ...")
    if (actor.some(isAuthor) || recipient.some(isAuthor)) {
      const onlyWriter = actor.length > 0 && actor.every(isAuthor);
      actor = actor.filter((e) => !isAuthor(e));
      recipient = recipient.filter((e) => !isAuthor(e));
      if (onlyWriter) {
        addMessage(doc, 'events:author', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is an act of the writer's own "I" (an interviewee or a columnist), not of an international actor`, 'info', { start: tok.start, end: tok.end });
        continue;
      }
    }
    // An actor named only by its role ("police", "demonstrators", "rebels": a sector, no country) where
    // the clause names the place of the event takes that place's country: the domestic default of
    // the PLOVER/CAMEO coders ("demonstrators rallied in Serbia" = Serbian civilians). Recorded as a
    // message, since the text states the place, not the actor's nationality.
    // (Tried and dropped: the other side's country as the default. It is the PLOVER coders' habit for
    // domestic stories but wrong whenever a foreign actor acts on locals: "Israel released the mayor".)
    const place = roles.loc?.entities[0]?.country_code;
    const sectorOnly = (e: Entity): boolean => !e.country_code && e.kind !== 'igo' && e.kind !== 'media' && !RE_SECTOR_ONLY.test(e.code);
    // (never for a pronoun: "when they blew themselves up in Tel Aviv" refers back, it names no local)
    const fill = (es: Entity[], g: Group | null, cc: string, why: string): Entity[] => {
      if (!es.length || !es.every(sectorOnly) || g?.mentions.some((m) => m.type === 'pronoun')) return es;
      addMessage(doc, 'events:domestic', `sentence ${s.index}: "${es.map((e) => e.entity_text).join(', ')}" has no country; coded as ${cc}, ${why}`, 'info', { start: tok.start, end: tok.end });
      return es.map((e) => {
        const c = cloneEntity(e);
        c.country_code = cc;
        if (e.code.length === 3) c.code = cc + e.code;
        return c;
      });
    };
    if (place && place !== 'IGO') {
      actor = fill(actor, roles.source, place, 'the place of the event');
      recipient = fill(recipient, roles.target, place, 'the place of the event');
    }
    // (Tried and dropped, session 3: a country-less source taking its target's country. Right for "President
    // Dos Santos conceded to UNITA" but wrong wherever the actors stage missed the source's own qualifier:
    // "Ivory Coast rebels rejected a Senegalese plan", "the US leader prepared to attend the Beijing
    // Olympics"; plover +1.4, petr2 -1.2.)
    // "X held talks with Y": negotiation is mutual. PLOVER's codebook (CONSULT): "if two parties make a
    // reciprocal agreement or have a meeting, code both as ACTOR (with no RECIPIENT)"; the gold sets code
    // "held talks with" both ways (plover-gsr, petr2-gsr) but "met with" and "signed an agreement with"
    // one way, so only CAMEO 046 (engage in negotiation) with a "with" partner is made reciprocal
    // ("held talks with leaders of Romania's government": the partner named through its qualifier is still the "with" partner)
    const withPartner = roles.target?.prep === 'with' || !!roles.target && roles.target.from - (trig.i + trig.n) <= 6 && toks.slice(trig.i + trig.n, roles.target.from).some((t) => t.low === 'with');
    if (code.startsWith('046') && withPartner && !roles.passive && actor.length && recipient.length) {
      actor = [...actor, ...recipient.filter((r) => !actor.some((a) => a.id === r.id))];
      recipient = [];
    }
    // "ordered patrols by police and paramilitary soldiers", "put its troops on alert": the forces a mobilization
    // moves are the actor's own, not whom it is directed at (codebook MOBILIZE: "military or police moves")
    if (code.startsWith('15') && actor.length) {
      const own = new Set(actor.map((a) => a.country_code).filter(Boolean));
      recipient = recipient.filter((e) => !(COP_MIL.test(e.sector ?? '') && (!e.country_code || own.has(e.country_code))));
    }
    // the same actor on both sides is no dyad; the same country with another sector is ("Georgian demonstrators ... the Georgian government")
    recipient = recipient.filter((e) => !actor.some((a) => a.id === e.id && a.code === e.code));
    if (!actor.length && !recipient.length && !opts.keepActorless) {
      addMessage(doc, 'events:no-actor', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) has no resolved actor`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    // a reduced relative is subordinate whatever its position ("A report released Tuesday alleged ...")
    const sub = Math.max(subordination(toks, trig.i, lo), reducedRelative(toks, trig.i, lo) ? 1 : 0);
    // a subordinate verb (participle, relative clause, complement) is coded only with both roles
    // (a compound actor with no recipient is both sides of a reciprocal act: "X and Y are seeking to deepen a partnership")
    if (sub > 0 && !(actor.length && recipient.length) && !(actor.length > 1 && roles.source && roles.source.entities.length > 1 && !roles.source.prep && !roles.passive && toks[trig.i - 1]?.low === 'to') && !opts.keepActorless) {
      addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) is in a subordinate clause and lacks a source or target`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    const cues = modalityCues(toks, trig.i, lo);
    // What a speaker denies ("Russia denied that its troops attacked X", "dismissed claims that ...",
    // "denied attacking X") is reported as not having happened; what a speaker did not say ("did not say
    // he had ordered it") and what a question asks ("Did China send troops?") are not claimed at all
    const cueTok = frame ? toks[frame.cue[0]]! : null;
    // ("rejected the plan and attacked X" denies nothing: other cues than "deny" need "(claims) that ...")
    // (nor does a passive "were denied by X, who accused ...": the denial's scope is its own content clause,
    // up to a comma, a dash or "but", and past "and" only inside a "that" clause: "denied X and allowed Y")
    let denied = !!cueTok && DENY.has(cueTok.lemma) && trig.i > frame!.cue[1] && !isPassive(toks, frame!.cue[0]) && (cueTok.lemma === 'deny' || toks.slice(frame!.cue[1] + 1, trig.i).some((t) => t.low === 'that'));
    if (denied) {
      let that = false;
      for (let k = frame!.cue[1] + 1; k < trig.i && denied; k++) {
        const w = toks[k]!.low;
        if (w === 'that') that = true;
        if (RE_CODE_SENTENCE_7.test(w) || w === 'and' && !that) denied = false;
      }
    }
    const unsaid = !!frame && trig.i > frame.cue[1] && toks.slice(Math.max(0, frame.cue[0] - 3), frame.cue[0]).some((t) => NOT_NT_NEVER.test(t.low));
    const question = questionAt(toks, trig.i);
    // A stated intention, the CAMEO codebook's way (030 and 130 usage notes: cooperation reported in the
    // future tense is an intent to cooperate, conflict forecast in it a threat; a refusal to cooperate
    // is 12x): "Turkey will allow refugees to return" 0343, "NATO said it would tighten the blockade"
    // 1381, "Britain will not lift the ban" 1241. The gold sets code these so (plover-gsr, conflibert,
    // cameo-manual, petr2's wire sentences); the announced act stays in `intended`. Not an intent:
    // a timetable reported as fact ("is scheduled to attend", "the army prepared to resume shelling":
    // petr2 and the codebook's 150 code the act), a condition ("would attack if"), a passive, an act
    // forecast by a third party ("Chile said Peru will end its attacks"), an obligation.
    let intended: EventRecord['intended'];
    let recInfo = info;
    {
      // the intender: a resolved actor, or a pronoun subject ("it said it would ...")
      let k = trig.i - 1;
      while (k > lo && (toks[k]!.pos === 'AUX' || toks[k]!.pos === 'ADV' || toks[k]!.pos === 'PART' || RE_CODE_SENTENCE_8.test(toks[k]!.low))) k--;
      const pronoun = IT_HE_SHE_ETC.test(toks[k]?.low ?? '');
      const intender = actor.length > 0 || pronoun;
      // whose words: the speaker announcing its own act ("NATO said it would", "Russia will ..., the
      // Russian ministry said": a state's organ speaks for it); another speaker forecasts ("Balls said the
      // chancellor would meet his rules", "Chile said Peru will end its attacks"): the act, not an intent
      const sp = frame?.speakerGroup?.entities ?? [];
      const own = sp.some((s) => actor.some((a) => a.id === s.id || (!!a.country_code && a.country_code === s.country_code && ['state', 'government', 'igo'].includes(a.kind))));
      const thirdParty = sp.length > 0 && actor.length > 0 && !own && !pronoun;
      // a backshifted "would" announces only in reported speech, from the speaker itself ("said it would")
      const announced = cues.intent || cues.would && !!frame && (pronoun || own);
      // "Afghanistan would never allow its territory to be used against Russia", "will not let its soil become a base
      // for attacks on its neighbours": a refused permission for hostile use of the actor's own ground is a pledge to
      // the party named (CAMEO 030: "promise ... or otherwise indicate ... commitment to cooperate"), not a refusal to
      // yield (12x: "refusals to cooperate or yield"); the refused permission stays in `intended`
      const pledge = lex.codes.get(PLEDGE_CODE);
      if (cues.negated && pledge && PERMIT.has(tok.lemma) && ownGroundUsedAgainst(toks, trig.i + trig.n, hi) && !denied && !unsaid && !question && !roles.passive && !cues.conditional && !invAct && !speakerAct) {
        intended = { cameo: info.code, event: info.event, modality: cues.future || cues.would ? 'future' : frame ? 'claimed' : 'asserted', negated: true };
        recInfo = pledge;
      } else if (announced && intender && !thirdParty && !denied && !unsaid && !question && (recipient.length > 0 || actor.length > 1 || trig.patternWords > 0) && !roles.passive && !cues.conditional && !cues.scheduled && !obligation && !invAct && !speakerAct) {
        const coop = RE_SKIP_TRIGGER_4.test(code), conflict = RE_SKIP_TRIGGER_3.test(code);
        const to = cues.negated ? (coop ? intentCode(intents, 'refusal', code) : null) : coop ? intentCode(intents, 'intent', code) : conflict ? intentCode(intents, 'threat', code) : null;
        const toInfo = to ? lex.codes.get(to) : undefined;
        if (toInfo) {
          // the act's own modality: "will", a plan, an offer and a backshifted "said it would" are future; a wish ("wants to") hypothetical
          intended = { cameo: info.code, event: info.event, modality: cues.future || cues.would ? 'future' : 'hypothetical', negated: cues.negated };
          recInfo = toInfo;
        }
      }
    }
    // "the army prepared to resume shelling", "troops are preparing to attack": getting forces ready for a
    // military act is a move short of force (PLOVER codebook MOBILIZE: "military or police moves ... that
    // fall short of the actual use of force", mode weapons "increase readiness"; CAMEO 154, as "prepare an
    // offensive" in data/lexicon/supplement.txt), reported as fact; the act prepared is kept in `intended`
    let prepared = false;
    if (!intended && cues.prepares && !cues.negated && RE_REFINE_ROLES.test(recInfo.code) && !roles.passive) {
      const mob = lex.codes.get('154');
      if (mob) { intended = { cameo: info.code, event: info.event, modality: 'future', negated: false }; recInfo = mob; prepared = true; }
    }
    // "blocked roads ... demanding that he be reinstated", "rioted ..., joining demonstrators in demanding a
    // referendum", "staged rallies against X, saying he must resign": what protesters demand in a participle
    // of their protest is the protest's purpose (CAMEO 14x codes it in the fourth digit, 1411-1454), not a
    // separate demand
    if (RE_CODE_SENTENCE_9.test(recInfo.code) && !intended) {
      // (a participle's subject is its main clause's, whatever group the role search found nearer)
      const protest = out.find((e) => e.cameo.startsWith('14') && e.text_info.trigger.start < tok.start);
      if (protest) {
        const pi = toks.findIndex((t) => t.start === protest.text_info.trigger.start);
        let part = -1;
        for (let k = pi + 1; k <= trig.i && pi >= 0; k++) {
          if (toks[k]!.low === ';' || part < 0 && toks[k]!.pos === 'AUX') break;
          if (toks[k]!.pos === 'VERB' && ENDS_ING.test(toks[k]!.low) && RE_CODE_SENTENCE_10.test(toks[k - 1]!.pos === 'NOUN' || toks[k - 1]!.pos === 'PROPN' ? 'NOUN' : toks[k - 1]!.low)) { part = k; break; }
        }
        if (part >= 0) {
          addMessage(doc, 'events:subordinate', `sentence ${s.index}: "${tok.text}" (CAMEO ${recInfo.code}) is what the protest "${protest.text_info.trigger.text}" demands, not an event of its own`, 'info', { start: tok.start, end: tok.end });
          continue;
        }
      }
    }
    // "Lavrov met Muttaqi in Moscow and promised to expand security cooperation": a cooperation promised or
    // given in the same predicate as a meeting is the one met's, when the clause names no partner of its own
    if (!recipient.length && actor.length && COOP_WITH_PARTNER.test(recInfo.code) && !roles.passive && !frame) {
      const meet = out.find((e) => e.cameo.startsWith('04') && e.recipient.length && e.actor.length === actor.length && e.actor.every((a, k) => a.id === actor[k]!.id) && e.text_info.trigger.start < tok.start);
      const mi = meet ? toks.findIndex((t) => t.start === meet.text_info.trigger.start) : -1;
      if (meet && mi >= 0 && toks.slice(mi + 1, trig.i).some((t) => t.low === 'and') && !toks.slice(mi + 1, trig.i).some((t) => t.low === ';' || t.low === 'but' || t.pos === 'SCONJ')) recipient = meet.recipient.map(cloneEntity);
    }
    // "declared a ceasefire in south Lebanon" (by a Lebanese group), "completed their withdrawal from the Bosnian town of
    // Gorazde" (by Bosnian Serbs): a retreat is made toward the party retreated from (codebook RETREAT); a place of the
    // actor's own state names where, not from whom (the plover-gsr gold leaves such retreats without a target)
    if (recInfo.event === 'RETREAT' && recipient.length && actor.length && recipient.every((e) => e.kind === 'state' && !!e.country_code && actor.every((a) => a.country_code === e.country_code))) recipient = [];
    // "killed two youths and wounded five others": a second verb of the same type, same source and
    // no target of its own adds no dyad to the record before it
    // ("... killed 23 people when they blew themselves up in Tel Aviv": a target that is only the place
    // is no target of its own either, nor is an unresolved source when the earlier record has one)
    const sameSource = (e: EventRecord): boolean => e.actor.length === actor.length && e.actor.every((a, k) => a.id === actor[k]!.id) || roles.targetIsPlace === true && e.actor.length > 0 && actor.every((a) => !a.country_code);
    if ((!recipient.length || roles.targetIsPlace) && out.some((e) => e.event === recInfo.event && e.recipient.length && sameSource(e))) {
      addMessage(doc, 'events:redundant', `sentence ${s.index}: "${tok.text}" (CAMEO ${trig.code}) repeats an event of the sentence without a target of its own`, 'info', { start: tok.start, end: tok.end });
      continue;
    }
    coded.push(trig);
    rolesOf.set(trig.i, roles);
    mainOf.set(trig.i, sub === 0);
    const trigEnd = toks[trig.i + trig.n - 1]!.end;
    // a parenthetical relative clause (", who had served ... between 2012 and 2024,") does not date the event
    let dateLo = lo;
    for (let k = lo; k < trig.i - 1; k++) {
      if (toks[k]!.low === ',' && WHO_WHICH_WHOSE.test(toks[k + 1]!.low)) {
        let b = k + 2;
        while (b < trig.i && toks[b]!.low !== ',') b++;
        if (b < trig.i) dateLo = b + 1;
      }
    }
    // nor does a relative clause after the trigger ("found among the papers of Chieko Hara, who died in Japan in 2001";
    // "UK Online's service, which was launched in November 2004"): the dating clause ends before its comma, unless
    // the clause only says when the event noun it follows took place (", which took place / was held on Monday")
    let dateHi = hi;
    for (let k = trig.i + trig.n; k < hi; k++) {
      if (toks[k]!.low !== ',' || !REL_AFTER.test(toks[k + 1]!.low)) continue;
      const v = toks[k + 2], w = toks[k + 3];
      if (toks[k + 1]!.low === 'which' && v && EVENT_TIME_PRED.test(v.low) && (v.low === 'happened' || v.low === 'occurred' || (w && HELD_PLACE.test(w.low)))) continue;
      dateHi = k - 1;
      break;
    }
    const clauseSpan = { start: toks[dateLo]!.start, end: toks[dateHi]!.end };
    // (nor does the time next to the speech verb inside the content, "said on Tuesday it had expelled")
    if (frame && cues.pluperfect) {
      const cueEnd = toks[frame.cue[1]]!.end;
      for (const t of doc.times) if (t.start >= cueEnd && t.start - cueEnd <= 4 && t.end > clauseSpan.start && t.end < tok.start) clauseSpan.start = t.end;
    }
    // (a past perfect under a speech verb, "X said on Tuesday it had expelled ...", happened before the
    // saying: the time next to the speech verb dates the statement, not the act)
    const d = eventDate(doc, s, clauseSpan, { start: tok.start, end: trigEnd }, frame && !cues.pluperfect ? { start: toks[frame.cue[0]]!.start, end: toks[frame.cue[1]]!.end } : null);
    let modality: Modality = 'asserted';
    if (frame || dq) modality = 'claimed';
    // (a pluperfect under a speech verb is the backshift of what the speaker said in the present
    // perfect: "X said Moscow had established a dialogue" claims a state of things, it recalls no past)
    if (cues.pluperfect && !frame && !dq || d.historical) modality = 'historical';
    // a past perfect with no time expression of its own ("had earlier expelled two diplomats") recalls an
    // act before the article: its day is unknown, not the publication day (as "recently", src/time dateForClause);
    // so does one reported by a speaker ("said it had expelled", "\"We had warned them\""); and so does what a speaker
    // said before the article's day, when the text gives no day: "Russia previously said it did not harbor
    // intentions", "a critic once said", "had told the BBC", "has already said"
    if (d.source === 'publication' && (cues.pluperfect || (frame && priorSaying(toks, frame.cue)))) { d.date = null; d.precision = null; d.source = null; }
    if (cues.future) modality = 'future';
    // "saying he must resign": an obligation is not a report that the act happened
    if (cues.hypothetical || obligation) modality = 'hypothetical';
    // an intent, refusal or threat record keeps the modality of the act it announces ("will" future,
    // "wants to" hypothetical): the statement itself was made, which the record's code says
    if (intended) modality = intended.modality;
    // (the preparation itself happened: its modality is the clause's, not the act's; "to" after it is no purpose)
    if (prepared) modality = cues.conditional || cues.would || obligation ? 'hypothetical' : frame ? 'claimed' : 'asserted';
    if (unsaid || question) modality = 'hypothetical';
    const locG = eventPlace(toks, groups, roles, trig, recInfo.code, frame, dq);
    const locText = locG ? spanText(doc.text, toks, locG) : '';
    const loc = locG ? { text: locText, name: placeName(locText, locG.entities[0]!.country_code) ?? locG.entities[0]!.name, country_code: locG.entities[0]!.country_code, start: toks[locG.from]!.start, end: toks[locG.to]!.end } : null;
    let confidence = 0.45 + (actor.length ? 0.2 : 0) + (recipient.length ? 0.15 : 0) + (trig.patternWords ? 0.1 : 0);
    if (!intended && (cues.negated || cues.hypothetical || denied || unsaid || question)) confidence -= 0.2;
    if (roles.passive && !actor.length) confidence -= 0.1;
    // the main clause's event first: subordinate ones (participles, relative clauses, infinitives) rank lower
    confidence -= 0.1 * sub;
    const evText = doc.text.slice(tok.start, Math.min(s.end, toks[Math.min(hi, trig.i + trig.n + 5)]!.end));
    const quoteText = frame?.content ? doc.text.slice(toks[frame.content[0]]!.start, toks[frame.content[1]]!.end) : null;
    out.push({
      id: `${doc.id}#${s.index}.${tok.start}`,
      doc_id: doc.id,
      link: doc.article?.url ?? doc.article?.canonical_url ?? null,
      event_text: evText,
      date: d.date,
      date_precision: d.precision,
      date_source: d.source,
      date_text: d.text,
      actor: actor.map(cloneEntity),
      recipient: recipient.map(cloneEntity),
      event: recInfo.event,
      mode: recInfo.mode,
      context: recInfo.context ? recInfo.context.split(RE_SKIP_TRIGGER_5) : [],
      cameo: recInfo.code,
      quad_code: recInfo.quad as 1 | 2 | 3 | 4,
      goldstein: recInfo.goldstein,
      intensity: null,
      negated: intended ? false : cues.negated || denied,
      modality,
      speaker: voice ? cloneEntity(voice) : frame?.speaker ? cloneEntity(frame.speaker) : null,
      via: dq?.via ? cloneEntity(dq.via) : frame?.via ? cloneEntity(frame.via) : null,
      quote: dq ? dq.content.text : quoteText,
      event_loc: loc,
      text_info: { sentence: s.index, start: s.start, end: s.end, trigger: { text: doc.text.slice(tok.start, trigEnd), start: tok.start, end: trigEnd } },
      confidence: Math.round(Math.max(0.05, Math.min(0.95, confidence)) * 100) / 100,
      ...(intended ? { intended } : {}),
    });
  }
  return out;
}

/** Where the event happened, as a reader places it. The roles' place, unless it belongs to another
 * clause: one before the verb with a verb between ("He claimed X remained active in Afghanistan and
 * credited Kabul"), or, for a verbal act (statement, appeal, praise, criticism), one inside what was
 * asked or described ("called on X to take responsibility for its presence in Afghanistan"). An event
 * reported in someone's words with no place of its own takes the place of the speaking: a leading or
 * parenthetical participle ("Speaking at a summit in Kyrgyzstan, X said ...", "X, speaking in Baku,
 * said ...") or a place right after the cue ("said at a news conference in Geneva"). */
function eventPlace(toks: Tok[], groups: Group[], roles: Roles, trig: Trigger, code: string, frame: SpeechFrame | null, dq: Quote | null): Group | null {
  const g = roles.loc;
  if (g) {
    const verbBetween = (a: number, b: number): boolean => toks.slice(a, b).some((t) => t.pos === 'VERB');
    // (a place before the verb is another clause's when a verb governs it and a coordinator or a comma
    // separates it from the trigger: "X remained active in Afghanistan and credited Kabul")
    // (not a participle's adjunct that sets the scene: "X, speaking in Baku, praised Y")
    let v = g.from - 1;
    while (v >= 0 && toks[v]!.pos !== 'VERB') v--;
    const scene = v >= 0 && ENDS_ING.test(toks[v]!.low) && (v === 0 || toks[v - 1]!.low === ',');
    if (g.to < trig.i && v >= 0 && !scene && toks.slice(g.to + 1, trig.i).some((t) => RE_EVENT_PLACE.test(t.low))) return null;
    if (g.from > trig.i && VERBAL.test(code) && verbBetween(trig.i + trig.n, g.from)) return null;
  }
  if (g || !frame && !dq) return g;
  let cue: [number, number] | null = frame ? frame.cue : null;
  let content: [number, number] | null = frame?.content ?? null;
  if (!frame && dq?.cue) {
    const c0 = toks.findIndex((t) => t.start >= dq.cue!.start), c1 = toks.findIndex((t) => t.end >= dq.cue!.end);
    if (c0 >= 0 && c1 >= c0 && toks[c0]!.start < dq.cue.end) cue = [c0, c1];
    const q0 = toks.findIndex((t) => t.start >= dq.content.start), q1 = toks.findLastIndex((t) => t.end <= dq.content.end);
    content = q0 >= 0 && q1 >= q0 ? [q0, q1] : null;
  }
  if (!cue) return null;
  for (const p of groups) {
    if (!p.prep || !IN_AT.test(p.prep) || !p.entities.length || !p.entities.every((e) => e.kind === 'state')) continue;
    if (content && p.to >= content[0] && p.from <= content[1]) continue;
    // (the place ends its phrase: "at the Russia-led meeting in X" names the meeting's sponsor first)
    const next = toks[p.to + 1];
    if (next && !RE_EVENT_PLACE_2.test(next.low) && next.pos !== 'ADP' && next.pos !== 'CCONJ') continue;
    if (p.from > cue[1]) {
      if (!toks.slice(cue[1] + 1, p.from).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || RE_EVENT_PLACE_3.test(t.low))) return p;
      continue;
    }
    if (p.to >= cue[0]) continue;
    // the adjunct runs from the sentence start or a comma to a comma before the cue, and opens with a participle
    let k = p.from - 1;
    while (k >= 0 && toks[k]!.low !== ',') k--;
    const open = toks[k + 1];
    if (open && open.pos === 'VERB' && ENDS_ING.test(open.low) && toks.slice(p.to + 1, cue[0]).some((t) => t.low === ',')) return p;
  }
  return null;
}

const FIRST_PERSON = /^(we|us|our|ours|ourselves|i|me|my|myself)$/i;

/** the writer's own first person (src/actors/recognize.ts AUTHOR_ID), also as the speaker of a quote's "I" */
const isAuthor = (e: Entity): boolean => e.id === AUTHOR_ID;

/** The actor a first-person pronoun of a quote's speaker stands for: "I" the speaker; "we" a
 * government official's government (named as the article names that state, else by its code), any
 * other speaker itself (an organisation, a state, a person without a known side). */
function firstPerson(doc: DatedDoc, voice: Entity, text: string, start: number, end: number, sentence: number): Entity {
  if (I_ME_MY_ETC.test(text) || voice.kind !== 'person' || !voice.country_code || voice.sector !== 'GOV') return placedEntity(voice, text, sentence, start, end);
  const cc = voice.country_code;
  const named = (doc.mentions ?? []).find((m) => m.entity?.id === cc)?.entity?.name ?? cc;
  return mkEntity(text, named, cc, 'government', cc, 'GOV', null, sentence, start, end, voice.code);
}

function spanText(text: string, toks: Tok[], g: Group): string {
  return text.slice(toks[g.from]!.start, toks[g.to]!.end);
}

const DAY = 86_400_000;

function eventDate(doc: DatedDoc, s: Sentence, clause: { start: number; end: number }, trigger: { start: number; end: number }, speech: { start: number; end: number } | null): { date: string | null; precision: 'day' | 'month' | 'year' | null; source: 'text' | 'publication' | null; text: string | null; historical: boolean } {
  let date: string | null = null, precision: string | null = null, source: string | null = null, text: string | null = null;
  {
    try {
      // (Object.assign, not a spread that adds keys: one hidden class for every call, PERF 23:34)
      const r = dateForClause(Object.assign({}, clause, { trigger, speech }), doc.times, doc.refDate);
      if (r) ({ date, precision, source, text } = r);
    } catch { /* a time-stage failure must not lose the event: fall back below */ }
  }
  // (a vague past reference, "recently", "previously", gives no date on purpose: dateForClause's
  // source "text" with a null date; the fallback is for a failure of the time stage)
  if (!date && source !== 'text') {
    // fallback: a resolved DATE expression in the clause, else the sentence, else publication
    const cands = doc.times.filter((t) => t.type === 'DATE' && t.value && RE_EVENT_DATE.test(t.value) && t.start >= s.start && t.end <= s.end);
    const inClause = cands.filter((t) => t.start >= clause.start && t.end <= clause.end);
    const t = (inClause.length ? inClause : []).sort((a, b) => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start))[0];
    if (t) {
      const v = t.value!.match(RE_EVENT_DATE_2)![0];
      date = v; precision = v.length === 10 ? 'day' : v.length === 7 ? 'month' : 'year'; source = 'text'; text = t.text;
    } else if (doc.refDate) {
      date = doc.refDate; precision = 'day'; source = 'publication'; text = null;
    }
  }
  const prec = precision === 'day' || precision === 'month' || precision === 'year' ? precision : date ? (date.length === 10 ? 'day' : date.length === 7 ? 'month' : 'year') : null;
  let historical = false;
  if (date && doc.refDate && source === 'text') {
    // background the article recalls: the event's period ends well before the article date
    const end = periodEnd(date);
    if (end !== null && Date.parse(doc.refDate) - end > 31 * DAY) historical = true;
  }
  return { date, precision: prec, source: source === 'text' || source === 'publication' ? source : date ? 'text' : null, text, historical };
}

function periodEnd(d: string): number | null {
  const y = Number(d.slice(0, 4));
  if (d.length === 4) return Date.UTC(y, 11, 31);
  const m = Number(d.slice(5, 7));
  if (d.length === 7) return Date.UTC(y, m, 0);
  const t = Date.parse(d);
  return Number.isNaN(t) ? null : t;
}

export type { Span };
