import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { HelplineDto } from '../../common/dto/support.dto.js';
import { PageQueryDto } from '../../common/paging.js';
import { PERSPECTIVES, type Perspective } from './recruitment.dto.js';
import { TextField, WholeNumberField } from '../../common/dto/fields.js';

export const ASSIGNMENT_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const OFFER_ROLES = ['primary', 'backup'] as const;
export type OfferRole = (typeof OFFER_ROLES)[number];
export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'released'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

// --- pool profiles ---

export class PanelProfileDto {
  @ApiProperty({ enum: PERSPECTIVES, isArray: true }) perspectives: Perspective[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ description: 'Not offered assignments now' }) paused: boolean;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: 'The pause ends by itself then' })
  pausedUntil: string | null;
  @ApiProperty({ minimum: 1, maximum: 10, default: 2 }) maxActiveAssignments: number;
}

export class PanelProfileInputDto {
  @ApiPropertyOptional({ enum: PERSPECTIVES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(PERSPECTIVES, { each: true, message: 'perspectives must be user, relative, peer or staff' })
  perspectives?: Perspective[];

  @ApiPropertyOptional({ type: [String], description: 'Up to 20 topics, each 1–60 characters' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: 'topics must hold at most 20 topics' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'a topic must be 1–60 characters' })
  @MaxLength(60, { each: true, message: 'a topic must be 1–60 characters' })
  @Matches(/\S/, { each: true, message: 'a topic must not be blank' })
  topics?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  paused?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Pause until this day (implies paused)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'pausedUntil must be a date (YYYY-MM-DD)' })
  pausedUntil?: string | null;

  @WholeNumberField(1, 10, { optional: true })
  maxActiveAssignments?: number;
}

// --- assignments ---

export class CreateAssignmentDto {
  @TextField(150, { min: 3 })
  title: string;

  @TextField(5000, { min: 1, description: 'The mandate: what the member is asked to do' })
  description: string;

  @TextField(200, { min: 1, description: 'Who asks (a DPS, a project, a municipality)' })
  requester: string;

  @TextField(2000, { min: 1, description: 'What may and may not be shared' })
  confidentiality: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'startsAt must be a date and time (ISO 8601)' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'Required; after startsAt and at most 183 days after it' })
  @IsISO8601({ strict: true }, { message: 'endsAt must be a date and time (ISO 8601)' })
  endsAt: string;

  @WholeNumberField(1, 2000)
  estimatedHours: number;

  @TextField(500, { optional: true, example: '500 kr per time' })
  compensation?: string;
}

export class UpdateAssignmentDto extends PartialType(CreateAssignmentDto) {}

export class OfferInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: OFFER_ROLES })
  @IsIn(OFFER_ROLES, { message: 'role must be primary or backup' })
  role: OfferRole;
}

export class CheckinInputDto {
  @WholeNumberField(1, 5, { description: '1: light, 5: too much' })
  load: number;

  @TextField(2000, { optional: true, description: 'Seen by you and the admins only' })
  note?: string;

  @ApiPropertyOptional({ description: 'Hand the assignment on and pause' })
  @IsOptional()
  @IsBoolean()
  wantPause?: boolean;
}

// --- answers ---

export class PoolUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class OfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: OFFER_ROLES }) role: OfferRole;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
}

export class AdminOfferDto extends OfferDto {
  @ApiProperty({ type: PoolUserDto }) user: PoolUserDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}

export class CheckinDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) load: number;
  @ApiProperty({ type: String, nullable: true, description: 'Its writer and the admins only' }) note: string | null;
  @ApiProperty() wantPause: boolean;
  @ApiProperty({ description: 'The last check-in, after the assignment ended' }) final: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminCheckinDto extends CheckinDto {
  @ApiProperty({ type: PoolUserDto }) user: PoolUserDto;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() requester: string;
  @ApiProperty() confidentiality: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() estimatedHours: number;
  @ApiProperty({ type: String, nullable: true }) compensation: string | null;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty({ description: 'The primary paused and the backup took over: a new backup is wanted' })
  needsBackup: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminAssignmentDto extends AssignmentDto {
  @ApiProperty({ type: [AdminOfferDto] }) offers: AdminOfferDto[];
  @ApiProperty({ type: [AdminCheckinDto] }) checkins: AdminCheckinDto[];
}

export class PoolSuggestionDto {
  @ApiProperty({ type: PoolUserDto }) user: PoolUserDto;
  @ApiProperty({ enum: PERSPECTIVES, isArray: true }) perspectives: Perspective[];
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty() activeAssignments: number;
  @ApiProperty() maxActiveAssignments: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: never had one' })
  lastAssignmentAt: string | null;
}

export class MyOfferDto extends OfferDto {
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() requester: string;
  @ApiProperty() confidentiality: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() estimatedHours: number;
  @ApiProperty({ type: String, nullable: true }) compensation: string | null;
}

export class MyAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() requester: string;
  @ApiProperty() confidentiality: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() estimatedHours: number;
  @ApiProperty({ type: String, nullable: true }) compensation: string | null;
  @ApiProperty({ enum: OFFER_ROLES }) role: OfferRole;
  @ApiProperty({ enum: OFFER_STATUSES, description: 'accepted, or released after a pause' }) offerStatus: OfferStatus;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status: AssignmentStatus;
  @ApiProperty() needsBackup: boolean;
  @ApiProperty({ description: 'The assignment ended: one last check-in is asked for' }) finalCheckinDue: boolean;
  @ApiProperty({ type: [CheckinDto], description: 'Your own check-ins only' }) checkins: CheckinDto[];
}

export class MyAssignmentsDto {
  @ApiProperty({ type: [MyOfferDto], description: 'Offers waiting for your answer' }) offers: MyOfferDto[];
  @ApiProperty({ type: [MyAssignmentDto] }) assignments: MyAssignmentDto[];
}

export class CheckinReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Your pause handed the assignment on' }) handedOver: boolean;
  @ApiPropertyOptional({ type: [HelplineDto] }) support?: HelplineDto[];
  @ApiPropertyOptional() staffed?: boolean;
}

export class LoadDto {
  @ApiProperty({ type: PoolUserDto }) user: PoolUserDto;
  @ApiProperty() activeAssignments: number;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 }) lastCheckinLoad: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAssignmentAt: string | null;
  @ApiProperty() paused: boolean;
  @ApiProperty() maxActiveAssignments: number;
}

export class AssignmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES, { message: 'status must be draft, active, completed or cancelled' })
  status?: AssignmentStatus;
}

export class AdminAssignmentPageDto {
  @ApiProperty({ type: [AdminAssignmentDto] }) items: AdminAssignmentDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
