import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  CANNED_REASON_CODES,
  FLAG_REASONS,
  QUEUE_REASONS,
  type CannedReasonCode,
  type FlagReason,
  type QueueReason,
} from '#libs/contracts';
import { ApiAuthor, type AuthorDto } from '../../forum/dto/author.dto.js';
import { BODY_MAX, STATUSES } from '../../forum/dto/post.dto.js';

export class QueueClaimDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class QueueCategoryDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class QueueRoomDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

/** What the item is about. Forum content always has `threadId`; the author is shown as the forum shows it. */
export class QueueContentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Always present for forum content' }) threadId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) postId?: string;
  @ApiPropertyOptional({ description: 'The thread’s title' }) title?: string;
  @ApiProperty({ description: 'Rendered and sanitised; empty once deleted' }) bodyHtml: string;
  @ApiPropertyOptional({ description: 'A post’s Markdown source, for "edit and approve"' }) body?: string;
  @ApiAuthor({ description: 'Anonymous and guest authors stay anonymous here too' })
  author: AuthorDto;
  @ApiPropertyOptional({ enum: STATUSES, description: 'The post’s status now' }) status?: string;
  @ApiPropertyOptional({ type: QueueCategoryDto }) category?: QueueCategoryDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'A café message' }) messageId?: string;
  @ApiPropertyOptional({ type: QueueRoomDto, description: 'The café room of a reported message' }) room?: QueueRoomDto;
  @ApiPropertyOptional({ description: 'A café message already removed by a host' }) removed?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'A consultation answer: its consultation' })
  consultationId?: string;
  @ApiPropertyOptional({ description: 'A directory suggestion: the offer’s name' }) name?: string;
  @ApiPropertyOptional({ description: 'A directory suggestion: the organisation' }) organizationName?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A directory suggestion correcting this offer' })
  serviceId?: string;
}

/** A flag as moderators see it: never who raised it. */
export class QueueFlagDto {
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['post', 'thread', 'flag', 'cafe_message', 'consultation_answer', 'directory_suggestion'] })
  type: string;
  @ApiProperty({ enum: ['crisis', 'normal'] }) priority: string;
  @ApiProperty({
    enum: QUEUE_REASONS,
    isArray: true,
    description: 'Why it is here: why it was held, a crisis, the reasons of its flags, or a report in the café',
  })
  reasons: QueueReason[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: QueueClaimDto,
    nullable: true,
    description: 'The moderator working on it (a claim lapses after 15 minutes)',
  })
  claimedBy: QueueClaimDto | null;
  @ApiProperty({ type: QueueContentDto }) content: QueueContentDto;
  @ApiProperty({ type: [QueueFlagDto], description: 'The open flags, oldest first' }) flags: QueueFlagDto[];
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items: QueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ApproveDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'For the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: BODY_MAX,
    description: 'The moderator’s edit (Markdown), applied before publishing so the first version is never shown',
  })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'body must not be empty' })
  @MaxLength(BODY_MAX, { message: `body must be at most ${BODY_MAX} characters` })
  @Matches(/\S/, { message: 'body must not be blank' })
  body?: string;
}

export class ReasonDto {
  @ApiProperty({
    minLength: 3,
    maxLength: 1000,
    description: 'Told to the author (ground rule 8): a canned reason’s text (GET /api/mod/reasons) or your own words',
  })
  @IsString({ message: 'reason must be text' })
  @MinLength(3, { message: 'reason must be 3–1000 characters' })
  @MaxLength(1000, { message: 'reason must be 3–1000 characters' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;
}

export class QueueDecisionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['open', 'approved', 'rejected', 'hidden', 'withdrawn'] }) status: string;
  @ApiPropertyOptional({ type: QueueClaimDto, nullable: true }) claimedBy?: QueueClaimDto | null;
}

export class CannedReasonDto {
  @ApiProperty({ enum: CANNED_REASON_CODES }) code: CannedReasonCode;
  @ApiProperty({ description: 'The words the author is told' }) text: string;
}
