import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth } from '@nestjs/swagger';
import type { Decision, Policy, RoleAction } from '#libs/policy';
import { ApiError } from '../common/api-error.js';
import { IdentityService } from '../identity/identity.service.js';
import type { SessionUser } from './session-user.js';

const ALLOW_KEY = 'erf:allow';

/** Declares the role action a route needs; the PolicyGuard asks the policy before the handler runs. */
export const Allow = (action: RoleAction) => applyDecorators(SetMetadata(ALLOW_KEY, action), ApiCookieAuth());

export function ensure(decision: Decision): void {
  if (!decision.allowed) {
    const extra = decision.until !== undefined ? { until: decision.until } : {};
    throw new ApiError(decision.status, decision.code, decision.message, extra);
  }
}

type PolicyRequest = { user?: SessionUser; policy?: Policy };

@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<PolicyRequest>();
    req.policy = await this.identity.policyFor(req.user);
    const action = this.reflector.getAllAndOverride<RoleAction | undefined>(ALLOW_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (action) ensure(req.policy.can(action));
    return true;
  }
}

/** `@RequestPolicy()`: the policy built for this request's actor. */
export const RequestPolicy = createParamDecorator((_: unknown, ctx: ExecutionContext): Policy => {
  const req = ctx.switchToHttp().getRequest<PolicyRequest>();
  return req.policy!;
});
