import type { NextFunction, Request, Response } from 'express';

/** The embed's page and script: other sites show them, so no session and no cookie either. */
export const isEmbed = (path: string): boolean => path === '/embed/directory' || path === '/embed/directory.js';

/**
 * The one exception to the Origin rule (API.md), in one list: what other sites and calendar apps
 * may read from any origin, without credentials — the HSDS feed (municipalities' sites, the LGA
 * Service Finder), the public calendar feed, and the directory's embed.
 */
const OPEN_PATHS: ((path: string) => boolean)[] = [
  (path) => path.startsWith('/api/hsds/'),
  (path) => path === '/api/events.ics',
  isEmbed,
];

const isOpenPath = (path: string) => OPEN_PATHS.some((open) => open(path));

/** Only reads (GET, HEAD and their preflight) of the open paths. */
export const isOpenRead = (req: Pick<Request, 'method' | 'path'>): boolean =>
  ['GET', 'HEAD', 'OPTIONS'].includes(req.method) && isOpenPath(req.path);

/** `Access-Control-Allow-Origin: *` (never with credentials) on the open reads, and their preflight answered. */
export function openReadHeaders() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!isOpenRead(req)) return next();
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
