import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/validation.js';
import { TextField, WholeNumberField } from '../../common/dto/fields.js';

export const EVENT_KINDS = ['seminar', 'meeting', 'course', 'social', 'other'] as const;
/** What `/api/events` lists: the events, and the café's planned sessions as `cafe`. */
export const CALENDAR_KINDS = [...EVENT_KINDS, 'cafe'] as const;
export const EVENT_AUDIENCES = ['everyone', 'members', 'panel'] as const;
export const EVENT_REGISTRATION = ['none', 'open'] as const;
export const REGISTRATION_CHOICES = ['going', 'not_going'] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

export class LocationInputDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'location.name must be 1–200 characters' })
  @MaxLength(200, { message: 'location.name must be 1–200 characters' })
  name: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300, { message: 'location.address must be at most 300 characters' })
  address?: string;
}

export class CreateEventDto {
  @TextField(150, { min: 3 })
  title: string;

  @ApiProperty({ maxLength: 20000, description: 'Markdown' })
  @IsString()
  @MaxLength(20000, { message: 'description must be at most 20000 characters' })
  description: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS, { message: 'kind must be seminar, meeting, course, social or other' })
  kind: EventKind;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'After startsAt' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' })
  endsAt: string;

  @ApiPropertyOptional({ type: LocationInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInputDto)
  @IsDefined()
  location?: LocationInputDto;

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'https only; given only to those going and the organiser',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'onlineUrl must be at most 500 characters' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineUrl must be an https address' })
  onlineUrl?: string;

  @ApiProperty({ enum: EVENT_AUDIENCES })
  @IsIn(EVENT_AUDIENCES, { message: 'audience must be everyone, members or panel' })
  audience: (typeof EVENT_AUDIENCES)[number];

  @WholeNumberField(1, 10000, { optional: true, description: 'No more going than this; the rest wait in order' })
  capacity?: number;

  @ApiProperty({ enum: EVENT_REGISTRATION })
  @IsIn(EVENT_REGISTRATION, { message: 'registration must be none or open' })
  registration: (typeof EVENT_REGISTRATION)[number];
}

/** Any field; `null` clears location, onlineUrl or capacity. `summary` only after the event. */
export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['location', 'onlineUrl', 'capacity'])) {
  @ApiPropertyOptional({ type: LocationInputDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationInputDto)
  location?: LocationInputDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'onlineUrl must be at most 500 characters' })
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'onlineUrl must be an https address' })
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt({ message: 'capacity must be a whole number from 1 to 10000' })
  @Min(1, { message: 'capacity must be a whole number from 1 to 10000' })
  @Max(10000, { message: 'capacity must be a whole number from 1 to 10000' })
  capacity?: number | null;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Markdown; what came of it, after the event' })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  summary?: string;
}

export class CancelEventDto {
  @TextField(500, { min: 3 })
  reason: string;
}

export class RegistrationInputDto {
  @ApiProperty({ enum: REGISTRATION_CHOICES })
  @IsIn(REGISTRATION_CHOICES, { message: 'status must be going or not_going' })
  status: (typeof REGISTRATION_CHOICES)[number];
}

export class EventsQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Events ending after this (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date and time (ISO 8601)' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events starting before this (default: a year after from)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date and time (ISO 8601)' })
  to?: string;

  @ApiPropertyOptional({ enum: CALENDAR_KINDS })
  @IsOptional()
  @IsIn(CALENDAR_KINDS, { message: 'kind must be seminar, meeting, course, social, other or cafe' })
  kind?: CalendarKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  @Matches(/^[\w-]+$/, { message: 'cursor is not valid: use nextCursor from the previous page.' })
  cursor?: string;
}
