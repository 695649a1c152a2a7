import { CAFE_LIMITS } from '#libs/contracts';
import { CafeError } from './cafe-error.js';

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;
/** Letters and digits, with spaces, dots, apostrophes, hyphens and underscores inside. */
const SHAPE = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._'-]*[\p{L}\p{N}])?$/u;
/** Names that would pass for the café's own voice or for a forum alias. */
const RESERVED =
  /^(vert|verten|vertinne|host|moderator|moderatoren|admin|administrator|system|erfaringsforum|erfaringskafeen|erfaringskaféen|anonym( ?\d+)?|gjest( ?\d+)?|deleted|slettet)$/;

/** The nickname as shown: NFKC, invisible characters removed, spaces collapsed. */
export function cleanNickname(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/** The nickname as compared: "Kari", "KARI" and "kari " are one name. */
export function nicknameKey(nickname: string): string {
  return cleanNickname(nickname).toLowerCase();
}

/** Checks a nickname's form; throws `invalid` with a sentence the person can act on. */
export function checkNicknameShape(nickname: string, fromDisplayName: boolean): void {
  const length = [...nickname].length;
  const fits = length >= CAFE_LIMITS.nicknameMin && length <= CAFE_LIMITS.nicknameMax && SHAPE.test(nickname);
  if (fits) return;
  throw new CafeError(
    'invalid',
    fromDisplayName
      ? `Your display name can't be used in the café; choose a nickname of ${CAFE_LIMITS.nicknameMin}–${CAFE_LIMITS.nicknameMax} letters or digits.`
      : `A nickname is ${CAFE_LIMITS.nicknameMin}–${CAFE_LIMITS.nicknameMax} letters or digits (spaces, . _ ' and - allowed inside).`,
  );
}

export function isReservedNickname(key: string): boolean {
  return RESERVED.test(key);
}
