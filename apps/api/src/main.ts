import 'reflect-metadata';
import { ConfigError } from './config/environment.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { startServer } from './server.js';
import { AdminBootstrapService } from './users/admin-bootstrap.service.js';
import { firstAdminNotice } from './users/first-admin-notice.js';

let config: AppConfig;
try {
  config = loadConfig(process.env);
} catch (e) {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  throw e;
}

const started = performance.now();
const server = await startServer(config);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (!config.linkBase)
  process.stdout.write(
    'PUBLIC_URL is not set: password reset links and notification emails are off until it is (PUBLIC_URL=https://your.address).\n',
  );
process.stdout.write(
  `Erfaringsforum is running on http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}), ready in ${seconds} s\n`,
);
const firstAdmin = server.app.get(AdminBootstrapService).createdOnThisStart;
if (firstAdmin)
  process.stdout.write(firstAdminNotice(firstAdmin, config.linkBase ?? `http://localhost:${config.port}`));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
