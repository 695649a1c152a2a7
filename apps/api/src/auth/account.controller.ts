import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './dto/auth.dto.js';
import { Allow } from './policy.guard.js';
import { CurrentUser, type SessionUser } from './session-user.js';

@ApiTags('account')
@Controller('api/me')
export class AccountController {
  constructor(private readonly auth: AuthService) {}

  @Post('password')
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({ description: 'Password changed; every other session of the user ends' })
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: SessionUser, @Req() req: Request): Promise<void> {
    return this.auth.changePassword(user, dto, req.sessionID);
  }
}
