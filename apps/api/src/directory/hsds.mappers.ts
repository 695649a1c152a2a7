import type {
  HsdsAttributeDto,
  HsdsOrganizationDto,
  HsdsPageOf,
  HsdsScheduleDto,
  HsdsServiceAtLocationDto,
  HsdsServiceDto,
  HsdsServiceSummaryDto,
  HsdsTaxonomyTermDto,
} from './dto/hsds.dto.js';
import type {
  AttributeRow,
  LocationRow,
  OrganizationRow,
  ScheduleRow,
  ServiceParts,
  ServiceRow,
  TermRow,
} from './directory.repository.js';

export const TAXONOMY = 'erfaringsforum-aktivitetstyper';
export const TIMEZONE = 'Europe/Oslo';

/**
 * The county (fylke) of a municipality, from the first two digits of its number (the counties
 * from 1 January 2024). HSDS's address requires `state_province`.
 */
const COUNTIES: Record<string, string> = {
  '03': 'Oslo',
  '11': 'Rogaland',
  '15': 'Møre og Romsdal',
  '18': 'Nordland',
  '31': 'Østfold',
  '32': 'Akershus',
  '33': 'Buskerud',
  '34': 'Innlandet',
  '39': 'Vestfold',
  '40': 'Telemark',
  '42': 'Agder',
  '46': 'Vestland',
  '50': 'Trøndelag',
  '55': 'Troms',
  '56': 'Finnmark',
};
export const countyOf = (municipality: string | null) =>
  municipality ? COUNTIES[municipality.slice(0, 2)] : undefined;

/** Drops null and undefined: HSDS types its optional fields as strings or numbers, not null. */
function compact<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export function toOrganization(o: OrganizationRow): HsdsOrganizationDto {
  return compact({ id: o.id, name: o.name, description: o.description, email: o.email, website: o.website });
}

export function toTerm(
  t: Pick<TermRow, 'code' | 'name' | 'name_en' | 'description'> & { id: string },
): HsdsTaxonomyTermDto {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    taxonomy: TAXONOMY,
    language: 'nb',
    x_name_en: t.name_en,
  };
}

function toAttribute(a: AttributeRow): HsdsAttributeDto {
  return {
    id: a.id,
    link_id: a.service_id,
    link_entity: 'service',
    link_type: 'activity_type',
    taxonomy_term_id: a.term_id,
    taxonomy_term: toTerm({ ...a, id: a.term_id }),
  };
}

function toSchedule(s: ScheduleRow): HsdsScheduleDto {
  return compact({
    id: s.id,
    service_id: s.service_id,
    freq: s.freq,
    interval: s.interval,
    byday: s.byday,
    bymonthday: s.bymonthday,
    wkst: s.wkst,
    dtstart: s.dtstart,
    until: s.until,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    opens_at: hhmm(s.opens_at),
    closes_at: hhmm(s.closes_at),
    description: s.description,
    notes: s.notes,
    x_timezone: TIMEZONE,
  });
}

function toServiceAtLocation(l: LocationRow): HsdsServiceAtLocationDto {
  const county = l.state_province ?? countyOf(l.municipality_code);
  const hasAddress = l.address_1 && l.city && l.postal_code && county;
  return compact({
    id: l.sal_id,
    service_id: l.service_id,
    location_id: l.id,
    description: l.sal_description,
    location: compact({
      id: l.id,
      location_type: l.location_type,
      organization_id: l.organization_id,
      name: l.name,
      description: l.description,
      transportation: l.transportation,
      latitude: l.latitude,
      longitude: l.longitude,
      addresses: hasAddress
        ? [
            {
              id: l.address_id,
              location_id: l.id,
              address_1: l.address_1!,
              city: l.city!,
              state_province: county,
              postal_code: l.postal_code!,
              country: l.country,
              address_type: l.location_type,
            },
          ]
        : [],
      accessibility: l.accessibility
        ? [{ id: l.accessibility_id, location_id: l.id, description: l.accessibility }]
        : [],
      x_municipality_code: l.municipality_code,
    }),
  });
}

/** The parts of one service, picked out of the parts of a page. */
function partsOf(parts: ServiceParts, id: string) {
  return {
    locations: parts.locations.filter((l) => l.service_id === id),
    schedules: parts.schedules.filter((s) => s.service_id === id),
    attributes: parts.attributes.filter((a) => a.service_id === id),
  };
}

export function toServiceSummary(s: ServiceRow, parts: ServiceParts, canModerate: boolean): HsdsServiceSummaryDto {
  const org = parts.organizations.find((o) => o.id === s.organization_id)!;
  const mine = partsOf(parts, s.id);
  const place = mine.locations.find((l) => l.city)?.city ?? mine.locations.find((l) => l.name)?.name ?? '';
  return compact({
    id: s.id,
    organization_id: s.organization_id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    fees_description: s.fees_description,
    eligibility_description: s.eligibility_description,
    application_process: s.application_process,
    minimum_age: s.minimum_age,
    maximum_age: s.maximum_age,
    assured_date: s.assured_date,
    alert: s.alert,
    last_modified: s.last_modified.toISOString(),
    x_municipality_code: s.municipality_code,
    x_stale: s.stale,
    organization: toOrganization(org),
    schedules: mine.schedules.map(toSchedule),
    attributes: mine.attributes.map(toAttribute),
    x_place: place,
    x_can_moderate: canModerate ? true : undefined,
  });
}

export function toService(s: ServiceRow, parts: ServiceParts, canModerate: boolean): HsdsServiceDto {
  const mine = partsOf(parts, s.id);
  return {
    ...toServiceSummary(s, parts, canModerate),
    service_at_locations: mine.locations.map(toServiceAtLocation),
    contacts: parts.contacts
      .filter((c) => c.service_id === s.id)
      .map((c) =>
        compact({
          id: c.id,
          service_id: c.service_id!,
          name: c.name,
          title: c.title,
          department: c.department,
          email: c.email,
        }),
      ),
    phones: parts.phones
      .filter((p) => p.service_id === s.id)
      .map((p) =>
        compact({ id: p.id, service_id: p.service_id!, number: p.number, type: p.type, description: p.description }),
      ),
    cost_options: parts.costs
      .filter((c) => c.service_id === s.id)
      .map((c) =>
        compact({
          id: c.id,
          service_id: c.service_id,
          option: c.option,
          currency: c.currency,
          amount: c.amount === null ? null : Number(c.amount),
          amount_description: c.amount_description,
        }),
      ),
  };
}

export function toPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPageOf<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
