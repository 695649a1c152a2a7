import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnvironment } from './environment.js';

/** Everything the server is configured with, resolved once at start. */
export interface AppConfig {
  port: number;
  /** PUBLIC_URL as set: when set, the only origin requests may come from. */
  publicUrl?: string;
  /**
   * The base of every link that leaves the app (reset links, emails): PUBLIC_URL, or outside
   * production this machine's own address. Never the request's Host header, which a client
   * chooses. Null in production without PUBLIC_URL: such links are then refused.
   */
  linkBase: string | null;
  production: boolean;
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  /** Prefix of every Redis key and stream, so several deployments (or test runs) can share one Redis. */
  redisPrefix: string;
  admin?: { username: string; password: string };
  sessionSecret: string;
  anonSecret: string;
  rateLimitScale: number;
  cafeRetentionHours: number;
  smtpUrl?: string;
  logLevel: string;
  dbPoolSize: number;
  pageCache: boolean;
  /** Origins allowed to frame the activity directory's embed (DIRECTORY_EMBED_ORIGINS); none: only our own. */
  directoryEmbedOrigins: string[];
}

export const APP_CONFIG = Symbol('APP_CONFIG');

interface StoredSecrets {
  sessionSecret: string;
  anonSecret: string;
}

/** Outside production, secrets are generated once and kept in DATA_DIR, never in the database. */
function storedSecrets(dataDir: string): StoredSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = {
    sessionSecret: randomBytes(32).toString('base64url'),
    anonSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return secrets;
}

export function loadConfig(raw: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnvironment(raw);
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const needStored = !env.SESSION_SECRET || !env.ANON_SECRET;
  const stored = needStored ? storedSecrets(dataDir) : undefined;
  const port = env.PORT ?? 3000;
  return {
    port,
    publicUrl: env.PUBLIC_URL,
    linkBase: env.PUBLIC_URL?.replace(/\/+$/, '') ?? (production ? null : `http://localhost:${port}`),
    production,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_KEY_PREFIX ?? 'erf',
    admin:
      env.ADMIN_USERNAME && env.ADMIN_PASSWORD
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : undefined,
    sessionSecret: env.SESSION_SECRET ?? stored!.sessionSecret,
    anonSecret: env.ANON_SECRET ?? stored!.anonSecret,
    rateLimitScale: env.RATE_LIMIT_SCALE ?? 1,
    cafeRetentionHours: env.CAFE_RETENTION_HOURS ?? 24,
    smtpUrl: env.SMTP_URL,
    logLevel: env.LOG_LEVEL ?? 'info',
    dbPoolSize: env.DB_POOL_SIZE ?? 10,
    pageCache: env.PAGE_CACHE !== 'off',
    directoryEmbedOrigins: (env.DIRECTORY_EMBED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  };
}
