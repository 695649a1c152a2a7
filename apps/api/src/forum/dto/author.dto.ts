import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';

/**
 * One of `{kind: "user", username, displayName, role}`, `{kind: "anonymous", alias}`,
 * `{kind: "guest", alias}` or `{kind: "deleted"}`; for anonymous and guest content nothing else.
 */
export class AuthorDto {
  @ApiProperty({ enum: ['user', 'anonymous', 'guest', 'deleted'] }) kind: 'user' | 'anonymous' | 'guest' | 'deleted';
  @ApiPropertyOptional({ description: 'kind "user" only' }) username?: string;
  @ApiPropertyOptional({ description: 'kind "user" only' }) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES, description: 'kind "user" only' }) role?: Role;
  @ApiPropertyOptional({
    description: 'kind "anonymous" or "guest" only, e.g. "Anonym 2": stable within one thread',
    example: 'Anonym 1',
  })
  alias?: string;
}

export class NoticeDto {
  @ApiProperty({ enum: ['held_for_review', 'personal_details'] }) code: string;
  @ApiProperty() message: string;
}

/** Where to get help now (shown to a writer whose words matched a `crisis` watched word). */
export class HelplineDto {
  @ApiProperty({ example: 'Mental Helse Hjelpetelefonen' }) name: string;
  @ApiProperty({ example: '116 123' }) phone: string;
  @ApiPropertyOptional() url?: string;
}
