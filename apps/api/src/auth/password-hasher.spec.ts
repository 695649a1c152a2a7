import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  it('should run at most two argon2 computations at once and queue the rest', async () => {
    const hasher = new PasswordHasher();
    const stored = await hasher.hash('riktig-passord');
    const checks = Array.from({ length: 6 }, (_, i) => hasher.verify(stored, i === 0 ? 'riktig-passord' : 'feil'));
    await Promise.resolve();
    expect(hasher.waiting).toBe(4);
    expect(await Promise.all(checks)).toEqual([true, false, false, false, false, false]);
    expect(hasher.waiting).toBe(0);
  });

  it('should refuse any password for an unknown user', async () => {
    expect(await new PasswordHasher().verify(undefined, 'hva som helst')).toBe(false);
  });
});
