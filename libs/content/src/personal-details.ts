/**
 * Screening for personal details in anonymous and guest posts: someone who wants to stay unknown
 * (or who writes about someone else) may not notice they gave a phone number or an identity number.
 * A hit holds the post for review and tells the writer why, so they can edit it out.
 */
export type PersonalDetail = 'phone' | 'email' | 'national_id';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

// Norwegian numbers have eight digits (first digit 2–9), written together or grouped
// ("12345678", "123 45 678", "12 34 56 78", "1234 5678"), optionally after +47 or 0047.
const PHONE =
  /(?<![\p{N}\p{L}])(?:(?:\+|00)47[\s.-]?)?[2-9](?:\d{7}|\d{2}[\s.-]\d{2}[\s.-]\d{3}|\d[\s.-]\d{2}[\s.-]\d{2}[\s.-]\d{2}|\d{3}[\s.-]\d{4})(?![\p{N}\p{L}])/gu;

// A fødselsnummer: eleven digits, often written "ddmmyy nnnnn".
const NATIONAL_ID_CANDIDATE = /(?<![\p{N}\p{L}])(\d{6})[\s.-]?(\d{5})(?![\p{N}\p{L}])/gu;

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * digits[i], 0);
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/**
 * True when `value` is eleven digits whose two check digits are right (the mod-11 rule of the
 * Norwegian national identity number; D- and H-numbers and synthetic numbers follow it too).
 */
export function isValidFodselsnummer(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const k1 = checkDigit(d, WEIGHTS_1);
  if (k1 === null || k1 !== d[9]) return false;
  const k2 = checkDigit(d, WEIGHTS_2);
  return k2 !== null && k2 === d[10];
}

/** The kinds of personal detail `text` seems to contain, each once, in a stable order. */
export function findPersonalDetails(text: string): PersonalDetail[] {
  const found: PersonalDetail[] = [];
  if ([...text.matchAll(PHONE)].length > 0) found.push('phone');
  if (EMAIL.test(text)) found.push('email');
  if ([...text.matchAll(NATIONAL_ID_CANDIDATE)].some((m) => isValidFodselsnummer(m[1] + m[2])))
    found.push('national_id');
  return found;
}
