import { holdReasons, type HoldingFacts } from './holding.js';

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
    ['a guest with an email address', { writer: 'guest', unnamed: true, personalDetails: ['email'] }, ['guest', 'personal_details']],
    ['a moderator in a pre category with personal details', { writer: 'moderator', moderation: 'pre', unnamed: true, personalDetails: ['national_id'] }, []],
  ])('should decide for %s', (_, facts, reasons) => {
    expect(holdReasons({ ...base, ...facts })).toEqual(reasons);
  });
});
