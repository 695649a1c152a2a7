/** Roles, in order: each has every right of the ones before it. */
export const ROLES = ['member', 'panel', 'host', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` has at least the rights of `atLeast`. */
export function roleAtLeast(role: Role | undefined, atLeast: Role): boolean {
  if (!role) return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(atLeast);
}

/** Every role from `atLeast` up, in order: what a query needs where the policy asks roleAtLeast. */
export function rolesAtLeast(atLeast: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(atLeast));
}
