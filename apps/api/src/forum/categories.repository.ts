import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ModerationMode, Visibility } from '#libs/policy';
import type { CategoryRow } from './forum-rows.js';

export interface CategoryFields {
  slug: string;
  name: string;
  description: string;
  visibility: Visibility;
  moderation: ModerationMode;
  allowAnonymous: boolean;
  allowGuests: boolean;
  position: number;
}

const COLUMNS =
  'c.id, c.slug, c.name, c.description, c.visibility, c.moderation, c.allow_anonymous, c.allow_guests, c.position';

const COLUMN_OF: Record<keyof CategoryFields, string> = {
  slug: 'slug',
  name: 'name',
  description: 'description',
  visibility: 'visibility',
  moderation: 'moderation',
  allowAnonymous: 'allow_anonymous',
  allowGuests: 'allow_guests',
  position: 'position',
};

/** The `categories` table. */
@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<CategoryRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM categories c ORDER BY c.position, c.name, c.id`);
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<CategoryRow | null> {
    const rows: CategoryRow[] = await manager.query(`SELECT ${COLUMNS} FROM categories c WHERE c.slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  /** Null when the slug is taken. Without a position, it goes last. */
  async insert(
    tx: EntityManager,
    c: Omit<CategoryFields, 'position'> & { position: number | null },
  ): Promise<CategoryRow | null> {
    const rows: CategoryRow[] = await tx.query(
      `INSERT INTO categories AS c (slug, name, description, visibility, moderation, allow_anonymous, allow_guests, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, (SELECT coalesce(max(position), 0) + 1 FROM categories)))
       ON CONFLICT (slug) DO NOTHING
       RETURNING ${COLUMNS}`,
      [c.slug, c.name, c.description, c.visibility, c.moderation, c.allowAnonymous, c.allowGuests, c.position],
    );
    return rows[0] ?? null;
  }

  async slugTaken(tx: EntityManager, slug: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM categories WHERE slug = $1', [slug]);
    return rows.length > 0;
  }

  /** Sets the given fields (at least one). */
  async update(tx: EntityManager, id: string, patch: Partial<CategoryFields>): Promise<CategoryRow> {
    const fields = (Object.keys(COLUMN_OF) as (keyof CategoryFields)[]).filter((k) => patch[k] !== undefined);
    const sets = fields.map((k, i) => `${COLUMN_OF[k]} = $${i + 2}`).join(', ');
    const [rows]: [CategoryRow[], number] = await tx.query(
      `UPDATE categories AS c SET ${sets} WHERE c.id = $1 RETURNING ${COLUMNS}`,
      [id, ...fields.map((k) => patch[k])],
    );
    return rows[0];
  }
}
