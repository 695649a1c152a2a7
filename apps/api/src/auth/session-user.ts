import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '#libs/contracts';

/** The logged-in user as the session knows them (loaded fresh on every request). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
}

/** `@CurrentUser()`: the session's user, or undefined for a guest. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionUser | undefined => {
  const req = ctx.switchToHttp().getRequest<{ user?: SessionUser }>();
  return req.user;
});
