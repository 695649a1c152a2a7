import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { badRequest } from '../common/api-error.js';
import { Authenticator } from './authenticator.js';
import { DeviceCookies } from './device-cookies.js';
import { LoginDto } from './dto/auth.dto.js';

/**
 * passport-local behind a body check: guards run before pipes, so the DTO is validated here and a
 * missing field is 400, not 401. `logIn` regenerates the session id (no fixation).
 */
@Injectable()
export class LoginGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly devices: DeviceCookies,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body: unknown = req.body;
    const errors =
      body && typeof body === 'object' && !Array.isArray(body)
        ? await validate(plainToInstance(LoginDto, body), { whitelist: true, forbidNonWhitelisted: true })
        : null;
    if (!errors || errors.length > 0) {
      const messages = (errors ?? []).flatMap((e) => Object.values(e.constraints ?? {}));
      throw badRequest(messages.join('; ') || 'username and password are required.');
    }
    const user = await this.authenticator.verify(req);
    await new Promise<void>((resolve, reject) => req.logIn(user, (err) => (err ? reject(err) : resolve())));
    this.devices.issue(
      context.switchToHttp().getResponse<Response>(),
      user.username,
      this.devices.deviceFor(req, user.username),
    );
    return true;
  }
}
