import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { type NextFunction, type Request, type Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import session from 'express-session';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppLogger } from './app-logger.js';
import { AppModule } from './app.module.js';
import { Authenticator } from './auth/authenticator.js';
import { SESSION_COOKIE } from './auth/session-cookie.js';
import { TypeormSessionStore } from './auth/session.store.js';
import { SessionIdentities } from './identity/session-identities.service.js';
import { SessionsRepository } from './identity/sessions.repository.js';
import { ContentVersion } from './page-cache/content-version.service.js';
import { guestPageCache, memberPageCache } from './page-cache/page-cache.js';
import { markReadRequests } from './page-cache/read-requests.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { jsonBody } from './common/json-body.js';
import { RedisConnection } from './common/redis.provider.js';
import { requestGuards } from './common/request-guards.middleware.js';
import { validationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { AppIoAdapter } from './realtime/app-io.adapter.js';
import { isEmbed, isOpenRead, openReadHeaders } from './common/open-reads.js';
import { RealtimeService } from './realtime/realtime.service.js';

const SESSION_DAYS = 14;

/** Where the built web app lives (vite builds it into dist/web). */
export function webRoot(): string {
  return resolve(process.env.WEB_ROOT ?? join(process.cwd(), 'dist', 'web'));
}

/** The web app's own inline styles (index.html's shell paints before any style sheet arrives), by hash. */
function inlineStyleHashes(): string[] {
  const index = join(webRoot(), 'index.html');
  if (!existsSync(index)) return [];
  return [...readFileSync(index, 'utf8').matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
}

function contentSecurityPolicy(styleHashes: string[] = []) {
  return {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", ...styleHashes],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      // The service worker (/sw.js) and the web app manifest (/manifest.webmanifest).
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  };
}

/** The server's own pages: the web app's fallback to index.html must leave them alone. */
const isApi = (path: string) =>
  path.startsWith('/api/') ||
  path === '/api' ||
  path.startsWith('/socket.io') ||
  isEmbed(path) ||
  path.startsWith('/unsubscribe/');

/** The single-page app answers its own routes; /api and /socket.io stay the server's. */
function serveWebApp(app: NestExpressApplication): void {
  const root = webRoot();
  const index = join(root, 'index.html');
  const staticFiles = expressStaticGzip(root, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => {
        // Vite's file names carry a content hash: they never change.
        if (path.includes(`${join(root, 'assets')}`))
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        // The service worker and the manifest must be checked on every visit, or an update waits for hours.
        else if (/[\\/](sw\.js|manifest\.webmanifest|index\.html|hjelp\.html)(\.br|\.gz)?$/.test(path))
          res.setHeader('Cache-Control', 'no-cache');
      },
    },
  });
  // API requests skip the file system altogether (a stat per request otherwise).
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApi(req.path) ? next() : staticFiles(req, res, next),
  );
  // /hjelp has the helplines in its HTML (built by apps/web/help-page.ts): readable before any script.
  const help = join(root, 'hjelp.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isApi(req.path)) return next();
    const page = /^\/hjelp\/?$/.test(req.path) && existsSync(help) ? help : index;
    if (!existsSync(page)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(page);
  });
}

function swagger(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Erfaringsforum API')
    .setDescription(
      'REST contract of Erfaringsforum. Its conventions, error codes and the Socket.IO namespaces /cafe, /mod and /me are described in docs/API.md in the repository.',
    )
    .setVersion('1')
    .addCookieAuth('erf.sid')
    .build();
  const document = SwaggerModule.createDocument(app, doc);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

export async function createApp(config: AppConfig, database: DatabaseTarget): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new AppLogger(app.get(Logger)));
  app.enableShutdownHooks();
  if (config.production) app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');

  await app.get(RedisConnection).connect();

  const hsts = config.production ? {} : false;
  const strictHeaders = helmet({
    contentSecurityPolicy: contentSecurityPolicy(inlineStyleHashes()),
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: hsts,
  });
  // Swagger UI's page runs an inline bootstrap script; only /api/docs gets that allowance.
  const docsHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        ...contentSecurityPolicy().directives,
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
    strictTransportSecurity: hsts,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    (req.path.startsWith('/api/docs') ? docsHeaders : strictHeaders)(req, res, next),
  );
  // What the API answers depends on who asks: no browser or proxy may keep it (a feed may say otherwise).
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (isApi(req.path)) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(requestGuards(config.publicUrl, isOpenRead));
  app.use(openReadHeaders());
  app.use(jsonBody());
  if (config.pageCache) {
    app.use(guestPageCache(app.get(ContentVersion)));
    app.use(memberPageCache(app.get(ContentVersion), config.sessionSecret));
    app.use(markReadRequests);
  }

  const store = new TypeormSessionStore(app.get(SessionsRepository), app.get(SessionIdentities));
  const sessionMiddleware = session({
    name: SESSION_COOKIE,
    store,
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.production, maxAge: SESSION_DAYS * 24 * 3600 * 1000 },
  });
  const { passport } = app.get(Authenticator);
  const passportInit = passport.initialize();
  const passportSession = passport.session();
  // The embed is a page for other sites: no session, no cookie, whoever opens it.
  for (const step of [sessionMiddleware, passportInit, passportSession])
    app.use((req: Request, res: Response, next: NextFunction) => (isEmbed(req.path) ? next() : step(req, res, next)));

  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(
    new AppIoAdapter(
      app,
      config,
      app.get(RedisConnection),
      [sessionMiddleware, passportInit, passportSession],
      app.get(RealtimeService),
    ),
  );

  swagger(app);
  serveWebApp(app);
  return app;
}
