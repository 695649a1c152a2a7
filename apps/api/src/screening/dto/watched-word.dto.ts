import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { WATCHED_ACTIONS, type WatchedAction } from '#libs/screening';

export class CreateWatchedWordDto {
  @ApiProperty({
    description:
      'One to six words of letters and digits; a word may end in * to match any ending (compounds). Matched on whole words and common Norwegian endings, any letter case.',
    example: 'selvmord*',
    maxLength: 64,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  pattern: string;

  @ApiProperty({ enum: WATCHED_ACTIONS })
  @IsIn(WATCHED_ACTIONS, { message: `action must be one of ${WATCHED_ACTIONS.join(', ')}` })
  action: WatchedAction;
}

export class WatchedWordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() pattern: string;
  @ApiProperty({ enum: WATCHED_ACTIONS }) action: WatchedAction;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class WatchedWordPageDto {
  @ApiProperty({ type: [WatchedWordDto] }) items: WatchedWordDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export interface WatchedWordRow {
  id: string;
  pattern: string;
  action: WatchedAction;
  created_at: Date;
}

export function toWatchedWordDto(row: WatchedWordRow): WatchedWordDto {
  return { id: row.id, pattern: row.pattern, action: row.action, createdAt: row.created_at.toISOString() };
}
