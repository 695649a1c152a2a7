import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, type Observable, switchMap, throwError } from 'rxjs';
import { hasAction } from '#libs/screening';
import { SCREENED_WRITING, type ScreenedWritingSpec } from '../common/screened-writing.js';
import { CrisisSupportService } from './crisis-support.service.js';
import { ScreeningService } from './screening.service.js';

/** Screened at most this much of each field: the watched words are short, a refusal must stay cheap. */
const SCREEN_CHARS = 20_000;

/**
 * Crisis text always gets the helplines, whether or not the write goes through. A route marked
 * `@ScreenedWriting(fields)` that refuses with a 4xx (over a rate limit, muted, a locked thread, a
 * category closed to the writer, input the validation refuses) has its text screened all the same;
 * a crisis match adds `support` and `staffed` to the refusal. Nothing is stored: the writer keeps
 * their text (docs/decisions/0018).
 */
@Injectable()
export class CrisisOnRefusalInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly screening: ScreeningService,
    private readonly crisis: CrisisSupportService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const spec = this.reflector.get<ScreenedWritingSpec | undefined>(SCREENED_WRITING, context.getHandler());
    if (!spec) return next.handle();
    const body = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof HttpException) || error.getStatus() < 400 || error.getStatus() >= 500)
          return throwError(() => error);
        return from(this.withHelp(error, spec, body)).pipe(switchMap((e) => throwError(() => e)));
      }),
    );
  }

  private async withHelp(error: HttpException, spec: ScreenedWritingSpec, body: unknown): Promise<HttpException> {
    const response = error.getResponse();
    if (typeof response !== 'object' || response === null || 'support' in response) return error;
    if (typeof body !== 'object' || body === null) return error;
    const fields = body as Record<string, unknown>;
    if (!(spec.asksForHelp?.(fields) ?? false) && !(await this.isCrisis(spec.fields.map((f) => fields[f]))))
      return error;
    const { resources, staffed } = await this.crisis.support();
    return new HttpException({ ...response, support: resources, staffed }, error.getStatus(), { cause: error });
  }

  private async isCrisis(values: unknown[]): Promise<boolean> {
    const texts = values.flatMap(textsIn).map((v) => v.slice(0, SCREEN_CHARS));
    if (texts.length === 0) return false;
    return hasAction(await this.screening.screen(...texts), 'crisis');
  }
}

/** The strings anywhere in a field's value: a text, or the texts inside a list of answers. */
function textsIn(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 3 || value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap((v) => textsIn(v, depth + 1));
}
