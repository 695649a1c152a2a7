import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

// ts_headline marks matches with these control characters, which stored text never holds
// (htmlToText strips them); the snippet is escaped and then they become <mark>.
export const MATCH_START = '\u0001';
export const MATCH_STOP = '\u0002';
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Published posts in published threads of the categories in `visibilities` that match, best
   * first among the newest CANDIDATES matches, after the (rank, id) keyset `after`. Headlines come
   * from the start of each hit's text made parser-safe, and highlight the query's words without its
   * phrases, so their cost is bounded.
   */
  search(
    visibilities: string[],
    query: SearchQuery,
    after: [number, string] | null,
    limit: number,
  ): Promise<SearchHitRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${SEARCH_TIMEOUT_MS}`);
      const hits: (Omit<SearchHitRow, 'snippet'> & { excerpt: string })[] = await tx.query(
        `WITH query AS (SELECT websearch_to_tsquery('norwegian', $2) AS q),
         candidates AS MATERIALIZED (
           SELECT p.id FROM query, posts p
           JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
           JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
           WHERE (p.search @@ query.q OR ($7::text[] IS NOT NULL AND lower(p.body_text) LIKE ALL($7::text[])))
             AND p.status = 'published'
           ORDER BY p.created_at DESC, p.id DESC
           LIMIT $8)
         SELECT p.id AS post_id, p.thread_id, t.title, p.author_kind, p.author_id, p.alias, u.username, u.display_name,
                u.role, p.anon_hash, p.content_warning, p.created_at, left(p.body_text, $6) AS excerpt, ts_rank(p.search, query.q)::float8 AS rank
         FROM query, candidates k
         JOIN posts p ON p.id = k.id
         JOIN threads t ON t.id = p.thread_id
         LEFT JOIN users u ON u.id = p.author_id
         WHERE ($3::float8 IS NULL OR (ts_rank(p.search, query.q)::float8, p.id) < ($3::float8, $4::uuid))
         ORDER BY rank DESC, p.id DESC
         LIMIT $5`,
        [
          visibilities,
          query.match,
          after?.[0] ?? null,
          after?.[1] ?? null,
          limit,
          HEADLINE_TEXT_LENGTH,
          query.compound?.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) ?? null,
          CANDIDATES,
        ],
      );
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
}
