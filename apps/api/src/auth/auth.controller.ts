import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { unauthenticated } from '../common/api-error.js';
import { MeDto, SessionDto, UserDto } from '../users/dto/user.dto.js';
import { AuthService } from './auth.service.js';
import { LoginDto, RegisterDto, ResetPasswordDto } from './dto/auth.dto.js';
import { LoginGuard } from './login.guard.js';
import { Allow } from './policy.guard.js';
import { CurrentUser, type SessionUser } from './session-user.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('register')
  @ApiCreatedResponse({ type: UserDto })
  register(@Body() dto: RegisterDto, @Req() req: Request): Promise<UserDto> {
    return this.auth.register(dto, req.ip ?? 'unknown');
  }

  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginGuard)
  @ApiOkResponse({ type: UserDto, description: 'Sets the session cookie' })
  async login(@Body() _dto: LoginDto, @CurrentUser() user: SessionUser): Promise<UserDto> {
    return user;
  }

  @Post('logout')
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse()
  async logout(@Req() req: Request, @CurrentUser() user: SessionUser): Promise<void> {
    const sid = req.sessionID;
    await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
    await this.auth.loggedOut(user, sid);
  }

  @Get('me')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: SessionUser | undefined): Promise<MeDto> {
    if (!user) throw unauthenticated('You are not logged in.');
    return this.auth.me(user);
  }

  @Get('session')
  @ApiOkResponse({
    type: SessionDto,
    description: 'Who is asking: `{user}` as GET /api/auth/me gives it, or `{user: null}` for a guest (200, not 401)',
  })
  async session(@CurrentUser() user: SessionUser | undefined): Promise<SessionDto> {
    return { user: user ? await this.auth.me(user) : null };
  }

  @Post('reset-password')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'Sets a new password from a one-time reset link; every session of the user ends',
  })
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.auth.resetPassword(dto.token, dto.newPassword);
  }
}
