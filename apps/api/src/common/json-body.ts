import express from 'express';
import { withoutSpoofingControls } from '#libs/content';

/** Keys that reach an object's prototype when code copies or transforms a parsed body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class RefusedBodyError extends Error {
  override name = 'RefusedBodyError';
}

/**
 * A body is refused whole, before any code sees it, when it carries a
 * prototype key or a NUL character (which no field can store). Refusing NUL here, not in the
 * database, means no request can get past a permission or rank check and only then fail on it,
 * telling the caller that the check passed (issue 12.6).
 */
export function refuseUnsafeValues(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key))
    throw new RefusedBodyError(`The request body holds the key "${key}", which is not allowed.`);
  if ((typeof value === 'string' && value.includes('\u0000')) || key.includes('\u0000'))
    throw new RefusedBodyError('The request body holds a NUL character, which no field can take.');
  // Bidirectional overrides and C1 controls only ever serve to make text read as it is not.
  return typeof value === 'string' ? withoutSpoofingControls(value) : value;
}

export function jsonBody() {
  return express.json({ limit: '256kb', strict: true, reviver: refuseUnsafeValues });
}
