// Language of an article: franc-min's trigram guess on the body, checked against what the page
// declares (<html lang>, og:locale). Pages often inherit a site-wide lang="en" template, so a long
// body's own evidence wins over the declaration; a short body trusts the declaration.
import { franc, francAll } from 'franc-min';
import { FUNCTION_WORDS } from './function-words.js';

// ISO 639-3 (franc-min's 82 languages) → ISO 639-1, from the SIL ISO 639-3 code tables
// (https://iso639-3.sil.org/code_tables). Individual languages map to their macrolanguage's 639-1
// code (cmn→zh, arb→ar, pes→fa, zlm→ms, uzn→uz, azj→az, plt→mg, swh→sw, npi→ne, pbu→ps,
// ckb→ku, fuv→ff, qug→qu, zyb→za). Languages with no 639-1 code (ceb, mad, hms, hnj, ilo, koi,
// skr, mai, bho, mag) are absent: they yield null rather than a wrong code.
const ISO3_TO_1: Record<string, string> = {
  spa: 'es', eng: 'en', por: 'pt', ind: 'id', fra: 'fr', deu: 'de', jav: 'jv', vie: 'vi', ita: 'it', tur: 'tr', pol: 'pl',
  swh: 'sw', sun: 'su', ron: 'ro', hau: 'ha', fuv: 'ff', bos: 'bs', hrv: 'hr', nld: 'nl', srp: 'sr', ckb: 'ku', yor: 'yo',
  uzn: 'uz', ibo: 'ig', tgl: 'tl', hun: 'hu', azj: 'az', ces: 'cs', run: 'rn', plt: 'mg', qug: 'qu', nya: 'ny', zyb: 'za',
  kin: 'rw', zul: 'zu', swe: 'sv', lin: 'ln', som: 'so', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', kaz: 'kk', arb: 'ar',
  urd: 'ur', pes: 'fa', zlm: 'ms', pbu: 'ps', hin: 'hi', mar: 'mr', npi: 'ne', cmn: 'zh', ben: 'bn', jpn: 'ja', kor: 'ko',
  tel: 'te', tam: 'ta', guj: 'gu', kan: 'kn', mal: 'ml', mya: 'my', pan: 'pa', amh: 'am', tha: 'th', sin: 'si', ell: 'el',
};

/** Trigram guess; null when the text is too short or franc is undecided. Reads at most ~2,000 chars. */
export function detectLanguage(text: string): string | null {
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  if (sample.replace(/\s+/g, '').length < 20) return null;
  const code = franc(sample, { minLength: 20 });
  return ISO3_TO_1[code] ?? null;
}

/** "en-US", "en_GB", "EN" → "en"; null for anything that is not a language tag. */
export function normalizeLangTag(tag: string | null | undefined): string | null {
  const m = tag ? /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag) : null;
  if (!m) return null;
  const c = m[1]!.toLowerCase();
  return c.length === 2 ? c : ISO3_TO_1[c] ?? null;
}

/** Below this many body characters the trigram guess is too noisy to overrule the page. */
const TRUST_BODY = 400;

// The most frequent English function words. Running text in English has roughly a third of its
// tokens among them; other Latin-script languages share few (a, in, on...), far below the bar.
const EN_FUNCTION = new Set('the of and to a in is that for it on was with as at by from be this have are an not has but or were which their they its he she his her said will would been who'.split(' '));

/** Cheap pre-check before the trigram model: clearly English running text. */
function clearlyEnglish(text: string): boolean {
  const words = text.slice(0, 1500).toLowerCase().match(/[a-z\u00c0-\u024f']+/g);
  if (!words || words.length < 60) return false;
  let n = 0;
  for (const w of words) if (EN_FUNCTION.has(w)) n++;
  return n / words.length >= 0.25;
}

/**
 * A short text with nothing declared (a sentence or a headline from JSONL or the command line):
 * trigram scores over a hundred characters are noise (a sample English sentence full of names
 * scored Swedish 1.00, Dutch 0.98, English 0.93), and a wrong "not English" silently drops every
 * event of the text. So a short text gets a language only when the guess is clear: English scores
 * well below the winner and the runner-up is not close; otherwise it is undecided (null), which
 * the pipeline codes as English.
 */
function shortTextLanguage(text: string): string | null {
  const scores = francAll(text, { minLength: 20 });
  const [top, second] = scores;
  if (!top || top[0] === 'und') return null;
  if (top[0] === 'eng') return 'en';
  const eng = scores.find(([c]) => c === 'eng')?.[1] ?? 0;
  if (eng >= 0.8 || (second && second[1] >= 0.9)) return null;
  const code = ISO3_TO_1[top[0]] ?? null;
  return code && confirmedShort(text, code) ? code : null;
}

/**
 * A clear trigram guess on a short Latin-script text still misfires on English that is mostly
 * names or has no function words ("Nigeria said its peacekeepers would stay." scored Romanian;
 * about 8% of the English headlines and sentences under 40 characters of the news corpus came out
 * foreign). So it is kept only with word evidence: two or more function words of that language,
 * more than the English ones. A text mostly in another script needs none (the script decides);
 * a Latin-script language without a word list abstains.
 */
function confirmedShort(text: string, code: string): boolean {
  const latin = (text.match(/[a-z\u00c0-\u024f]/gi) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (latin < letters / 2) return true;
  const list = FUNCTION_WORDS[code];
  if (!list) return false;
  const own = new Set(list);
  let mine = 0, en = 0;
  for (const w of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    if (own.has(w)) mine++;
    if (EN_FUNCTION.has(w)) en++;
  }
  return mine >= 2 && mine > en;
}

export function decideLanguage(body: string, declared: string | null | undefined): string | null {
  const dec = normalizeLangTag(declared);
  // nothing declared: a short text goes through the cautious short-text rule at any length
  // (francAll says 'und' below 20 characters); with a declaration, under 40 characters it wins
  const guess =
    !dec && body.length < TRUST_BODY ? (clearlyEnglish(body) ? 'en' : shortTextLanguage(body))
    : body.length < 40 ? null
    : clearlyEnglish(body) ? 'en'
    : detectLanguage(body);
  if (!guess) return dec;
  if (!dec) return guess;
  return body.length >= TRUST_BODY ? guess : dec;
}
