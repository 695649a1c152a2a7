import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';

/** Site settings an administrator changes at run time (GET/PATCH /api/admin/settings). */
export interface Settings {
  /** Approved posts a member needs before their posts in `post` categories publish at once. */
  newMemberReviewCount: number;
  /** Open flags from members in good standing that hide a post until reviewed. */
  flagHideThreshold: number;
  /** How long an author may edit their own post. */
  editWindowMinutes: number;
  /** Whether Markdown images may load from other sites (they reveal readers' IP addresses to those sites). */
  allowRemoteImages: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  newMemberReviewCount: 3,
  flagHideThreshold: 3,
  editWindowMinutes: 24 * 60,
  allowRemoteImages: false,
};

const CACHE_MS = 2_000;

@Injectable()
export class SettingsService {
  private cached: { value: Settings; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Read often (every post), so kept for two seconds; another process's change shows within that. */
  async get(): Promise<Settings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const rows: { values: Partial<Settings> }[] = await this.db.query('SELECT values FROM settings WHERE id = 1');
    const value = { ...DEFAULT_SETTINGS, ...rows[0]?.values };
    this.cached = { value, at: Date.now() };
    return value;
  }

  async update(patch: Partial<Settings>, manager: EntityManager = this.db.manager): Promise<Settings> {
    const rows: [{ values: Partial<Settings> }[], number] = await manager.query(
      `UPDATE settings SET values = values || $1::jsonb WHERE id = 1 RETURNING values`,
      [JSON.stringify(patch)],
    );
    const value = { ...DEFAULT_SETTINGS, ...rows[0]?.[0]?.values };
    this.cached = { value, at: Date.now() };
    return value;
  }

  /** An administrator's change, audited in the same transaction. */
  async change(actorId: string | null, patch: Partial<Settings>): Promise<Settings> {
    const changed: Partial<Settings> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return this.db.transaction(async (tx) => {
      const updated = await this.update(changed, tx);
      await this.audit.record(tx, { actorId, action: 'settings', targetType: 'settings', meta: { changed } });
      return updated;
    });
  }
}
