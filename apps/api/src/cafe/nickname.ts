import { CAFE_LIMITS, cleanNickname, nicknameProblem } from '#libs/contracts';
import { CafeError } from './cafe-error.js';

// The rule of a nickname's form is the contract's, so the web checks it before connecting.
export { cleanNickname };
/** Names that would pass for the café's own voice or for a forum alias. */
const RESERVED =
  /^(vert|verten|vertinne|host|moderator|moderatoren|admin|administrator|system|erfaringsforum|erfaringskafeen|erfaringskaféen|anonym( ?\d+)?|gjest( ?\d+)?|deleted|slettet)$/;

/** The nickname as compared: "Kari", "KARI" and "kari " are one name. */
export function nicknameKey(nickname: string): string {
  return cleanNickname(nickname).toLowerCase();
}

/** Checks a nickname's form; throws `invalid` with a sentence the person can act on. */
export function checkNicknameShape(nickname: string, fromDisplayName: boolean): void {
  if (nicknameProblem(nickname) === null) return;
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
