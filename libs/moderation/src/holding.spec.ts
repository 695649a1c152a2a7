import { decideHolding, holdReasons, type HoldingFacts } from './holding.js';

const base: HoldingFacts = { moderation: 'post', writer: 'trusted', unnamed: false, personalDetails: [] };

describe('holdReasons', () => {
  it.each<[string, Partial<HoldingFacts>, string[]]>([
    ['a trusted user in a post category', {}, []],
    ['a trusted user in a pre category', { moderation: 'pre' }, ['category_pre']],
    ['a guest', { writer: 'guest', unnamed: true }, ['guest']],
    ['a guest in a pre category', { writer: 'guest', unnamed: true, moderation: 'pre' }, ['category_pre', 'guest']],
    ['a new member', { writer: 'new_member' }, ['new_member']],
    ['an anonymous post with a phone number', { unnamed: true, personalDetails: ['phone'] }, ['personal_details']],
    ['a named post with a phone number', { personalDetails: ['phone'] }, []],
    [
      'a guest with an email address',
      { writer: 'guest', unnamed: true, personalDetails: ['email'] },
      ['guest', 'personal_details'],
    ],
    ['an anonymous post in a post category, whoever wrote it', { writer: 'anonymous', unnamed: true }, []],
    [
      'an anonymous post in a pre category, whoever wrote it (staff too)',
      { writer: 'anonymous', unnamed: true, moderation: 'pre' },
      ['category_pre'],
    ],
    [
      'an anonymous post with an email address',
      { writer: 'anonymous', unnamed: true, personalDetails: ['email'] },
      ['personal_details'],
    ],
    [
      'a moderator in a pre category with personal details',
      { writer: 'moderator', moderation: 'pre', unnamed: true, personalDetails: ['national_id'] },
      [],
    ],
  ])('should decide for %s', (_, facts, reasons) => {
    expect(holdReasons({ ...base, ...facts })).toEqual(reasons);
  });
});

describe('decideHolding', () => {
  it.each<[string, Partial<HoldingFacts>, { held: string[]; review: string[]; priority: string }]>([
    [
      'a watched word asking for review',
      { watched: ['review'] },
      { held: ['watched_word'], review: [], priority: 'normal' },
    ],
    [
      'a watched word asking for a look',
      { watched: ['flag'] },
      { held: [], review: ['watched_word'], priority: 'normal' },
    ],
    ['a crisis word in a post category', { watched: ['crisis'] }, { held: [], review: ['crisis'], priority: 'crisis' }],
    [
      'a crisis word from a guest',
      { watched: ['crisis'], writer: 'guest', unnamed: true },
      { held: ['guest'], review: ['crisis'], priority: 'crisis' },
    ],
    [
      'a crisis word in a pre category',
      { watched: ['crisis'], moderation: 'pre' },
      { held: ['category_pre'], review: ['crisis'], priority: 'crisis' },
    ],
    [
      'a moderator’s crisis word',
      { watched: ['crisis'], writer: 'moderator' },
      { held: [], review: [], priority: 'normal' },
    ],
    ['nothing at all', {}, { held: [], review: [], priority: 'normal' }],
    [
      'a crisis word and a review word together',
      { watched: ['crisis', 'review'] },
      { held: ['watched_word'], review: ['crisis'], priority: 'crisis' },
    ],
    [
      'a review word and a flag word together',
      { watched: ['review', 'flag'] },
      { held: ['watched_word'], review: [], priority: 'normal' },
    ],
  ])('should decide for %s', (_, facts, outcome) => {
    expect(decideHolding({ ...base, ...facts })).toEqual(outcome);
  });
});
