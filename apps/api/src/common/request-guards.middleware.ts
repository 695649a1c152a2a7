import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './api-error.js';

/** The app's own origin: PUBLIC_URL when set, otherwise the request's own scheme and Host. */
export function ownOrigin(
  publicUrl: string | undefined,
  req: { headers: Record<string, string | string[] | undefined>; secure?: boolean; protocol?: string },
): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const protocol = req.protocol ?? (req.secure ? 'https' : 'http');
  return `${protocol}://${String(req.headers.host ?? '')}`;
}

export function isForeignOrigin(publicUrl: string | undefined, req: Parameters<typeof ownOrigin>[1]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return String(origin).replace(/\/+$/, '') !== ownOrigin(publicUrl, req);
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function send(res: Response, error: ApiError): void {
  res.status(error.getStatus()).json(error.getResponse());
}

/**
 * Cross-site request forgery defences from API.md: a foreign Origin is refused, and a state change
 * must carry JSON (an HTML form can't send application/json across sites).
 */
export function requestGuards(publicUrl: string | undefined, openRead: (req: Request) => boolean = () => false) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!decodable(req.path)) {
      // The router would answer a bare text error; clients get the API's shape instead.
      return send(res, new ApiError(400, 'validation', 'The address holds characters that are not valid.'));
    }
    if (isForeignOrigin(publicUrl, req) && !openRead(req)) {
      return send(res, new ApiError(403, 'foreign_origin', 'Requests from another site are not accepted.'));
    }
    if (!SAFE_METHODS.has(req.method) && req.path.startsWith('/api/')) {
      const type = req.headers['content-type'];
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      const isJson = typeof type === 'string' && /^application\/json\s*(;|$)/i.test(type);
      if ((type !== undefined || hasBody) && !isJson) {
        return send(
          res,
          new ApiError(
            415,
            'unsupported_media_type',
            'Send the request body as JSON (Content-Type: application/json).',
          ),
        );
      }
    }
    next();
  };
}
