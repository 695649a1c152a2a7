import { Injectable } from '@nestjs/common';
import { checkPattern } from '#libs/screening';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { Transactions } from '../database/transactions.js';
import { postFacts } from '../forum/forum-rows.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { PostsService } from '../forum/posts.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { PostDto } from '../forum/dto/post.dto.js';
import { ContentWarningsService, type ContentWarning } from './content-warnings.service.js';
import type { IgnoreDto, IgnoredDto } from './dto/ignored.dto.js';
import type { PreferencesDto, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { ReaderPreferencesRepository, type IgnoredRow } from './reader-preferences.repository.js';

const toIgnored = (r: IgnoredRow & { thread_title?: string | null }): IgnoredDto => ({
  id: r.id,
  ...(r.username ? { username: r.username } : {}),
  ...(r.thread_id ? { threadId: r.thread_id } : {}),
  ...(r.thread_title ? { threadTitle: r.thread_title } : {}),
  createdAt: r.created_at.toISOString(),
});

/**
 * A reader's own choices: the warnings and words they fold, whom they ignore; and the content
 * warnings themselves (the administrators' list, a moderator's change on a post).
 */
@Injectable()
export class ReaderSafetyService {
  constructor(
    private readonly prefs: ReaderPreferencesRepository,
    private readonly warnings: ContentWarningsService,
    private readonly posts: PostsRepository,
    private readonly postsService: PostsService,
    private readonly users: UsersRepository,
    private readonly authorship: Authorship,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  // --- Filters ------------------------------------------------------------------------------

  async preferences(policy: Policy): Promise<PreferencesDto> {
    ensure(policy.can('reader.filters'));
    const row = await this.prefs.get(policy.userId!);
    return {
      hideWarnings: row?.hide_warnings ?? [],
      muteWords: row?.mute_words ?? [],
      collapseAllWarnings: row?.collapse_all_warnings ?? false,
    };
  }

  async updatePreferences(policy: Policy, dto: UpdatePreferencesDto): Promise<PreferencesDto> {
    ensure(policy.can('reader.filters'));
    const current = await this.preferences(policy);
    if (dto.hideWarnings) await this.warnings.ensureAllKnown(dto.hideWarnings);
    const muteWords = dto.muteWords ? [...new Set(dto.muteWords.map(muteWord))] : current.muteWords;
    const next = {
      hide_warnings: dto.hideWarnings ? [...new Set(dto.hideWarnings)] : current.hideWarnings,
      mute_words: muteWords,
      collapse_all_warnings: dto.collapseAllWarnings ?? current.collapseAllWarnings,
    };
    await this.tx.run((tx) => this.prefs.save(tx, policy.userId!, next));
    return this.preferences(policy);
  }

  // --- Ignoring -----------------------------------------------------------------------------

  /**
   * Ignore an account by name, or the author of a post: a named post's author as by name; an
   * anonymous post's author in that thread only, stored as the ignorer's tag of their key there
   * (decision 0027). The ignored person is not told, and nothing they can see changes.
   */
  async ignore(policy: Policy, dto: IgnoreDto): Promise<IgnoredDto> {
    ensure(policy.can('reader.filters'));
    if ((dto.username === undefined) === (dto.postId === undefined))
      throw badRequest('Give either a username or a postId.', 'validation');
    const me = policy.userId!;
    if (dto.username !== undefined) {
      const user = await this.users.findByUsername(dto.username);
      if (!user) throw notFound('There is no member with that username.');
      if (user.id === me) throw conflict('ignore_self', 'You cannot ignore yourself.');
      return toIgnored(await this.tx.run((tx) => this.prefs.ignoreUser(tx, me, user.id)));
    }
    const viewer = await this.authorship.viewer(me);
    const post = await this.posts.get(undefined, policy, dto.postId!);
    const kind = post.author_kind === 'user' && !post.username ? 'deleted' : post.author_kind;
    ensure(policy.canIgnoreAuthorOf(postFacts(post, viewer), kind));
    if (post.author_kind === 'user')
      return toIgnored(await this.tx.run((tx) => this.prefs.ignoreUser(tx, me, post.author_id!)));
    const tag = viewer.ignoreTag(post.thread_id, post.anon_hash!)!;
    const row = await this.tx.run((tx) => this.prefs.ignoreAnonymous(tx, me, post.thread_id, tag));
    return toIgnored({ ...row, thread_title: post.thread_title });
  }

  async ignored(policy: Policy): Promise<IgnoredDto[]> {
    ensure(policy.can('reader.filters'));
    return (await this.prefs.list(policy.userId!, policy.readableVisibilities())).map(toIgnored);
  }

  async unignore(policy: Policy, id: string): Promise<void> {
    ensure(policy.can('reader.filters'));
    const removed = await this.tx.run((tx) => this.prefs.unignore(tx, policy.userId!, id));
    if (!removed) throw notFound('You are not ignoring anyone by that entry.');
  }

  // --- Content warnings ---------------------------------------------------------------------

  list(): Promise<ContentWarning[]> {
    return this.warnings.list();
  }

  async replaceWarnings(policy: Policy, warnings: ContentWarning[]): Promise<ContentWarning[]> {
    ensure(policy.can('admin.content_warnings'));
    await this.tx.run(async (tx) => {
      const before = (await this.warnings.list(tx)).map((w) => w.code);
      await this.warnings.replace(tx, warnings);
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'content_warning',
        targetType: 'content_warnings',
        meta: { before, after: warnings.map((w) => w.code) },
      });
    });
    return this.warnings.list();
  }

  /** A moderator adds, changes or removes a post's warning; audited with what it was. */
  async setPostWarning(policy: Policy, postId: string, code: string | null): Promise<PostDto> {
    ensure(policy.can('mod.content_warnings'));
    await this.warnings.ensureKnown(code);
    await this.tx.run(async (tx) => {
      const post = await this.posts.get(tx, policy, postId);
      if (post.content_warning === code) return;
      await this.posts.setContentWarning(tx, postId, code);
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'content_warning',
        targetType: 'post',
        targetId: postId,
        meta: { from: post.content_warning, to: code },
      });
    });
    return this.postsService.asWriterSees(policy, await this.authorship.viewer(policy.userId), postId);
  }
}

/** A mute word as stored: folded like a watched word's pattern (the same normalisation and inflections), or 400. */
function muteWord(raw: string): string {
  const checked = checkPattern(raw);
  if (!checked.ok) throw badRequest(`The mute word "${raw}" can't be used: ${checked.reason}`, 'invalid_mute_word');
  return checked.pattern;
}
