import express, { type RequestHandler } from 'express';
import { withoutSpoofingControls } from '#libs/content';

/** Keys that reach an object's prototype when code copies or transforms a parsed body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Half of a UTF-16 pair without its other half (with the u flag a whole pair is one code point, so only a half matches). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

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
  if (typeof value === 'string' && LONE_SURROGATE.test(value))
    throw new RefusedBodyError('The request body holds text that is not valid Unicode (a lone surrogate).');
  // Bidirectional overrides and C1 controls only ever serve to make text read as it is not.
  return typeof value === 'string' ? withoutSpoofingControls(value) : value;
}

/** Deeper than this is no shape of ours; parsing and validating it would only spend the stack. */
const MAX_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: Buffer): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * JSON bodies, parsed with the checks above. A body nested too deep is refused on its raw bytes,
 * before JSON.parse walks it (its reviver would run out of stack).
 */
export function jsonBody(): RequestHandler {
  return express.json({
    limit: '256kb',
    strict: true,
    reviver: refuseUnsafeValues,
    verify: (_req, _res, buffer) => {
      if (jsonDepth(buffer) > MAX_DEPTH)
        // body-parser keeps a status the error carries (403 otherwise).
        throw Object.assign(new RefusedBodyError(`The request body is nested deeper than ${MAX_DEPTH} levels.`), {
          status: 400,
        });
    },
  });
}
