import { Injectable } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { Authorship, type Recipient } from '../authorship/authorship.service.js';
import { cafeSessionScope, cafeVoiceScope, NAMED_VOICE, threadScope, type Scope } from '../authorship/scope.js';
import { CafeModerationService } from '../cafe/cafe-moderation.service.js';
import { ApiError, badRequest, conflict, notFound } from '../common/api-error.js';
import { Transactions } from '../database/transactions.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { IdentityService } from '../identity/identity.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type { CreateSanctionDto, LiftedSanctionDto, SanctionDto } from './dto/sanction.dto.js';
import { SanctionsRepository } from './sanctions.repository.js';

/**
 * Whom a sanction is for: an account, or a keyed hash in a scope (with the account found in memory,
 * never stored, and whether the issuer's role reaches it).
 */
type Subject = { userId: string } | { hash: Buffer; scope: Scope; accountId?: string; mayApply: boolean };

@Injectable()
export class SanctionsService {
  constructor(
    private readonly sanctions: SanctionsRepository,
    private readonly tx: Transactions,
    private readonly posts: PostsRepository,
    private readonly cafe: CafeModerationService,
    private readonly users: UsersRepository,
    private readonly identity: IdentityService,
    private readonly authorship: Authorship,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Warns, mutes or bans a user, or the author behind a post. Against an anonymous post it is
   * stored as the author's keyed hash in that thread (never a user id), so neither the response,
   * the audit log nor the database tells the moderator who it is. When the hidden author's role is
   * beyond the issuer's (staff), the answer and the audit entry are the same, but the sanction is
   * stored as any other and never applies (IdentityService.standingOf): no request can test an author's rank
   * (decision 0024). Everything is validated before the author is looked up.
   */
  async issue(policy: Policy, dto: CreateSanctionDto): Promise<SanctionDto> {
    ensure(policy.can('mod.sanction'));
    const { userId, postId, cafeMessageId } = dto.target;
    if ([userId, postId, cafeMessageId].filter((x) => x !== undefined).length !== 1) {
      throw badRequest('target must name exactly one of userId, postId and cafeMessageId.');
    }
    const until = this.until(dto);
    const subject =
      userId !== undefined
        ? await this.userSubject(policy, userId)
        : postId !== undefined
          ? await this.postSubject(policy, postId)
          : await this.cafeSubject(policy, cafeMessageId!);

    const id = await this.tx.run(async (tx) => {
      const sanctionId = await this.sanctions.insert(tx, {
        kind: dto.kind,
        userId: 'userId' in subject ? subject.userId : null,
        subjectHash: 'hash' in subject ? subject.hash : null,
        scopeKind: 'hash' in subject ? subject.scope.kind : null,
        scopeId: 'hash' in subject ? subject.scope.id : null,
        postId: postId ?? null,
        cafeMessageId: cafeMessageId ?? null,
        reason: dto.reason,
        until,
        issuedBy: policy.userId ?? null,
      });
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'sanction',
        targetType: postId ? 'post' : cafeMessageId ? 'cafe_message' : 'user',
        targetId: postId ?? cafeMessageId ?? userId,
        reason: dto.reason,
        meta: { kind: dto.kind, until: until?.toISOString() ?? null },
      });
      // The person is told why and until when; behind an anonymous post, through its keyed hash only.
      // Behind a café message there is no such channel that would not tie them to the message, so
      // they learn it where it applies: a mute's or ban's refusal says why and until when.
      // Beyond the issuer's rank it is stored as any other and never applies (IdentityService.standingOf).
      const applies = !('mayApply' in subject) || subject.mayApply;
      if (applies && (!('hash' in subject) || subject.scope.kind === 'thread')) {
        const recipient: Recipient =
          'userId' in subject ? { userId: subject.userId } : { hash: subject.hash, scope: subject.scope };
        await this.notifications.send(tx, recipient, {
          type: 'sanction',
          text: sanctionText(dto.kind, dto.reason, until),
        });
      }
      return sanctionId;
    });

