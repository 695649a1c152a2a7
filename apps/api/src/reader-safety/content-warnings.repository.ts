import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ContentWarningRow {
  code: string;
  label_nb: string;
  label_en: string;
}

/** The `content_warnings` table: the short list writers pick from, in the administrators' order. */
@Injectable()
export class ContentWarningsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(manager?: EntityManager): Promise<ContentWarningRow[]> {
    return (manager ?? this.db.manager).query(
      'SELECT code, label_nb, label_en FROM content_warnings ORDER BY position, code',
    );
  }

  /** Makes the list exactly `rows`, in that order; posts with a code no longer listed lose their warning. */
  async replace(tx: EntityManager, rows: ContentWarningRow[]): Promise<void> {
    await tx.query('DELETE FROM content_warnings WHERE NOT (code = ANY($1::text[]))', [rows.map((r) => r.code)]);
    for (const [position, r] of rows.entries())
      await tx.query(
        `INSERT INTO content_warnings (code, label_nb, label_en, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO UPDATE SET label_nb = EXCLUDED.label_nb, label_en = EXCLUDED.label_en,
                                          position = EXCLUDED.position`,
        [r.code, r.label_nb, r.label_en, position],
      );
  }
}
