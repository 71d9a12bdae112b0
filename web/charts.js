// SVG charts drawn by hand (no library, nothing fetched): the dyad timeline and the actor network.
// Both take aggregated data from the server, so their cost does not grow with the event count.
import { s, h } from './dom.js';

const COLORS = { 1: '#9fd3a6', 2: '#2e8b57', 3: '#f4b183', 4: '#c0392b' };
const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

// ---------------------------------------------------------------- periods

function isoWeekMonday(label) {
  const [y, w] = label.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return monday;
}

function isoWeekLabel(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 3 - ((t.getUTCDay() + 6) % 7));
  const week1 = new Date(Date.UTC(t.getUTCFullYear(), 0, 4));
  const w = 1 + Math.round(((t - week1) / 86400000 - 3 + ((week1.getUTCDay() + 6) % 7)) / 7);
  return `${t.getUTCFullYear()}-W${String(w).padStart(2, '0')}`;
}

/** Every period from the first to the last one present, so gaps show as gaps. */
export function fillPeriods(present, by) {
  if (!present.length) return [];
  const sorted = [...present].sort();
  const first = sorted[0], last = sorted[sorted.length - 1];
  const out = [];
  if (by === 'year') {
    for (let y = +first; y <= +last && out.length < 1000; y++) out.push(String(y));
  } else if (by === 'month') {
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while ((y < ly || (y === ly && m <= lm)) && out.length < 1000) {
      out.push(`${y}-${String(m).padStart(2, '0')}`);
      if (++m > 12) { m = 1; y++; }
    }
  } else {
    const d = isoWeekMonday(first), end = isoWeekMonday(last);
    while (d <= end && out.length < 1000) { out.push(isoWeekLabel(d)); d.setUTCDate(d.getUTCDate() + 7); }
  }
  return out.length >= 1000 ? sorted : out;
}

/** Inclusive date bounds of a period, for the events filter. */
export function periodBounds(period, by) {
  if (by !== 'week') return { since: period, until: period };
  const mon = isoWeekMonday(period);
  const sun = new Date(mon); sun.setUTCDate(mon.getUTCDate() + 6);
  return { since: mon.toISOString().slice(0, 10), until: sun.toISOString().slice(0, 10) };
}

// ---------------------------------------------------------------- timeline

/**
 * Two panels (a→b above, b→a below); in each, cooperation (quads 1, 2) stacks up from the
 * baseline and conflict (quads 3, 4) stacks down, one bar per period.
 */
