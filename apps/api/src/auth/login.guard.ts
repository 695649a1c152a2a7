import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { badRequest } from '../common/api-error.js';
import { LoginDto } from './dto/auth.dto.js';

/**
 * passport-local behind a body check: guards run before pipes, so the DTO is validated here and a
 * missing field is 400, not a 401. `logIn` regenerates the session id (no fixation).
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body) || errors.length > 0) {
      const messages = errors.flatMap((e) => Object.values(e.constraints ?? {}));
      throw badRequest(messages.join('; ') || 'username and password are required.');
    }
    const ok = (await super.canActivate(context)) as boolean;
    await super.logIn(req);
    return ok;
  }
}
