import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiAuthor, type AuthorDto, UserAuthorDto } from '../../forum/dto/author.dto.js';
import { CALENDAR_KINDS, EVENT_AUDIENCES, EVENT_REGISTRATION, type CalendarKind } from './event-input.dto.js';

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export const REGISTRATION_STATUSES = ['going', 'waitlisted', 'not_going'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export class LocationDto {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

export class CafeRoomRefDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class AchievementDto {
  @ApiProperty({ format: 'uuid' }) consultationId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) reportPublishedAt: string;
}

export class EventDto {
  @ApiProperty({ format: 'uuid', description: 'For kind cafe: the café session’s id' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Sanitised HTML of the Markdown description' }) descriptionHtml: string;
  @ApiProperty({ enum: CALENDAR_KINDS }) kind: CalendarKind;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: LocationDto, nullable: true }) location: LocationDto | null;
  @ApiProperty({ description: 'Whether it happens online (the address itself only in onlineUrl)' }) online: boolean;
  @ApiPropertyOptional({
    description: 'Only to those going and the organiser, and only on GET /api/events/:id',
  })
  onlineUrl?: string;
  @ApiProperty({ enum: EVENT_AUDIENCES }) audience: (typeof EVENT_AUDIENCES)[number];
  @ApiProperty({ type: Number, nullable: true }) capacity: number | null;
  @ApiProperty({ enum: EVENT_REGISTRATION }) registration: (typeof EVENT_REGISTRATION)[number];
  @ApiProperty({ description: 'How many are going' }) going: number;
  @ApiProperty({ description: 'How many are on the waitlist' }) waitlisted: number;
  @ApiProperty({ enum: REGISTRATION_STATUSES, nullable: true, type: String }) myStatus: RegistrationStatus | null;
  @ApiPropertyOptional({ description: 'The caller’s place on the waitlist (1: first)' }) myPosition?: number;
  @ApiAuthor({ description: 'Who organises it (a café session: the café itself, as deleted)' })
  organiser: AuthorDto;
  @ApiProperty({ enum: EVENT_STATUSES }) status: (typeof EVENT_STATUSES)[number];
  @ApiPropertyOptional({ type: String, nullable: true }) cancelReason?: string | null;
  @ApiProperty({ description: 'RFC 5545 SEQUENCE: raised by every change' }) sequence: number;
  @ApiPropertyOptional({ type: String, nullable: true }) summaryHtml?: string | null;
  @ApiPropertyOptional({
    type: [AchievementDto],
    description: 'Seminars: consultations the caller may see whose reports were published since the previous seminar',
  })
  achievements?: AchievementDto[];
  @ApiPropertyOptional({ type: CafeRoomRefDto, description: 'For kind cafe: the room' }) cafeRoom?: CafeRoomRefDto;
  @ApiProperty({ description: 'Whether the caller may edit, cancel and see the registrations' }) canManage: boolean;
  @ApiProperty({ description: 'Whether the caller may sign up now' }) canRegister: boolean;
}

export class EventPageDto {
  @ApiProperty({ type: [EventDto] }) items: EventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RegistrationDto {
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional({ description: 'On the waitlist: 1 for the first' }) position?: number;
}

export class RegistrationEntryDto {
  @ApiProperty({ type: UserAuthorDto }) user: UserAuthorDto;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiPropertyOptional() position?: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'The secret address of the personal feed; keep it to yourself' }) url: string;
}
