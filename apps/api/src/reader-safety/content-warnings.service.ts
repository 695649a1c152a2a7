import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badRequest } from '../common/api-error.js';
import { ContentWarningsRepository, type ContentWarningRow } from './content-warnings.repository.js';

export interface ContentWarning {
  code: string;
  label: { nb: string; en: string };
}

const toWarning = (r: ContentWarningRow): ContentWarning => ({
  code: r.code,
  label: { nb: r.label_nb, en: r.label_en },
});

/** The short list of content warnings a writer picks from (administrators edit it). */
@Injectable()
export class ContentWarningsService {
  constructor(private readonly repo: ContentWarningsRepository) {}

  async list(manager?: EntityManager): Promise<ContentWarning[]> {
    return (await this.repo.list(manager)).map(toWarning);
  }

  /** A code a writer or moderator gave: one on the list, or 400. Null and undefined pass. */
  async ensureKnown(code: string | null | undefined, manager?: EntityManager): Promise<void> {
    if (code === null || code === undefined) return;
    const known = await this.repo.list(manager);
    if (!known.some((w) => w.code === code))
      throw badRequest(`"${code}" is not one of the content warnings. Pick one from the list.`, 'unknown_warning');
  }

  /** Each of these codes is on the list, or 400. */
  async ensureAllKnown(codes: string[]): Promise<void> {
    const known = new Set((await this.repo.list()).map((w) => w.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw badRequest(`Not content warnings: ${unknown.join(', ')}. Pick them from the list.`, 'unknown_warning');
  }

  async replace(tx: EntityManager, warnings: ContentWarning[]): Promise<void> {
    const codes = warnings.map((w) => w.code);
    if (new Set(codes).size !== codes.length) throw badRequest('Each code may appear only once.', 'duplicate_code');
    await this.repo.replace(
      tx,
      warnings.map((w) => ({ code: w.code, label_nb: w.label.nb, label_en: w.label.en })),
    );
  }
}
