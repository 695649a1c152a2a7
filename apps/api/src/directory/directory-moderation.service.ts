import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { escapeHtml } from '#libs/content';
import { DirectoryRepository } from './directory.repository.js';
import { DirectoryService, type SuggestedFields } from './directory.service.js';

const LABELS: [keyof SuggestedFields, string][] = [
  ['organizationName', 'Organisasjon'],
  ['name', 'Navn'],
  ['description', 'Beskrivelse'],
  ['municipality', 'Kommunenummer'],
  ['address', 'Adresse'],
  ['schedule', 'Når'],
  ['url', 'Nettside'],
  ['email', 'E-post'],
  ['phone', 'Telefon'],
  ['cost', 'Pris'],
  ['taxonomyTerms', 'Type'],
];

/** A suggestion as moderators read it in the queue: every field, escaped, as a definition list. */
export function suggestionHtml(fields: SuggestedFields, correcting: string | null): string {
  const rows = LABELS.filter(([k]) => fields[k] !== undefined && fields[k] !== '')
    .map(([k, label]) => {
      const v = fields[k];
      const text = Array.isArray(v) ? v.join(', ') : String(v);
      return `<dt>${label}</dt><dd>${escapeHtml(text).replace(/\n/g, '<br>')}</dd>`;
    })
    .join('');
  const head = correcting ? `<p>Retting av «${escapeHtml(correcting)}»</p>` : '<p>Nytt tilbud</p>';
  return `${head}<dl>${rows}</dl>`;
}

/**
 * What the moderation queue asks of the directory: what a suggestion says, and the effect of a
 * decision on it (published or applied; or rejected with the reason for the receipt).
 */
@Injectable()
export class DirectoryModeration {
  constructor(
    private readonly repo: DirectoryRepository,
    private readonly directory: DirectoryService,
  ) {}

  async forQueue(ids: string[]) {
    const rows = await this.repo.suggestions(ids);
    return rows.map((r) => {
      const fields = r.fields as unknown as SuggestedFields;
      return {
        id: r.id,
        serviceId: r.service_id,
        name: fields.name,
        organizationName: fields.organizationName,
        bodyHtml: suggestionHtml(fields, r.service_id ? (r.current_name ?? fields.name) : null),
      };
    });
  }

  decided(
    tx: EntityManager,
    suggestionId: string,
    to: 'approved' | 'rejected',
    reason: string | null,
  ): Promise<boolean> {
    return this.directory.decided(tx, suggestionId, to, reason);
  }
}
