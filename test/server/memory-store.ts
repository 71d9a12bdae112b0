// A small in-memory Store for UI development and tests that must not depend on the database
// layer. It follows the Store contract loosely (no clustering across articles, naive search).
import { createHash } from 'node:crypto';
import type { CodedDoc, Entity, EventRecord } from '../../src/types.js';
import type { ActorArg, EventQuery, EventPage, Store, StoredArticle, StoredEvent, Timeline, TimelineRow, TopActor } from '../../src/store/types.js';

function matches(e: Entity, arg: ActorArg): boolean {
  const list = Array.isArray(arg) ? arg : [arg];
  return list.some((a) => a === e.country_code || a === e.id || a.toLowerCase() === e.name.toLowerCase() || a === e.code);
}
const any = (es: Entity[], arg: ActorArg) => es.some((e) => matches(e, arg));

function inRange(date: string | null, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!date) return false;
  if (since && date.slice(0, since.length) < since) return false;
  if (until && date.slice(0, until.length) > until) return false;
  return true;
}

export class MemoryStore implements Store {
  readonly kind = 'sqlite' as const;
  docs = new Map<string, { doc: CodedDoc; hash: string; at: string }>();
  private seq = 0;

  async saveDoc(doc: CodedDoc) {
    const id = createHash('sha1').update(doc.article.url ?? doc.id).digest('hex').slice(0, 12);
    const hash = createHash('sha1').update(JSON.stringify(doc.events) + doc.text).digest('hex');
    const old = this.docs.get(id);
    if (old?.hash === hash) return { status: 'unchanged' as const, articleId: id, events: 0 };
    this.docs.set(id, { doc, hash, at: new Date(Date.UTC(2026, 0, 1, 0, 0, this.seq++)).toISOString() });
    return { status: old ? ('replaced' as const) : ('stored' as const), articleId: id, events: doc.events.length };
  }

  private all(): StoredEvent[] {
    const out: StoredEvent[] = [];
    for (const [id, { doc }] of this.docs) {
      for (const r of doc.events) out.push({ key: `${id}/${r.id}`, articleId: id, outlet: doc.article.site, record: r, cluster: { id: `${id}/${r.id}`, mentions: 1, articles: 1, outlets: 1 } });
    }
    return out.sort((a, b) => (b.record.date ?? '').localeCompare(a.record.date ?? ''));
  }

  private filter(q: EventQuery): StoredEvent[] {
    return this.all().filter(({ record: r, articleId }) =>
      (!q.actor || any(r.actor, q.actor)) && (!q.recipient || any(r.recipient, q.recipient)) &&
      (!q.dyad || (any(r.actor, q.dyad[0]) && any(r.recipient, q.dyad[1])) || (any(r.actor, q.dyad[1]) && any(r.recipient, q.dyad[0]))) &&
      (!q.type || (/^\d/.test(q.type) ? r.cameo.startsWith(q.type) : (r.event ?? '').toUpperCase() === q.type.toUpperCase())) &&
      inRange(r.date, q.since, q.until) && (q.minConfidence === undefined || r.confidence >= q.minConfidence) &&
      (!q.text || q.text.toLowerCase().split(/\s+/).every((w) => r.event_text.toLowerCase().includes(w))) &&
      (!q.articleId || articleId === q.articleId));
  }

  async events(q: EventQuery = {}): Promise<EventPage> {
    const all = this.filter(q);
    const off = q.offset ?? 0, lim = q.limit ?? 50;
    return { total: all.length, events: all.slice(off, off + lim), nextCursor: off + lim < all.length ? String(off + lim) : null };
  }

  async getEvent(key: string) {
    return this.all().find((e) => e.key === key) ?? null;
  }

