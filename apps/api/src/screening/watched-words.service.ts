import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { checkPattern, PATTERN_LIMITS } from '#libs/screening';
import { AuditService } from '../audit/audit.service.js';
import type { SessionUser } from '../auth/session-user.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import type { CreateWatchedWordDto, WatchedWordDto, WatchedWordRow } from './dto/watched-word.dto.js';
import { toWatchedWordDto } from './dto/watched-word.dto.js';
import { ScreeningService } from './screening.service.js';

/** The administrators' list of watched words: list, add, remove; every change audited. */
@Injectable()
export class WatchedWordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly screening: ScreeningService,
  ) {}

  /** Alphabetically by code point (COLLATE "C"), so paging is the same whatever the database's locale. */
  async list(limit: number, cursor: string | undefined): Promise<Page<WatchedWordDto>> {
    const after = decodeCursor(cursor, ['string', 'uuid']);
    const rows: WatchedWordRow[] = await this.db.query(
      `SELECT id, pattern, action, created_at FROM watched_words
       WHERE $1::text IS NULL OR (pattern COLLATE "C", id) > ($1::text COLLATE "C", $2::uuid)
       ORDER BY pattern COLLATE "C", id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, (r) => [r.pattern, r.id], toWatchedWordDto);
  }

  async create(actor: SessionUser, dto: CreateWatchedWordDto): Promise<WatchedWordDto> {
    const checked = checkPattern(dto.pattern);
    if (!checked.ok) throw badRequest(`pattern: ${checked.reason}`);
    const row = await this.db.transaction(async (tx) => {
      // The list is bounded so screening stays fast whatever an administrator adds.
      const [{ count }]: { count: number }[] = await tx.query('SELECT count(*)::int AS count FROM watched_words');
      if (count >= PATTERN_LIMITS.maxPatterns)
        throw conflict('too_many', `The list holds at most ${PATTERN_LIMITS.maxPatterns} words; remove one first.`);
      const rows: WatchedWordRow[] = await tx.query(
        `INSERT INTO watched_words (pattern, action, created_by) VALUES ($1, $2, $3)
         ON CONFLICT (pattern) DO NOTHING
         RETURNING id, pattern, action, created_at`,
        [checked.pattern, dto.action, actor.id],
      );
      if (rows.length === 0)
        throw conflict(
          'conflict',
          `"${checked.pattern}" is already on the list; remove it first to change its action.`,
        );
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'watched_word',
        targetType: 'watched_word',
        targetId: rows[0].id,
        meta: { op: 'add', pattern: checked.pattern, action: dto.action },
      });
      return rows[0];
    });
    this.screening.invalidate();
    return toWatchedWordDto(row);
  }

  async remove(actor: SessionUser, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [rows]: [WatchedWordRow[], number] = await tx.query(
        'DELETE FROM watched_words WHERE id = $1 RETURNING id, pattern, action, created_at',
        [id],
      );
      if (rows.length === 0) throw notFound('No such watched word.');
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'watched_word',
        targetType: 'watched_word',
        targetId: id,
        meta: { op: 'remove', pattern: rows[0].pattern, action: rows[0].action },
      });
    });
    this.screening.invalidate();
  }
}
