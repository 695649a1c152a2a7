import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HELPLINE_KEYS, type HelplineKey } from '#libs/contracts';

/** Where to get help now (shown to a writer whose words matched a `crisis` watched word). */
export class HelplineDto {
  @ApiProperty({ enum: HELPLINE_KEYS, description: 'Stable: translate the name by it' }) key: HelplineKey;
  @ApiProperty({ example: 'Mental Helse Hjelpetelefonen', description: 'The name in Norwegian' }) name: string;
  @ApiProperty({ example: '116 123' }) phone: string;
  @ApiPropertyOptional() url?: string;
}

/** The helplines, for a refusal of text that matched `crisis`: nobody in crisis is only told "no". */
class SupportFields {
  @ApiPropertyOptional({
    type: [HelplineDto],
    description: 'When the refused text matched a crisis watched word: where to get help now',
  })
  support?: HelplineDto[];
  @ApiPropertyOptional({ description: 'With `support`: whether a moderator is on duty right now' })
  staffed?: boolean;
}

/** 429: too many writes. The text was not stored; the writer keeps it and may send it again later. */
export class RateLimitedDto extends SupportFields {
  @ApiProperty({ enum: [429] }) statusCode: number;
  @ApiProperty({ example: 'Too Many Requests' }) error: string;
  @ApiProperty() message: string;
  @ApiProperty({ enum: ['rate_limited'] }) code: string;
  @ApiProperty({ description: 'Seconds until the next write is accepted (also the Retry-After header)' })
  retryAfter: number;
}

/** Any other refusal of something written (400, 403, 404, 422, 423): nothing was stored. */
export class WriteRefusedDto extends SupportFields {
  @ApiProperty() statusCode: number;
  @ApiProperty() error: string;
  @ApiProperty({ description: 'What is wrong, in words the writer can act on' }) message: string | string[];
  @ApiPropertyOptional({ description: 'e.g. `muted`, `locked`, `blocked_word`, `validation`' }) code?: string;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '`muted`: when the mute ends, or null until lifted',
  })
  until?: string | null;
}
