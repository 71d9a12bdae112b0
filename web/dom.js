// DOM helpers. Every piece of data reaches the page through textContent or setAttribute,
// never innerHTML: article text is untrusted (it may hold "<script>"), so it is only ever text.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** h('a', {href: '#/x', class: 'y'}, 'text', child) — strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** SVG element, same conventions. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href') el.setAttribute('href', safeHref(String(v)));
    else el.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Only in-app (#...), same-origin (/...) and http(s) links: a "javascript:" URL in data must not become a link. */
export function safeHref(href) {
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//'))) return href;
  return /^https?:\/\//i.test(href) ? href : '#';
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/**
 * Text with highlighted spans. `base` is the offset of `text` in the article; spans carry
 * article offsets {start, end, cls, title?, href?}. Overlaps (an actor inside a quote) are
 * cut into segments carrying every covering class, so nothing is lost or duplicated.
 */
export function highlight(text, base, spans) {
  const frag = document.createDocumentFragment();
  const end = base + text.length;
  const inside = spans
    .map((sp) => ({ ...sp, start: Math.max(sp.start, base), end: Math.min(sp.end, end) }))
    .filter((sp) => sp.end > sp.start);
  const cuts = new Set([base, end]);
  for (const sp of inside) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a - base, b - base);
    const cover = inside.filter((sp) => sp.start <= a && sp.end >= b);
    if (!cover.length) { frag.append(document.createTextNode(piece)); continue; }
    const classes = ['hl', ...new Set(cover.map((c) => `hl-${c.cls}`))].join(' ');
    const title = cover.map((c) => c.title).filter(Boolean).join(' · ');
    const link = cover.find((c) => c.href);
    const el = link ? h('a', { class: classes, href: link.href, title: title || null }) : h('mark', { class: classes, title: title || null });
    el.dataset.kinds = cover.map((c) => c.cls).join(' ');
    el.textContent = piece;
    frag.append(el);
  }
  return frag;
}

export function fmtNum(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : '–';
}

export function entityLabel(e) {
  if (!e) return '';
  return e.name || e.entity_text || e.id;
}
