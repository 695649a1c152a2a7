import { createHmac } from 'node:crypto';

/**
 * A user's author key in one scope (a thread id, a café session id):
 * HMAC-SHA256(ANON_SECRET, anon_salt ‖ scope), docs/decisions/0004. Rows keyed by it name no user,
 * and the keys of one user in two scopes are unrelated.
 */
export function authorKey(anonSecret: string, anonSalt: Buffer, scope: string): Buffer {
  return createHmac('sha256', anonSecret).update(anonSalt).update(scope, 'utf8').digest();
}
