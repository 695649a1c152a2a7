import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../common/validation.js';
import type { ModerationMode, Visibility } from '#libs/policy';

export const SLUG_PATTERN = /^[a-z0-9-]{2,48}$/;
const SLUG_MESSAGE = 'slug must be 2–48 characters: a-z, 0-9 and -';

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ pattern: SLUG_PATTERN.source }) slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['open', 'closed'] }) visibility: Visibility;
  @ApiProperty({
    enum: ['post', 'pre'],
    description: '`post`: published at once; `pre`: held until a moderator approves',
  })
  moderation: ModerationMode;
  @ApiProperty() allowAnonymous: boolean;
  @ApiProperty() allowGuests: boolean;
  @ApiProperty({ description: 'Whether the caller may read the category (false: a closed one seen from outside)' })
  canRead: boolean;
  @ApiProperty({ description: 'Whether the caller may start a thread here (guests too, where it takes guests)' })
  canPost: boolean;
  @ApiProperty({ description: 'Whether the caller may start a thread here without their name' })
  canPostAnonymously: boolean;
}

export class CreateCategoryDto {
  @ApiProperty({ pattern: SLUG_PATTERN.source, example: 'parorende' })
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug: string;

  @ApiProperty({ minLength: 1, maxLength: 80 })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(80)
  name: string;

  @ApiProperty({ maxLength: 500 })
  @Trim()
  @IsString()
  @MaxLength(500)
  description: string;

  @ApiProperty({ enum: ['open', 'closed'] })
  @IsIn(['open', 'closed'], { message: 'visibility must be open or closed' })
  visibility: Visibility;

  @ApiProperty({ enum: ['post', 'pre'] })
  @IsIn(['post', 'pre'], { message: 'moderation must be post or pre' })
  moderation: ModerationMode;

  @ApiProperty() @IsBoolean() allowAnonymous: boolean;

  @ApiProperty({ description: 'Guests may write here (always reviewed first); never in a closed category' })
  @IsBoolean()
  allowGuests: boolean;

  @ApiPropertyOptional({ description: 'Order in the category list, lowest first' })
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  position?: number;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional({ pattern: SLUG_PATTERN.source })
  @IsOptional()
  @IsString()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 80 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(80)
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'visibility must be open or closed' })
  visibility?: Visibility;

  @ApiPropertyOptional({ enum: ['post', 'pre'] })
  @IsOptional()
  @IsIn(['post', 'pre'], { message: 'moderation must be post or pre' })
  moderation?: ModerationMode;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() allowAnonymous?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() allowGuests?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  position?: number;
}
