import { findPersonalDetails, isValidFodselsnummer } from './personal-details.js';

/** The two check digits for nine digits, or null when the first or second would be 10. */
function mod11(weights: number[], digits: number[]): number {
  const r = 11 - (weights.reduce((a, w, i) => a + w * digits[i], 0) % 11);
  return r === 11 ? 0 : r;
}

function checkDigits(nine: string): string | null {
  const d = [...nine].map(Number);
  const k = mod11;
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  if (k1 === 10) return null;
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  return k2 === 10 ? null : `${k1}${k2}`;
}

/** A valid number for a birth date (ddmmyy): the first individual number that gives one. */
function validFor(date: string): string {
  for (let i = 100; i < 1000; i++) {
    const digits = checkDigits(`${date}${i}`);
    if (digits) return `${date}${i}${digits}`;
  }
  throw new Error('unreachable');
}

describe('isValidFodselsnummer', () => {
  const valid = validFor('150190');

  it('should accept eleven digits with right check digits', () => {
    expect(isValidFodselsnummer(valid)).toBe(true);
  });

  it('should refuse a wrong check digit, a wrong length or other characters', () => {
    const wrong = valid.slice(0, 10) + ((Number(valid[10]) + 1) % 10);
    expect(isValidFodselsnummer(wrong)).toBe(false);
    expect(isValidFodselsnummer(valid.slice(0, 10))).toBe(false);
    expect(isValidFodselsnummer(valid + '1')).toBe(false);
    expect(isValidFodselsnummer('1501901234a')).toBe(false);
  });

  it('should refuse a number whose first check digit would be 10', () => {
    const nine = Array.from({ length: 900 }, (_, i) => `150190${i + 100}`).find((n) => checkDigits(n) === null)!;
    const all = Array.from({ length: 100 }, (_, i) => `${nine}${String(i).padStart(2, '0')}`);
    expect(all.filter(isValidFodselsnummer)).toEqual([]);
  });
});

describe('findPersonalDetails', () => {
  const fnr = validFor('010203');

  it.each([
    ['ring meg på 91234567', ['phone']],
    ['ring meg på 912 34 567', ['phone']],
    ['ring meg på 91 23 45 67', ['phone']],
    ['ring meg på +47 22334455', ['phone']],
    ['ring 0047 91234567', ['phone']],
    ['skriv til kari.nordmann@example.no', ['email']],
    [`fødselsnummeret mitt er ${fnr}`, ['national_id']],
    [`fødselsnummeret mitt er ${fnr.slice(0, 6)} ${fnr.slice(6)}`, ['national_id']],
    ['ring 91234567 eller skriv til a@b.no', ['phone', 'email']],
  ])('should find personal details in "%s"', (text, kinds) => {
    expect(findPersonalDetails(text)).toEqual(kinds);
  });

  it.each([
    'Jeg har gått på DPS i 3 år',
    'Det var 1234567 mennesker der', // seven digits
    'kontonummer 123456789012', // twelve digits
    'Vi møttes 12.03.2024 kl. 14',
    'nummer 12345678901 er ikke et gyldig fødselsnummer',
    'ring 113 eller 116 117 ved behov',
    'e-post er ikke oppgitt @ her',
  ])('should find nothing in "%s"', (text) => {
    expect(findPersonalDetails(text)).toEqual([]);
  });
});
