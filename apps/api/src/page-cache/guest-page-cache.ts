import type { NextFunction, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import type { ContentVersion } from './content-version.service.js';

/**
 * The reads every guest gets alike: the forum's public pages. Not search: a cached search would
 * tell the next guest what someone else searched for in the last minute.
 */
const CACHEABLE = [
  /^\/api\/categories$/,
  /^\/api\/categories\/[^/]+\/threads$/,
  /^\/api\/threads\/[^/]+$/,
  /^\/api\/threads\/[^/]+\/posts$/,
];

interface Entry {
  version: string;
  body: Buffer;
  contentType: string;
}

/**
 * Answers a guest's read of a forum page from memory when nothing has changed since it was made
 * (docs/decisions/0009-guest-page-cache.md). A response made while a write was committing is never
 * kept: the version is read before the request and checked again after it, and an entry is only
 * ever served for the version it was made under. Anyone with a session cookie bypasses the cache.
 */
export function guestPageCache(version: ContentVersion, { maxBytes = 64 * 1024 * 1024, ttlMs = 60_000 } = {}) {
  const cache = new LRUCache<string, Entry>({
    maxSize: maxBytes,
    sizeCalculation: (e) => e.body.length + 200,
    ttl: ttlMs,
  });

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'GET' || hasSession(req) || !CACHEABLE.some((p) => p.test(req.path))) return next();
    let before: string;
    try {
      before = await version.current();
    } catch {
      return next(); // Redis away: serve uncached rather than risk a stale page
    }
    const key = req.originalUrl;
    const hit = cache.get(key);
    if (hit && hit.version === before) {
      res.status(200).setHeader('Content-Type', hit.contentType);
      res.setHeader('X-Cache', 'hit');
      res.end(hit.body);
      return;
    }
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as string));
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string));
      const contentType = String(res.getHeader('Content-Type') ?? '');
      if (res.statusCode === 200 && contentType.startsWith('application/json')) {
        void version.current().then(
          (after) => {
            if (after === before) cache.set(key, { version: before, body: Buffer.concat(chunks), contentType });
          },
          () => undefined,
        );
      }
      return end(chunk, ...rest);
    }) as Response['end'];
    res.setHeader('X-Cache', 'miss');
    next();
  };
}

function hasSession(req: Request): boolean {
  const cookie = req.headers.cookie;
  return typeof cookie === 'string' && cookie.includes(`${SESSION_COOKIE}=`);
}
