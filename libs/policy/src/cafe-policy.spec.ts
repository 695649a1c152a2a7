import { ROLES, type CafeAudience, type Role } from '#libs/contracts';
import { GUEST, type Actor } from './actor.js';
import { Policy } from './policy.js';

const actor = (role: Role | 'guest'): Actor =>
  role === 'guest' ? GUEST : { kind: 'user', id: '00000000-0000-4000-8000-000000000001', role };
const WHO = ['guest', ...ROLES] as const;

describe('Policy: the café', () => {
  // Rows: who; columns: everyone, members, panel.
  const joinTable: Record<(typeof WHO)[number], [boolean, boolean, boolean]> = {
    guest: [true, false, false],
    member: [true, true, false],
    panel: [true, true, true],
    host: [true, true, true],
    moderator: [true, true, true],
    admin: [true, true, true],
  };

  it.each(
    WHO.flatMap((who) =>
      (['everyone', 'members', 'panel'] as CafeAudience[]).map(
        (audience, i) => [who, audience, joinTable[who][i]] as const,
      ),
    ),
  )('should answer %s joining a room for %s: %s', (who, audience, allowed) => {
    const decision = new Policy(actor(who)).canJoinCafeRoom(audience);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) {
      expect(decision.code).toBe('forbidden');
      if (who === 'guest') expect(decision.message).toMatch(/Log in/);
    }
  });

  it.each(WHO.map((who) => [who, ['host', 'moderator', 'admin'].includes(who)] as const))(
    'should answer %s hosting the café: %s',
    (who, allowed) => {
      const decision = new Policy(actor(who)).canHostCafe();
      expect(decision.allowed).toBe(allowed);
      if (!decision.allowed) expect(decision.code).toBe('not_host');
    },
  );

  it('should refuse a muted host writing, with when the mute ends', () => {
    const until = new Date('2030-01-01T12:00:00Z');
    const decision = new Policy({ kind: 'user', id: 'x', role: 'host', muted: true, mutedUntil: until }).canWrite();
    expect(decision).toMatchObject({ allowed: false, code: 'muted', until: until.toISOString() });
  });
});
