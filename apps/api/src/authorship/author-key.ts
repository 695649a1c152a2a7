import { createHmac, timingSafeEqual } from 'node:crypto';
import { scopeLabel, type Scope } from './scope.js';

/**
 * Internal to the authorship module: nothing outside apps/api/src/authorship imports this file
 * (the architecture test checks it).
 *
 * A user's author key in one scope: HMAC-SHA256(ANON_SECRET, anon_salt ‖ scope),
 * docs/decisions/0004. Rows keyed by it name no user, and the keys of one user in two scopes are
 * unrelated.
 */
export function authorKey(anonSecret: string, anonSalt: Buffer, scope: Scope): Buffer {
  return createHmac('sha256', anonSecret).update(anonSalt).update(scopeLabel(scope), 'utf8').digest();
}

/** Two keys are the same key (in constant time; a missing key matches nothing). */
export function sameKey(a: Buffer | null | undefined, b: Buffer | null | undefined): boolean {
  return !!a && !!b && a.length === b.length && timingSafeEqual(a, b);
}

/** A tag of `data` under a key (a member's key in a scope): unrelated to `data` without the key. */
export function tagUnder(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest();
}
