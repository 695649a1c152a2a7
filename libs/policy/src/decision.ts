/** A policy answer. A refusal says why, with the HTTP status and a code the UI can translate. */
export type Decision = Allowed | Refused;

export interface Allowed {
  allowed: true;
}

export interface Refused {
  allowed: false;
  status: 400 | 401 | 403 | 404 | 409 | 423;
  code: string;
  message: string;
  until?: string | null;
}

export const ALLOW: Allowed = { allowed: true };

export function refuse(status: Refused['status'], code: string, message: string, until?: string | null): Refused {
  return until === undefined
    ? { allowed: false, status, code, message }
    : { allowed: false, status, code, message, until };
}

export const needLogin = (): Refused => refuse(401, 'unauthenticated', 'You need to log in to do that.');
export const needRole = (what: string): Refused => refuse(403, 'forbidden', `Only ${what} may do that.`);
export const notFound = (what = 'That'): Refused =>
  refuse(404, 'not_found', `${what} does not exist, or you can't see it.`);
