import { checkNicknameShape, cleanNickname, isReservedNickname, nicknameKey } from './nickname.js';

describe('café nicknames', () => {
  it('should tidy spaces and invisible characters, and fold case for comparison', () => {
    expect(cleanNickname('  Kari \u200B Nord  ')).toBe('Kari Nord');
    expect(nicknameKey('KARI  Nord')).toBe(nicknameKey('kari nord'));
    expect(nicknameKey('Åse')).not.toBe(nicknameKey('Ase'));
    expect(nicknameKey('K\u0430ri Vert')).toBe(nicknameKey('Kari Vert'));
  });

  it.each(['Kari', "Åse Ø'Brien", 'ola_n', 'K2', 'Per-Arne', 'Li Wei 李', 'x'.repeat(24)])(
    'should accept %j',
    (name) => {
      expect(() => checkNicknameShape(name, false)).not.toThrow();
    },
  );

  it.each(['K', 'x'.repeat(25), '-Kari', 'Kari!', 'Kari 🙂', '<b>Kari</b>', 'Kari.', ''])(
    'should refuse %j',
    (name) => {
      expect(() => checkNicknameShape(name, false)).toThrow(/2–24/);
    },
  );

  it('should say when a display name does not fit', () => {
    expect(() => checkNicknameShape('Kari (vert)', true)).toThrow(/display name/);
  });

  it.each([
    ['vert', true],
    ['moderator', true],
    ['gjest 12', true],
    ['anonym3', true],
    ['vertskap', false],
    ['gjesten', false],
    ['\u0430dmin', true],
    ['M0DERATOR', true],
  ])('should reserve %j: %s', (key, reserved) => {
    expect(isReservedNickname(key)).toBe(reserved);
  });
});
