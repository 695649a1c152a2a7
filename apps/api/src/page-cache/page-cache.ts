import type { NextFunction, Request, Response } from 'express';
import { parse } from 'cookie';
import { unsign } from 'cookie-signature';
import onHeaders from 'on-headers';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import { cachedPageMark } from './cached-page.decorator.js';
import type { ContentVersion } from './content-version.service.js';
import { VersionedLru } from './versioned-lru.js';

/** What a kept answer carries besides its body; the rest of its headers are the same for every answer. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'etag', 'content-disposition'] as const;

interface Entry {
  body: Buffer;
  headers: [string, string][];
}

interface PageCacheRules {
  /** Whose copy of the page a request may be answered with; undefined when it may not be cached. */
  keyOf(req: Request): string | undefined;
  /** The version an entry is made under and served for. */
  version(): Promise<string>;
  /** How long an entry made for this request may be served; 0 when it must not be kept. */
  lifetimeMs(req: Request, res: Response): number;
  maxBytes: number;
}

/**
 * Answers a GET of a route marked @CachedPage from memory when nothing has changed since it was
 * made (docs/decisions/0009-guest-page-cache.md, 0044-member-page-cache.md, 0045), for the version
 * it was made under only (VersionedLru).
 */
function pageCache(rules: PageCacheRules) {
  const cache = new VersionedLru<Entry>(rules.version, { maxBytes: rules.maxBytes, size: (e) => e.body.length + 200 });

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = req.method === 'GET' && req.path.startsWith('/api/') ? rules.keyOf(req) : undefined;
    if (key === undefined) return next();
    const before = await cache.begin();
    if (before === undefined) return next(); // Redis away: serve uncached rather than risk a stale page
    const hit = cache.get(key, before);
    if (hit) {
      res.status(200);
      for (const [name, value] of hit.headers) res.setHeader(name, value);
      res.setHeader('X-Cache', 'hit');
      if (req.fresh) res.status(304).end();
      else res.end(hit.body);
      return;
    }
    // Only a route that marked its answer (@CachedPage, before the body is written) is collected.
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function' && cachedPageMark(res)) chunks.push(Buffer.from(chunk as string));
    };
    const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const end = res.end.bind(res) as (chunk?: unknown, ...rest: unknown[]) => Response;
    onHeaders(res, () => {
      if (cachedPageMark(res)) res.setHeader('X-Cache', 'miss');
    });
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk);
      return write(chunk, ...rest);
    }) as Response['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk);
      const mark = cachedPageMark(res);
      const lifetime =
        mark && res.statusCode === 200 ? Math.min(rules.lifetimeMs(req, res), mark.until - Date.now()) : 0;
      if (lifetime > 0) {
        const headers: [string, string][] = [];
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (value !== undefined) headers.push([name, String(value)]);
        }
        void cache.keep(key, before, { body: Buffer.concat(chunks), headers }, lifetime);
      }
      return end(chunk, ...rest);
    }) as Response['end'];
    next();
  };
}

/**
 * The login session's cookie exactly as express-session reads it — the same parser (`cookie`):
 * names trimmed, parts without `=` skipped, the first of the name wins, the value decoded —
 * so the caches and the session layer never disagree about whose request it is.
 */
function sessionCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return typeof header === 'string' ? parse(header)[SESSION_COOKIE] : undefined;
}

/** Guests' pages, the same bytes for every guest. Anyone with a session cookie bypasses it. */
export function guestPageCache(version: ContentVersion, { maxBytes = 64 * 1024 * 1024, ttlMs = 60_000 } = {}) {
  return pageCache({
    keyOf: (req) => (sessionCookieOf(req) === undefined ? req.originalUrl : undefined),
    version: () => version.current(),
    // Kept only if it was answered as a guest's: nobody logged in.
    lifetimeMs: (req) => (req.user === undefined ? ttlMs : 0),
    maxBytes,
  });
}

/**
 * A reader with a session gets their own copy of a page back while nothing at all has changed: no
 * write of any kind (a logout, a new password, a sanction, their own filters), for seconds at most
 * and never past the session's own end. Keyed by the signed cookie itself, so only the session the
 * page was made for can be answered with it, and only after the full pipeline answered it once.
 */
export function memberPageCache(
  version: ContentVersion,
  sessionSecret: string,
  { maxBytes = 64 * 1024 * 1024, ttlMs = 10_000 } = {},
) {
  return pageCache({
    keyOf: (req) => {
      const cookie = sessionCookieOf(req);
      return cookie === undefined ? undefined : `${cookie}\n${req.originalUrl}`;
    },
    version: () => version.anyChange(),
    lifetimeMs: (req, res) => {
      // A new cookie means a new or renewed session: this key would not find the page again.
      if (res.getHeader('Set-Cookie') !== undefined) return 0;
      // Kept only for the session that answered: the key's cookie must be that session's, signed.
      const cookie = sessionCookieOf(req);
      const signedFor = cookie?.startsWith('s:') ? unsign(cookie.slice(2), sessionSecret) : false;
      if (signedFor === false || signedFor !== req.sessionID) return 0;
      const sessionEnds = req.session?.cookie?.expires?.getTime() ?? 0;
      return Math.min(ttlMs, sessionEnds - Date.now());
    },
    maxBytes,
  });
}
