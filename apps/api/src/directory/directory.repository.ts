import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface OrganizationRow {
  id: string;
  name: string;
  description: string;
  email: string | null;
  website: string | null;
}

export interface ServiceRow {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  fees_description: string | null;
  eligibility_description: string | null;
  application_process: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  alert: string | null;
  municipality_code: string;
  /** YYYY-MM-DD */
  assured_date: string | null;
  stale: boolean;
  created_at: Date;
  last_modified: Date;
}

export interface LocationRow {
  sal_id: string;
  service_id: string;
  sal_description: string | null;
  id: string;
  organization_id: string | null;
  location_type: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  url: string | null;
  address_id: string;
  address_1: string | null;
  city: string | null;
  postal_code: string | null;
  state_province: string | null;
  country: string;
  municipality_code: string | null;
  accessibility_id: string;
  accessibility: string | null;
}

export interface ScheduleRow {
  id: string;
  service_id: string;
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  bymonthday: string | null;
  wkst: string | null;
  dtstart: string | null;
  until: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** HH:MM:SS, Europe/Oslo */
  opens_at: string | null;
  closes_at: string | null;
  description: string;
  notes: string | null;
}

export interface ContactRow {
  id: string;
  service_id: string | null;
  organization_id: string | null;
  name: string | null;
  title: string | null;
  department: string | null;
  email: string | null;
}

export interface PhoneRow {
  id: string;
  service_id: string | null;
  organization_id: string | null;
  number: string;
  type: string | null;
  description: string | null;
}

export interface CostRow {
  id: string;
  service_id: string;
  option: string | null;
  currency: string;
  amount: string | null;
  amount_description: string | null;
}

export interface TermRow {
  id: string;
  code: string;
  name: string;
  name_en: string;
  description: string;
  service_count: number;
}

export interface AttributeRow {
  id: string;
  service_id: string;
  term_id: string;
  code: string;
  name: string;
  name_en: string;
  description: string;
}

/** Everything that hangs off a set of services, loaded in one round per table. */
export interface ServiceParts {
  organizations: OrganizationRow[];
  locations: LocationRow[];
  schedules: ScheduleRow[];
  contacts: ContactRow[];
  phones: PhoneRow[];
  costs: CostRow[];
  attributes: AttributeRow[];
}

export interface ServiceFilter {
  /** Which statuses to list: the feed shows `active` and `temporarily closed`. */
  statuses: ServiceStatus[];
  search?: string;
  municipality?: string;
  termIds?: string[];
  organizationId?: string;
  staleOnly?: boolean;
}

/** The offer's own fields as they are written (a new offer, a correction, a moderator's edit). */
export interface ServiceFields {
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  fees_description: string | null;
  eligibility_description: string | null;
  application_process: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  alert: string | null;
  municipality_code: string;
}

/** The columns an offer's own fields are written to, in one order for the INSERT and the UPDATE. */
const SERVICE_FIELD_COLUMNS = [
  'name',
  'alternate_name',
  'description',
  'url',
  'email',
  'status',
  'fees_description',
  'eligibility_description',
  'application_process',
  'minimum_age',
  'maximum_age',
  'alert',
  'municipality_code',
] as const satisfies readonly (keyof ServiceFields)[];

const serviceFieldValues = (s: ServiceFields) => SERVICE_FIELD_COLUMNS.map((c) => s[c]);

export interface LocationFields {
  name: string | null;
  address_1: string | null;
  city: string | null;
  postal_code: string | null;
  state_province: string | null;
  municipality_code: string | null;
  accessibility: string | null;
  transportation: string | null;
  location_type: 'physical' | 'virtual';
}

export interface ScheduleFields {
  freq: 'WEEKLY' | 'MONTHLY' | null;
  interval: number | null;
  byday: string | null;
  bymonthday: string | null;
  dtstart: string | null;
  until: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string;
  notes: string | null;
}

