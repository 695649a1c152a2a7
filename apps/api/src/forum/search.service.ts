import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { escapeHtml } from '#libs/content';
import type { Role } from '#libs/contracts';
import type { AuthorKind, Policy } from '#libs/policy';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { SearchHitDto } from './dto/search.dto.js';
import { toAuthor } from './forum.mappers.js';

interface HitRow {
  post_id: string;
  thread_id: string;
  title: string;
  author_kind: AuthorKind;
  author_id: string | null;
  alias: string | null;
  username: string | null;
  display_name: string | null;
  role: Role | null;
  created_at: Date;
  rank: number;
  snippet: string;
}

// ts_headline marks matches with these control characters, which stored text never holds
// (htmlToText strips them); the snippet is escaped and then they become <mark>.
const START = '\u0001';
const STOP = '\u0002';

const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** A snippet safe to show as HTML: everything escaped, the matches in <mark>. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

@Injectable()
export class SearchService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Full-text search with the Norwegian configuration, best match first. Only published posts in
   * published threads of categories the caller may read: the visibility is part of the query.
   * The rank is a keyset cursor like any other (rank, id), so a deep page costs what the first does
   * beyond finding the matches.
   */
  async search(policy: Policy, q: string, limit: number, cursor: string | undefined): Promise<Page<SearchHitDto>> {
    const after = decodeCursor(cursor, ['number', 'uuid']);
    const rows: HitRow[] = await this.db.query(
      `WITH query AS (SELECT websearch_to_tsquery('norwegian', $2) AS q),
       hits AS (
         SELECT p.id AS post_id, p.thread_id, t.title, p.author_kind, p.author_id, p.alias, u.username, u.display_name, u.role,
                p.created_at, p.body_text, ts_rank(p.search, query.q)::float8 AS rank
         FROM query, posts p
         JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
         JOIN categories c ON c.id = t.category_id AND c.visibility = ANY($1::text[])
         LEFT JOIN users u ON u.id = p.author_id
         WHERE p.search @@ query.q AND p.status = 'published'
           AND ($3::float8 IS NULL OR (ts_rank(p.search, query.q)::float8, p.id) < ($3::float8, $4::uuid))
         ORDER BY rank DESC, p.id DESC
         LIMIT $5)
       SELECT hits.*, ts_headline('norwegian', hits.body_text, query.q, $6) AS snippet
       FROM hits, query
       ORDER BY hits.rank DESC, hits.post_id DESC`,
      [policy.readableVisibilities(), q, after?.[0] ?? null, after?.[1] ?? null, limit + 1, HEADLINE_OPTIONS],
    );
    return toPage(
      rows,
      limit,
      (r) => [r.rank, r.post_id],
      (r) => ({
        threadId: r.thread_id,
        postId: r.post_id,
        title: r.title,
        snippet: snippetHtml(r.snippet),
        author: toAuthor({
          kind: r.author_kind,
          authorId: r.author_id,
          alias: r.alias,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
        }),
        createdAt: r.created_at.toISOString(),
      }),
    );
  }
}
