import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import type { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { CATEGORY_COLUMNS, categoryFacts, type CategoryRow } from './forum-rows.js';
import { toCategoryDto } from './forum.mappers.js';

const COLUMN_OF: Record<keyof UpdateCategoryDto, string> = {
  slug: 'slug',
  name: 'name',
  description: 'description',
  visibility: 'visibility',
  moderation: 'moderation',
  allowAnonymous: 'allow_anonymous',
  allowGuests: 'allow_guests',
  position: 'position',
};

@Injectable()
export class CategoriesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every category; closed ones show to outsiders as existing (name and description), with canRead false. */
  async list(policy: Policy): Promise<CategoryDto[]> {
    const rows: CategoryRow[] = await this.db.query(
      `SELECT ${CATEGORY_COLUMNS} FROM categories c ORDER BY c.position, c.name, c.id`,
    );
    return rows.map((row) => toCategoryDto(row, policy));
  }

  async bySlug(slug: string, manager: EntityManager = this.db.manager): Promise<CategoryRow> {
    const rows: CategoryRow[] = await manager.query(`SELECT ${CATEGORY_COLUMNS} FROM categories c WHERE c.slug = $1`, [
      slug,
    ]);
    if (!rows[0]) throw notFound('There is no such category.');
    return rows[0];
  }

  /** A category the caller may read: 403 `closed_category` for a closed one seen from outside. */
  async readable(policy: Policy, slug: string): Promise<CategoryRow> {
    const category = await this.bySlug(slug);
    ensure(policy.canReadCategory(categoryFacts(category)));
    return category;
  }

  async create(policy: Policy, dto: CreateCategoryDto): Promise<CategoryDto> {
    this.checkGuests(dto.visibility, dto.allowGuests);
    return this.db.transaction(async (tx) => {
      const rows: CategoryRow[] = await tx.query(
        `INSERT INTO categories AS c (slug, name, description, visibility, moderation, allow_anonymous, allow_guests, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, coalesce($8, (SELECT coalesce(max(position), 0) + 1 FROM categories)))
         ON CONFLICT (slug) DO NOTHING
         RETURNING ${CATEGORY_COLUMNS}`,
        [
          dto.slug,
          dto.name,
          dto.description,
          dto.visibility,
          dto.moderation,
          dto.allowAnonymous,
          dto.allowGuests,
          dto.position ?? null,
        ],
      );
      if (!rows[0]) throw conflict('slug_taken', 'Another category has that slug. Choose another.');
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'category',
        targetType: 'category',
        targetId: rows[0].id,
        meta: { created: dto },
      });
      return toCategoryDto(rows[0], policy);
    });
  }

  async update(policy: Policy, slug: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.db.transaction(async (tx) => {
      const current = await this.bySlug(slug, tx);
      this.checkGuests(dto.visibility ?? current.visibility, dto.allowGuests ?? current.allow_guests);
      const fields = (Object.keys(COLUMN_OF) as (keyof UpdateCategoryDto)[]).filter((k) => dto[k] !== undefined);
      if (fields.length === 0) return toCategoryDto(current, policy);
      if (dto.slug && dto.slug !== slug) {
        const taken: unknown[] = await tx.query('SELECT 1 FROM categories WHERE slug = $1', [dto.slug]);
        if (taken.length > 0) throw conflict('slug_taken', 'Another category has that slug. Choose another.');
      }
      const sets = fields.map((k, i) => `${COLUMN_OF[k]} = $${i + 2}`).join(', ');
      const [rows]: [CategoryRow[], number] = await tx.query(
        `UPDATE categories AS c SET ${sets} WHERE c.id = $1 RETURNING ${CATEGORY_COLUMNS}`,
        [current.id, ...fields.map((k) => dto[k])],
      );
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'category',
        targetType: 'category',
        targetId: current.id,
        meta: { changed: dto },
      });
      return toCategoryDto(rows[0], policy);
    });
  }

  private checkGuests(visibility: string, allowGuests: boolean): void {
    // The panel's closed room is never open to people without an account.
    if (visibility === 'closed' && allowGuests)
      throw badRequest('A closed category cannot take guests: set allowGuests to false.');
  }
}
