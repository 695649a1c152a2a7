import { HttpException } from '@nestjs/common';
import {
  CAFE_ERROR_CODES,
  type CafeError as CafeErrorBody,
  type CafeErrorCode,
  type CafeHelpline,
} from '#libs/contracts';
import type { Decision } from '#libs/policy';
import { RateLimited } from '../common/rate-limit.service.js';

/** A refusal a café client is told about in its acknowledgement: `{ok: false, error}`. */
export class CafeError extends Error {
  constructor(
    readonly code: CafeErrorCode,
    message: string,
    readonly extra: {
      retryAfter?: number;
      until?: string | null;
      opensAt?: string | null;
      support?: CafeHelpline[];
      staffed?: boolean;
    } = {},
  ) {
    super(message);
  }

  toBody(): CafeErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }

  /** The same refusal, with the helplines for a writer whose words matched `crisis`. */
  withSupport(support: { resources: CafeHelpline[]; staffed: boolean }): CafeError {
    return new CafeError(this.code, this.message, {
      ...this.extra,
      support: support.resources,
      staffed: support.staffed,
    });
  }
}

const KNOWN = new Set<string>(CAFE_ERROR_CODES);

/** The policy's refusal as a café error, keeping its code when the café knows it. */
export function cafeRefusal(decision: Exclude<Decision, { allowed: true }>): CafeError {
  const code = (KNOWN.has(decision.code) ? decision.code : 'forbidden') as CafeErrorCode;
  return new CafeError(code, decision.message, decision.until !== undefined ? { until: decision.until } : {});
}

/** Throws the policy's refusal as a café error. */
export function ensureCafe(decision: Decision): void {
  if (!decision.allowed) throw cafeRefusal(decision);
}

/** Errors from shared services (rate limits) in the café's terms; anything else is not for the client. */
export function toCafeError(error: unknown): CafeError | null {
  if (error instanceof CafeError) return error;
  if (error instanceof RateLimited)
    return new CafeError('rate_limited', 'You are writing too fast. Wait a moment and try again.', {
      retryAfter: error.retryAfterSeconds,
    });
  if (error instanceof HttpException && error.getStatus() === 429)
    return new CafeError('rate_limited', 'Too many attempts. Wait a moment and try again.');
  return null;
}
