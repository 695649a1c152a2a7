import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Loopback, link-local and private addresses: where a reverse proxy in front of the app sits. */
function isProxyAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return (
      a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)
    );
  }
  return ip === '::1' || /^f[cd]/i.test(ip) || /^fe[89ab]/i.test(ip);
}

/**
 * The client's address for a request that did not pass through Express (a Socket.IO handshake),
 * trusting X-Forwarded-For in production only from the proxies Express trusts there (loopback,
 * link-local, private), as `app.set('trust proxy', …)` does for HTTP requests.
 */
export function clientIp(req: IncomingMessage, production: boolean): string {
  let ip = req.socket.remoteAddress ?? 'unknown';
  if (!production) return ip;
  const hops = String(req.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  while (isProxyAddress(ip) && hops.length > 0) ip = hops.pop()!;
  return ip;
}
