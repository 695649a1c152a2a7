import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation.js';
import type { ContentStatus } from '#libs/policy';
import { HelplineDto } from '../../common/dto/support.dto.js';
import { ApiAuthor, type AuthorDto, NoticeDto } from './author.dto.js';
import { SLUG_PATTERN } from './category.dto.js';
import { PostBody, PostPageDto, STATUSES } from './post.dto.js';
import { CollapsedDto, ContentWarningField } from '../../reader-safety/dto/reader.dto.js';

export class ThreadSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiAuthor() author: AuthorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastPostAt: string;
  @ApiProperty({ description: 'Published replies (the opening post not counted)' }) replyCount: number;
  @ApiProperty() pinned: boolean;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The opening post’s content warning (a code), or null' })
  contentWarning: string | null;
  @ApiPropertyOptional({ type: CollapsedDto, description: 'Present when this reader’s filters fold the thread' })
  collapsed?: CollapsedDto;
}

export class ThreadSummaryPageDto {
  @ApiProperty({ type: [ThreadSummaryDto] }) items: ThreadSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CategoryRefDto {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
}

export class ThreadDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: CategoryRefDto }) category: CategoryRefDto;
  @ApiAuthor() author: AuthorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastPostAt: string;
  @ApiProperty() replyCount: number;
  @ApiProperty() pinned: boolean;
  @ApiProperty() locked: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The opening post’s content warning (a code), or null' })
  contentWarning: string | null;
  @ApiProperty({ enum: STATUSES }) status: ContentStatus;
  @ApiProperty({ type: PostPageDto, description: 'The first page of posts, oldest first' }) posts: PostPageDto;

  // What the caller may do here, answered by the policy (Policy.threadActions).
  @ApiProperty({
    description:
      'The caller may reply: the thread is published, they may write in its category (guests where it takes guests), not muted, and it is not locked (moderators may reply to a locked thread)',
  })
  canReply: boolean;
  @ApiProperty({ description: 'The caller may reply without their name: logged in, and the category allows it' })
  canReplyAnonymously: boolean;
  @ApiProperty({ description: 'The caller may lock, pin and move it (moderators)' }) canModerate: boolean;
}

export class CreatedThreadDto extends ThreadDto {
  @ApiPropertyOptional({ type: [NoticeDto] }) notices?: NoticeDto[];
  @ApiPropertyOptional({
    type: [HelplineDto],
    description: 'When the text matched a crisis watched word: where to get help now',
  })
  support?: HelplineDto[];
  @ApiPropertyOptional({ description: 'With `support`: whether a moderator is on duty right now' }) staffed?: boolean;
  @ApiPropertyOptional({ description: 'Guests only: see GET /api/receipts/{token}' }) receiptToken?: string;
  @ApiPropertyOptional({ description: 'Guests only: a short code to write down; GET /api/receipts/{code}' })
  receiptCode?: string;
}

export class CreateThreadDto {
  @ApiProperty({ minLength: 3, maxLength: 150 })
  @Trim()
  @IsString()
  @MinLength(3, { message: 'title must be 3–150 characters' })
  @MaxLength(150, { message: 'title must be 3–150 characters' })
  title: string;

  @PostBody() body: string;

  @ContentWarningField() contentWarning?: string | null;

  @ApiPropertyOptional({ description: 'Post without your name, where the category allows it' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class ModerateThreadDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() locked?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() pinned?: boolean;

  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source, description: 'Move the thread to this category' })
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: 'categorySlug must be 2–48 characters: a-z, 0-9 and -' })
  categorySlug?: string;
}
