// The entente web UI: a hash-routed single page over the JSON API. Every list is paginated
// and every chart aggregated on the server, so the page stays fast on a large store.
import { h, clear, highlight, fmtNum, entityLabel } from './dom.js';
import { timelineChart, timelineSummary, quadLegend, networkChart, networkLegend, periodBounds } from './charts.js';

const main = document.getElementById('main');
let stats = null;

// ---------------------------------------------------------------- API

async function api(path, init) {
  const res = await fetch(path, init);
  let body = null;
  try { body = await res.json(); } catch { /* not JSON */ }
  if (!res.ok) throw new Error(body?.error ?? `${res.status} ${res.statusText}`);
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: Object.fromEntries(new URLSearchParams(query)) };
}

function go(hash) {
  if (location.hash === hash) route(); else location.hash = hash;
}

// ---------------------------------------------------------------- small pieces

function errorBox(err) {
  return h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : String(err));
}

function quadTag(q) {
  const names = { 1: 'verbal coop.', 2: 'material coop.', 3: 'verbal conflict', 4: 'material conflict' };
  return h('span', { class: `tag q${q}`, title: `quad class ${q}` }, names[q] ?? `quad ${q}`);
}

function plural(n, word) {
  return `${fmtNum(n)} ${word}${n === 1 ? '' : 's'}`;
}

function eventTypeLabel(r) {
  return `${r.event ?? 'CAMEO'} ${r.cameo}`;
}

function entities(list) {
  if (!list?.length) return h('span', { class: 'muted' }, '—');
  return list.map((e, i) => [i ? ', ' : '', h('a', { href: `#/events${qs({ actor: e.id })}`, title: `${e.code}${e.office ? ` · ${e.office}` : ''}` }, entityLabel(e))]);
}

function eventHref(key) {
  return `#/event/${encodeURIComponent(key)}`;
}

function articleHref(id) {
  return `#/article/${encodeURIComponent(id)}`;
}

function setActiveNav(name) {
  for (const a of document.querySelectorAll('[data-nav]')) a.classList.toggle('active', a.dataset.nav === name);
}

function legend(kinds) {
  const names = { actor: 'actor', recipient: 'recipient', trigger: 'event trigger', date: 'date', quote: 'quote', mention: 'actor mention', unresolved: 'unresolved mention' };
  return h('div', { class: 'legend' }, ...kinds.map((k) => h('span', {}, h('span', { class: `sw hl-${k}` }), names[k])));
}

/** Suggestions for actor fields: the most frequent actors (by id, labelled by name). Names work too. */
let actorOptions = null;
function actorDatalist() {
  let dl = document.getElementById('actor-list');
  if (!dl) {
    dl = h('datalist', { id: 'actor-list' });
    document.body.append(dl);
  }
  if (!actorOptions) {
    actorOptions = api('/api/actors?top=100').then((r) => {
      for (const a of r.actors) dl.append(h('option', { value: a.id, label: `${a.name} (${a.code})` }));
    }).catch(() => { actorOptions = null; });
  }
  return 'actor-list';
}

// ---------------------------------------------------------------- overview

