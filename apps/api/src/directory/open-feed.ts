import type { NextFunction, Request, Response } from 'express';

/**
 * The one exception to the Origin rule (API.md): the HSDS feed is readable from any origin,
 * without credentials, so municipalities' sites and tools such as the LGA Service Finder can read
 * it. Only reads (GET, HEAD and their preflight) of /api/hsds/..., and the embed's page and script.
 */
export const isOpenRead = (req: Pick<Request, 'method' | 'path'>): boolean =>
  ['GET', 'HEAD', 'OPTIONS'].includes(req.method) && (req.path.startsWith('/api/hsds/') || isEmbed(req.path));

export const isEmbed = (path: string): boolean => path === '/embed/directory' || path === '/embed/directory.js';

/** `Access-Control-Allow-Origin: *` (never with credentials) on the feed, and its preflight answered. */
export function openFeedHeaders() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!req.path.startsWith('/api/hsds/')) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
      res.setHeader('Access-Control-Allow-Headers', 'If-None-Match');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    next();
  };
}
