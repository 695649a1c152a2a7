import { ConfigError, parseEnvironment } from './environment.js';

const fails = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnvironment(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('parseEnvironment', () => {
  it('should accept an empty environment (every variable has a default)', () => {
    expect(parseEnvironment({})).toMatchObject({});
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'forum.example.no' }, 'PUBLIC_URL'],
    [{ PUBLIC_URL: 'https://forum.example.no/sti' }, 'PUBLIC_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ RATE_LIMIT_SCALE: '-1' }, 'RATE_LIMIT_SCALE'],
    [{ RATE_LIMIT_SCALE: 'lots' }, 'RATE_LIMIT_SCALE'],
    [{ CAFE_RETENTION_HOURS: '0' }, 'CAFE_RETENTION_HOURS'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ ADMIN_USERNAME: 'admin' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ DIRECTORY_EMBED_ORIGINS: 'askoy.kommune.no' }, 'DIRECTORY_EMBED_ORIGINS'],
    [{ DIRECTORY_EMBED_ORIGINS: 'https://askoy.kommune.no/aktiviteter' }, 'DIRECTORY_EMBED_ORIGINS'],
    [{ DIRECTORY_EMBED_ORIGINS: "https://a.no 'unsafe-inline'" }, 'DIRECTORY_EMBED_ORIGINS'],
  ])('should stop the start with one line naming the variable for %j', (env, name) => {
    const message = fails(env);
    expect(message).toContain(name);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('should require the secrets and refuse RATE_LIMIT_SCALE=0 in production', () => {
    const secrets = { SESSION_SECRET: 's'.repeat(32), ANON_SECRET: 'a'.repeat(32) };
    expect(fails({ NODE_ENV: 'production' })).toContain('SESSION_SECRET');
    expect(fails({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) })).toContain('ANON_SECRET');
    expect(fails({ NODE_ENV: 'production', ...secrets, RATE_LIMIT_SCALE: '0' })).toContain('RATE_LIMIT_SCALE');
    expect(parseEnvironment({ NODE_ENV: 'production', ...secrets }).NODE_ENV).toBe('production');
  });

  it('should read numbers as numbers', () => {
    expect(parseEnvironment({ PORT: '8080', RATE_LIMIT_SCALE: '2.5' })).toMatchObject({
      PORT: 8080,
      RATE_LIMIT_SCALE: 2.5,
    });
  });
});
