import { flagsHidePost } from './flags.js';
import { inGoodStanding, type StandingFacts } from './standing.js';

const member: StandingFacts = { role: 'member', sanctioned: false, accountAgeHours: 24 * 30, newMember: false };

describe('inGoodStanding', () => {
  it.each<[string, Partial<StandingFacts>, boolean]>([
    ['an established member', {}, true],
    ['a muted or banned member', { sanctioned: true }, false],
    ['an account younger than three days', { accountAgeHours: 71 }, false],
    ['an account exactly three days old', { accountAgeHours: 72 }, true],
    ['a member still in the new-member review', { newMember: true }, false],
    ['a panel member, let in by an administrator', { role: 'panel', newMember: true }, true],
    ['a brand-new moderator account', { role: 'moderator', accountAgeHours: 1 }, false],
  ])('should answer for %s', (_, facts, expected) => {
    expect(inGoodStanding({ ...member, ...facts })).toBe(expected);
  });
});

describe('flagsHidePost', () => {
  it('should hide at the threshold and not before', () => {
    expect(flagsHidePost(2, 3)).toBe(false);
    expect(flagsHidePost(3, 3)).toBe(true);
    expect(flagsHidePost(0, 0)).toBe(false);
  });
});
