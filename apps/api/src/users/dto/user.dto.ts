import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export function toUserDto(user: { id: string; username: string; displayName: string; role: Role }): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}
