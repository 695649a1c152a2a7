import { ROLES, type Role } from '#libs/contracts';
import { GUEST, type Actor } from './actor.js';
import type { Decision } from './decision.js';
import { Policy, type EventFacts } from './policy.js';

const actor = (role: Role | 'guest'): Actor =>
  role === 'guest' ? GUEST : { kind: 'user', id: '00000000-0000-4000-8000-000000000001', role };
const WHO = ['guest', ...ROLES] as const;
const cell = (d: Decision) => (d.allowed ? 'ok' : d.code);
const facts = (audience: EventFacts['audience']) => ({ audience, mine: false });

/** The calendar (issue 15) as a table: who × audience, for someone else's event and one's own. */
describe('Policy: the calendar', () => {
  const AUDIENCES: EventFacts['audience'][] = ['everyone', 'members', 'panel'];

  // Columns: everyone, members, panel — someone else's event.
  const see: Record<(typeof WHO)[number], string[]> = {
    guest: ['ok', 'not_found', 'not_found'],
    member: ['ok', 'ok', 'not_found'],
    panel: ['ok', 'ok', 'ok'],
    host: ['ok', 'ok', 'ok'],
    moderator: ['ok', 'ok', 'ok'],
    admin: ['ok', 'ok', 'ok'],
  };
  const manage: Record<(typeof WHO)[number], string[]> = {
    guest: ['unauthenticated', 'not_found', 'not_found'],
    member: ['not_organiser', 'not_organiser', 'not_found'],
    panel: ['not_organiser', 'not_organiser', 'not_organiser'],
    host: ['not_organiser', 'not_organiser', 'not_organiser'],
    moderator: ['ok', 'ok', 'ok'],
    admin: ['ok', 'ok', 'ok'],
  };
  const register: Record<(typeof WHO)[number], string[]> = {
    guest: ['unauthenticated', 'not_found', 'not_found'],
    member: ['ok', 'ok', 'not_found'],
    panel: ['ok', 'ok', 'ok'],
    host: ['ok', 'ok', 'ok'],
    moderator: ['ok', 'ok', 'ok'],
    admin: ['ok', 'ok', 'ok'],
  };

  it.each(WHO)('should answer %s for someone else’s event of each audience', (who) => {
    const p = new Policy(actor(who));
    expect({
      see: AUDIENCES.map((a) => cell(p.canSeeEvent(facts(a)))),
      manage: AUDIENCES.map((a) => cell(p.canManageEvent(facts(a)))),
      register: AUDIENCES.map((a) => cell(p.canRegisterForEvent(facts(a)))),
    }).toEqual({ see: see[who], manage: manage[who], register: register[who] });
  });

  it('should let the organiser see and manage their own event whatever its audience', () => {
    const host = new Policy(actor('host'));
    for (const audience of AUDIENCES) expect(host.canManageEvent({ audience, mine: true }).allowed).toBe(true);
    // A guest owns nothing, however the facts are put.
    expect(new Policy(GUEST).canManageEvent({ audience: 'everyone', mine: true }).allowed).toBe(false);
  });

  it('should take everything from an organiser who is no longer a host: audience first, then role', () => {
    for (const who of ['member', 'panel'] as const) {
      const p = new Policy(actor(who));
      expect({
        see: AUDIENCES.map((a) => cell(p.canSeeEvent({ audience: a, mine: true }))),
        manage: AUDIENCES.map((a) => cell(p.canManageEvent({ audience: a, mine: true }))),
        organises: AUDIENCES.map((a) => p.organises({ audience: a, mine: true })),
      }).toEqual({
        see: see[who],
        manage: manage[who],
        organises: [false, false, false],
      });
    }
  });

  it('should let hosts and up create events', () => {
    expect(WHO.map((who) => new Policy(actor(who)).can('calendar.host').allowed)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});
