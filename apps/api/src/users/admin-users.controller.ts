import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policy.guard.js';
import { CurrentUser, type SessionUser } from '../auth/session-user.js';
import { ResetLinkDto } from '../auth/dto/auth.dto.js';
import { UuidParam } from '../common/validation.js';
import { AdminUsersService } from './admin-users.service.js';
import { SetRoleDto, UserListQueryDto } from './dto/admin-user.dto.js';
import { UserDto, UserPageDto } from './dto/user.dto.js';

@ApiTags('admin')
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @Allow('admin.users')
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: UserListQueryDto): Promise<UserPageDto> {
    return this.admin.list(query.q, query.limit ?? 20, query.cursor);
  }

  @Patch(':id')
  @Allow('admin.users')
  @ApiOkResponse({ type: UserDto })
  setRole(
    @Param('id', UuidParam) id: string,
    @Body() dto: SetRoleDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<UserDto> {
    return this.admin.setRole(actor, id, dto.role);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Allow('admin.users')
  @ApiOkResponse({ type: ResetLinkDto })
  resetPassword(@Param('id', UuidParam) id: string, @CurrentUser() actor: SessionUser): Promise<ResetLinkDto> {
    return this.admin.resetLink(actor, id);
  }
}
