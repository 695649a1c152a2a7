import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The one-row `settings` table: the values an administrator changed, as JSON. */
@Injectable()
export class SettingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async values<T>(): Promise<Partial<T>> {
    const rows: { values: Partial<T> }[] = await this.db.query('SELECT values FROM settings WHERE id = 1');
    return rows[0]?.values ?? {};
  }

  /** Merges `patch` into the stored values; the values now. */
  async merge<T>(tx: EntityManager, patch: Partial<T>): Promise<Partial<T>> {
    const rows: [{ values: Partial<T> }[], number] = await tx.query(
      `UPDATE settings SET values = values || $1::jsonb WHERE id = 1 RETURNING values`,
      [JSON.stringify(patch)],
    );
    return rows[0]?.[0]?.values ?? {};
  }
}
