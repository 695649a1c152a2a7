import { availableParallelism } from 'node:os';
import { Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { escapeHtml, parseSearchQuery } from '#libs/content';
import type { Policy } from '#libs/policy';
import { Authorship } from '../authorship/authorship.service.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { RateLimited } from '../common/rate-limit.service.js';
import { SharedRows } from '../page-cache/shared-rows.service.js';
import { ReaderFilters } from '../reader-safety/reader-filters.service.js';
import type { SearchHitDto } from './dto/search.dto.js';
import { postAuthored } from './forum-rows.js';
import { toAuthor } from './forum.mappers.js';
import { MATCH_START, MATCH_STOP, SearchRepository } from './search.repository.js';

/** A snippet safe to show as HTML: everything escaped, the matches in <mark>. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_STOP, '</mark>');
}

/**
 * Searches run at most this many at a time in a process (about the database's cores); the rest
 * wait in line, first come first served, so a burst neither crowds the database nor spreads the
 * wait unevenly (issue 19: the p99 of a common word).
 */
const AT_ONCE = Math.max(2, availableParallelism());
/** More than this waiting, and the next search is asked to try again in a moment. */
const MAX_WAITING = 64;

@Injectable()
export class SearchService {
  private readonly line = pLimit(AT_ONCE);

  constructor(
    private readonly searches: SearchRepository,
    private readonly authorship: Authorship,
    private readonly reader: ReaderFilters,
    private readonly shared: SharedRows,
  ) {}

  /**
   * Full-text search with the Norwegian configuration, best match first. Only published posts in
   * published threads of categories the caller may read: the visibility is part of the query.
   * The rank is a keyset cursor like any other (rank, id), so a deep page costs what the first does
   * beyond finding the matches. The query is bounded first (parseSearchQuery): a query of nothing
   * but punctuation finds nothing.
   */
  search(policy: Policy, q: string, limit: number, cursor: string | undefined): Promise<Page<SearchHitDto>> {
    if (this.line.pendingCount >= MAX_WAITING)
      return Promise.reject(new RateLimited(1, 'Many are searching right now. Try again in a moment.'));
    return this.line(() => this.searchNow(policy, q, limit, cursor));
  }

  private async searchNow(
    policy: Policy,
    q: string,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<SearchHitDto>> {
    const after = decodeCursor(cursor, ['number', 'uuid']) as [number, string] | null;
    const query = parseSearchQuery(q);
    if (!query) return { items: [], nextCursor: null };
    const window = await this.shared.read(
      'search window',
      () => this.searches.newestWindowStart(),
      () => 64,
    );
    const rows = await this.searches.search(policy.readableVisibilities(), query, after, limit + 1, window.start);
    // A hit is folded by the reader's own filters, as the post is in its thread.
    const viewer = await this.authorship.viewer(policy.userId);
    const lens = await this.reader.lens(viewer, [...new Set(rows.map((r) => r.thread_id))]);
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
        contentWarning: r.content_warning,
        collapsed: lens.collapsed({
          threadId: r.thread_id,
          authorKind: r.author_kind,
          authorId: r.author_id,
          anonHash: r.anon_hash,
          warning: r.content_warning,
          text: `${r.title}\n${r.snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_STOP, '')}`,
          mine: viewer.wrote(postAuthored(r)),
        }),
      }),
    );
  }
}
