import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { COLLAPSE_REASONS, WARNING_CODE, type CollapseReason } from '#libs/contracts';

/** Why a post comes folded to this reader; its body is there all the same, to open on request. */
export class CollapsedDto {
  @ApiProperty({
    enum: COLLAPSE_REASONS,
    description:
      '`warning`: a content warning the reader hides; `muted_word`: one of their mute words; `ignored`: an author they ignore',
  })
  reason: CollapseReason;
  @ApiPropertyOptional({ description: 'With `warning`: the code of the warning' }) warning?: string;
}

/** How many readers sent each gentle reaction. Never who. */
export class ReactionCountsDto {
  @ApiProperty({ description: '"Støtte"' }) support: number;
  @ApiProperty({ description: '"Takk"' }) thanks: number;
  @ApiProperty({ description: '"Kjenner meg igjen"' }) same: number;
}

/** A `contentWarning` field of a new or edited post or thread: a code from GET /api/content-warnings, or null for none. */
export const ContentWarningField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      pattern: WARNING_CODE.source,
      description: 'A code from GET /api/content-warnings (unknown: 400), or null for none',
    }),
    IsOptional(),
    ValidateIf((_, v) => v !== null),
    IsString(),
    Matches(WARNING_CODE, { message: 'contentWarning must be a code from the list of content warnings' }),
  );
