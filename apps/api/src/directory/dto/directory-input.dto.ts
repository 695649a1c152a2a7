import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/validation.js';
import { TextField } from '../../common/dto/fields.js';

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
const MUNICIPALITY = /^[0-9]{4}$/;
const MUNICIPALITY_MESSAGE = 'municipality must be a municipality number of four digits, e.g. 4627';
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const BYDAY = /^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `?page&per_page&search&municipality&taxonomy_term_id&organization_id`, as HSDS's API names them. */
export class HsdsQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(100000, { message: 'page must be a whole number from 1 to 100000' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'per_page must be a whole number from 1 to 100' })
  @Min(1, { message: 'per_page must be a whole number from 1 to 100' })
  @Max(100, { message: 'per_page must be a whole number from 1 to 100' })
  per_page?: number;

  @TextField(100, { optional: true, description: 'Words in the name, description, organisation or type' })
  search?: string;

  @ApiPropertyOptional({ example: '4627', description: 'Kommunenummer' })
  @IsOptional()
  @IsString()
  @Matches(MUNICIPALITY, { message: MUNICIPALITY_MESSAGE })
  municipality?: string;

  @ApiPropertyOptional({
    description: 'An activity type: its id, code or name (ignoring case); several separated by commas',
  })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  taxonomy_term_id?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'organization_id must be an id' })
  organization_id?: string;
}

/** The moderators' lists: `?page&per_page&stale=true`. */
export class ModServicesQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ description: 'true: only offers due for a re-check, oldest check first' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'stale must be true or false' })
  stale?: boolean;
}

/** A new offer (no serviceId) or a correction of one, from anyone; held for a moderator. */
export class SuggestionDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Set: a correction of that offer' })
  @IsOptional()
  @IsUUID('all', { message: 'serviceId must be an id' })
  serviceId?: string;

  @TextField(200, { min: 2 })
  organizationName: string;

  @TextField(200, { min: 2 })
  name: string;

  @TextField(4000, { min: 1 })
  description: string;

  @ApiProperty({ example: '4627', description: 'Kommunenummer' })
  @IsString()
  @Matches(MUNICIPALITY, { message: MUNICIPALITY_MESSAGE })
  municipality: string;

  @TextField(300, { optional: true, example: 'Kleppevegen 5, 5300 Kleppestø' })
  address?: string;

  @TextField(300, { optional: true, example: 'Tirsdager kl. 18–20' })
  schedule?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptional()
  @Trim()
  @IsUrl(URL_OPTIONS, { message: 'url must be a web address starting with http:// or https://' })
  @MaxLength(500)
  url?: string;

  @ApiPropertyOptional({ format: 'email', description: 'The offer’s public contact address' })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ description: 'The offer’s public phone number' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{3,30}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @TextField(200, { optional: true, example: 'Gratis' })
  cost?: string;

  @ApiPropertyOptional({ type: [String], description: 'Activity types by code or name' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5, { message: 'taxonomyTerms can hold at most 5 types' })
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  taxonomyTerms?: string[];

  @ApiPropertyOptional({ format: 'email', description: 'Kept private: only so a moderator can ask you' })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'suggesterEmail must be an email address' })
  @MaxLength(200)
  suggesterEmail?: string;
}

export class SuggestionReceiptDto {
  @ApiProperty({ description: 'Keep it: GET /api/receipts/{token} tells what became of the suggestion' })
  receiptCode: string;
}

/** One opening time as HSDS's schedule fields (local time in Europe/Oslo). */
export class ScheduleInputDto {
  @ApiProperty({ maxLength: 300, example: 'Tirsdager kl. 18–20' })
  @Trim()
  @IsString()
  @MinLength(2, { message: 'a schedule’s description must be 2–300 characters' })
  @MaxLength(300, { message: 'a schedule’s description must be 2–300 characters' })
  description: string;

  @ApiPropertyOptional({ enum: ['WEEKLY', 'MONTHLY'] })
  @IsOptional()
  @IsIn(['WEEKLY', 'MONTHLY'], { message: 'freq must be WEEKLY or MONTHLY' })
  freq?: 'WEEKLY' | 'MONTHLY';

  @ApiPropertyOptional({ minimum: 1, maximum: 52 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  interval?: number;

  @ApiPropertyOptional({ example: 'TU' })
  @IsOptional()
  @IsString()
  @Matches(BYDAY, { message: 'byday must be days such as MO,TH or 1TU' })
  byday?: string;

  @ApiPropertyOptional({ example: '18:00' })
  @IsOptional()
  @Matches(TIME, { message: 'opens_at must be a time HH:MM' })
  opens_at?: string;

  @ApiPropertyOptional({ example: '20:00' })
  @IsOptional()
  @Matches(TIME, { message: 'closes_at must be a time HH:MM' })
  closes_at?: string;

  @ApiPropertyOptional({ example: '2026-01-06' })
  @IsOptional()
  @Matches(DATE, { message: 'dtstart must be a date YYYY-MM-DD' })
  dtstart?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @Matches(DATE, { message: 'until must be a date YYYY-MM-DD' })
  until?: string;
}

/** A moderator's edit, in HSDS field names. */
export class UpdateServiceDto {
  @TextField(200, { min: 2, optional: true })
  name?: string;

  @TextField(200, { optional: true })
  alternate_name?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(10, { message: 'description must be 10–4000 characters' })
  @MaxLength(4000, { message: 'description must be 10–4000 characters' })
  description?: string;

  @ApiPropertyOptional({ enum: SERVICE_STATUSES })
  @IsOptional()
  @IsIn(SERVICE_STATUSES, { message: 'status must be active, inactive, defunct or temporarily closed' })
  status?: (typeof SERVICE_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uri' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'url must be a web address starting with http:// or https://' })
  @MaxLength(500)
  url?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  fees_description?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  eligibility_description?: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  application_process?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minimum_age?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 120 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  maximum_age?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'A notice shown above the offer ("Sommerstengt i juli")' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  alert?: string;

  @ApiPropertyOptional({ example: '4627' })
  @IsOptional()
  @IsString()
  @Matches(MUNICIPALITY, { message: MUNICIPALITY_MESSAGE })
  x_municipality_code?: string;

  @ApiPropertyOptional({ type: [ScheduleInputDto], description: 'Replaces the opening times' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ScheduleInputDto)
  schedules?: ScheduleInputDto[];

  @ApiPropertyOptional({ type: [String], description: 'Replaces the activity types (codes or names)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  x_taxonomy_terms?: string[];
}
