import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

/** The logged-in user's own view of themselves (GET /api/auth/me). */
export class MuteDto {
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) until: string | null;
}

export class MeDto extends UserDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: '"Ta en pause": the forum and café are hidden from the user until then',
  })
  breakUntil: string | null;
  @ApiProperty({
    type: MuteDto,
    nullable: true,
    description: 'A mute in force: why, and until when (null: until a moderator lifts it)',
  })
  mute: MuteDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The address notifications go to, if any (the user’s own only)',
  })
  email: string | null;
  @ApiProperty({ description: 'Whether the member has accepted the café rules (then they are not asked again)' })
  cafeRulesAccepted: boolean;
}

/** Who is asking (GET /api/auth/session): the user, or null for a guest — never a 401. */
export class SessionDto {
  @ApiProperty({ type: MeDto, nullable: true }) user: MeDto | null;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toUserDto(user: { id: string; username: string; displayName: string; role: Role }): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}