  async timeline(q: { a: ActorArg; b: ActorArg; by?: 'month' | 'week' | 'year'; since?: string; until?: string; minConfidence?: number }): Promise<Timeline> {
    const by = q.by ?? 'month';
    const rows = new Map<string, TimelineRow & { gs: number }>();
    let unbucketed = 0;
    for (const { record: r } of this.filter({ dyad: [q.a, q.b], since: q.since, until: q.until, minConfidence: q.minConfidence })) {
      const dir = any(r.actor, q.a) && any(r.recipient, q.b) ? 'a->b' : 'b->a';
      const len = by === 'year' ? 4 : 7;
      if (!r.date || r.date.length < len || by === 'week') { unbucketed++; continue; }
      const period = r.date.slice(0, len);
      const k = `${period}|${dir}`;
      const row = rows.get(k) ?? { period, direction: dir, count: 0, quad: { 1: 0, 2: 0, 3: 0, 4: 0 }, goldstein_mean: 0, intensity_mean: null, gs: 0 };
      row.count++;
      row.quad[r.quad_code]++;
      row.gs += r.goldstein;
      row.goldstein_mean = row.gs / row.count;
      rows.set(k, row);
    }
    const list = [...rows.values()].map(({ gs: _gs, ...r }) => r).sort((x, y) => x.period.localeCompare(y.period) || x.direction.localeCompare(y.direction));
    return { by, rows: list, unbucketed };
  }

  async topActors(q: { top?: number } = {}): Promise<TopActor[]> {
    const m = new Map<string, TopActor>();
    for (const { record: r } of this.all()) {
      const seen = new Set<string>();
      for (const [role, list] of [['a', r.actor], ['r', r.recipient]] as const) {
        for (const e of list) {
          const t = m.get(e.id) ?? { id: e.id, name: e.name, kind: e.kind, country_code: e.country_code, code: e.code, events: 0, as_actor: 0, as_recipient: 0 };
          if (!seen.has(e.id)) t.events++;
          seen.add(e.id);
          if (role === 'a') t.as_actor++; else t.as_recipient++;
          m.set(e.id, t);
        }
      }
    }
    return [...m.values()].sort((a, b) => b.events - a.events).slice(0, q.top ?? 20);
  }

  async searchSentences(q: { q: string; limit?: number; offset?: number }) {
    const words = q.q.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = [];
    for (const [id, { doc }] of this.docs) {
      for (const s of doc.sentences) {
        if (words.every((w) => s.text.toLowerCase().includes(w))) {
          let snippet = s.text;
          for (const w of words) snippet = snippet.replace(new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), (x) => `[${x}]`);
          hits.push({ articleId: id, title: doc.article.title, published: doc.article.published, sentence: s.index, text: s.text, snippet });
        }
      }
    }
    const off = q.offset ?? 0;
    return { total: hits.length, hits: hits.slice(off, off + (q.limit ?? 20)) };
  }

  async listArticles(q: { limit?: number; offset?: number } = {}) {
    const list = [...this.docs.entries()].map(([id, { doc, at }]) => ({ id, title: doc.article.title, url: doc.article.url, outlet: doc.article.site, published: doc.article.published, language: doc.article.language, events: doc.events.length, ingested_at: at }));
    list.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    const off = q.offset ?? 0;
    return { total: list.length, articles: list.slice(off, off + (q.limit ?? 50)) };
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    const d = this.docs.get(id);
    if (!d) return null;
    const { doc } = d;
    return {
      id, docId: doc.id, contentHash: d.hash, outlet: doc.article.site, ingested_at: d.at, article: doc.article, text: doc.text, refDate: doc.refDate,
      english: doc.english, messages: doc.messages, sentences: doc.sentences.map(({ tokens: _t, ...s }) => s), mentions: doc.mentions, times: doc.times,
      quotes: doc.quotes, events: this.all().filter((e) => e.articleId === id),
    };
  }

  async deleteArticle(id: string) {
    return this.docs.delete(id);
  }

  async stats() {
    const ev = this.all();
    const dates = ev.map((e) => e.record.date).filter((x): x is string => !!x).sort();
    const by_quad = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const e of ev) by_quad[e.record.quad_code]++;
    return {
      articles: this.docs.size, sentences: 0, events: ev.length, clusters: ev.length, entities: (await this.topActors({ top: 1e6 })).length, mentions: 0, quotes: 0,
      messages: 0, outlets: 0, first_date: dates[0] ?? null, last_date: dates.at(-1) ?? null, by_quad, schema_version: 0,
    };
  }

  async *allEvents() {
    yield* this.all();
  }

  async close() {}
}

export type { EventRecord };
