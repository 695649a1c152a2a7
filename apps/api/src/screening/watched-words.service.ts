import { Injectable } from '@nestjs/common';
import { checkPattern, PATTERN_LIMITS } from '#libs/screening';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import type { CreateWatchedWordDto, WatchedWordDto } from './dto/watched-word.dto.js';
import { toWatchedWordDto } from './dto/watched-word.dto.js';
import { ScreeningService } from './screening.service.js';
import { WatchedWordsRepository } from './watched-words.repository.js';

/** The administrators' list of watched words: list, add, remove; every change audited. */
@Injectable()
export class WatchedWordsService {
  constructor(
    private readonly words: WatchedWordsRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly screening: ScreeningService,
  ) {}

  /** Alphabetically by code point (COLLATE "C"), so paging is the same whatever the database's locale. */
  async list(limit: number, cursor: string | undefined): Promise<Page<WatchedWordDto>> {
    const after = decodeCursor(cursor, ['string', 'uuid']) as [string, string] | null;
    const rows = await this.words.page(after, limit + 1);
    return toPage(rows, limit, (r) => [r.pattern, r.id], toWatchedWordDto);
  }

  async create(actor: SessionUser, dto: CreateWatchedWordDto): Promise<WatchedWordDto> {
    const checked = checkPattern(dto.pattern);
    if (!checked.ok) throw badRequest(`pattern: ${checked.reason}`);
    const row = await this.tx.run(async (tx) => {
      // The list is bounded so screening stays fast whatever an administrator adds.
      if ((await this.words.count(tx)) >= PATTERN_LIMITS.maxPatterns)
        throw conflict('too_many', `The list holds at most ${PATTERN_LIMITS.maxPatterns} words; remove one first.`);
      const created = await this.words.insert(tx, {
        pattern: checked.pattern,
        action: dto.action,
        createdBy: actor.id,
      });
      if (!created)
        throw conflict(
          'conflict',
          `"${checked.pattern}" is already on the list; remove it first to change its action.`,
        );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'watched_word',
        targetType: 'watched_word',
        targetId: created.id,
        meta: { op: 'add', pattern: checked.pattern, action: dto.action },
      });
      return created;
    });
    this.screening.invalidate();
    return toWatchedWordDto(row);
  }

  async remove(actor: SessionUser, id: string): Promise<void> {
    await this.tx.run(async (tx) => {
      const removed = await this.words.delete(tx, id);
      if (!removed) throw notFound('No such watched word.');
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'watched_word',
        targetType: 'watched_word',
        targetId: id,
        meta: { op: 'remove', pattern: removed.pattern, action: removed.action },
      });
    });
    this.screening.invalidate();
  }
}
