/** The login session's cookie. */
export const SESSION_COOKIE = 'erf.sid';
