import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * The HSDS 3.0 objects the feed answers with, field names and enum values exactly as in the
 * specification's schemas (test/e2e/hsds-schemas/, copied from openreferral/specification).
 * Fields without a value are left out, never null: the schemas type them as strings or numbers.
 * Norwegian extras are named x_... (decision 0035).
 */

export class HsdsOrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
  @ApiPropertyOptional({ format: 'uri' }) website?: string;
}

export class HsdsTaxonomyTermDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stable code, e.g. turgruppe' }) code: string;
  @ApiProperty({ description: 'In bokmål' }) name: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'erfaringsforum-aktivitetstyper' }) taxonomy: string;
  @ApiProperty({ example: 'nb' }) language: string;
  @ApiProperty({ description: 'The name in English' }) x_name_en: string;
  @ApiPropertyOptional({ description: 'Published offers of this type (the list only)' }) x_service_count?: number;
}

export class HsdsAttributeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The service' }) link_id: string;
  @ApiProperty({ example: 'service' }) link_entity: string;
  @ApiProperty({ example: 'activity_type' }) link_type: string;
  @ApiProperty({ format: 'uuid' }) taxonomy_term_id: string;
  @ApiProperty({ type: HsdsTaxonomyTermDto }) taxonomy_term: HsdsTaxonomyTermDto;
}

export class HsdsAddressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiProperty() address_1: string;
  @ApiProperty() city: string;
  @ApiProperty({ description: 'The county (fylke)' }) state_province: string;
  @ApiProperty() postal_code: string;
  @ApiProperty({ example: 'NO' }) country: string;
  @ApiProperty({ enum: ['physical', 'postal', 'virtual'] }) address_type: string;
}

export class HsdsAccessibilityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiProperty() description: string;
}

export class HsdsLocationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['physical', 'postal', 'virtual'] }) location_type: string;
  @ApiPropertyOptional({ format: 'uuid' }) organization_id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() transportation?: string;
  @ApiPropertyOptional() latitude?: number;
  @ApiPropertyOptional() longitude?: number;
  @ApiProperty({ type: [HsdsAddressDto] }) addresses: HsdsAddressDto[];
  @ApiProperty({ type: [HsdsAccessibilityDto] }) accessibility: HsdsAccessibilityDto[];
  @ApiPropertyOptional({ description: 'Kommunenummer of the place' }) x_municipality_code?: string;
}

export class HsdsServiceAtLocationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) service_id: string;
  @ApiProperty({ format: 'uuid' }) location_id: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: HsdsLocationDto }) location: HsdsLocationDto;
}

export class HsdsScheduleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) service_id: string;
  @ApiPropertyOptional({ enum: ['WEEKLY', 'MONTHLY'] }) freq?: string;
  @ApiPropertyOptional() interval?: number;
  @ApiPropertyOptional({ example: 'TU' }) byday?: string;
  @ApiPropertyOptional() bymonthday?: string;
  @ApiPropertyOptional({ enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] }) wkst?: string;
  @ApiPropertyOptional({ example: '2026-01-06' }) dtstart?: string;
  @ApiPropertyOptional() until?: string;
  @ApiPropertyOptional() valid_from?: string;
  @ApiPropertyOptional() valid_to?: string;
  @ApiPropertyOptional({ example: '18:00', description: 'Local time in x_timezone' }) opens_at?: string;
  @ApiPropertyOptional({ example: '20:00' }) closes_at?: string;
  @ApiProperty({ example: 'Tirsdager kl. 18–20' }) description: string;
  @ApiPropertyOptional() notes?: string;
  @ApiProperty({ example: 'Europe/Oslo' }) x_timezone: string;
}

export class HsdsContactDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid' }) service_id?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() department?: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
}

export class HsdsPhoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ format: 'uuid' }) service_id?: string;
  @ApiProperty() number: string;
  @ApiPropertyOptional() type?: string;
  @ApiPropertyOptional() description?: string;
}

export class HsdsCostOptionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) service_id: string;
  @ApiPropertyOptional() option?: string;
  @ApiProperty({ example: 'NOK' }) currency: string;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional() amount_description?: string;
}

/** A service as a list gives it: its own fields, its organisation, opening times and activity types. */
export class HsdsServiceSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organization_id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() alternate_name?: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ format: 'uri' }) url?: string;
  @ApiPropertyOptional({ format: 'email' }) email?: string;
  @ApiProperty({ enum: ['active', 'inactive', 'defunct', 'temporarily closed'] }) status: string;
  @ApiPropertyOptional() fees_description?: string;
  @ApiPropertyOptional() eligibility_description?: string;
  @ApiPropertyOptional() application_process?: string;
  @ApiPropertyOptional() minimum_age?: number;
  @ApiPropertyOptional() maximum_age?: number;
  @ApiPropertyOptional({ description: 'The day it was last checked (YYYY-MM-DD)' }) assured_date?: string;
  @ApiPropertyOptional() alert?: string;
  @ApiProperty({ format: 'date-time' }) last_modified: string;
  @ApiProperty({ example: '4627', description: 'Kommunenummer' }) x_municipality_code: string;
  @ApiProperty({ description: 'Not checked for 180 days' }) x_stale: boolean;
  @ApiProperty({ type: HsdsOrganizationDto }) organization: HsdsOrganizationDto;
  @ApiProperty({ type: [HsdsScheduleDto] }) schedules: HsdsScheduleDto[];
  @ApiProperty({ type: [HsdsAttributeDto] }) attributes: HsdsAttributeDto[];
  @ApiProperty({ description: "Where (the first place's city), for a list" }) x_place: string;
  @ApiPropertyOptional({ description: 'Moderators only: they may edit, verify and retire it' })
  x_can_moderate?: boolean;
}

/** A service with everything that hangs off it (HSDS's fully nested service). */
export class HsdsServiceDto extends HsdsServiceSummaryDto {
  @ApiProperty({ type: [HsdsServiceAtLocationDto] }) service_at_locations: HsdsServiceAtLocationDto[];
  @ApiProperty({ type: [HsdsContactDto] }) contacts: HsdsContactDto[];
  @ApiProperty({ type: [HsdsPhoneDto] }) phones: HsdsPhoneDto[];
  @ApiProperty({ type: [HsdsCostOptionDto] }) cost_options: HsdsCostOptionDto[];
}

export class HsdsFullOrganizationDto extends HsdsOrganizationDto {
  @ApiProperty({ type: [HsdsServiceSummaryDto], description: 'Its published offers' })
  services: HsdsServiceSummaryDto[];
}

/** HSDS's paged list (components.schemas.Page of the specification's OpenAPI document). */
class HsdsPage {
  @ApiProperty() total_items: number;
  @ApiProperty() total_pages: number;
  @ApiProperty({ description: 'From 1' }) page_number: number;
  @ApiProperty({ description: 'How many are on this page' }) size: number;
  @ApiProperty() first_page: boolean;
  @ApiProperty() last_page: boolean;
  @ApiProperty() empty: boolean;
}

export class HsdsServicePageDto extends HsdsPage {
  @ApiProperty({ type: [HsdsServiceSummaryDto] }) contents: HsdsServiceSummaryDto[];
}

export class HsdsOrganizationPageDto extends HsdsPage {
  @ApiProperty({ type: [HsdsOrganizationDto] }) contents: HsdsOrganizationDto[];
}

export class HsdsTaxonomyTermPageDto extends HsdsPage {
  @ApiProperty({ type: [HsdsTaxonomyTermDto] }) contents: HsdsTaxonomyTermDto[];
}

export interface HsdsPageOf<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
