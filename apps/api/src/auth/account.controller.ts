import { Body, Controller, Delete, HttpCode, Patch, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthService } from './auth.service.js';
import { UsersService } from '../users/users.service.js';
import { MeDto } from '../users/dto/user.dto.js';
import { BreakDto, ChangePasswordDto, DeleteAccountDto, TakeBreakDto, UpdateMeDto } from './dto/auth.dto.js';
import { Allow } from './policy.guard.js';
import { CurrentUser, type SessionUser } from './session-user.js';

@ApiTags('account')
@Controller('api/me')
export class AccountController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Patch()
  @Allow('account.use')
  @ApiOkResponse({ type: MeDto, description: '"Min side": a new display name and/or email address' })
  async update(@Body() dto: UpdateMeDto, @CurrentUser() user: SessionUser): Promise<MeDto> {
    return this.auth.me(await this.users.updateProfile(user, dto));
  }

  @Post('password')
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({ description: 'Password changed; every other session of the user ends' })
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: SessionUser, @Req() req: Request): Promise<void> {
    return this.auth.changePassword(user, dto, req.sessionID);
  }

  @Post('break')
  @HttpCode(200)
  @Allow('account.use')
  @ApiOkResponse({
    type: BreakDto,
    description: '"Ta en pause": the forum and café are hidden from the user until then, on every device',
  })
  async takeBreak(@Body() dto: TakeBreakDto, @CurrentUser() user: SessionUser): Promise<BreakDto> {
    const until = new Date(dto.until);
    await this.users.setBreak(user.id, until);
    return { breakUntil: until.toISOString() };
  }

  @Delete('break')
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({ description: 'The break ends now' })
  endBreak(@CurrentUser() user: SessionUser): Promise<void> {
    return this.users.setBreak(user.id, null);
  }

  @Delete()
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({
    description: 'The account is deleted; named posts show the author as deleted, anonymous ones link to no one',
  })
  async deleteAccount(
    @Body() dto: DeleteAccountDto,
    @CurrentUser() user: SessionUser,
    @Req() req: Request,
  ): Promise<void> {
    await this.auth.deleteAccount(user, dto.password);
    // The session row went with the account; this clears the request's own session as well.
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
  }
}
