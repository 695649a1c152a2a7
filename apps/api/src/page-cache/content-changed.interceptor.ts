import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { ContentVersion } from './content-version.service.js';

/** State changes that can't alter anything a guest reads (the rest all invalidate the guest cache). */
const NOT_CONTENT = new Set([
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/register',
  'POST /api/auth/reset-password',
  'POST /api/me/password',
  'POST /api/me/break',
  'DELETE /api/me/break',
  'POST /api/me/notifications/read',
  'POST /api/mod/duty',
  // Reader safety (issue 18): a draft checked, one reader's own filters and ignore list.
  'POST /api/screening/check',
  'PATCH /api/me/preferences',
  'POST /api/me/ignored',
  'DELETE /api/me/ignored/:id',
]);

/**
 * After every REST state change, and before its response is sent, the content version moves on,
 * so no guest is served a page from before the change once the writer has been answered.
 * Coarse on purpose: one rule for every write path, present and future, instead of one per service.
 */
@Injectable()
export class ContentChangedInterceptor implements NestInterceptor {
  constructor(private readonly version: ContentVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      NOT_CONTENT.has(`${req.method} ${req.route?.path ?? req.path}`)
    )
      return next.handle();
    return next.handle().pipe(
      concatMap((value) =>
        from(
          this.version.bump().then(
            () => value,
            () => value,
          ),
        ),
      ),
      catchError((error: unknown) =>
        from(this.version.bump().catch(() => undefined)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}
