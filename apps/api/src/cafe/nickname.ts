import { isReservedName, nameSkeleton } from '#libs/content';
import { CAFE_LIMITS, cleanNickname, nicknameProblem } from '#libs/contracts';
import { CafeError } from './cafe-error.js';

// The rule of a nickname's form is the contract's, so the web checks it before connecting.
export { cleanNickname };
/**
 * The nickname as compared: its confusable skeleton, so "Kari", "KARI", "kari " and "Kаri" (with a
 * Cyrillic а) are one name, while "Åse" and "Ase" are two.
 */
export function nicknameKey(nickname: string): string {
  return nameSkeleton(cleanNickname(nickname));
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

/** The one name rule's reserved names (libs/content): the café's own voices and the forum's aliases. */
export function isReservedNickname(nickname: string): boolean {
  return isReservedName(cleanNickname(nickname));
}
