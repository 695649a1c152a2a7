import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { FLAG_REASONS, REACTION_KINDS, type FlagReason, type ReactionKind } from '#libs/contracts';
import type { ContentStatus } from '#libs/policy';
import { HelplineDto } from '../../common/dto/support.dto.js';
import { ApiAuthor, type AuthorDto, NoticeDto } from './author.dto.js';
import { CollapsedDto, ContentWarningField, ReactionCountsDto } from '../../reader-safety/dto/reader.dto.js';

export const BODY_MAX = 20_000;
export const STATUSES: ContentStatus[] = ['published', 'pending', 'rejected', 'hidden', 'deleted'];

/** A post's Markdown: 1–20,000 characters, not blank. */
export const PostBody = () =>
  applyDecorators(
    ApiProperty({ minLength: 1, maxLength: BODY_MAX, description: 'Markdown' }),
    IsString(),
    MinLength(1, { message: 'body must not be empty' }),
    MaxLength(BODY_MAX, { message: `body must be at most ${BODY_MAX} characters` }),
    Matches(/\S/, { message: 'body must not be blank' }),
  );

export class PostDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiAuthor() author: AuthorDto;
  @ApiProperty({ description: 'Rendered from Markdown and sanitised; empty for a deleted post' }) bodyHtml: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
  @ApiProperty({ enum: STATUSES }) status: ContentStatus;
  @ApiProperty({ description: 'True only for the caller’s own posts' }) mine: boolean;
  @ApiPropertyOptional({ description: 'Why it was rejected: to its author and moderators only' })
  rejectionReason?: string;
  @ApiPropertyOptional({
    description: 'The Markdown it was written in, for editing: to its author and moderators only',
  })
  body?: string;

  // Reader safety (issue 18).
  @ApiProperty({ type: String, nullable: true, description: 'A code from GET /api/content-warnings, or null' })
  contentWarning: string | null;
  @ApiPropertyOptional({
    type: CollapsedDto,
    description: 'Present when this reader’s filters fold the post; `bodyHtml` is there all the same',
  })
  collapsed?: CollapsedDto;
  @ApiProperty({ type: ReactionCountsDto, description: 'How many sent each reaction; never who' })
  reactions: ReactionCountsDto;
  @ApiProperty({ enum: REACTION_KINDS, isArray: true, description: 'The caller’s own reactions' })
  myReactions: ReactionKind[];
  @ApiProperty({ description: 'The caller may react: a member, not muted, a published post of someone else' })
  canReact: boolean;
  @ApiProperty({ description: 'The caller may ignore its author (POST /api/me/ignored {postId})' })
  canIgnore: boolean;
  @ApiProperty({ description: 'The caller may change its content warning (PATCH /api/mod/posts/{id}: moderators)' })
  canChangeWarning: boolean;

  // What the caller may do with it, answered by the policy (libs/policy, Policy.postActions), so a
  // client shows the buttons the server would honour and decides nothing itself.
  @ApiProperty({
    description:
      'The caller may edit it now: its author within the edit window, not muted, the thread not locked; moderators always',
  })
  canEdit: boolean;
  @ApiProperty({ description: 'The caller may delete it: its author (always) or a moderator; false once deleted' })
  canDelete: boolean;
  @ApiProperty({ description: 'The caller may flag it (with one of `flagReasons`): a published post of someone else' })
  canFlag: boolean;
  @ApiProperty({
    enum: FLAG_REASONS,
    isArray: true,
    description:
      'The reasons the caller may flag it with: guests and muted members `crisis` only; empty when `canFlag` is false',
  })
  flagReasons: FlagReason[];
  @ApiProperty({ description: 'The caller may hide it (moderators, a published post)' }) canHide: boolean;
  @ApiProperty({ description: 'The caller may restore it (moderators, a hidden post)' }) canRestore: boolean;
  @ApiProperty({
    description:
      'The caller may warn, mute or ban the author behind it (moderators; not their own). The author’s rank is checked when the sanction is made, so this never tells whether an anonymous author is staff',
  })
  canSanction: boolean;
}

export class PostPageDto {
  @ApiProperty({ type: [PostDto] }) items: PostDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

/** A new post as its writer gets it back: held or not, and why. */
export class CreatedPostDto extends PostDto {
  @ApiPropertyOptional({ type: [NoticeDto] }) notices?: NoticeDto[];
  @ApiPropertyOptional({
    type: [HelplineDto],
    description: 'When the text matched a crisis watched word: where to get help now',
  })
  support?: HelplineDto[];
  @ApiPropertyOptional({ description: 'With `support`: whether a moderator is on duty right now' }) staffed?: boolean;
  @ApiPropertyOptional({
    description: 'Guests only: keep it to see at GET /api/receipts/{token} whether the post was published',
  })
  receiptToken?: string;
  @ApiPropertyOptional({
    description:
      'Guests only, with `receiptToken`: a short code to write down, e.g. "K7QM-4XPA-9TRE"; GET /api/receipts/{code} reads the same receipt',
  })
  receiptCode?: string;
}

/** One of the caller's own posts (GET /api/me/posts). */
export class MyPostDto extends PostDto {
  @ApiProperty({ description: 'Written anonymously' }) anonymous: boolean;
  @ApiProperty() threadTitle: string;
  @ApiProperty({ description: 'The post opened its thread' }) opening: boolean;
  @ApiProperty({ description: 'The category the thread is in' }) categorySlug: string;
}

export class MyPostPageDto {
  @ApiProperty({ type: [MyPostDto] }) items: MyPostDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class CreatePostDto {
  @PostBody() body: string;

  @ContentWarningField() contentWarning?: string | null;

  @ApiPropertyOptional({ description: 'Post without your name, where the category allows it' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class EditPostDto {
  @PostBody() body: string;

  /** Left out: the warning stays as it is. */
  @ContentWarningField() contentWarning?: string | null;
}

export class ReceiptDto {
  @ApiProperty({ enum: STATUSES }) status: ContentStatus;
  @ApiPropertyOptional({ description: 'Why a moderator did not publish it' }) rejectionReason?: string;
  @ApiPropertyOptional({ description: 'Where the published post is' }) link?: string;
  @ApiPropertyOptional({ description: 'Whether the post opened a thread (or is a reply)' }) isThread?: boolean;
  @ApiPropertyOptional({ description: 'When the post was written' }) createdAt?: string;
  @ApiPropertyOptional({
    description: 'The thread’s title (a thread the guest did not start: only while its category is open)',
  })
  threadTitle?: string;
  @ApiPropertyOptional({
    description: 'The post’s text as written (Markdown), while pending, rejected or published: to read again or copy',
  })
  body?: string;
  @ApiPropertyOptional({
    enum: ['directory_suggestion'],
    description: 'Set for a suggestion to the activity directory (the link is then the offer’s page)',
  })
  kind?: 'directory_suggestion';
}
