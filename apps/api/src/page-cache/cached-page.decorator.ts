import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/**
 * The moment an answer changes by the clock alone (a consultation closes, an event starts);
 * undefined if never. `now` is when the handler began, before it read anything: a moment that
 * passed while it was answering still counts, so that answer is not kept at all.
 */
export type ChangesAt<T> = (body: T, now: number) => number | undefined;

const CACHED_PAGE = 'erf:cached-page';

/** Set on a response the page caches may keep, and for how long at most. */
export interface CachedPageMark {
  until: number;
}

const locals = (res: Response) => res.locals as { cachedPage?: CachedPageMark };

export function cachedPageMark(res: Response): CachedPageMark | undefined {
  return locals(res).cachedPage;
}

@Injectable()
class CachedPageInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const changesAt = this.reflector.get<ChangesAt<unknown> | null>(CACHED_PAGE, context.getHandler());
    const res = context.switchToHttp().getResponse<Response>();
    const started = Date.now();
    return next.handle().pipe(
      map((body: unknown) => {
        locals(res).cachedPage = { until: changesAt?.(body, started) ?? Number.POSITIVE_INFINITY };
        return body;
      }),
    );
  }
}

/**
 * A GET whose answer depends only on who asks (the session), the URL, what is stored and, where
 * `changesAt` says when, the clock: the page caches may keep its 200 (decisions 0009, 0044, 0045).
 * Every write moves the versions on, so only the clock can make a kept answer wrong; a route whose
 * answer turns at a time must say when, and is kept no longer than that. Never on search: a kept
 * search would tell the next reader what someone else searched for.
 */
export function CachedPage<T>(changesAt?: ChangesAt<T>): MethodDecorator {
  return applyDecorators(SetMetadata(CACHED_PAGE, changesAt ?? null), UseInterceptors(CachedPageInterceptor));
}

/** The earliest of these times still ahead of `now`. */
export function firstAhead(now: number, times: (string | null | undefined)[]): number | undefined {
  let first: number | undefined;
  for (const t of times) {
    if (!t) continue;
    const ms = Date.parse(t);
    if (ms > now && (first === undefined || ms < first)) first = ms;
  }
  return first;
}