export function timelineChart(t, labels, onBar) {
  const periods = fillPeriods([...new Set(t.rows.map((r) => r.period))], t.by);
  const W = 960, L = 46, R = 12, PANEL = 150, GAP = 34, TOP = 22;
  const H = TOP + PANEL * 2 + GAP + 30;
  const svg = s('svg', { class: 'chart timeline', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Timeline of events between ${labels.a} and ${labels.b}` });
  if (!periods.length) {
    svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle', fill: '#66707c' }, 'No dated events between these actors.'));
    return svg;
  }
  const byKey = new Map(t.rows.map((r) => [`${r.period}|${r.direction}`, r]));
  let max = 1;
  for (const r of t.rows) max = Math.max(max, r.quad[1] + r.quad[2], r.quad[3] + r.quad[4]);
  const plotW = W - L - R;
  const step = plotW / periods.length;
  const bw = Math.max(1, Math.min(28, step * 0.8));
  const half = PANEL / 2 - 4;
  const yScale = (v) => (v / max) * half;

  const panels = [
    { dir: 'a->b', title: `${labels.a} → ${labels.b}`, y0: TOP },
    { dir: 'b->a', title: `${labels.b} → ${labels.a}`, y0: TOP + PANEL + GAP },
  ];
  for (const p of panels) {
    const base = p.y0 + PANEL / 2;
    svg.append(
      s('text', { x: L, y: p.y0 - 6, 'font-size': 13, 'font-weight': 600, fill: '#1d232b' }, p.title),
      s('line', { x1: L, x2: W - R, y1: base, y2: base, stroke: '#99a3ad', 'stroke-width': 1 }),
      s('text', { x: L - 6, y: base - half + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#2e8b57' }, `+${max}`),
      s('text', { x: L - 6, y: base + half + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#c0392b' }, `−${max}`),
      s('text', { x: L - 6, y: base + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#66707c' }, '0'),
    );
    periods.forEach((period, i) => {
      const r = byKey.get(`${period}|${p.dir}`);
      if (!r) return;
      const x = L + i * step + (step - bw) / 2;
      const g = s('g', { class: 'bar', 'data-period': period, 'data-direction': p.dir, tabindex: 0 });
      let up = base, down = base;
      for (const q of [1, 2]) {
        const hgt = yScale(r.quad[q]);
        if (hgt > 0) { up -= hgt; g.append(s('rect', { x, y: up, width: bw, height: hgt, fill: COLORS[q] })); }
      }
      for (const q of [3, 4]) {
        const hgt = yScale(r.quad[q]);
        if (hgt > 0) { g.append(s('rect', { x, y: down, width: bw, height: hgt, fill: COLORS[q] })); down += hgt; }
      }
      const gm = r.goldstein_mean === null ? '–' : r.goldstein_mean.toFixed(1);
      g.append(s('title', {}, `${p.title}, ${period}: ${r.count} events — ` +
        [1, 2, 3, 4].map((q) => `${QUAD_NAMES[q]} ${r.quad[q]}`).join(', ') + `; mean Goldstein ${gm}`));
      // an invisible full-height target so thin bars are still easy to click
      g.append(s('rect', { x: L + i * step, y: p.y0, width: step, height: PANEL, fill: 'transparent' }));
      if (onBar) {
        g.addEventListener('click', () => onBar(period, p.dir));
        g.addEventListener('keydown', (e) => { if (e.key === 'Enter') onBar(period, p.dir); });
      }
      svg.append(g);
    });
  }
  // x axis labels: every period when few, else only at year starts
  const axisY = TOP + PANEL * 2 + GAP + 16;
  const every = periods.length <= 24;
  periods.forEach((period, i) => {
    const yearStart = t.by === 'year' || (t.by === 'month' && period.endsWith('-01')) || (t.by === 'week' && period.endsWith('-W01'));
    if (!every && !yearStart && i !== 0) return;
    const label = every ? (t.by === 'month' ? period.slice(2) : period) : period.slice(0, 4);
    const x = L + i * step + step / 2;
    svg.append(
      s('line', { x1: x, x2: x, y1: TOP + PANEL * 2 + GAP, y2: axisY - 10, stroke: '#99a3ad' }),
      s('text', { x, y: axisY, 'text-anchor': 'middle', 'font-size': 10, fill: '#66707c' }, label),
    );
  });
  return svg;
}

/** Per direction: events, share cooperative / conflictual, mean Goldstein (count-weighted). */
export function timelineSummary(t, labels) {
  const rows = ['a->b', 'b->a'].map((dir) => {
    const rs = t.rows.filter((r) => r.direction === dir);
    const n = rs.reduce((x, r) => x + r.count, 0);
    const coop = rs.reduce((x, r) => x + r.quad[1] + r.quad[2], 0);
    const conf = rs.reduce((x, r) => x + r.quad[3] + r.quad[4], 0);
    const g = rs.filter((r) => r.goldstein_mean !== null);
    const gn = g.reduce((x, r) => x + r.count, 0);
    const gm = gn ? g.reduce((x, r) => x + r.goldstein_mean * r.count, 0) / gn : null;
    const pct = (k) => (n ? `${Math.round((100 * k) / n)}%` : '–');
    const title = dir === 'a->b' ? `${labels.a} → ${labels.b}` : `${labels.b} → ${labels.a}`;
    return h('tr', {}, h('td', {}, title), h('td', {}, String(n)), h('td', {}, pct(coop)), h('td', {}, pct(conf)), h('td', {}, gm === null ? '–' : gm.toFixed(2)));
  });
  return h('table', { class: 'summary' },
    h('thead', {}, h('tr', {}, ...['direction', 'events', 'cooperation', 'conflict', 'mean Goldstein'].map((c) => h('th', {}, c)))),
    h('tbody', {}, rows));
}

export function quadLegend() {
  return h('div', { class: 'legend' },
    ...[1, 2, 3, 4].map((q) => h('span', {}, h('span', { class: `sw q${q}` }), QUAD_NAMES[q])),
    h('span', {}, 'cooperation above the line, conflict below; click a bar for its events'));
}

// ---------------------------------------------------------------- network

function edgeColor(g) {
  if (g === null || g === undefined) return '#9aa4ae';
  if (g >= 1) return '#2e8b57';
  if (g <= -1) return '#c0392b';
  return '#9aa4ae';
}

/** Circular layout; one curved arrow per direction, width by count, colour by mean Goldstein. */
export function networkChart(net, onNode, onEdge) {
  const W = 720, H = 560, cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 60;
  const svg = s('svg', { class: 'chart network', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Actor network' });
  if (!net.nodes.length) {
    svg.append(s('text', { x: cx, y: cy, 'text-anchor': 'middle', fill: '#66707c' }, 'No actors yet: ingest some articles.'));
    return svg;
  }
  svg.append(s('defs', {}, ...['#2e8b57', '#c0392b', '#9aa4ae'].map((c) =>
    s('marker', { id: `arrow-${c.slice(1)}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: c })))));
  const pos = new Map();
  const maxEv = Math.max(1, ...net.nodes.map((n) => n.events));
  net.nodes.forEach((n, i) => {
    const a = -Math.PI / 2 + (2 * Math.PI * i) / net.nodes.length;
    pos.set(n.id, { x: cx + R * Math.cos(a), y: cy + R * Math.sin(a), a, r: 7 + 14 * Math.sqrt(n.events / maxEv) });
  });
  // a dense store would draw a hairball: keep the strongest links only
  const edges = [...net.edges].sort((x, y) => y.count - x.count).slice(0, 30);
  const maxCount = Math.max(1, ...edges.map((e) => e.count));
  for (const e of edges) {
    const p = pos.get(e.source), q = pos.get(e.target);
    if (!p || !q) continue;
    const dx = q.x - p.x, dy = q.y - p.y, len = Math.hypot(dx, dy) || 1;
    const ux = dx / len, uy = dy / len;
    // bend to the right of the direction of travel: a→b and b→a become two separate arcs
    const mx = (p.x + q.x) / 2 - uy * 26, my = (p.y + q.y) / 2 + ux * 26;
    const sx = p.x + ux * p.r, sy = p.y + uy * p.r, tx = q.x - ux * (q.r + 2), ty = q.y - uy * (q.r + 2);
    const color = edgeColor(e.goldstein_mean);
    const gm = e.goldstein_mean === null ? '–' : e.goldstein_mean.toFixed(1);
    const names = new Map(net.nodes.map((n) => [n.id, n.name]));
    const path = s('path', {
      class: 'edge', d: `M${sx},${sy} Q${mx},${my} ${tx},${ty}`, fill: 'none', stroke: color, 'stroke-opacity': 0.75,
      'stroke-width': 1 + 6 * Math.sqrt(e.count / maxCount), 'marker-end': `url(#arrow-${color.slice(1)})`,
      'data-source': e.source, 'data-target': e.target,
    }, s('title', {}, `${names.get(e.source)} → ${names.get(e.target)}: ${e.count} events, mean Goldstein ${gm} (click for the events)`));
    if (onEdge) path.addEventListener('click', () => onEdge(e));
    svg.append(path);
  }
  for (const n of net.nodes) {
    const p = pos.get(n.id);
    const right = Math.cos(p.a) >= 0;
    const g = s('g', { class: 'node', 'data-id': n.id, tabindex: 0 },
      s('circle', { cx: p.x, cy: p.y, r: p.r, fill: '#1f5fa8', 'fill-opacity': 0.85 }),
      s('text', { x: p.x + (right ? 1 : -1) * (p.r + 5), y: p.y + 4, 'text-anchor': right ? 'start' : 'end', 'font-size': 12, fill: '#1d232b' }, n.name.length > 24 ? `${n.name.slice(0, 23)}…` : n.name),
      s('title', {}, `${n.name} (${n.code}): ${n.events} events, ${n.as_actor} as actor, ${n.as_recipient} as recipient`));
    if (onNode) {
      g.addEventListener('click', () => onNode(n));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onNode(n); });
    }
    svg.append(g);
  }
  return svg;
}

export function networkLegend() {
  return h('div', { class: 'legend' },
    h('span', {}, h('span', { class: 'sw q2' }), 'mostly cooperative'),
    h('span', {}, h('span', { class: 'sw q4' }), 'mostly conflictual'),
    h('span', {}, h('span', { class: 'sw grey' }), 'mixed'),
    h('span', {}, 'arrow = who acted on whom; width = events (30 strongest links); click an actor or an arrow for its events'));
}
