import type { Role } from '#libs/contracts';

/** Who is asking: a guest (no session) or a logged-in user with their role and standing. */
export type Actor = GuestActor | UserActor;

export interface GuestActor {
  kind: 'guest';
}

export interface UserActor {
  kind: 'user';
  id: string;
  role: Role;
  /** A mute in force: may read, may not write. `until` null means until lifted. */
  mutedUntil?: Date | null;
  muted?: boolean;
}

export const GUEST: GuestActor = { kind: 'guest' };
