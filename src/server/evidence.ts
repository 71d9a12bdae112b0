// The evidence of stored events: the sentence each was coded from and the article it came from
// (title, URL, publication date), for "show me the sentences" over a query. A stored record keeps
// only the sentence's offsets (text_info.start/end into the article text), so the text is read
// from the stored article, once per article of the page. Used by GET /api/events?evidence=1 and
// the web UI's event table; any other reader of a Store (the CLI) can call it the same way.
import type { Store, StoredEvent } from '../store/types.js';

export interface Evidence {
  /** the evidence sentence, exactly Doc.text.slice(start, end) of its article */
  sentence: string;
  /** where the sentence starts in the article text (record spans minus this are offsets into `sentence`) */
  start: number;
  /** ingested_at: when the store saved this version of the article (ISO 8601), GDELT's DATEADDED */
  article: { id: string; title: string | null; url: string | null; published: string | null; outlet: string | null; ingested_at: string | null };
}

/** Evidence for each event (null when its article is gone, e.g. deleted between the two reads). */
export async function eventEvidence(store: Pick<Store, 'getArticle'>, events: readonly StoredEvent[]): Promise<(Evidence | null)[]> {
  const articles = new Map<string, ReturnType<Store['getArticle']>>();
  for (const e of events) if (!articles.has(e.articleId)) articles.set(e.articleId, store.getArticle(e.articleId));
  const out: (Evidence | null)[] = [];
  for (const e of events) {
    const a = await articles.get(e.articleId)!;
    if (!a) { out.push(null); continue; }
    const { start, end } = e.record.text_info;
    out.push({
      sentence: a.text.slice(start, end),
      start,
      article: {
        id: a.id, title: a.article.title ?? null, url: a.article.url ?? a.article.canonical_url ?? e.record.link ?? null,
        published: a.article.published ?? null, outlet: a.outlet, ingested_at: a.ingested_at ?? null,
      },
    });
  }
  return out;
}
