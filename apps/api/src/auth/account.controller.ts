import { Body, Controller, Delete, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, DeleteAccountDto } from './dto/auth.dto.js';
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

  @Delete()
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({ description: 'The account is deleted; named posts show the author as deleted, anonymous ones link to no one' })
  async deleteAccount(@Body() dto: DeleteAccountDto, @CurrentUser() user: SessionUser, @Req() req: Request): Promise<void> {
    await this.auth.deleteAccount(user, dto.password);
    // The session row went with the account; this clears the request's own session as well.
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  }
}
