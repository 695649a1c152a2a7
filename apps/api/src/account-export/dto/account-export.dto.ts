import { ApiProperty } from '@nestjs/swagger';

const ROWS = { type: 'array', items: { type: 'object', additionalProperties: true } } as const;

/**
 * What GET /api/me/export holds. Its rows are the database's own columns for the caller (a copy of
 * what is kept, not an API shape), so they are described as objects and nothing more.
 */
export class AccountExportDto {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The account row, without secrets' })
  account: Record<string, unknown>;
  @ApiProperty({ ...ROWS, description: 'Every post, anonymous ones included' }) posts: Record<string, unknown>[];
  @ApiProperty(ROWS) panelApplications: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Flags the caller raised' }) flagsRaised: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Sanctions against the caller, by name or behind a post' })
  sanctions: Record<string, unknown>[];
  @ApiProperty({ ...ROWS, description: 'Café messages still kept' }) cafeMessages: Record<string, unknown>[];
  @ApiProperty(ROWS) notifications: Record<string, unknown>[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Filters, whom the caller ignores (an anonymous author as its thread only) and reactions given',
  })
  readerSafety: Record<string, unknown>;
}
