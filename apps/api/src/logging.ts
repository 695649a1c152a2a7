import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config/app-config.js';

/** Paths that carry a secret of their own (a guest's receipt token) are logged without it. */
const SECRET_PATHS: [RegExp, string][] = [
  [/^\/api\/receipts\/[^/?#]+/, '/api/receipts/:token'],
  // A member's personal calendar feed (issue 15): its secret is the path.
  [/^\/api\/calendar-feeds\/[^/?#]+/, '/api/calendar-feeds/:token'],
];

export function loggablePath(url: string | undefined): string {
  // Query strings are dropped: a search query is something a person wrote.
  let path = (url ?? '').split('?')[0];
  for (const [pattern, replacement] of SECRET_PATHS) path = path.replace(pattern, replacement);
  return path;
}

/**
 * JSON logs with a request id. Only method, path (no query), status and timing are logged:
 * never a body, a cookie or an authorization header, so no password, post or chat message can
 * reach a log.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: loggablePath(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: err.message }),
      },
      redact: { paths: ['req.headers', 'res.headers', 'req.body', 'body', 'password', '*.password'], remove: true },
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      quietReqLogger: true,
    },
  };
}
