import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Policy } from '#libs/policy';
import { webRoutes } from '#libs/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { writeICalendar, type ICalEvent } from '../common/icalendar.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { Transactions } from '../database/transactions.js';
import { QueueFeed } from '../moderation/queue-feed.service.js';
import { ContentVersion } from '../page-cache/content-version.service.js';
import type { HsdsQueryDto, SuggestionDto, UpdateServiceDto } from './dto/directory-input.dto.js';
import type {
  HsdsFullOrganizationDto,
  HsdsOrganizationDto,
  HsdsPageOf,
  HsdsServiceDto,
  HsdsServiceSummaryDto,
  HsdsTaxonomyTermDto,
} from './dto/hsds.dto.js';
import {
  DirectoryRepository,
  type LocationFields,
  type ScheduleFields,
  type ServiceFields,
  type ServiceRow,
  type ServiceStatus,
} from './directory.repository.js';
import { countyOf, TIMEZONE, toOrganization, toPage, toService, toServiceSummary, toTerm } from './hsds.mappers.js';
import { OSLO_VTIMEZONE, osloInstant } from './oslo-time.js';
import { scheduleFromText } from './schedule-text.js';
import { receiptHash } from './directory-receipts.service.js';

/** Shown in the feed: published offers, also while temporarily closed. */
export const FEED_STATUSES: ServiceStatus[] = ['active', 'temporarily closed'];
/** Not checked for this many days: stale, and listed for the moderators to check again. */
export const STALE_AFTER_DAYS = 180;
const SUGGESTER_EMAIL_DAYS = 30;

/** What a suggestion holds (its `fields`), as the suggester wrote it. */
export type SuggestedFields = Omit<SuggestionDto, 'serviceId' | 'suggesterEmail'>;

/** A receipt for a suggestion, in the shape of a guest post's receipt (43 characters, base64url). */
const newReceiptToken = () => randomBytes(32).toString('base64url');

/** "Kleppevegen 5, 5300 Kleppestø" → street, postcode and place, when it reads like that. */
export function addressFrom(text: string | undefined, municipality: string): LocationFields | null {
  if (!text) return null;
  const m = /^(.+?),\s*(\d{4})\s+(.+)$/.exec(text);
  return {
    name: m ? null : text,
    address_1: m ? m[1] : null,
    postal_code: m ? m[2] : null,
    city: m ? m[3] : null,
    state_province: countyOf(municipality) ?? null,
    municipality_code: municipality,
    accessibility: null,
    transportation: null,
    location_type: /^(nett|online|digitalt|telefon)/i.test(text) ? 'virtual' : 'physical',
  };
}

