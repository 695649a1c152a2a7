import { roleAtLeast, type Role } from '#libs/contracts';

/** How old an account must be before its flags count towards hiding a post. */
export const GOOD_STANDING_MIN_ACCOUNT_AGE_HOURS = 72;

export interface StandingFacts {
  role: Role;
  /** A mute or ban in force. */
  sanctioned: boolean;
  accountAgeHours: number;
  /** Still earning trust: fewer approved posts than `newMemberReviewCount` (see holding.ts). */
  newMember: boolean;
}

/**
 * A member in good standing, whose flags count towards hiding a post before review: not muted or
 * banned, with an account at least three days old, and past the new-member review (panel members
 * and staff were let in by an administrator, so they are). Brand-new accounts can't hide anything,
 * so no one can silence someone by registering a few accounts.
 */
export function inGoodStanding(facts: StandingFacts): boolean {
  if (facts.sanctioned) return false;
  if (facts.accountAgeHours < GOOD_STANDING_MIN_ACCOUNT_AGE_HOURS) return false;
  return roleAtLeast(facts.role, 'panel') || !facts.newMember;
}
