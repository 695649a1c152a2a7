import { randomBytes } from 'node:crypto';

/**
 * A guest receipt's short code (docs/decisions/0016): 12 characters of Crockford's base32 (60 bits),
 * shown in groups of four to write down ("K7QM-4XPA-9TRE"). It is a second key to the same receipt,
 * looked up by its hash and rate-limited per address, so guessing one is hopeless.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

export function newReceiptCode(): string {
  // 256 is a multiple of 32: every symbol is equally likely.
  const chars = [...randomBytes(LENGTH)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * What a person typed, as the code it stands for: letter case, spaces and dashes don't matter, and
 * the letters people mistake for digits (O, I, L) read as those digits. Null when it can't be a code.
 */
export function normalizeReceiptCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length !== LENGTH) return null;
  for (const c of s) if (!ALPHABET.includes(c)) return null;
  return s;
}
