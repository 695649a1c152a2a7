/** The administrator made on a first start, to be told once. */
export interface FirstAdmin {
  username: string;
  password: string;
}

/**
 * What the console says about the first administrator: framed, last, so it is the thing a person
 * sees when the start is done, with where to log in and where to change the password.
 */
export function firstAdminNotice(admin: FirstAdmin, address: string): string {
  const rule = '='.repeat(72);
  return [
    '',
    rule,
    'An administrator was created for you (shown only this once):',
    '',
    `  username: ${admin.username}`,
    `  password: ${admin.password}`,
    '',
    `Log in at ${address}/logg-inn and change the password under "Min side".`,
    rule,
    '',
  ].join('\n');
}
