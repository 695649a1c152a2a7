import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '#libs/contracts';
import { PageQueryDto } from '../../common/paging.js';

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of a username or display name' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}