    // A ban ends every session at once; for an anonymous author the account is found in memory only.
    if (dto.kind === 'ban' && !('mayApply' in subject && !subject.mayApply)) {
      // Open sockets (café, /me, /mod) go with the sessions that let them in; behind anonymous
      // content not at the moment of the ban, which a café room would show.
      if ('userId' in subject) await this.identity.endSessions(subject.userId);
      else if (subject.accountId) await this.identity.endSessionsOfHiddenAuthor(subject.accountId);
    }
    return {
      id,
      kind: dto.kind,
      until: until?.toISOString() ?? null,
      target: postId ? { postId } : cafeMessageId ? { cafeMessageId } : { userId: userId! },
    };
  }

  /** Lifts a mute or ban early (or a warning's record): audited, and the person told, as when it was given. */
  async lift(policy: Policy, id: string, reason: string): Promise<LiftedSanctionDto> {
    ensure(policy.can('mod.sanction'));
    return this.tx.run(async (tx) => {
      const lifted = await this.sanctions.lift(tx, id);
      if (!lifted) {
        if (await this.sanctions.exists(tx, id)) throw conflict('already_lifted', 'This sanction is lifted already.');
        throw notFound('No such sanction.');
      }
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'sanction_lift',
        targetType: 'sanction',
        targetId: id,
        reason,
      });
      const text = `En reaksjon mot deg er opphevet. Begrunnelse: ${reason}`;
      if (lifted.user_id) await this.notifications.send(tx, { userId: lifted.user_id }, { type: 'sanction', text });
      else if (lifted.subject_hash && lifted.scope_kind === 'thread' && lifted.scope_id)
        await this.notifications.send(
          tx,
          { hash: lifted.subject_hash, scope: threadScope(lifted.scope_id) },
          { type: 'sanction', text },
        );
      return { id, liftedAt: lifted.lifted_at.toISOString() };
    });
  }

  private until(dto: CreateSanctionDto): Date | null {
    if (dto.until === undefined) return null;
    if (dto.kind === 'warn') throw badRequest('until applies to a mute or a ban, not a warning.');
    const until = new Date(dto.until);
    if (until.getTime() <= Date.now()) throw badRequest('until must be in the future.');
    return until;
  }

  private async userSubject(policy: Policy, userId: string): Promise<Subject> {
    const role = await this.users.roleOf(userId);
    if (!role) throw notFound('No such user.');
    ensure(policy.canSanctionUser(role));
    return { userId };
  }

  private async postSubject(policy: Policy, postId: string): Promise<Subject> {
    const post = await this.posts.get(undefined, policy, postId);
    if (post.author_kind === 'guest')
      throw badRequest('A guest post has no account behind it: there is no one to sanction.', 'no_account');
    if (post.author_kind === 'anonymous') {
      // Rank is checked on the account found in memory, as behind a café message: staff can't silence each other.
      const scope = threadScope(post.thread_id);
      const account = await this.authorship.findAccount(post.anon_hash!, scope);
      const mayApply = account ? await this.reaches(policy, account.id) : true;
      return { hash: post.anon_hash!, scope, accountId: account?.id, mayApply };
    }
    if (!post.author_id) throw new ApiError(404, 'author_gone', 'The author of this post no longer has an account.');
    ensure(policy.canSanctionUser(post.role!));
    return { userId: post.author_id };
  }

  /**
   * The member behind a café message, by their keyed hash in that session. Their rank is checked on
   * the account found in memory (staff can't silence each other); it is used for a ban's disconnect, never kept.
   */
  private async cafeSubject(policy: Policy, messageId: string): Promise<Subject> {
    const message = await this.cafe.authorOf(messageId);
    if (!message) throw notFound('No such café message (it may have been deleted after the retention period).');
    const { author_hash: voiceHash, session_id: sessionId, voices } = message;
    if (!voiceHash)
      throw badRequest(
        'A guest wrote this message: there is no account to sanction. A host can mute or remove the guest in the room.',
        'no_account',
      );
    const account = await this.authorship.findAccount(
      voiceHash,
      voices.map((v) => cafeVoiceScope(sessionId, v)),
    );
    if (!account) throw new ApiError(404, 'author_gone', 'The writer of this message no longer has an account.');
    // Stored under the session's key, which holds whatever name they speak under next.
    const keys = await this.authorship.keysInCafe(account.id, sessionId, NAMED_VOICE);
    if (!keys) throw new ApiError(404, 'author_gone', 'The writer of this message no longer has an account.');
    return {
      hash: keys.session,
      scope: cafeSessionScope(sessionId),
      accountId: account.id,
      mayApply: await this.reaches(policy, account.id),
    };
  }

  /** Whether the issuer's role may sanction the account's: asked, never told to the issuer. */
  private async reaches(policy: Policy, accountId: string): Promise<boolean> {
    const role = await this.users.roleOf(accountId);
    return role !== undefined && policy.canSanctionUser(role).allowed;
  }
}

/** What the sanctioned person is told (in Norwegian, as the community speaks). */
const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "1. desember 2026 kl. 23:40", as a Norwegian reader's clock shows it. */
export function osloTime(at: Date): string {
  return OSLO_TIME.format(at);
}

export function sanctionText(kind: 'warn' | 'mute' | 'ban', reason: string, until: Date | null): string {
  const end = until ? ` til ${osloTime(until)}` : ' til en moderator opphever det';
  if (kind === 'warn') return `Du har fått en advarsel fra en moderator. Begrunnelse: ${reason}`;
  if (kind === 'mute') return `Du kan lese, men ikke skrive eller chatte${end}. Begrunnelse: ${reason}`;
  return `Kontoen din er utestengt${end}. Begrunnelse: ${reason}`;
}