export interface SuggestionRow {
  id: string;
  service_id: string | null;
  fields: Record<string, unknown>;
  status: 'pending' | 'published' | 'rejected';
  rejection_reason: string | null;
  suggester_email: string | null;
  result_service_id: string | null;
  created_at: Date;
}

const SERVICE_COLUMNS = `s.id, s.organization_id, s.name, s.alternate_name, s.description, s.url, s.email, s.status,
  s.fees_description, s.eligibility_description, s.application_process, s.minimum_age, s.maximum_age, s.alert,
  s.municipality_code, to_char(s.assured_date, 'YYYY-MM-DD') AS assured_date, s.stale, s.created_at, s.last_modified`;

/** `%` and `_` typed in a search are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The directory's tables (directory_*), for the HSDS feed, suggestions and moderators' work. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // --- the feed ---

  private where(f: ServiceFilter, params: unknown[]): string {
    params.push(f.statuses);
    const clauses = [`s.status = ANY($${params.length}::text[])`];
    if (f.search) {
      params.push(likePattern(f.search));
      const p = `$${params.length}`;
      clauses.push(`(s.name ILIKE ${p} OR s.description ILIKE ${p} OR o.name ILIKE ${p} OR EXISTS (
        SELECT 1 FROM directory_service_terms st JOIN directory_taxonomy_terms t ON t.id = st.term_id
        WHERE st.service_id = s.id AND (t.name ILIKE ${p} OR t.name_en ILIKE ${p})))`);
    }
    if (f.municipality) {
      params.push(f.municipality);
      clauses.push(`s.municipality_code = $${params.length}`);
    }
    if (f.termIds) {
      params.push(f.termIds);
      clauses.push(
        `EXISTS (SELECT 1 FROM directory_service_terms st WHERE st.service_id = s.id AND st.term_id = ANY($${params.length}::uuid[]))`,
      );
    }
    if (f.organizationId) {
      params.push(f.organizationId);
      clauses.push(`s.organization_id = $${params.length}`);
    }
    if (f.staleOnly) clauses.push('s.stale');
    return clauses.join(' AND ');
  }

  async listServices(
    f: ServiceFilter,
    limit: number,
    offset: number,
    order: 'name' | 'oldest_check' = 'name',
  ): Promise<{ rows: ServiceRow[]; total: number }> {
    const params: unknown[] = [];
    const where = this.where(f, params);
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM directory_services s JOIN directory_organizations o ON o.id = s.organization_id WHERE ${where}`,
      params,
    );
    const orderBy = order === 'name' ? 'lower(s.name), s.id' : 'coalesce(s.assured_date, s.created_at::date), s.id';
    const rows: ServiceRow[] = await this.db.query(
      `SELECT ${SERVICE_COLUMNS} FROM directory_services s JOIN directory_organizations o ON o.id = s.organization_id
       WHERE ${where} ORDER BY ${orderBy} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { rows, total: n };
  }

  async findService(id: string, manager: EntityManager = this.db.manager, lock = false): Promise<ServiceRow | null> {
    const rows: ServiceRow[] = await manager.query(
      `SELECT ${SERVICE_COLUMNS} FROM directory_services s WHERE s.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** The newest change to anything the feed shows: what an ETag is made of, with the query. */
  async lastChange(): Promise<string> {
    const [row]: { v: string }[] = await this.db.query(
      `SELECT concat_ws('/', (SELECT max(last_modified) FROM directory_services)::text,
                            (SELECT count(*) FROM directory_services)::text,
                            (SELECT max(updated_at) FROM directory_organizations)::text) AS v`,
    );
    return row.v;
  }

  async parts(serviceIds: string[], organizationIds: string[]): Promise<ServiceParts> {
    const q = <T>(sql: string, ids: string[]) => this.db.query(sql, [ids]) as Promise<T[]>;
    const [organizations, locations, schedules, contacts, phones, costs, attributes] = await Promise.all([
      q<OrganizationRow>(
        'SELECT id, name, description, email, website FROM directory_organizations WHERE id = ANY($1::uuid[])',
        organizationIds,
      ),
      q<LocationRow>(
        `SELECT sal.id AS sal_id, sal.service_id, sal.description AS sal_description, l.*
         FROM directory_service_at_locations sal JOIN directory_locations l ON l.id = sal.location_id
         WHERE sal.service_id = ANY($1::uuid[]) ORDER BY sal.service_id, l.name NULLS LAST, l.id`,
        serviceIds,
      ),
      q<ScheduleRow>(
        `SELECT id, service_id, freq, "interval", byday, bymonthday, wkst,
                to_char(dtstart, 'YYYY-MM-DD') AS dtstart, to_char(until, 'YYYY-MM-DD') AS until,
                to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to,
                opens_at::text AS opens_at, closes_at::text AS closes_at, description, notes
         FROM directory_schedules WHERE service_id = ANY($1::uuid[]) ORDER BY service_id, position, id`,
        serviceIds,
      ),
      q<ContactRow>(
        `SELECT id, service_id, organization_id, name, title, department, email FROM directory_contacts
         WHERE service_id = ANY($1::uuid[]) ORDER BY id`,
        serviceIds,
      ),
      q<PhoneRow>(
        `SELECT id, service_id, organization_id, number, type, description FROM directory_phones
         WHERE service_id = ANY($1::uuid[]) ORDER BY id`,
        serviceIds,
      ),
      q<CostRow>(
        `SELECT id, service_id, option, currency, amount::text AS amount, amount_description FROM directory_cost_options
         WHERE service_id = ANY($1::uuid[]) ORDER BY id`,
        serviceIds,
      ),
      q<AttributeRow>(
        `SELECT st.id, st.service_id, t.id AS term_id, t.code, t.name, t.name_en, t.description
         FROM directory_service_terms st JOIN directory_taxonomy_terms t ON t.id = st.term_id
         WHERE st.service_id = ANY($1::uuid[]) ORDER BY st.service_id, t.position`,
        serviceIds,
      ),
    ]);
    return { organizations, locations, schedules, contacts, phones, costs, attributes };
  }

  async listOrganizations(limit: number, offset: number): Promise<{ rows: OrganizationRow[]; total: number }> {
    // Only organisations with something in the feed: a suggested one waits with its offer.
    const visible = `EXISTS (SELECT 1 FROM directory_services s WHERE s.organization_id = o.id AND s.status <> 'defunct')`;
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM directory_organizations o WHERE ${visible}`,
    );
    const rows: OrganizationRow[] = await this.db.query(
      `SELECT o.id, o.name, o.description, o.email, o.website FROM directory_organizations o WHERE ${visible}
       ORDER BY lower(o.name), o.id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return { rows, total: n };
  }

  async findOrganization(id: string): Promise<OrganizationRow | null> {
    const rows: OrganizationRow[] = await this.db.query(
      `SELECT o.id, o.name, o.description, o.email, o.website FROM directory_organizations o WHERE o.id = $1
       AND EXISTS (SELECT 1 FROM directory_services s WHERE s.organization_id = o.id AND s.status <> 'defunct')`,
      [id],
    );
    return rows[0] ?? null;
  }

  terms(): Promise<TermRow[]> {
    return this.db.query(
      `SELECT t.id, t.code, t.name, t.name_en, t.description,
              (SELECT count(*)::int FROM directory_service_terms st JOIN directory_services s ON s.id = st.service_id
               WHERE st.term_id = t.id AND s.status IN ('active', 'temporarily closed')) AS service_count
       FROM directory_taxonomy_terms t ORDER BY t.position, t.name`,
    );
  }

  /** Terms by id, code or name, ignoring case. */
  async termIds(keys: string[], manager: EntityManager = this.db.manager): Promise<{ key: string; id: string }[]> {
    return manager.query(
      `SELECT k.key, t.id FROM unnest($1::text[]) AS k (key)
       JOIN directory_taxonomy_terms t ON t.id::text = lower(k.key) OR t.code = lower(k.key) OR lower(t.name) = lower(k.key)`,
      [keys],
    );
  }

  // --- writing ---

  async organizationByName(tx: EntityManager, name: string): Promise<string> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO directory_organizations (name) VALUES ($1)
       ON CONFLICT ((lower(name))) DO UPDATE SET updated_at = directory_organizations.updated_at RETURNING id`,
      [name],
    );
    return rows[0].id;
  }

  async insertService(tx: EntityManager, organizationId: string, s: ServiceFields, assuredDate: string | null) {
    const columns = ['organization_id', ...SERVICE_FIELD_COLUMNS, 'assured_date'];
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO directory_services (${columns.join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      [organizationId, ...serviceFieldValues(s), assuredDate],
    );
    return row.id;
  }

  async updateService(tx: EntityManager, id: string, organizationId: string, s: ServiceFields): Promise<void> {
    const columns = ['organization_id', ...SERVICE_FIELD_COLUMNS];
    await tx.query(
      `UPDATE directory_services SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, last_modified = now()
       WHERE id = $1`,
      [id, organizationId, ...serviceFieldValues(s)],
    );
  }

  async setStatus(tx: EntityManager, id: string, status: ServiceStatus): Promise<void> {
    await tx.query(`UPDATE directory_services SET status = $2, last_modified = now() WHERE id = $1`, [id, status]);
  }

  /** Checked today (Europe/Oslo): no longer stale. */
  async verify(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE directory_services SET assured_date = (now() AT TIME ZONE 'Europe/Oslo')::date, stale = false,
         last_modified = now() WHERE id = $1`,
      [id],
    );
  }

  /** The daily job: an offer not checked for `days` days (or never, since it was made) is stale. */
  /** The suggester's private email, once the suggestion was decided `days` ago. */
  async forgetSuggesterEmails(days: number): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH forgotten AS (
         UPDATE directory_suggestions SET suggester_email = NULL
         WHERE suggester_email IS NOT NULL AND decided_at <= now() - make_interval(days => $1::int)
         RETURNING id)
       SELECT count(*)::int AS n FROM forgotten`,
      [days],
    );
    return n;
  }

  async markStale(days: number): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH marked AS (
         UPDATE directory_services SET stale = true, last_modified = now()
         WHERE NOT stale AND status <> 'defunct'
           AND coalesce(assured_date, (created_at AT TIME ZONE 'Europe/Oslo')::date)
               <= (now() AT TIME ZONE 'Europe/Oslo')::date - $1::int
         RETURNING id)
       SELECT count(*)::int AS n FROM marked`,
      [days],
    );
    return n;
  }

  async replaceLocation(tx: EntityManager, serviceId: string, organizationId: string, l: LocationFields | null) {
    await tx.query(
      `DELETE FROM directory_locations WHERE id IN (SELECT location_id FROM directory_service_at_locations WHERE service_id = $1)`,
      [serviceId],
    );
    if (!l) return;
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO directory_locations (organization_id, location_type, name, address_1, city, postal_code,
         state_province, municipality_code, accessibility, transportation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        organizationId,
        l.location_type,
        l.name,
        l.address_1,
        l.city,
        l.postal_code,
        l.state_province,
        l.municipality_code,
        l.accessibility,
        l.transportation,
      ],
    );
    await tx.query(`INSERT INTO directory_service_at_locations (service_id, location_id) VALUES ($1, $2)`, [
      serviceId,
      row.id,
    ]);
  }

  async replaceSchedules(tx: EntityManager, serviceId: string, schedules: ScheduleFields[]): Promise<void> {
    await tx.query('DELETE FROM directory_schedules WHERE service_id = $1', [serviceId]);
    for (const [position, s] of schedules.entries())
      await tx.query(
        `INSERT INTO directory_schedules (service_id, freq, "interval", byday, bymonthday, dtstart, until, opens_at,
           closes_at, description, notes, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          serviceId,
          s.freq,
          s.interval,
          s.byday,
          s.bymonthday,
          s.dtstart,
          s.until,
          s.opens_at,
          s.closes_at,
          s.description,
          s.notes,
          position,
        ],
      );
  }

  async replaceContact(
    tx: EntityManager,
    serviceId: string,
    c: { email: string | null; phone: string | null; cost: string | null },
  ): Promise<void> {
    await tx.query('DELETE FROM directory_contacts WHERE service_id = $1', [serviceId]);
    await tx.query('DELETE FROM directory_phones WHERE service_id = $1', [serviceId]);
    await tx.query('DELETE FROM directory_cost_options WHERE service_id = $1', [serviceId]);
    if (c.email)
      await tx.query('INSERT INTO directory_contacts (service_id, email) VALUES ($1, $2)', [serviceId, c.email]);
    if (c.phone)
      await tx.query(`INSERT INTO directory_phones (service_id, number, type) VALUES ($1, $2, 'voice')`, [
        serviceId,
        c.phone,
      ]);
    if (c.cost)
      await tx.query(
        `INSERT INTO directory_cost_options (service_id, option, amount_description) VALUES ($1, 'Pris', $2)`,
        [serviceId, c.cost],
      );
  }

  async replaceTerms(tx: EntityManager, serviceId: string, termIds: string[]): Promise<void> {
    await tx.query('DELETE FROM directory_service_terms WHERE service_id = $1 AND NOT (term_id = ANY($2::uuid[]))', [
      serviceId,
      termIds,
    ]);
    await tx.query(
      `INSERT INTO directory_service_terms (service_id, term_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [serviceId, termIds],
    );
  }

  async touch(tx: EntityManager, serviceId: string): Promise<void> {
    await tx.query('UPDATE directory_services SET last_modified = now() WHERE id = $1', [serviceId]);
  }

  // --- suggestions ---

  async insertSuggestion(
    tx: EntityManager,
    s: {
      serviceId: string | null;
      fields: Record<string, unknown>;
      suggesterEmail: string | null;
      receiptHash: Buffer;
    },
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO directory_suggestions (service_id, fields, suggester_email, receipt_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [s.serviceId, JSON.stringify(s.fields), s.suggesterEmail, s.receiptHash],
    );
    return row.id;
  }

  async findSuggestion(tx: EntityManager, id: string, lock = false): Promise<SuggestionRow | null> {
    const rows: SuggestionRow[] = await tx.query(
      `SELECT id, service_id, fields, status, rejection_reason, suggester_email, result_service_id, created_at
       FROM directory_suggestions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  suggestions(ids: string[]): Promise<(SuggestionRow & { current_name: string | null })[]> {
    return this.db.query(
      `SELECT g.id, g.service_id, g.fields, g.status, g.rejection_reason, NULL AS suggester_email, g.result_service_id,
              g.created_at, s.name AS current_name
       FROM directory_suggestions g LEFT JOIN directory_services s ON s.id = g.service_id WHERE g.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async decideSuggestion(
    tx: EntityManager,
    id: string,
    to: 'published' | 'rejected',
    reason: string | null,
    resultServiceId: string | null,
  ): Promise<void> {
    await tx.query(
      `UPDATE directory_suggestions SET status = $2, rejection_reason = $3, result_service_id = $4, decided_at = now()
       WHERE id = $1`,
      [id, to, reason, resultServiceId],
    );
  }

  async receipt(hash: Buffer): Promise<{
    status: SuggestionRow['status'];
    rejection_reason: string | null;
    result_service_id: string | null;
  } | null> {
    const rows = await this.db.query(
      `SELECT g.status, g.rejection_reason, g.result_service_id
       FROM directory_suggestions g WHERE g.receipt_hash = $1`,
      [hash],
    );
    return rows[0] ?? null;
  }
}
