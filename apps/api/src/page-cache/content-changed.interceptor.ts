import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import { catchError, concatMap, from, type Observable, throwError } from 'rxjs';
import { ContentVersion } from './content-version.service.js';

/**
 * State changes that can't alter anything a guest reads: they invalidate only members' own cached
 * pages; the rest invalidate every cache.
 */
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
  // Reader safety (issue 18): one reader's own filters and ignore list.
  'PATCH /api/me/preferences',
  'POST /api/me/ignored',
  'DELETE /api/me/ignored/:id',
]);

/** Requests that change nothing at all: a draft checked for crisis words before it is sent. */
const NO_CHANGE = new Set(['POST /api/screening/check']);

/** A refusal (4xx) changed nothing — bad input changes nothing, the fuzzing checks that against a dump. */
const refused = (error: unknown) =>
  error instanceof HttpException && error.getStatus() >= 400 && error.getStatus() < 500;

/**
 * After every REST state change, and before its response is sent, the versions move on, so nobody
 * is served a page from before the change once the writer has been answered. A refused request
 * changed nothing and moves nothing, so a stream of bad requests can't empty every cache.
 * Coarse on purpose: one rule for every write path, present and future, instead of one per service.
 */
@Injectable()
export class ContentChangedInterceptor implements NestInterceptor {
  constructor(private readonly version: ContentVersion) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'GET' || req.method === 'HEAD') return next.handle();
    const route = `${req.method} ${req.route?.path ?? req.path}`;
    if (NO_CHANGE.has(route)) return next.handle();
    const content = !NOT_CONTENT.has(route);
    const bump = () => this.version.bump({ content }).catch(() => undefined);
    return next.handle().pipe(
      concatMap((value) => from(bump().then(() => value))),
      catchError((error: unknown) =>
        from(refused(error) ? Promise.resolve() : bump()).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}
