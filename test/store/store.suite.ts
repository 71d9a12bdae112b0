// One behavioural suite for every Store implementation (run by sqlite.test.ts and postgres.test.ts).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type SqlStore } from '../../src/store/index.js';
import { kazanReport, makeDoc } from './helpers.js';

type Open = (db: string, opts?: { schemaVersion?: number }) => Promise<SqlStore>;

export function storeSuite(label: string, newDb: () => Promise<string>): void {
  const open: Open = (db, opts) => openStore(db, opts);
  const opened: SqlStore[] = [];
  async function fresh(): Promise<SqlStore> {
    const s = await open(await newDb());
    opened.push(s);
    return s;
  }

  describe(`${label} store`, () => {
    after(async () => {
      for (const s of opened) await s.close().catch(() => undefined);
    });

    it('migrates an empty database to the latest schema and records each migration', async () => {
      const s = await fresh();
      const rows = await s.db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => Number(r.version)), [1, 2, 3, 4, 5, 6]);
      assert.equal((await s.stats()).schema_version, 6);
      assert.equal(await s.schemaVersion(), 6);
    });

    it('upgrades a schema-5 database: the unused mentions_entity index is dropped, mentions still read back', async () => {
      const db = await newDb();
      const v5 = await open(db, { schemaVersion: 5 });
      const hasIndex = async (s: SqlStore) => (label === 'sqlite'
        ? await s.db.get("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'mentions_entity'")
        : await s.db.get("SELECT indexname FROM pg_indexes WHERE indexname = 'mentions_entity' AND schemaname = current_schema()")) !== undefined;
      assert.equal(await hasIndex(v5), true);
      const r = await v5.saveDoc(kazanReport('m5', 'https://one.example/m5', 'One', '2026-03-02'));
      await v5.close();
      const v6 = await open(db);
      opened.push(v6);
      assert.equal(await v6.schemaVersion(), 6);
      assert.equal(await hasIndex(v6), false);
      assert.deepEqual((await v6.getArticle(r.articleId))!.mentions.map((m) => m.entity?.id), ['RUS', 'org/taliban']);
    });

    it("keeps an entity's latest description (an unchanged one is not rewritten)", async () => {
      const s = await fresh();
      const entity = async () => s.db.get<{ name: string; office: string | null; code: string }>("SELECT name, office, code FROM entities WHERE id = 'person/sergei-lavrov'");
      const doc = (id: string, day: string) => makeDoc({
        id, url: `https://one.example/${id}`, site: 'One', published: day,
        sentences: [`Sergei Lavrov met Taliban envoys (sample report ${id}).`],
        events: [{ actor: ['LAV'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: day, sentence: 0, trigger: 'met' }],
      });
      assert.equal((await s.saveDoc(doc('l1', '2026-03-01'))).status, 'stored');
      assert.deepEqual({ ...(await entity()) }, { name: 'Sergei Lavrov', office: 'Foreign Minister', code: 'RUSGOV' });
      // rewrites of the row: SQLite counts them with a temporary trigger, PostgreSQL gives the row's
      // version (xmin changes on every UPDATE, not on a conflict the WHERE leaves alone)
      if (label === 'sqlite') {
        await s.db.exec('CREATE TEMP TABLE entity_writes (id TEXT); CREATE TEMP TRIGGER entity_writes_au AFTER UPDATE ON entities BEGIN INSERT INTO entity_writes VALUES (new.id); END;');
      }
      const version = async () => label === 'sqlite'
        ? String((await s.db.get<{ n: number }>("SELECT count(*) AS n FROM entity_writes WHERE id = 'person/sergei-lavrov'"))!.n)
        : (await s.db.get<{ x: string }>("SELECT xmin::text AS x FROM entities WHERE id = 'person/sergei-lavrov'"))!.x;
      const v0 = await version();
      // the same description again: the row is not rewritten
      assert.equal((await s.saveDoc(doc('l0', '2026-03-01'))).status, 'stored');
      assert.equal(await version(), v0, 'an unchanged description is not rewritten');
      const withoutOffice = (id: string, day: string) => {
        const d = doc(id, day);
        for (const e of [...d.mentions.map((m) => m.entity), ...d.events[0]!.actor]) if (e?.id === 'person/sergei-lavrov') e.office = null;
        return d;
      };
      // in one batch the later document's description wins
      assert.deepEqual((await s.saveDocs([withoutOffice('l2', '2026-03-02'), doc('l3', '2026-03-03')])).map((r) => r.status), ['stored', 'stored']);
      assert.deepEqual({ ...(await entity()) }, { name: 'Sergei Lavrov', office: 'Foreign Minister', code: 'RUSGOV' });
      assert.notEqual(await version(), v0, 'a changed description is written');
      assert.equal((await s.saveDoc(withoutOffice('l4', '2026-03-04'))).status, 'stored');
      assert.deepEqual({ ...(await entity()) }, { name: 'Sergei Lavrov', office: null, code: 'RUSGOV' });
      assert.equal((await s.stats()).entities, 2);
    });

    it('stores a coded document and gives back every annotation with exact spans', async () => {
      const s = await fresh();
      const doc = kazanReport('sample-1', 'https://www.example.org/news/1', 'Example Times', '2026-05-12');
      const r = await s.saveDoc(doc);
      assert.equal(r.status, 'stored');
      assert.equal(r.events, 1);
      const a = await s.getArticle(r.articleId);
      assert.ok(a);
      assert.equal(a.text, doc.text);
      assert.equal(a.article.title, doc.article.title);
      assert.equal(a.outlet, 'Example Times');
      assert.equal(a.sentences.length, 2);
      for (const x of a.sentences) assert.equal(a.text.slice(x.start, x.end), x.text);
      assert.deepEqual(a.mentions, doc.mentions);
      for (const m of a.mentions) assert.equal(a.text.slice(m.start, m.end), m.text);
      assert.deepEqual(a.messages, doc.messages);
      assert.equal(a.events.length, 1);
      assert.deepEqual(a.events[0]!.record, doc.events[0]);
      const t = a.events[0]!.record.text_info.trigger;
      assert.equal(a.text.slice(t.start, t.end), 'met');
      assert.equal((await s.getEvent(a.events[0]!.key))!.record.id, doc.events[0]!.id);
      assert.equal(await s.getEvent('nope'), null);
    });

    it('stores the same article once (content hash), even under another id', async () => {
      const s = await fresh();
      const doc = kazanReport('x', 'https://example.org/a', 'Example', '2026-05-12');
      const first = await s.saveDoc(doc);
      const again = await s.saveDoc(doc);
      assert.equal(again.status, 'unchanged');
      assert.equal(again.articleId, first.articleId);
      const copy = await s.saveDoc({ ...doc, id: 'copy.txt' });
      assert.equal(copy.status, 'unchanged');
      const st = await s.stats();
      assert.equal(st.articles, 1);
      assert.equal(st.events, 1);
    });

    it('replaces a changed version of the same URL in one step', async () => {
      const s = await fresh();
      const v1 = kazanReport('v1', 'https://example.org/story', 'Example', '2026-05-12');
      const r1 = await s.saveDoc(v1);
      const v2 = makeDoc({
        id: 'v2', url: 'https://example.org/story#update', site: 'Example', published: '2026-05-12', title: 'Updated',
        sentences: ['Russia met Taliban envoys in Kazan, officials said.', 'Russia later criticised Ukraine in a statement.'],
        events: [
          { actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: '2026-05-12', sentence: 0, trigger: 'met' },
          { actor: ['RUS'], recipient: ['UKR'], event: 'DISAPPROVE', cameo: '111', quad: 3, goldstein: -2, date: '2026-05-12', sentence: 1, trigger: 'criticised' },
        ],
      });
      const r2 = await s.saveDoc(v2);
      assert.equal(r2.status, 'replaced');
      assert.equal(r2.articleId, r1.articleId);
      const st = await s.stats();
      assert.equal(st.articles, 1);
      assert.equal(st.events, 2);
      assert.equal(st.sentences, 2);
      const a = await s.getArticle(r1.articleId);
      assert.equal(a!.article.title, 'Updated');
      assert.equal((await s.events({ dyad: ['RUS', 'Taliban'] })).total, 1);
      assert.equal((await s.events({ actor: 'RUS', recipient: 'UKR' })).total, 1);
      // the full-text index follows the new version: its sentences only
      assert.equal((await s.searchSentences({ q: 'criticised' })).total, 1);
      assert.equal((await s.searchSentences({ q: 'meetings covered' })).total, 0);
      assert.equal((await s.searchSentences({ q: 'Kazan' })).total, 1);
    });

    it('leaves nothing half written when an article fails mid-transaction', async () => {
      const s = await fresh();
      await s.saveDoc(kazanReport('ok', 'https://example.org/ok', 'Example', '2026-05-12'));
      const before = await s.stats();
      const bad = makeDoc({
        id: 'bad', url: 'https://example.org/bad', site: 'Other', published: '2026-05-13',
        sentences: ['Russia met Taliban envoys again.', 'Ukraine criticised Russia.'],
        events: [
          { actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: '2026-05-13', sentence: 0, trigger: 'met' },
          { actor: ['UKR'], recipient: ['RUS'], event: 'DISAPPROVE', cameo: '111', quad: 3, goldstein: -2, date: '2026-05-13', sentence: 1, trigger: 'criticised' },
        ],
      });
      // The second record violates the schema (cameo is NOT NULL): the insert fails after the
      // article, sentences, mentions and the first event's rows were already written.
      (bad.events[1] as { cameo: unknown }).cameo = null;
      await assert.rejects(s.saveDoc(bad));
      const after = await s.stats();
      assert.deepEqual(after, before);
      assert.equal((await s.listArticles()).total, 1);
      assert.equal((await s.searchSentences({ q: 'again' })).total, 0);
      // The store is still usable.
      assert.equal((await s.saveDoc(kazanReport('ok2', 'https://example.org/ok2', 'Other', '2026-05-13'))).status, 'stored');
    });

    it('saves a batch in one transaction, rolling back only the document that fails', async () => {
      const s = await fresh();
      const good1 = kazanReport('b1', 'https://one.example/b1', 'One', '2026-04-01');
      const bad = kazanReport('b2', 'https://two.example/b2', 'Two', '2026-04-02');
      (bad.events[0] as { cameo: unknown }).cameo = null;
      const good2 = kazanReport('b3', 'https://three.example/b3', 'Three', '2026-04-02');
      const r = await s.saveDocs([good1, bad, good2, good1]);
      assert.deepEqual(r.map((x) => x.status), ['stored', 'failed', 'stored', 'unchanged']);
      assert.equal(r[1]!.status === 'failed' && r[1]!.docId, 'b2');
      const st = await s.stats();
      assert.equal(st.articles, 2);
      assert.equal(st.events, 2);
      assert.equal(st.clusters, 1);
      assert.equal((await s.searchSentences({ q: 'b2' })).total, 0);
    });

    it('links reports of the same real-world event into one cluster with mention, article and outlet counts', async () => {
      const s = await fresh();
      await s.saveDoc(kazanReport('a', 'https://one.example/a', 'One', '2026-05-12'));
      await s.saveDoc(kazanReport('b', 'https://two.example/b', 'Two', '2026-05-14'));
      await s.saveDoc(kazanReport('c', 'https://two.example/c', 'Two', '2026-05-11'));
      // Outside the ±3 day window, negated, a different type or another place: separate events.
      await s.saveDoc(kazanReport('d', 'https://one.example/d', 'One', '2026-05-25'));
      await s.saveDoc(kazanReport('e', 'https://one.example/e', 'One', '2026-05-12', { negated: true, trigger: 'met' }));
      await s.saveDoc(kazanReport('f', 'https://one.example/f', 'One', '2026-05-12', { event: 'AGREE', cameo: '057', trigger: 'met' }));
      await s.saveDoc(kazanReport('g', 'https://three.example/g', 'Three', '2026-05-13', { loc: { name: 'Kabul', country_code: 'AFG' } }));
      const page = await s.events({ dyad: ['RUS', 'Taliban'], limit: 100 });
      assert.equal(page.total, 7);
      const byDoc = new Map(page.events.map((e) => [e.record.doc_id, e]));
      const c = byDoc.get('a')!.cluster;
      assert.equal(byDoc.get('b')!.cluster.id, c.id);
      assert.equal(byDoc.get('c')!.cluster.id, c.id);
      assert.deepEqual({ m: c.mentions, a: c.articles, o: c.outlets }, { m: 3, a: 3, o: 2 });
      for (const d of ['d', 'e', 'f', 'g']) assert.notEqual(byDoc.get(d)!.cluster.id, c.id, d);
      assert.equal((await s.events({ clusterId: c.id })).total, 3);
      assert.equal((await s.stats()).clusters, 5);
      // Each report keeps its own evidence.
      assert.equal(new Set((await s.events({ clusterId: c.id })).events.map((e) => e.record.event_text)).size, 3);
      // Removing a report recounts its cluster.
      assert.ok(await s.deleteArticle(byDoc.get('b')!.articleId));
      const after = (await s.events({ clusterId: c.id })).events[0]!.cluster;
      assert.deepEqual({ m: after.mentions, a: after.articles, o: after.outlets }, { m: 2, a: 2, o: 2 });
      assert.equal(await s.deleteArticle('missing'), false);
    });

    describe('queries', () => {
      let s: SqlStore;
      before(async () => {
        s = await fresh();
        const docs = [
          makeDoc({
            id: 'q1', url: 'https://one.example/q1', site: 'One', published: '2026-01-10',
            sentences: ['Russia met Taliban delegates in Moscow.', 'Ukraine condemned Russia over the shelling.', 'Sergei Lavrov praised Taliban cooperation.'],
            events: [
              { actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, intensity: 1, date: '2026-01-08', sentence: 0, trigger: 'met', confidence: 0.9 },
              { actor: ['UKR'], recipient: ['RUS'], event: 'DISAPPROVE', cameo: '112', quad: 3, goldstein: -2, intensity: -2, date: '2026-01-09', sentence: 1, trigger: 'condemned', confidence: 0.7 },
              { actor: ['LAV'], recipient: ['TAL'], event: null, cameo: '051', quad: 1, goldstein: 3.4, intensity: null, date: '2026-01-10', sentence: 2, trigger: 'praised', confidence: 0.4 },
            ],
          }),
          makeDoc({
            id: 'q2', url: 'https://two.example/q2', site: 'Two', published: '2026-02-20',
            sentences: ['Taliban officials accused Russia of delays.', 'Russia attacked Ukraine positions overnight.', 'Russia met Taliban leaders last month.'],
            events: [
              { actor: ['TAL'], recipient: ['RUS'], event: 'ACCUSE', cameo: '112', quad: 3, goldstein: -2, intensity: -3, date: '2026-02-19', sentence: 0, trigger: 'accused' },
              { actor: ['RUS'], recipient: ['UKR'], event: 'ASSAULT', cameo: '190', quad: 4, goldstein: -10, intensity: -9, date: '2026-02-20', sentence: 1, trigger: 'attacked' },
              { actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, intensity: 1, date: '2026-01', precision: 'month', sentence: 2, trigger: 'met' },
            ],
          }),
          makeDoc({
            id: 'q3', url: null, site: null, published: '2025-12-01',
            sentences: ['The United States and Russia did not meet.', 'No date here: Russia met Taliban envoys.'],
            events: [
              { actor: ['USA'], recipient: ['RUS'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: '2025-12-01', sentence: 0, trigger: 'meet', negated: true },
              { actor: ['RUS'], recipient: ['TAL'], event: 'CONSULT', cameo: '040', quad: 1, goldstein: 1, date: null, sentence: 1, trigger: 'met' },
            ],
          }),
        ];
        for (const d of docs) assert.equal((await s.saveDoc(d)).status, 'stored');
      });

      it('filters by actor given as country code, name or entity id', async () => {
        assert.equal((await s.events({ actor: 'RUS' })).total, 5);
        assert.equal((await s.events({ actor: 'rus' })).total, 5);
        assert.equal((await s.events({ actor: 'Russia' })).total, 5);
        assert.equal((await s.events({ actor: 'person/sergei-lavrov' })).total, 1);
        assert.equal((await s.events({ actor: 'Sergei Lavrov' })).total, 1);
        assert.equal((await s.events({ actor: 'Taliban' })).total, 1);
        assert.equal((await s.events({ actor: 'AFG' })).total, 1);
        assert.equal((await s.events({ recipient: 'Taliban' })).total, 4);
        assert.equal((await s.events({ actor: ['UKR', 'USA'] })).total, 2);
        assert.equal((await s.events({ actor: 'Nowhere' })).total, 0);
      });

      it('filters by dyad in both directions, type, dates, confidence and text', async () => {
        const d = await s.events({ dyad: ['RUS', 'Taliban'] });
        // RUS→TAL ×3 (+ Lavrov's, via his country), TAL→RUS ×1
        assert.equal(d.total, 5);
        assert.equal((await s.events({ dyad: ['Ukraine', 'RUS'] })).total, 2);
        assert.equal((await s.events({ type: 'consult' })).total, 4);
        assert.equal((await s.events({ type: '11' })).total, 2);
        assert.equal((await s.events({ type: '051' })).total, 1);
        // Dates overlap the range: the month-precision "2026-01" event is kept.
        assert.equal((await s.events({ since: '2026-01-09' })).total, 5);
        assert.equal((await s.events({ since: '2026-02' })).total, 2);
        assert.equal((await s.events({ until: '2026-01' })).total, 5);
        assert.equal((await s.events({ since: '2026-01-01', until: '2026-01-31' })).total, 4);
        assert.equal((await s.events({ minConfidence: 0.75 })).total, 6);
        assert.equal((await s.events({ text: 'shelling' })).total, 1);
        assert.equal((await s.events({ text: 'Taliban leaders', actor: 'RUS' })).total, 1);
      });

      it('orders by date (undated last) and pages by offset and by cursor', async () => {
        const all = await s.events({ limit: 100 });
        assert.equal(all.total, 8);
        assert.equal(all.nextCursor, null);
        const dates = all.events.map((e) => e.record.date ?? '');
        assert.deepEqual(dates, [...dates].sort().reverse());
        assert.equal(all.events[all.events.length - 1]!.record.date, null);
        const p2 = await s.events({ limit: 3, offset: 3 });
        assert.deepEqual(p2.events.map((e) => e.key), all.events.slice(3, 6).map((e) => e.key));
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 10; i++) {
          const p = await s.events({ limit: 3, cursor });
          assert.equal(p.total, 8);
          seen.push(...p.events.map((e) => e.key));
          if (!p.nextCursor) break;
          cursor = p.nextCursor;
        }
        assert.deepEqual(seen, all.events.map((e) => e.key));
        await assert.rejects(s.events({ cursor: 'garbage' }), /invalid cursor/);
      });

      it('pages a dyad the same way by offset and by cursor, with date and confidence filters', async () => {
        const all = await s.events({ dyad: ['RUS', 'Taliban'], limit: 100 });
        assert.equal(all.total, 5);
        const dates = all.events.map((e) => e.record.date ?? '');
        assert.deepEqual(dates, [...dates].sort().reverse());
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 10; i++) {
          const p = await s.events({ dyad: ['RUS', 'Taliban'], limit: 2, cursor });
          assert.equal(p.total, 5);
          seen.push(...p.events.map((e) => e.key));
          if (!p.nextCursor) break;
          cursor = p.nextCursor;
        }
        assert.deepEqual(seen, all.events.map((e) => e.key));
        assert.deepEqual((await s.events({ dyad: ['RUS', 'Taliban'], limit: 2, offset: 2 })).events.map((e) => e.key), seen.slice(2, 4));
        assert.equal((await s.events({ dyad: ['RUS', 'Taliban'], since: '2026-01-09' })).total, 3);
        assert.equal((await s.events({ dyad: ['RUS', 'Taliban'], until: '2026-01-08' })).total, 2);
        assert.equal((await s.events({ dyad: ['RUS', 'Taliban'], minConfidence: 0.75 })).total, 4);
        // The same filters through the general path (a type filter) agree.
        assert.equal((await s.events({ dyad: ['RUS', 'Taliban'], type: 'CONSULT', minConfidence: 0.75 })).total, 3);
      });

      it('aggregates a dyad timeline per period and direction', async () => {
        const t = await s.timeline({ a: 'Russia', b: 'Taliban', by: 'month' });
        assert.deepEqual(t.rows, [
          { period: '2026-01', direction: 'a->b', count: 3, quad: { 1: 3, 2: 0, 3: 0, 4: 0 }, goldstein_mean: 1.8, intensity_mean: 1 },
          { period: '2026-02', direction: 'b->a', count: 1, quad: { 1: 0, 2: 0, 3: 1, 4: 0 }, goldstein_mean: -2, intensity_mean: -3 },
        ]);
        assert.equal(t.unbucketed, 1);
        const w = await s.timeline({ a: 'RUS', b: 'Taliban', by: 'week' });
        assert.deepEqual(w.rows.map((r) => [r.period, r.direction, r.count]), [['2026-W02', 'a->b', 2], ['2026-W08', 'b->a', 1]]);
        assert.equal(w.unbucketed, 2);
        const y = await s.timeline({ a: 'UKR', b: 'RUS', by: 'year' });
        assert.deepEqual(y.rows.map((r) => [r.period, r.direction, r.count, r.goldstein_mean]), [['2026', 'a->b', 1, -2], ['2026', 'b->a', 1, -10]]);
        const none = await s.timeline({ a: 'USA', b: 'UKR' });
        assert.deepEqual(none.rows, []);
      });

      it('lists top actors', async () => {
        const top = await s.topActors({ top: 3 });
        assert.equal(top[0]!.id, 'RUS');
        assert.equal(top[0]!.name, 'Russia');
        assert.equal(top[0]!.events, 7);
        assert.equal(top[0]!.as_actor, 4);
        assert.equal(top[0]!.as_recipient, 3);
        assert.equal(top[1]!.id, 'org/taliban');
        assert.equal(top.length, 3);
        const rec = await s.topActors({ role: 'recipient', since: '2026-02-01' });
        assert.deepEqual(rec.map((r) => [r.id, r.events]), [['RUS', 1], ['UKR', 1]]);
      });

      it('top actors: an id\'s code as it is most often coded, not as last stored', async () => {
        const t = await fresh();
        for (const [i, day] of ['2026-03-02', '2026-03-09', '2026-03-16'].entries()) await t.saveDoc(kazanReport(`k${i}`, `https://k.example/${i}`, 'K', day));
        // the last article codes the state's id as its civilians (a sample of what the recogniser can give)
        const odd = kazanReport('k3', 'https://k.example/3', 'K', '2026-03-23');
        odd.events[0]!.actor = odd.events[0]!.actor.map((e) => ({ ...e, kind: 'group' as const, sector: 'CVL', code: 'RUSCVL' }));
        await t.saveDoc(odd);
        const top = await t.topActors({ top: 2 });
        assert.deepEqual(top.map((a) => [a.id, a.code, a.kind, a.events]), [['RUS', 'RUS', 'state', 4], ['org/taliban', 'AFGREB', 'armed_group', 4]]);
        // within a filter, the events it keeps decide
        const late = await t.topActors({ role: 'actor', since: '2026-03-20' });
        assert.deepEqual(late.map((a) => [a.id, a.code, a.kind]), [['RUS', 'RUSCVL', 'group']]);
      });

      it('searches sentences with stemming and snippets', async () => {
        const r = await s.searchSentences({ q: 'meeting' });
        // "met" is not a stem of "meet": only the negated sentence's "meet" matches.
        assert.equal(r.total, 1);
        assert.match(r.hits[0]!.snippet, /\[meet\]/);
        const c = await s.searchSentences({ q: 'condemn shelling' });
        assert.equal(c.total, 1);
        assert.equal(c.hits[0]!.sentence, 1);
        assert.equal(c.hits[0]!.text, 'Ukraine condemned Russia over the shelling.');
        const phrase = await s.searchSentences({ q: '"Taliban leaders"' });
        assert.equal(phrase.total, 1);
        assert.equal((await s.searchSentences({ q: 'Taliban' })).total, 5);
        assert.equal((await s.searchSentences({ q: 'Taliban', limit: 2, offset: 4 })).hits.length, 1);
        assert.equal((await s.searchSentences({ q: 'zzzunknown' })).total, 0);
        // Punctuation is never query syntax.
        assert.equal((await s.searchSentences({ q: 'Russia" OR (NEAR' })).total >= 0, true);
      });

      it('lists articles newest first, reports stats and streams every event', async () => {
        const l = await s.listArticles();
        assert.equal(l.total, 3);
        assert.deepEqual(l.articles.map((a) => [a.published, a.events]), [['2026-02-20', 3], ['2026-01-10', 3], ['2025-12-01', 2]]);
        const st = await s.stats();
        assert.equal(st.events, 8);
        assert.equal(st.articles, 3);
        assert.equal(st.outlets, 2);
        assert.equal(st.first_date, '2025-12-01');
        assert.equal(st.last_date, '2026-02-20');
        assert.deepEqual(st.by_quad, { 1: 5, 2: 0, 3: 2, 4: 1 });
        const keys: string[] = [];
        for await (const e of s.allEvents(3)) keys.push(e.key);
        assert.equal(keys.length, 8);
      });
    });

    it('upgrades a schema-2 database: moves event records to their own table', async () => {
      const db = await newDb();
      const v2 = await open(db, { schemaVersion: 2 });
      assert.equal(await v2.schemaVersion(), 2);
      const d = kazanReport('s2', 'https://one.example/s2', 'One', '2026-03-02');
      const r = d.events[0]!;
      await v2.db.run(`INSERT INTO articles (id, doc_id, url_key, content_hash, url, canonical_url, outlet, published, title, language, ref_date, english, text, metadata, times, ingested_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['old-s2', d.id, 'url:' + d.article.url, 'hash-s2', d.article.url, d.article.url, 'One', d.article.published, d.article.title, 'en', d.refDate, 1, d.text, JSON.stringify({ ...d.article, body: undefined }), '[]', '2026-03-04T00:00:00Z']);
      const ins = await v2.db.get<{ pk: number }>(`INSERT INTO events (key, article_id, record_id, outlet, sentence, date, date_precision, day_sort, event, cameo, quad, goldstein, intensity, confidence, negated, modality, record, cluster_id, sig)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
        ['old-s2/e1', 'old-s2', r.id, 'One', 0, r.date, r.date_precision, r.date, r.event, r.cameo, r.quad_code, r.goldstein, r.intensity, r.confidence, 0, r.modality, JSON.stringify(r), 'old-s2/e1', null]);
      await v2.db.run('INSERT INTO event_actors (event_pk, role, pos, entity_id, country_code, sector, code, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [Number(ins!.pk), 'actor', 0, 'RUS', 'RUS', null, 'RUS', 'Russia']);
      await v2.close();
      const v3 = await open(db);
      opened.push(v3);
      assert.equal(await v3.schemaVersion(), 6);
      assert.deepEqual((await v3.getEvent('old-s2/e1'))!.record, r);
      const page = await v3.events({ actor: 'RUS' });
      assert.equal(page.total, 1);
      assert.deepEqual(page.events[0]!.record, r);
      assert.equal((await v3.getArticle('old-s2'))!.events.length, 1);
    });

    it('upgrades a schema-1 database: backfills dyads and clusters', async () => {
      const db = await newDb();
      const v1 = await open(db, { schemaVersion: 1 });
      assert.equal(await v1.schemaVersion(), 1);
      // Write rows the way schema 1 holds them (no cluster, no dyad index).
      const docs = [kazanReport('old1', 'https://one.example/o1', 'One', '2026-03-02'), kazanReport('old2', 'https://two.example/o2', 'Two', '2026-03-03')];
      for (const [i, d] of docs.entries()) {
        const aid = `old-${i}`;
        await v1.db.run(`INSERT INTO articles (id, doc_id, url_key, content_hash, url, canonical_url, outlet, published, title, language, ref_date, english, text, metadata, times, ingested_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [aid, d.id, 'url:' + d.article.url, 'hash' + i, d.article.url, d.article.url, d.article.site, d.article.published, d.article.title, 'en', d.refDate, 1, d.text, JSON.stringify({ ...d.article, body: undefined }), '[]', '2026-03-04T00:00:00Z']);
        const r = d.events[0]!;
        const ins = await v1.db.get<{ pk: number }>(`INSERT INTO events (key, article_id, record_id, outlet, sentence, date, date_precision, day_sort, event, cameo, quad, goldstein, intensity, confidence, negated, modality, record)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk`,
          [`${aid}/${r.id}`, aid, r.id, d.article.site, 0, r.date, r.date_precision, r.date, r.event, r.cameo, r.quad_code, r.goldstein, r.intensity, r.confidence, 0, r.modality, JSON.stringify(r)]);
        const pk = Number(ins!.pk);
        await v1.db.run('INSERT INTO event_actors (event_pk, role, pos, entity_id, country_code, sector, code, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [pk, 'actor', 0, 'RUS', 'RUS', null, 'RUS', 'Russia']);
        await v1.db.run('INSERT INTO event_actors (event_pk, role, pos, entity_id, country_code, sector, code, name) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [pk, 'recipient', 0, 'org/taliban', 'AFG', 'REB', 'AFGREB', 'Taliban']);
      }
      await v1.close();
      const v2 = await open(db);
      opened.push(v2);
      assert.equal(await v2.schemaVersion(), 6);
      const page = await v2.events({ dyad: ['RUS', 'AFG'] });
      assert.equal(page.total, 2);
      assert.equal(page.events[0]!.cluster.id, page.events[1]!.cluster.id);
      assert.deepEqual([page.events[0]!.cluster.mentions, page.events[0]!.cluster.outlets], [2, 2]);
      const t = await v2.timeline({ a: 'RUS', b: 'org/taliban' });
      assert.deepEqual(t.rows.map((r) => [r.period, r.count]), [['2026-03', 2]]);
      // New reports link to the backfilled cluster.
      await v2.saveDoc(kazanReport('new', 'https://three.example/n', 'Three', '2026-03-04'));
      const c = (await v2.events({ dyad: ['RUS', 'AFG'] })).events[0]!.cluster;
      assert.deepEqual([c.mentions, c.articles, c.outlets], [3, 3, 3]);
    });
  });
}
