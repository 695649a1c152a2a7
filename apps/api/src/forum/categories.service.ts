import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import type { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { Transactions } from '../database/transactions.js';
import { CategoriesRepository } from './categories.repository.js';
import { SharedRows } from '../page-cache/shared-rows.service.js';
import { categoryFacts, type CategoryRow } from './forum-rows.js';
import { toCategoryDto } from './forum.mappers.js';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly shared: SharedRows,
  ) {}

  /** Every category; closed ones show to outsiders as existing (name and description), with canRead false. */
  async list(policy: Policy): Promise<CategoryDto[]> {
    const { rows } = await this.shared.read(
      'categories',
      async () => ({ rows: await this.categories.list() }),
      (all) => 600 * all.rows.length,
    );
    return rows.map((row) => toCategoryDto(row, policy));
  }

  async bySlug(slug: string, manager?: EntityManager): Promise<CategoryRow> {
    const category = await this.categories.bySlug(slug, manager);
    if (!category) throw notFound('There is no such category.');
    return category;
  }

  /** A category the caller may read: 403 `closed_category` for a closed one seen from outside. */
  async readable(policy: Policy, slug: string): Promise<CategoryRow> {
    const { category } = await this.shared.read(
      `category ${slug}`,
      async () => ({ category: await this.bySlug(slug) }),
      () => 600 + slug.length,
    );
    ensure(policy.canReadCategory(categoryFacts(category)));
    return category;
  }

  async create(policy: Policy, dto: CreateCategoryDto): Promise<CategoryDto> {
    this.checkGuests(dto.visibility, dto.allowGuests);
    return this.tx.run(async (tx) => {
      const created = await this.categories.insert(tx, { ...dto, position: dto.position ?? null });
      if (!created) throw conflict('slug_taken', 'Another category has that slug. Choose another.');
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'category',
        targetType: 'category',
        targetId: created.id,
        meta: { created: dto },
      });
      return toCategoryDto(created, policy);
    });
  }

  async update(policy: Policy, slug: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.tx.run(async (tx) => {
      const current = await this.bySlug(slug, tx);
      this.checkGuests(dto.visibility ?? current.visibility, dto.allowGuests ?? current.allow_guests);
      if (Object.values(dto).every((v) => v === undefined)) return toCategoryDto(current, policy);
      if (dto.slug && dto.slug !== slug && (await this.categories.slugTaken(tx, dto.slug)))
        throw conflict('slug_taken', 'Another category has that slug. Choose another.');
      const updated = await this.categories.update(tx, current.id, dto);
      await this.audit.record(tx, {
        actorId: policy.userId ?? null,
        action: 'category',
        targetType: 'category',
        targetId: current.id,
        meta: { changed: dto },
      });
      return toCategoryDto(updated, policy);
    });
  }

  private checkGuests(visibility: string, allowGuests: boolean): void {
    // The panel's closed room is never open to people without an account.
    if (visibility === 'closed' && allowGuests)
      throw badRequest('A closed category cannot take guests: set allowGuests to false.');
  }
}
