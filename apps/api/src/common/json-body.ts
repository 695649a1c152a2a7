import express from 'express';

/** Keys that reach an object's prototype when code copies or transforms a parsed body. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ForbiddenKeyError extends Error {
  override name = 'ForbiddenKeyError';
}

/** Drops nothing silently: a body that carries a prototype key is refused whole, before any code sees it. */
export function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key))
    throw new ForbiddenKeyError(`The request body holds the key "${key}", which is not allowed.`);
  return value;
}

export function jsonBody() {
  return express.json({ limit: '256kb', strict: true, reviver: refusePrototypeKeys });
}
