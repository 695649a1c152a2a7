import 'reflect-metadata';
import { CookieAccessInfo, type CookieJar } from 'cookiejar';
import supertest from 'supertest';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config.js';
import { startServer, type RunningServer } from '../../apps/api/src/server.js';
import { freshDatabase, type TestDatabase } from './database.js';

// A statement outside the transaction its work holds fails the test (apps/api/src/database/transaction-guard.ts).
process.env.TRANSACTION_GUARD ??= 'throw';

export const ADMIN = { username: 'admin', password: 'admin-password-for-tests' };
export const ANON_SECRET = 'test-anon-secret-0123456789abcdef-0123456789';

export interface TestApp {
  url: string;
  server: RunningServer;
  config: AppConfig;
  database: TestDatabase;
  /** A client with its own cookie jar (a browser, in effect). */
  client(): TestClient;
  stop(): Promise<void>;
}

export type TestEnv = Record<string, string | undefined>;

/** Boots the real app on a fresh database of its own, on a free port. */
export async function startTestApp(env: TestEnv = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await freshDatabase());
  const config = loadConfig({
    PORT: '1',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    SESSION_SECRET: 'test-session-secret-0123456789abcdef-0123456789',
    ANON_SECRET,
    RATE_LIMIT_SCALE: '100',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  config.port = 0;
  const server = await startServer(config, { host: '127.0.0.1' });
  return {
    url: server.url,
    server,
    config,
    database: db,
    client: () => new TestClient(server.url),
    async stop() {
      await server.stop();
      if (!database) await db.drop();
    },
  };
}

type Agent = ReturnType<typeof supertest.agent>;

/** supertest's agent keeps the session cookie between requests, as a browser would. */
export class TestClient {
  readonly agent: Agent;
  user?: { id: string; username: string; displayName: string; role: string };
  password?: string;

  constructor(readonly url: string) {
    this.agent = supertest.agent(url);
  }

  get(path: string) {
    return this.agent.get(path);
  }
  post(path: string, body?: object) {
    const req = this.agent.post(path);
    return body === undefined ? req : req.send(body);
  }
  patch(path: string, body: object) {
    return this.agent.patch(path).send(body);
  }
  put(path: string, body: object) {
    return this.agent.put(path).send(body);
  }
  delete(path: string, body?: object) {
    const req = this.agent.delete(path);
    return body === undefined ? req : req.send(body);
  }

  /** The Cookie header this client would send, for a Socket.IO handshake. */
  cookieHeader(): string {
    const jar = (this.agent as unknown as { jar: CookieJar }).jar;
    return jar
      .getCookies(CookieAccessInfo.All)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}
