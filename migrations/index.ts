import { AccountsAndSessions1764000000000 } from './1764000000000-accounts-and-sessions.js';

/** Every migration, oldest first. The app and the tests run exactly this list. */
export const MIGRATIONS = [AccountsAndSessions1764000000000];
