import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config.js';

describe('the base of links that leave the app', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'erf-config-'));
  const secrets = { SESSION_SECRET: 's'.repeat(32), ANON_SECRET: 'a'.repeat(32), DATA_DIR: dataDir };

  it('should be PUBLIC_URL when set', () => {
    expect(loadConfig({ ...secrets, PUBLIC_URL: 'https://forum.example.no' }).linkBase).toBe(
      'https://forum.example.no',
    );
  });

  it("should be this machine's own address outside production", () => {
    expect(loadConfig({ ...secrets, PORT: '3100' }).linkBase).toBe('http://localhost:3100');
  });

  it('should be missing in production without PUBLIC_URL, so no link is built from a Host header', () => {
    expect(loadConfig({ ...secrets, NODE_ENV: 'production' }).linkBase).toBeNull();
  });
});
