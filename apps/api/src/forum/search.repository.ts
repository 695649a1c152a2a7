import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { HEADLINE_TEXT_LENGTH, searchableText, type SearchQuery } from '#libs/content';
import type { Role } from '#libs/contracts';
import type { AuthorKind } from '#libs/policy';

export interface SearchHitRow {
  post_id: string;
  thread_id: string;
  title: string;
  author_kind: AuthorKind;
  author_id: string | null;
  alias: string | null;
  username: string | null;
  display_name: string | null;
  role: Role | null;
  anon_hash: Buffer | null;
  content_warning: string | null;
  created_at: Date;
  rank: number;
  snippet: string;
}

/**
 * A search is a read any guest can start, so it gets a short statement timeout of its own. (PGlite,
 * the embedded database, cannot cancel a statement; there the bounds on the query and on the
 * headline text are what keep it cheap: decision 0015.)
 */
const SEARCH_TIMEOUT_MS = 1_000;

/**
 * A search ranks the newest this many matches, not all of them: a common word matches tens of
 * thousands of posts, and ranking each costs reading its whole index entry (decision 0043).
 */
export const CANDIDATES = 1_000;

/**
 * The newest this many posts are where a search looks first; only when they hold fewer than
 * CANDIDATES matches does it look through all of them (decision 0043).
 */
export const NEWEST_WINDOW = 50_000;

// ts_headline marks matches with these control characters, which stored text never holds
// (htmlToText strips them); the snippet is escaped and then they become <mark>.
export const MATCH_START = '\u0001';
export const MATCH_STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** A LIKE pattern that finds `word` anywhere, its own % and _ taken literally. */
const anywhere = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Candidate {
  id: string;
  rank: number;
}

/** Best first (rank, then id, both descending, as the cursor reads them), after the keyset `after`. */
function bestAfter(candidates: Candidate[], after: [number, string] | null): Candidate[] {
  const below = (c: Candidate) => !after || c.rank < after[0] || (c.rank === after[0] && c.id < after[1]);
  return candidates.filter(below).sort((a, b) => b.rank - a.rank || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * When the newest NEWEST_WINDOW posts began; null while there are fewer (then every search looks
   * through all of them). An index-only walk of the newest posts.
   */
  async newestWindowStart(): Promise<{ start: Date | null }> {
    const [row]: { start: Date | null; n: number }[] = await this.db.query(
      `SELECT min(created_at) AS start, count(*)::int AS n
       FROM (SELECT created_at FROM posts ORDER BY created_at DESC LIMIT $1) newest`,
      [NEWEST_WINDOW],
    );
    return { start: row.n < NEWEST_WINDOW ? null : row.start };
  }

  /**
   * Published posts in published threads of the categories in `visibilities` that match, best
   * first among the newest CANDIDATES matches, after the (rank, id) keyset `after`. The candidates
   * come from the posts since `windowStart` when those hold enough matches (a common word), else
   * from all of them: the same candidates either way. Headlines come from the start of each hit's
   * text made parser-safe, and highlight the query's words without its phrases, so their cost is
   * bounded.
   */
  search(
    visibilities: string[],
    query: SearchQuery,
    after: [number, string] | null,
    limit: number,
    windowStart: Date | null,
  ): Promise<SearchHitRow[]> {
    return this.db.transaction(async (tx) => {
      // Compiling a plan costs more than any search here runs; a post's row is read from memory,
      // so looking up 1,000 threads by key is cheaper than reading all threads, as the planner
      // assumes at the default random_page_cost; under load a parallel worker only adds a process; and
      // the best plan depends on how common the words are, so a prepared search is planned for its own
      // (decision 0047).
      await tx.query(
        `SET LOCAL statement_timeout = ${SEARCH_TIMEOUT_MS}; SET LOCAL jit = off; SET LOCAL random_page_cost = 1.1; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_custom_plan`,
      );
      let candidates = windowStart ? await this.candidates(tx, visibilities, query, windowStart) : [];
      if (candidates.length < CANDIDATES) candidates = await this.candidates(tx, visibilities, query, null);
      const page = bestAfter(candidates, after).slice(0, limit);
      if (page.length === 0) return [];
      const rows: (Omit<SearchHitRow, 'snippet' | 'rank'> & { excerpt: string })[] = await tx.query(
        `SELECT p.id AS post_id, p.thread_id, t.title, p.author_kind, p.author_id, p.alias, u.username, u.display_name,
                u.role, p.anon_hash, p.content_warning, p.created_at, left(p.body_text, $2) AS excerpt
         FROM posts p
         JOIN threads t ON t.id = p.thread_id
         LEFT JOIN users u ON u.id = p.author_id
         WHERE p.id = ANY($1::uuid[])`,
        [page.map((c) => c.id), HEADLINE_TEXT_LENGTH],
      );
      const byId = new Map(rows.map((r) => [r.post_id, r]));
      const hits = page.flatMap((c) => {
        const row = byId.get(c.id);
        return row ? [{ ...row, rank: c.rank }] : [];
      });
      if (hits.length === 0) return [];
      const headlines: { snippet: string }[] = await tx.query(
        `SELECT ts_headline('norwegian', excerpt, websearch_to_tsquery('norwegian', $1), $2) AS snippet
         FROM unnest($3::text[]) WITH ORDINALITY AS hit(excerpt, n)
         ORDER BY n`,
        [query.highlight, HEADLINE_OPTIONS, hits.map((h) => searchableText(h.excerpt))],
      );
      return hits.map(({ excerpt: _excerpt, ...hit }, i) => ({ ...hit, snippet: headlines[i].snippet }));
    });
  }

  /**
   * The newest CANDIDATES matches the caller may read (since `since`, if given), with their rank:
   * stemmed, or with every compound word inside a longer word. The longest compound word alone is
   * what the trigram index can look up (it takes no arrays); LIKE ALL checks the rest.
   */
  private async candidates(
    tx: EntityManager,
    visibilities: string[],
    query: SearchQuery,
    since: Date | null,
  ): Promise<Candidate[]> {
    const { compound } = query;
    const longest = compound ? anywhere([...compound].sort((a, b) => b.length - a.length)[0]) : null;
    return tx.query(
      `WITH query AS (SELECT websearch_to_tsquery('norwegian', $2) AS q)
       SELECT p.id, ts_rank(p.search, query.q)::float8 AS rank FROM query, posts p
       JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
       JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
       WHERE (p.search @@ query.q OR (lower(p.body_text) LIKE $3 AND lower(p.body_text) LIKE ALL($4::text[])))
         AND p.status = 'published'
         AND ($5::timestamptz IS NULL OR p.created_at >= $5::timestamptz)
       ORDER BY p.created_at DESC, p.id DESC
       LIMIT $6`,
      [visibilities, query.match, longest, compound?.map(anywhere) ?? null, since, CANDIDATES],
    );
  }
}
