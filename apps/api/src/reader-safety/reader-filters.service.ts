import { Injectable } from '@nestjs/common';
import { REACTION_KINDS, type CollapseReason, type ReactionKind } from '#libs/contracts';
import { WatchedWordMatcher } from '#libs/screening';
import type { Viewer } from '../authorship/viewer.js';
import { ReactionsRepository } from './reactions.repository.js';
import { ReaderPreferencesRepository } from './reader-preferences.repository.js';

/** What the lens looks at in a post (or a thread's opening post). */
export interface Readable {
  threadId: string;
  authorKind: 'user' | 'anonymous' | 'guest';
  authorId: string | null;
  anonHash: Buffer | null;
  warning: string | null;
  /** The words a mute word is looked for in (the Markdown, and a thread's title). */
  text: string;
  /** The reader's own: never folded. */
  mine: boolean;
}

export interface Collapsed {
  reason: CollapseReason;
  warning?: string;
}

export interface ReaderChoices {
  hideWarnings: string[];
  muteWords: string[];
  collapseAllWarnings: boolean;
}

/**
 * One reader's filters for one request: which posts come folded, and why. Ignoring by name folds
 * that account's *named* posts only; ignoring an anonymous post folds the anonymous posts with the
 * same key in that thread only (the ignorer's tag of it, decision 0027). Nothing here ever folds a
 * post because of who is behind an anonymous one, so what the reader sees folded tells them nothing
 * they could not see already (the alias in that thread).
 */
export class ReaderLens {
  private readonly matcher: WatchedWordMatcher | null;
  private readonly ignoredTags: Map<string, Set<string>>;

  constructor(
    private readonly viewer: Viewer | null,
    private readonly choices: ReaderChoices,
    private readonly ignoredUsers: ReadonlySet<string>,
    tags: { thread_id: string; tag: Buffer }[],
  ) {
    this.matcher =
      choices.muteWords.length > 0
        ? new WatchedWordMatcher(choices.muteWords.map((pattern) => ({ pattern, action: 'flag' as const })))
        : null;
    this.ignoredTags = new Map();
    for (const { thread_id, tag } of tags) {
      const set = this.ignoredTags.get(thread_id) ?? new Set<string>();
      set.add(tag.toString('hex'));
      this.ignoredTags.set(thread_id, set);
    }
  }

  /** A guest's lens: nothing is folded. */
  static none(): ReaderLens {
    return new ReaderLens(null, { hideWarnings: [], muteWords: [], collapseAllWarnings: false }, new Set(), []);
  }

  collapsed(r: Readable): Collapsed | undefined {
    if (r.mine || !this.viewer) return undefined;
    if (this.isIgnored(r)) return { reason: 'ignored' };
    if (r.warning && (this.choices.collapseAllWarnings || this.choices.hideWarnings.includes(r.warning)))
      return { reason: 'warning', warning: r.warning };
    if (this.matcher && this.matcher.screen(r.text).action) return { reason: 'muted_word' };
    return undefined;
  }

  private isIgnored(r: Readable): boolean {
    if (r.authorKind === 'user') return r.authorId !== null && this.ignoredUsers.has(r.authorId);
    if (r.authorKind !== 'anonymous' || !r.anonHash) return false;
    const tags = this.ignoredTags.get(r.threadId);
    if (!tags) return false;
    const tag = this.viewer!.ignoreTag(r.threadId, r.anonHash);
    return tag !== null && tags.has(tag.toString('hex'));
  }
}

export type ReactionCounts = Record<ReactionKind, number>;

export interface PostReactions {
  counts: ReactionCounts;
  mine: ReactionKind[];
}

export const noReactions = (): ReactionCounts => ({ support: 0, thanks: 0, same: 0 });

/**
 * What the forum asks about its readers when it shows posts: the reader's lens (their filters and
 * whom they ignore) and the reactions. Read per request for the one reader: nothing of it is in the
 * guest page cache, whose pages are made for readers without a session (decision 0009).
 */
@Injectable()
export class ReaderFilters {
  constructor(
    private readonly prefs: ReaderPreferencesRepository,
    private readonly reactions: ReactionsRepository,
  ) {}

  async lens(viewer: Viewer, threadIds: string[]): Promise<ReaderLens> {
    return (await this.readerOf(viewer, threadIds, [])).lens;
  }

  /**
   * What is the reader's own in a page, in one statement: their lens on these threads, and the
   * reactions they gave to these posts (in the order of REACTION_KINDS).
   */
  async readerOf(
    viewer: Viewer,
    threadIds: string[],
    postIds: string[],
  ): Promise<{ lens: ReaderLens; mine: Map<string, ReactionKind[]> }> {
    const mine = new Map<string, ReactionKind[]>();
    if (!viewer.userId) return { lens: ReaderLens.none(), mine };
    const row = await this.prefs.lensOf(viewer.userId, threadIds, postIds);
    for (const entry of row.my_reactions) {
      const [postId, kind] = entry.split(' ') as [string, ReactionKind];
      mine.set(postId, [...(mine.get(postId) ?? []), kind]);
    }
    for (const kinds of mine.values()) kinds.sort(inKindOrder);
    const lens = new ReaderLens(
      viewer,
      {
        hideWarnings: row.hide_warnings ?? [],
        muteWords: row.mute_words ?? [],
        collapseAllWarnings: row.collapse_all_warnings ?? false,
      },
      new Set(row.ignored_user_ids),
      row.ignored_tags,
    );
    return { lens, mine };
  }

  /** How many of each kind these posts have, whoever gave them: the same for every reader. */
  async countsOf(postIds: string[]): Promise<Record<string, ReactionCounts>> {
    const counts: Record<string, ReactionCounts> = {};
    for (const id of postIds) counts[id] = noReactions();
    for (const c of await this.reactions.counts(postIds)) counts[c.post_id][c.kind] = c.n;
    return counts;
  }

  /** The counts of each post, and which the reader gave. */
  async reactionsOf(userId: string | undefined, postIds: string[]): Promise<Map<string, PostReactions>> {
    const map = new Map<string, PostReactions>(postIds.map((id) => [id, { counts: noReactions(), mine: [] }]));
    for (const c of await this.reactions.countsAndMine(userId, postIds)) {
      const reactions = map.get(c.post_id)!;
      reactions.counts[c.kind] = c.n;
      if (c.mine) reactions.mine.push(c.kind);
    }
    for (const r of map.values()) r.mine.sort(inKindOrder);
    return map;
  }
}

/** A reader's own reactions are listed in the order of REACTION_KINDS. */
const inKindOrder = (a: ReactionKind, b: ReactionKind) => REACTION_KINDS.indexOf(a) - REACTION_KINDS.indexOf(b);