/**
 * The activity directory (issue 17): the HSDS 3.0 feed anyone may read, suggestions anyone may
 * send (held for a moderator in the queue), and the moderators' edits, checks and retirements.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly repo: DirectoryRepository,
    private readonly tx: Transactions,
    private readonly queue: QueueFeed,
    private readonly limits: RateLimitService,
    private readonly audit: AuditService,
    private readonly contentVersion: ContentVersion,
  ) {}

  // --- the feed ---

  async services(policy: Policy, q: HsdsQueryDto): Promise<HsdsPageOf<HsdsServiceSummaryDto>> {
    const page = q.page ?? 1;
    const perPage = q.per_page ?? 20;
    const termIds = q.taxonomy_term_id ? await this.termIdsOrNone(q.taxonomy_term_id) : undefined;
    const { rows, total } = await this.repo.listServices(
      {
        statuses: FEED_STATUSES,
        search: q.search || undefined,
        municipality: q.municipality,
        termIds,
        organizationId: q.organization_id,
      },
      perPage,
      (page - 1) * perPage,
    );
    return toPage(await this.summaries(policy, rows), total, page, perPage);
  }

  /** The moderators' re-check list: stale offers, the longest unchecked first. */
  async staleServices(policy: Policy, page: number): Promise<HsdsPageOf<HsdsServiceSummaryDto>> {
    ensure(policy.can('mod.directory'));
    const perPage = 50;
    const { rows, total } = await this.repo.listServices(
      { statuses: ['active', 'inactive', 'temporarily closed'], staleOnly: true },
      perPage,
      (page - 1) * perPage,
      'oldest_check',
    );
    return toPage(await this.summaries(policy, rows), total, page, perPage);
  }

  async service(policy: Policy, id: string): Promise<HsdsServiceDto> {
    const row = await this.repo.findService(id);
    if (!row || row.status === 'defunct') throw notFound('There is no such offer (it may have been retired).');
    const parts = await this.repo.parts([row.id], [row.organization_id]);
    return toService(row, parts, policy.can('mod.directory').allowed);
  }

  async organizations(q: HsdsQueryDto): Promise<HsdsPageOf<HsdsOrganizationDto>> {
    const page = q.page ?? 1;
    const perPage = q.per_page ?? 20;
    const { rows, total } = await this.repo.listOrganizations(perPage, (page - 1) * perPage);
    return toPage(rows.map(toOrganization), total, page, perPage);
  }

  async organization(policy: Policy, id: string): Promise<HsdsFullOrganizationDto> {
    const org = await this.repo.findOrganization(id);
    if (!org) throw notFound('There is no such organisation in the directory.');
    const { rows } = await this.repo.listServices({ statuses: FEED_STATUSES, organizationId: id }, 100, 0);
    return { ...toOrganization(org), services: await this.summaries(policy, rows) };
  }

  async terms(q: HsdsQueryDto): Promise<HsdsPageOf<HsdsTaxonomyTermDto>> {
    const all = (await this.repo.terms()).map((t) => ({ ...toTerm(t), x_service_count: t.service_count }));
    const page = q.page ?? 1;
    const perPage = q.per_page ?? 100;
    return toPage(all.slice((page - 1) * perPage, page * perPage), all.length, page, perPage);
  }

  /** What the feed's ETag is made of besides the address: the newest change to anything in it. */
  version(): Promise<string> {
    return this.repo.lastChange();
  }

  /** The offer's opening times as iCalendar: one recurring event per schedule with a rule. */
  async ics(policy: Policy, id: string, linkBase: string | null): Promise<string> {
    const service = await this.service(policy, id);
    const place = service.service_at_locations[0]?.location;
    const address = place?.addresses[0];
    const where = address ? `${address.address_1}, ${address.postal_code} ${address.city}` : place?.name;
    const events: ICalEvent[] = [];
    for (const s of service.schedules) {
      if (!s.freq || !s.opens_at) continue;
      const start = s.dtstart ?? service.last_modified.slice(0, 10);
      const first = firstOccurrence(start, s.byday);
      events.push({
        uid: `${s.id}@erfaringsforum`,
        stamp: new Date(service.last_modified),
        summary: service.name,
        description: `${s.description}\n\n${service.description}`,
        location: where,
        // Wall-clock times in Oslo, written under TZID=Europe/Oslo (the VTIMEZONE says what that is).
        start: osloInstant(first, s.opens_at),
        end: osloInstant(first, s.closes_at ?? s.opens_at),
        url: linkBase ? `${linkBase}${webRoutes.activity(service.id)}` : undefined,
        recurrence: {
          freq: s.freq === 'WEEKLY' ? 'WEEKLY' : 'MONTHLY',
          interval: s.interval,
          byDay: s.byday ? s.byday.split(',').map((d) => d.slice(-2)) : undefined,
          bySetPos: s.freq === 'MONTHLY' && s.byday && /^-?\d/.test(s.byday) ? Number(s.byday.slice(0, -2)) : undefined,
          until: s.until ? new Date(`${s.until}T23:59:59Z`) : undefined,
        },
      });
    }
    return writeICalendar(
      {
        name: service.name,
        prodId: '//Erfaringsforum//Aktivitetstilbud//NB',
        timezone: { id: TIMEZONE, vtimezone: OSLO_VTIMEZONE },
      },
      events,
    );
  }

  // --- suggestions from anyone ---

  async suggest(policy: Policy, dto: SuggestionDto, ip: string): Promise<{ receiptCode: string }> {
    await this.limits.consume('directorySuggestionsPerIp', ip);
    if (dto.serviceId) {
      const target = await this.repo.findService(dto.serviceId);
      if (!target || target.status === 'defunct') throw notFound('There is no such offer to correct.');
    }
    const unknown = await this.unknownTerms(dto.taxonomyTerms ?? []);
    if (unknown.length > 0) throw badRequest(`Unknown activity type: ${unknown.join(', ')}.`, 'unknown_taxonomy_term');
    const { serviceId, suggesterEmail, ...fields } = dto;
    const receiptCode = newReceiptToken();
    await this.tx.run(async (tx) => {
      const id = await this.repo.insertSuggestion(tx, {
        serviceId: serviceId ?? null,
        fields,
        suggesterEmail: suggesterEmail ?? null,
        receiptHash: receiptHash(receiptCode),
      });
      await this.queue.directorySuggestion(tx, id);
    });
    void policy;
    return { receiptCode };
  }

  /**
   * A moderator's decision, in the queue item's transaction: approving publishes a new offer or
   * applies a correction; rejecting keeps the reason for the receipt. False when it was decided.
   */
  async decided(tx: EntityManager, suggestionId: string, to: 'approved' | 'rejected', reason: string | null) {
    const s = await this.repo.findSuggestion(tx, suggestionId, true);
    if (!s || s.status !== 'pending') return false;
    if (to === 'rejected') {
      await this.repo.decideSuggestion(tx, s.id, 'rejected', reason, null);
      return true;
    }
    const fields = s.fields as unknown as SuggestedFields;
    const serviceId = s.service_id
      ? await this.applyCorrection(tx, s.service_id, fields)
      : await this.publish(tx, fields);
    await this.repo.decideSuggestion(tx, s.id, 'published', null, serviceId);
    return true;
  }

  private async publish(tx: EntityManager, f: SuggestedFields): Promise<string> {
    const orgId = await this.repo.organizationByName(tx, f.organizationName);
    // A moderator has just read it: that is its first check.
    const id = await this.repo.insertService(tx, orgId, this.serviceFields(f, null), osloToday());
    await this.writeParts(tx, id, orgId, f);
    return id;
  }

  private async applyCorrection(tx: EntityManager, serviceId: string, f: SuggestedFields): Promise<string> {
    const current = await this.repo.findService(serviceId, tx, true);
    if (!current || current.status === 'defunct')
      throw conflict('gone', 'The offer this corrects has been retired: reject the suggestion instead.');
    const orgId = await this.repo.organizationByName(tx, f.organizationName);
    await this.repo.updateService(tx, serviceId, orgId, this.serviceFields(f, current));
    await this.writeParts(tx, serviceId, orgId, f);
    await this.repo.verify(tx, serviceId);
    return serviceId;
  }

  private serviceFields(f: SuggestedFields, current: ServiceRow | null): ServiceFields {
    return {
      name: f.name,
      alternate_name: current?.alternate_name ?? null,
      description: f.description,
      url: f.url ?? null,
      email: f.email ?? null,
      status: current?.status ?? 'active',
      fees_description: f.cost ?? null,
      eligibility_description: current?.eligibility_description ?? null,
      application_process: current?.application_process ?? null,
      minimum_age: current?.minimum_age ?? null,
      maximum_age: current?.maximum_age ?? null,
      alert: current?.alert ?? null,
      municipality_code: f.municipality,
    };
  }

  private async writeParts(tx: EntityManager, serviceId: string, orgId: string, f: SuggestedFields) {
    await this.repo.replaceLocation(tx, serviceId, orgId, addressFrom(f.address, f.municipality));
    await this.repo.replaceSchedules(tx, serviceId, f.schedule ? [scheduleFromText(f.schedule)] : []);
    await this.repo.replaceContact(tx, serviceId, {
      email: f.email ?? null,
      phone: f.phone ?? null,
      cost: f.cost ?? null,
    });
    const terms = await this.repo.termIds(f.taxonomyTerms ?? [], tx);
    await this.repo.replaceTerms(tx, serviceId, [...new Set(terms.map((t) => t.id))]);
  }

  // --- moderators ---

  async update(policy: Policy, id: string, dto: UpdateServiceDto): Promise<HsdsServiceDto> {
    ensure(policy.can('mod.directory'));
    const unknown = await this.unknownTerms(dto.x_taxonomy_terms ?? []);
    if (unknown.length > 0) throw badRequest(`Unknown activity type: ${unknown.join(', ')}.`, 'unknown_taxonomy_term');
    await this.tx.run(async (tx) => {
      const s = await this.repo.findService(id, tx, true);
      if (!s || s.status === 'defunct') throw notFound('There is no such offer (it may have been retired).');
      const pick = <K extends keyof ServiceFields>(k: K, v: ServiceFields[K] | undefined) =>
        v === undefined ? s[k] : v;
      await this.repo.updateService(tx, id, s.organization_id, {
        name: pick('name', dto.name),
        alternate_name: pick('alternate_name', dto.alternate_name),
        description: pick('description', dto.description),
        url: pick('url', dto.url),
        email: pick('email', dto.email),
        status: pick('status', dto.status),
        fees_description: pick('fees_description', dto.fees_description),
        eligibility_description: pick('eligibility_description', dto.eligibility_description),
        application_process: pick('application_process', dto.application_process),
        minimum_age: pick('minimum_age', dto.minimum_age),
        maximum_age: pick('maximum_age', dto.maximum_age),
        alert: pick('alert', dto.alert),
        municipality_code: pick('municipality_code', dto.x_municipality_code),
      });
      if (dto.schedules)
        await this.repo.replaceSchedules(
          tx,
          id,
          dto.schedules.map((d): ScheduleFields => ({
            freq: d.freq ?? null,
            interval: d.interval ?? (d.freq ? 1 : null),
            byday: d.byday ?? null,
            bymonthday: null,
            dtstart: d.dtstart ?? null,
            until: d.until ?? null,
            opens_at: d.opens_at ?? null,
            closes_at: d.closes_at ?? null,
            description: d.description,
            notes: null,
          })),
        );
      if (dto.x_taxonomy_terms) {
        const terms = await this.repo.termIds(dto.x_taxonomy_terms, tx);
        await this.repo.replaceTerms(tx, id, [...new Set(terms.map((t) => t.id))]);
      }
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'edit',
        targetType: 'directory_service',
        targetId: id,
        meta: { fields: Object.keys(dto) },
      });
    });
    return this.service(policy, id);
  }

  async verify(policy: Policy, id: string): Promise<HsdsServiceDto> {
    ensure(policy.can('mod.directory'));
    await this.tx.run(async (tx) => {
      const s = await this.repo.findService(id, tx, true);
      if (!s || s.status === 'defunct') throw notFound('There is no such offer (it may have been retired).');
      await this.repo.verify(tx, id);
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'edit',
        targetType: 'directory_service',
        targetId: id,
        meta: { verified: true },
      });
    });
    return this.service(policy, id);
  }

  async retire(policy: Policy, id: string): Promise<void> {
    ensure(policy.can('mod.directory'));
    await this.tx.run(async (tx) => {
      const s = await this.repo.findService(id, tx, true);
      if (!s || s.status === 'defunct') throw notFound('There is no such offer (it may have been retired).');
      await this.repo.setStatus(tx, id, 'defunct');
      await this.audit.record(tx, {
        actorId: policy.userId!,
        action: 'delete',
        targetType: 'directory_service',
        targetId: id,
      });
    });
  }

  /** The daily job's work; returns how many offers became stale. Not a REST write: kept pages must be told. */
  async markStale(): Promise<number> {
    const marked = await this.repo.markStale(STALE_AFTER_DAYS);
    if (marked > 0) await this.contentVersion.bump({ content: true });
    return marked;
  }

  /** The moderator has had a month to write back; the receipt still answers without the email. */
  forgetSuggesters(): Promise<number> {
    return this.repo.forgetSuggesterEmails(SUGGESTER_EMAIL_DAYS);
  }

  // --- helpers ---

  private async summaries(policy: Policy, rows: ServiceRow[]): Promise<HsdsServiceSummaryDto[]> {
    if (rows.length === 0) return [];
    const parts = await this.repo.parts(
      rows.map((r) => r.id),
      [...new Set(rows.map((r) => r.organization_id))],
    );
    const canModerate = policy.can('mod.directory').allowed;
    return rows.map((r) => toServiceSummary(r, parts, canModerate));
  }

  /** A filter by unknown types matches nothing (rather than everything). */
  private async termIdsOrNone(keys: string): Promise<string[]> {
    const found = await this.repo.termIds(
      keys
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    );
    return found.length > 0 ? found.map((t) => t.id) : ['00000000-0000-0000-0000-000000000000'];
  }

  private async unknownTerms(keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const found = new Set((await this.repo.termIds(keys)).map((t) => t.key));
    return keys.filter((k) => !found.has(k));
  }
}

/** Today's date in Europe/Oslo, YYYY-MM-DD. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIMEZONE }).format(now);
}

/** The first day on or after `start` that falls on one of the days of `byday` (weekly rules). */
function firstOccurrence(start: string, byday: string | undefined): string {
  if (!byday) return start;
  const codes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  const wanted = new Set(byday.split(',').map((d) => codes.indexOf(d.slice(-2))));
  const d = new Date(`${start}T12:00:00Z`);
  for (let i = 0; i < 7 && !wanted.has(d.getUTCDay()); i++) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