async function overview(params) {
  setActiveNav('overview');
  const a = params.a || 'RUS', b = params.b || 'AFG', by = params.by || 'month';
  // "since 2021": the period asked for bounds the chart and the events it links to
  const since = params.since || '', until = params.until || '', exclude = params.exclude || '';
  const form = h('form', { class: 'row', id: 'dyad-form' },
    h('label', {}, 'Actor A', h('input', { name: 'a', value: a, size: 14, list: actorDatalist(), 'aria-label': 'Actor A' })),
    h('label', {}, 'Actor B', h('input', { name: 'b', value: b, size: 14, list: actorDatalist(), 'aria-label': 'Actor B' })),
    h('label', {}, 'By', h('select', { name: 'by' }, ...['month', 'week', 'year'].map((p) => h('option', { value: p, selected: p === by }, p)))),
    h('label', {}, 'Since', h('input', { name: 'since', value: since, size: 10, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', 'aria-label': 'Since' })),
    h('label', {}, 'Until', h('input', { name: 'until', value: until, size: 10, placeholder: 'YYYY[-MM[-DD]]', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?', 'aria-label': 'Until' })),
    h('label', { title: 'a negated record ("will not evacuate") or a hypothetical ("would", "if") is a statement, not an act' },
      'Acts only', h('input', { type: 'checkbox', name: 'exclude', value: 'negated,hypothetical', checked: !!exclude, id: 'acts-only' })),
    h('button', { type: 'submit' }, 'Show'),
    h('a', { href: `#/events${qs({ dyad: `${a},${b}`, since, until, exclude })}`, id: 'dyad-events' }, 'all events between them, with their sentences →'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = new FormData(form);
    go(`#/${qs({ a: f.get('a'), b: f.get('b'), by: f.get('by'), since: f.get('since'), until: f.get('until'), exclude: f.get('exclude') })}`);
  });
  const statsBox = h('div', { class: 'stats' });
  const chartBox = h('div', { id: 'timeline' }, h('p', { class: 'muted' }, 'Loading timeline…'));
  const netBox = h('div', { id: 'network' }, h('p', { class: 'muted' }, 'Loading network…'));
  clear(main).append(
    h('h1', {}, 'Relations over time'),
    h('div', { class: 'card' }, statsBox),
    h('div', { class: 'card' }, form, chartBox, quadLegend()),
    h('div', { class: 'grid2' },
      h('div', { class: 'card' }, h('h2', {}, 'Actor network'), netBox, networkLegend()),
      h('div', { class: 'card', id: 'top-actors' }, h('h2', {}, 'Most active actors'), h('p', { class: 'muted' }, 'Loading…'))),
  );
  api('/api/stats').then((st) => {
    stats = st;
    if (!st.events) statsBox.after(h('p', { class: 'muted' }, 'The store has no events yet: run ', h('code', {}, 'entente demo'), ' or ', h('a', { href: '#/ingest' }, 'ingest an article'), '.'));
    statsBox.append(
      h('div', {}, h('b', {}, fmtNum(st.articles)), 'articles'),
      h('div', {}, h('b', {}, fmtNum(st.events)), 'events'),
      h('div', {}, h('b', {}, fmtNum(st.entities)), 'actors'),
      h('div', {}, h('b', {}, `${st.first_date ?? '–'} … ${st.last_date ?? '–'}`), 'event dates'));
  }).catch((e) => statsBox.append(errorBox(e)));
  api(`/api/timeline${qs({ a, b, by, since, until, exclude })}`).then((t) => {
    clear(chartBox).append(timelineChart(t, { a, b }, (period) => go(`#/events${qs({ dyad: `${a},${b}`, ...periodBounds(period, by), exclude })}`)));
    if (t.rows.length) chartBox.append(timelineSummary(t, { a, b }));
    // the series behind the chart, and every event in it, as files for pandas or R
    if (t.rows.length) chartBox.append(h('p', { class: 'small muted', id: 'timeline-download' }, 'Download: ',
      h('a', { href: `/api/timeline${qs({ a, b, by, since, until, exclude, format: 'csv' })}`, download: '' }, `the series by ${by} (CSV)`), ' · ',
      h('a', { href: `/api/export${qs({ dyad: `${a},${b}`, since, until, exclude, format: 'csv' })}`, download: '' }, 'its events with their sentences (CSV)')));
    if (t.unbucketed) chartBox.append(h('p', { class: 'muted small' }, `${t.unbucketed} more events between them have no date precise enough for this scale.`));
    // since/until leave the undated ones out: their time is unknown, not outside the period
    if (t.undated) chartBox.append(h('p', { class: 'muted small', id: 'timeline-undated' }, `${plural(t.undated, 'more event')} between them ${t.undated === 1 ? 'has' : 'have'} no date (time unknown) and ${t.undated === 1 ? 'is' : 'are'} not counted in this period: `,
      h('a', { href: `#/events${qs({ dyad: `${a},${b}`, exclude })}` }, 'every event between them'), ' lists them last, as undated.'));
    if (t.note) chartBox.append(h('p', { class: 'muted', id: 'timeline-note' }, t.note));
  }).catch((e) => clear(chartBox).append(errorBox(e)));
  api('/api/network?top=10').then((net) => {
    clear(netBox).append(networkChart(net, (n) => go(`#/events${qs({ actor: n.id })}`), (e) => go(`#/events${qs({ actor: e.source, recipient: e.target })}`)));
    const box = document.getElementById('top-actors');
    if (!box) return;
    const rows = net.nodes.map((n) => h('tr', {},
      h('td', {}, h('a', { href: `#/events${qs({ actor: n.id })}` }, n.name)),
      h('td', {}, h('span', { class: 'tag' }, n.code)),
      h('td', {}, fmtNum(n.events)), h('td', {}, fmtNum(n.as_actor)), h('td', {}, fmtNum(n.as_recipient))));
    clear(box).append(h('h2', {}, 'Most active actors'),
      h('table', {}, h('thead', {}, h('tr', {}, ...['actor', 'code', 'events', 'as actor', 'as recipient'].map((c) => h('th', {}, c)))), h('tbody', {}, rows)));
    if (net.hidden?.length) box.append(h('p', { class: 'muted small', id: 'hidden-actors' }, `Not shown: ${net.hidden.join(', ')} (no country: actors the coder could not place).`));
  }).catch((e) => clear(netBox).append(errorBox(e)));
}

// ---------------------------------------------------------------- events table

const FILTERS = [
  ['actor', 'Actor', 10], ['recipient', 'Recipient', 10], ['dyad', 'Dyad (A,B)', 10], ['type', 'Type / CAMEO', 8],
  ['since', 'Since', 9], ['until', 'Until', 9], ['min_confidence', 'Min conf.', 4], ['q', 'Text', 12],
  ['exclude', 'Leave out (negated,hypothetical,…)', 16],
];

async function events(params) {
  setActiveNav('events');
  const limit = 50;
  const offset = Math.max(0, parseInt(params.offset ?? '0', 10) || 0);
  const form = h('form', { class: 'filters', id: 'event-filters' },
    ...FILTERS.map(([name, label, size]) => h('label', {}, label, h('input', { name, value: params[name] ?? '', size, list: name === 'actor' || name === 'recipient' ? actorDatalist() : null }))),
    h('label', { title: 'reports of the same real-world event (one cluster) on this page in one row, each report\'s article under it' },
      'Fold reports', h('input', { type: 'checkbox', name: 'group', value: '1', checked: params.group === '1', id: 'fold-reports' })),
    h('button', { type: 'submit' }, 'Filter'),
    h('button', { type: 'button', class: 'secondary', onclick: () => go('#/events') }, 'Clear'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    go(`#/events${qs(f)}`);
  });
  const box = h('div', {}, h('p', { class: 'muted' }, 'Loading events…'));
  const scope = params.article ? ['the article ', h('a', { href: articleHref(params.article) }, params.article)]
    : params.cluster ? ['one real-world event (cluster ', params.cluster, ')'] : null;
  clear(main).append(h('h1', {}, 'Events'), h('div', { class: 'card' }, form,
    scope ? h('p', { class: 'small muted' }, 'Only the reports of ', scope, ' · ', h('a', { href: '#/events' }, 'show all')) : null), box);
  const query = {};
  for (const [name] of FILTERS) if (params[name]) query[name] = params[name];
  for (const name of ['article', 'cluster']) if (params[name]) query[name] = params[name];
  const fold = params.group === '1';
  try {
    // "Next" carries the keyset cursor: deep pages stay fast on a large store (offset still numbers the rows)
    const page = await api(`/api/events${qs({ ...query, limit, offset: params.cursor ? undefined : offset, cursor: params.cursor, evidence: 'true' })}`);
    // every matching event as a file (not only this page): what a researcher loads into pandas or R
    const download = page.total ? h('p', { class: 'small muted', id: 'events-download' }, `Download all ${plural(page.total, 'matching event')}: `,
      ...[['csv', 'CSV'], ['jsonl', 'JSONL'], ['plover', 'PLOVER'], ['gdelt', 'GDELT (TSV)']].flatMap(([format, label], i) => [i ? ' · ' : '',
        h('a', { href: `/api/export${qs({ ...query, format })}`, download: '', 'data-format': format }, label)])) : null;
    if (fold) query.group = '1'; // kept by the pager, not sent to the API
    // folding: the later reports of a cluster already shown on this page go under its first row
    const firstOf = new Map(), later = new Map();
    for (const ev of page.events) {
      if (!fold || !firstOf.has(ev.cluster.id)) { firstOf.set(ev.cluster.id, ev); continue; }
      const k = firstOf.get(ev.cluster.id).key;
      later.set(k, [...(later.get(k) ?? []), ev]);
    }
    const shownEvents = fold ? page.events.filter((ev) => firstOf.get(ev.cluster.id) === ev) : page.events;
    const rows = shownEvents.map((ev) => {
      const r = ev.record;
      const x = ev.evidence;
      return h('tr', { 'data-cluster': ev.cluster.id },
        h('td', {}, r.date ?? h('span', { class: 'muted' }, 'undated')),
        h('td', {}, entities(r.actor)),
        h('td', {}, h('a', { href: eventHref(ev.key), class: 'event-link' }, eventTypeLabel(r)), ' ', quadTag(r.quad_code),
          r.negated ? [' ', h('span', { class: 'tag neg' }, 'negated')] : null,
          r.modality !== 'asserted' ? [' ', h('span', { class: 'tag' }, r.modality)] : null),
        h('td', {}, entities(r.recipient)),
        h('td', { class: 'sent' }, x ? evidenceCell(r, x, ev, later.get(ev.key) ?? []) : r.event_text),
        h('td', {}, r.confidence.toFixed(2)));
    });
    const pager = h('div', { class: 'pager' },
      h('button', { class: 'secondary', disabled: offset === 0, onclick: () => go(`#/events${qs({ ...query, offset: Math.max(0, offset - limit) })}`) }, '← Previous'),
      h('span', { class: 'muted' }, page.total ? `${fmtNum(offset + 1)}–${fmtNum(offset + page.events.length)} of ${fmtNum(page.total)} reports` : 'No events match.',
        fold && shownEvents.length < page.events.length ? ` (${plural(shownEvents.length, 'event')} on this page)` : '',
        // Since/Until leave undated events out (time unknown): say so rather than let the list look complete
        page.undated ? h('span', { id: 'events-undated' }, ` · ${plural(page.undated, 'undated event')} left out by Since/Until`) : ''),
      h('button', { class: 'secondary', disabled: offset + limit >= page.total, onclick: () => go(`#/events${qs({ ...query, offset: offset + limit, cursor: page.next_cursor })}`) }, 'Next →'));
    clear(box).append(pager, download ?? '', h('table', { id: 'events-table' },
      h('thead', {}, h('tr', {}, ...['date', 'actor', 'event', 'recipient', 'evidence sentence · article', 'conf.'].map((c) => h('th', {}, c)))),
      h('tbody', {}, rows)));
  } catch (e) {
    clear(box).append(errorBox(e));
  }
}

// ---------------------------------------------------------------- one event

/** Spans of one event, in article offsets, for the highlighter (`sentence`: the text from text_info.start). */
function eventSpans(r, article, sentence) {
  const spans = [];
  const s0 = r.text_info.start, s1 = r.text_info.end;
  if (article) {
    for (const q of article.quotes ?? []) {
      if (q.content.start < s1 && q.content.end > s0 && (!r.quote || q.content.text.includes(r.quote) || r.quote.includes(q.content.text))) {
        spans.push({ start: q.content.start, end: q.content.end, cls: 'quote', title: 'quote' });
      }
    }
    if (r.date_text) {
      const t = (article.times ?? []).find((x) => x.start >= s0 && x.end <= s1 && x.text === r.date_text);
      if (t) spans.push({ start: t.start, end: t.end, cls: 'date', title: `date: ${t.value ?? '?'}` });
    }
  }
  if (r.date_text && !spans.some((x) => x.cls === 'date')) {
    // no stored time expression: find the date text in the sentence itself
    const i = sentence.indexOf(r.date_text);
    if (i >= 0) spans.push({ start: s0 + i, end: s0 + i + r.date_text.length, cls: 'date', title: `date: ${r.date}` });
  }
  for (const e of r.actor ?? []) spans.push({ start: e.start, end: e.end, cls: 'actor', title: `actor: ${e.name} (${e.code})` });
  for (const e of r.recipient ?? []) spans.push({ start: e.start, end: e.end, cls: 'recipient', title: `recipient: ${e.name} (${e.code})` });
  const tr = r.text_info.trigger;
  spans.push({ start: tr.start, end: tr.end, cls: 'trigger', title: `trigger: ${eventTypeLabel(r)}` });
  return spans;
}

/** "according to Sergei Lavrov, via TASS": who the record has the event from (null when the text states it itself). */
function attribution(r) {
  const who = r.speaker?.name, via = r.via?.name;
  if (!who && !via) return null;
  return h('div', { class: 'small ev-attribution' }, 'according to ', who ?? via, who && via ? `, via ${via}` : '');
}

/** A report's article: title (in the store) · date · outlet · source link. */
function articleLine(r, a) {
  return h('div', { class: 'small muted' },
    h('a', { href: articleHref(a.id), class: 'ev-article' }, a.title || r.doc_id || a.id), // untitled local file: its path
    a.published ? ` · ${String(a.published).slice(0, 10)}` : '', a.outlet ? ` · ${a.outlet}` : '',
    a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', class: 'ev-source' }, 'source ↗')] : null);
}

/**
 * An event table's evidence cell: the sentence with the event's spans, who it is attributed to, its
 * article (in the store and at its source), how many reports the event has (a link to them all), and
 * the reports folded under it (`others`), each with its own sentence when it differs and its article.
 */
function evidenceCell(r, x, ev, others = []) {
  const long = x.sentence.length > 400;
  const text = long ? x.sentence.slice(0, 400) : x.sentence;
  const spans = eventSpans(r, null, x.sentence); // highlight() clips them to the text shown
  const c = ev?.cluster;
  return [
    h('div', { class: 'ev-sentence' }, highlight(text, x.start, spans), long ? '…' : ''),
    attribution(r),
    articleLine(r, x.article),
    c && c.mentions > 1 ? h('div', { class: 'small ev-cluster' },
      `${plural(c.mentions, 'report')} of this event in ${plural(c.articles, 'article')}, ${plural(c.outlets, 'outlet')} · `,
      h('a', { href: `#/events${qs({ cluster: c.id })}` }, 'all of them')) : null,
    ...others.map((o) => h('div', { class: 'ev-folded' },
      o.evidence && o.evidence.sentence !== x.sentence ? h('div', { class: 'small' }, `“${o.evidence.sentence.length > 300 ? o.evidence.sentence.slice(0, 300) + '…' : o.evidence.sentence}”`) : null,
      o.evidence ? articleLine(o.record, o.evidence.article) : h('div', { class: 'small muted' }, o.record.doc_id),
      o.record.date !== r.date ? h('div', { class: 'small muted' }, `dated ${o.record.date ?? 'undated'} in this report`) : null)),
  ];
}

async function eventPage(key) {
  setActiveNav('events');
  clear(main).append(h('p', { class: 'muted' }, 'Loading event…'));
  let ev, article = null;
  try {
    ev = await api(`/api/events/${encodeURIComponent(key)}`);
  } catch (e) {
    clear(main).append(h('h1', {}, 'Event'), errorBox(e));
    return;
  }
  try { article = await api(`/api/articles/${encodeURIComponent(ev.article_id)}`); } catch { /* evidence still shows from the record */ }
  const r = ev.record;
  // the sentence from the stored article text when present; else the record's own copy
  const fromArticle = article ? article.text.slice(r.text_info.start, r.text_info.end) : null;
  const sentence = fromArticle ?? r.event_text;
  const spans = fromArticle !== null || r.event_text.length === r.text_info.end - r.text_info.start ? eventSpans(r, article, sentence) : [];
  const title = `${entityLabel(r.actor?.[0]) || '?'} — ${eventTypeLabel(r)} — ${entityLabel(r.recipient?.[0]) || '?'}`;
  const fact = (k, v) => [h('dt', {}, k), h('dd', {}, v ?? h('span', { class: 'muted' }, '—'))];
  clear(main).append(
    h('h1', {}, title),
    h('div', { class: 'evidence', id: 'evidence' }, highlight(sentence, r.text_info.start, spans)),
    legend(['actor', 'recipient', 'trigger', 'date', 'quote']),
    h('div', { class: 'card' }, h('dl', { class: 'facts' },
      fact('Event', [eventTypeLabel(r), ' ', quadTag(r.quad_code), r.negated ? [' ', h('span', { class: 'tag neg' }, 'negated')] : null]),
      fact('Mode / context', [r.mode, ...(r.context ?? [])].filter(Boolean).join(', ') || null),
      fact('Actor', entities(r.actor)),
      fact('Recipient', entities(r.recipient)),
      fact('Date', r.date ? `${r.date} (${r.date_precision}, from ${r.date_source}${r.date_text ? `: “${r.date_text}”` : ''})` : null),
      fact('Modality', r.modality),
      fact('Speaker', r.speaker ? entities([r.speaker]) : null),
      fact('Via', r.via ? entities([r.via]) : null),
      fact('Quote', r.quote),
      fact('Location', r.event_loc ? `${r.event_loc.name}${r.event_loc.country_code ? ` (${r.event_loc.country_code})` : ''}` : null),
      fact('Goldstein / intensity', `${r.goldstein} / ${r.intensity ?? '–'}`),
      fact('Confidence', r.confidence.toFixed(2)),
      fact('Reports', [`${plural(ev.cluster.mentions, 'report')} in ${plural(ev.cluster.articles, 'article')} from ${plural(ev.cluster.outlets, 'outlet')}`,
        ev.cluster.mentions > 1 ? [' · ', h('a', { href: `#/events${qs({ cluster: ev.cluster.id })}` }, 'all reports of this event')] : null]),
      fact('Article', h('a', { href: articleHref(ev.article_id), id: 'article-link' }, article?.article?.title || r.doc_id || ev.article_id)),
      fact('Source', r.link ? h('a', { href: r.link, rel: 'noopener noreferrer', target: '_blank' }, r.link) : ev.outlet),
    )),
    h('details', {}, h('summary', {}, 'Record (JSON)'), h('pre', { class: 'small' }, JSON.stringify(r, null, 2))),
  );
}

// ---------------------------------------------------------------- one article

async function articlePage(id) {
  setActiveNav('articles');
  clear(main).append(h('p', { class: 'muted' }, 'Loading article…'));
  let a;
  try {
    a = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(main).append(h('h1', {}, 'Article'), errorBox(e));
    return;
  }
  const spans = [];
  for (const m of a.mentions ?? []) spans.push({ start: m.start, end: m.end, cls: m.entity ? 'mention' : 'unresolved', title: m.entity ? `${m.entity.name} (${m.entity.code})` : 'unresolved mention' });
  for (const t of a.times ?? []) spans.push({ start: t.start, end: t.end, cls: 'date', title: `${t.type} ${t.value ?? '?'}` });
  for (const q of a.quotes ?? []) spans.push({ start: q.content.start, end: q.content.end, cls: 'quote', title: `quote${q.speaker ? ` by ${q.speaker.name}` : ''}` });
  for (const ev of a.events ?? []) {
    const tr = ev.record.text_info.trigger;
    spans.push({ start: tr.start, end: tr.end, cls: 'trigger', title: eventTypeLabel(ev.record), href: eventHref(ev.key) });
  }
  // paragraphs: the body is blank-line separated; offsets are kept so spans still line up
  const paras = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let m;
  while ((m = re.exec(a.text))) paras.push(h('p', {}, highlight(m[0], m.index, spans)));
  const art = a.article;
  const meta = [art.published, a.outlet, (art.authors ?? []).join(', ')].filter(Boolean).join(' · ');
  const msgs = a.messages ?? [];
  clear(main).append(
    h('h1', { id: 'article-title' }, art.title || art.id || a.id),
    h('p', { class: 'muted' }, meta, art.url ? [' · ', h('a', { href: art.url, rel: 'noopener noreferrer', target: '_blank' }, art.url)] : null),
    art.dateline ? h('p', { class: 'small muted' }, `Dateline: ${art.dateline.text}`) : null,
    (art.captions ?? []).length ? h('ul', { class: 'small muted captions' }, art.captions.map((c) => h('li', {}, `Caption: ${c.text}`, c.credit ? ` (${c.credit})` : ''))) : null,
    legend(['mention', 'unresolved', 'trigger', 'date', 'quote']),
    h('div', { class: 'card article-body', id: 'article-body' }, paras),
    h('h2', {}, `Events (${a.events.length})`),
    a.events.length ? h('table', {}, h('thead', {}, h('tr', {}, ...['date', 'actor', 'event', 'recipient', 'modality'].map((c) => h('th', {}, c)))),
      h('tbody', {}, a.events.map((ev) => h('tr', {},
        h('td', {}, ev.record.date ?? '—'), h('td', {}, entities(ev.record.actor)),
        h('td', {}, h('a', { href: eventHref(ev.key) }, eventTypeLabel(ev.record)), ' ', quadTag(ev.record.quad_code)),
        h('td', {}, entities(ev.record.recipient)), h('td', {}, ev.record.negated ? `${ev.record.modality}, negated` : ev.record.modality)))))
      : h('p', { class: 'muted' }, 'No events were coded in this article.'),
    h('h2', {}, `Messages (${msgs.length})`),
    msgs.length ? h('ul', { class: 'messages' }, msgs.map((x) => h('li', {}, h('span', { class: 'tag' }, x.severity), ' ', h('code', {}, x.origin), ' ', x.text)))
      : h('p', { class: 'muted' }, 'None.'),
  );
}

async function articlesPage(params) {
  setActiveNav('articles');
  const limit = 50;
  const offset = Math.max(0, parseInt(params.offset ?? '0', 10) || 0);
  clear(main).append(h('h1', {}, 'Articles'), h('p', { class: 'muted' }, 'Loading…'));
  try {
    const page = await api(`/api/articles${qs({ limit, offset })}`);
    clear(main).append(h('h1', {}, 'Articles'),
      h('div', { class: 'pager' },
        h('button', { class: 'secondary', disabled: offset === 0, onclick: () => go(`#/articles${qs({ offset: Math.max(0, offset - limit) })}`) }, '← Previous'),
        h('span', { class: 'muted' }, `${fmtNum(page.total)} articles`),
        h('button', { class: 'secondary', disabled: offset + limit >= page.total, onclick: () => go(`#/articles${qs({ offset: offset + limit })}`) }, 'Next →')),
      h('table', {}, h('thead', {}, h('tr', {}, ...['published', 'title', 'outlet', 'events'].map((c) => h('th', {}, c)))),
        h('tbody', {}, page.articles.map((x) => h('tr', {},
          h('td', {}, x.published ?? '—'), h('td', {}, h('a', { href: articleHref(x.id) }, x.title || x.url || x.id)),
          h('td', {}, x.outlet ?? '—'), h('td', {}, fmtNum(x.events)))))));
  } catch (e) {
    main.append(errorBox(e));
  }
}

// ---------------------------------------------------------------- search

async function searchPage(params) {
  setActiveNav('');
  const q = params.q ?? '';
  document.getElementById('search-q').value = q;
  clear(main).append(h('h1', {}, `Search: ${q}`), h('p', { class: 'muted' }, 'Searching…'));
  try {
    const limit = 50;
    const offset = Math.max(0, parseInt(params.offset ?? '0', 10) || 0);
    const page = await api(`/api/search${qs({ q, limit, offset })}`);
    const hits = page.hits.map((x) => {
      // the store marks matches with [ and ]: render them as <mark> without parsing HTML
      const snippet = h('span', {});
      for (const [i, part] of x.snippet.split(/\[|\]/).entries()) snippet.append(i % 2 ? h('mark', {}, part) : document.createTextNode(part));
      return h('li', {}, snippet, h('div', { class: 'small muted' }, h('a', { href: articleHref(x.articleId), class: 'hit-article' }, x.title || x.docId || x.articleId), x.published ? ` · ${x.published}` : ''));
    });
    clear(main).append(h('h1', {}, `Search: ${q}`),
      h('div', { class: 'pager' },
        h('button', { class: 'secondary', disabled: offset === 0, onclick: () => go(`#/search${qs({ q, offset: Math.max(0, offset - limit) })}`) }, '← Previous'),
        h('span', { class: 'muted' }, page.total ? `${fmtNum(offset + 1)}–${fmtNum(offset + page.hits.length)} of ${fmtNum(page.total)} sentences` : 'No sentence matches.'),
        h('button', { class: 'secondary', disabled: offset + limit >= page.total, onclick: () => go(`#/search${qs({ q, offset: offset + limit })}`) }, 'Next →')),
      h('p', {}, h('a', { href: `#/events${qs({ q })}` }, 'events whose sentence matches →')), h('ul', { class: 'hits' }, hits));
  } catch (e) {
    main.append(errorBox(e));
  }
}

// ---------------------------------------------------------------- ingest

async function ingestPage() {
  setActiveNav('ingest');
  if (!stats) { try { stats = await api('/api/stats'); } catch { /* shown on submit */ } }
  const status = h('div', { id: 'ingest-status' });
  const tokenField = stats?.write_requires_token
    ? h('label', {}, 'Token', h('input', { name: 'token', type: 'password', value: sessionStorage.getItem('entente-token') ?? '', size: 20 }))
    : null;
  const form = h('form', { id: 'ingest-form' },
    h('p', { class: 'muted' }, 'Give a URL to fetch, or paste an article (plain text, or a clipping: title, date line, body).'),
    h('div', { class: 'row filters' },
      h('label', {}, 'URL', h('input', { name: 'url', type: 'url', size: 50, placeholder: 'https://…' })),
      h('label', {}, 'Title', h('input', { name: 'title', size: 30 })),
      h('label', {}, 'Date', h('input', { name: 'date', type: 'date' })),
      tokenField),
    h('label', {}, 'Article text', h('textarea', { name: 'text', id: 'ingest-text', placeholder: 'Paste the article here…' })),
    h('p', {}, h('button', { type: 'submit', id: 'ingest-submit' }, 'Ingest')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(form));
    const body = {};
    for (const k of ['url', 'title', 'date', 'text']) if (f[k] && String(f[k]).trim()) body[k] = String(f[k]);
    const headers = { 'content-type': 'application/json' };
    if (f.token) { sessionStorage.setItem('entente-token', f.token); headers.authorization = `Bearer ${f.token}`; }
    const btn = document.getElementById('ingest-submit');
    btn.disabled = true;
    clear(status).append(h('p', { class: 'muted' }, 'Ingesting…'));
    try {
      const r = await api('/api/ingest', { method: 'POST', headers, body: JSON.stringify(body) });
      stats = null;
      actorOptions = null;
      document.getElementById('actor-list')?.replaceChildren();
      clear(status).append(h('div', { class: 'ok', role: 'status' },
        `${r.status}: “${r.title ?? r.article_id}”, ${plural(r.events, 'event')}. `,
        h('a', { href: articleHref(r.article_id), id: 'ingested-article' }, 'Open the article'), ' · ',
        h('a', { href: `#/events${qs({ article: r.article_id })}`, id: 'ingested-events' }, 'its events')),
        r.messages.length ? h('ul', { class: 'messages' }, r.messages.map((m) => h('li', {}, h('code', {}, m.origin), ' ', m.text))) : null);
    } catch (err) {
      clear(status).append(errorBox(err));
    } finally {
      btn.disabled = false;
    }
  });
  clear(main).append(h('h1', {}, 'Ingest an article'), h('div', { class: 'card' }, form, status));
}

// ---------------------------------------------------------------- router

async function route() {
  const { parts, params } = parseHash();
  window.scrollTo(0, 0);
  try {
    if (!parts.length) await overview(params);
    else if (parts[0] === 'events') await events(params);
    else if (parts[0] === 'event' && parts[1]) await eventPage(parts.slice(1).join('/'));
    else if (parts[0] === 'article' && parts[1]) await articlePage(parts.slice(1).join('/'));
    else if (parts[0] === 'articles') await articlesPage(params);
    else if (parts[0] === 'search') await searchPage(params);
    else if (parts[0] === 'ingest') await ingestPage();
    else clear(main).append(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/' }, 'Back to the overview')));
  } catch (e) {
    clear(main).append(errorBox(e));
  }
}

document.getElementById('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  if (q) go(`#/search${qs({ q })}`);
});
window.addEventListener('hashchange', route);
route();
