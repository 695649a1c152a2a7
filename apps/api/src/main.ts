import 'reflect-metadata';
import { ConfigError } from './config/environment.js';
import { loadConfig, type AppConfig } from './config/app-config.js';
import { startServer } from './server.js';

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

const server = await startServer(config);
if (!config.linkBase)
  process.stdout.write(
    'PUBLIC_URL is not set: password reset links and notification emails are off until it is (PUBLIC_URL=https://your.address).\n',
  );
process.stdout.write(
  `Erfaringsforum is running on http://localhost:${config.port} (${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`})\n`,
);

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
