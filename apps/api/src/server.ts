import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './app.factory.js';
import type { AppConfig } from './config/app-config.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';

export interface RunningServer {
  app: NestExpressApplication;
  url: string;
  embedded?: EmbeddedPostgres;
  stop(): Promise<void>;
}

/**
 * Starts the whole server: the embedded PostgreSQL when no DATABASE_URL is given, then the app.
 * Stopping finishes in-flight requests, closes sockets, then the database.
 */
export async function startServer(
  config: AppConfig,
  { host = '0.0.0.0' }: { host?: string } = {},
): Promise<RunningServer> {
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir);
  const database = embedded
    ? { url: embedded.url, poolSize: 1 }
    : { url: config.databaseUrl!, poolSize: config.dbPoolSize };
  let app: NestExpressApplication;
  try {
    app = await createApp(config, database);
    await app.listen(config.port, host);
  } catch (e) {
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
  const address = app.getHttpServer().address() as { port: number };
  let stopping: Promise<void> | undefined;
  return {
    app,
    embedded,
    url: `http://127.0.0.1:${address.port}`,
    stop() {
      stopping ??= (async () => {
        const http = app.getHttpServer() as { closeIdleConnections?: () => void };
        setTimeout(() => http.closeIdleConnections?.(), 100).unref();
        await app.close();
        await embedded?.stop();
      })();
      return stopping;
    },
  };
}
