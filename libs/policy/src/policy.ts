import { roleAtLeast, type CafeAudience, type Role } from '#libs/contracts';
import type { Actor } from './actor.js';
import { ALLOW, needLogin, needRole, refuse, type Decision } from './decision.js';

/** Actions that depend on the actor alone (no object to look at). */
export const ROLE_ACTIONS = {
  'account.use': 'member',
  'panel.apply': 'member',
  'cafe.host': 'host',
  'mod.queue': 'moderator',
  'mod.sanction': 'moderator',
  'mod.audit': 'moderator',
  'mod.duty': 'moderator',
  'admin.users': 'admin',
  'admin.settings': 'admin',
  'admin.categories': 'admin',
  'admin.watched_words': 'admin',
  'admin.cafe_rooms': 'admin',
  'admin.panel_applications': 'admin',
  'admin.reveal': 'admin',
} as const satisfies Record<string, Role>;
export type RoleAction = keyof typeof ROLE_ACTIONS;

const ROLE_NAMES: Record<Role, string> = {
  member: 'members',
  panel: 'panel members',
  host: 'hosts',
  moderator: 'moderators',
  admin: 'administrators',
};

/**
 * The one permission policy (after Discourse's Guardian): every "may this actor do this?" is a
 * method here, asked by every controller and gateway. Built per request from the actor.
 */
export class Policy {
  constructor(readonly actor: Actor) {}

  get isGuest(): boolean {
    return this.actor.kind === 'guest';
  }

  get role(): Role | undefined {
    return this.actor.kind === 'user' ? this.actor.role : undefined;
  }

  hasRole(atLeast: Role): boolean {
    return roleAtLeast(this.role, atLeast);
  }

  /** Role-only actions: the staff tools and account actions. */
  can(action: RoleAction): Decision {
    if (this.actor.kind === 'guest') return needLogin();
    const needed = ROLE_ACTIONS[action];
    // Each role has every right of the roles before it.
    return roleAtLeast(this.actor.role, needed) ? ALLOW : needRole(ROLE_NAMES[needed]);
  }

  /** Writing anything at all: a mute lets a user read but not write. */
  canWrite(): Decision {
    if (this.actor.kind === 'user' && this.actor.muted) {
      const until = this.actor.mutedUntil ? this.actor.mutedUntil.toISOString() : null;
      return refuse(403, 'muted', until ? `You are muted until ${until}.` : 'You are muted.', until);
    }
    return ALLOW;
  }

  // --- The café ---

  /** Entering a café room. The `forbidden` code covers both "log in first" and "not for you". */
  canJoinCafeRoom(audience: CafeAudience): Decision {
    // Everyone means everyone: the café's point is that no account is needed.
    if (audience === 'everyone') return ALLOW;
    if (this.actor.kind === 'guest') {
      return refuse(403, 'forbidden', audience === 'panel' ? 'This room is for the panel. Log in to join it.' : 'This room is for registered members. Log in to join it.');
    }
    // The panel's own room: panel members and those who work with them (hosts, moderators, admins).
    if (audience === 'panel' && !roleAtLeast(this.actor.role, 'panel')) return refuse(403, 'forbidden', 'This room is for panel members only.');
    return ALLOW;
  }

  /** Host tools in a café room (remove, mute, kick, slow mode, close) and opening hours. */
  canHostCafe(): Decision {
    if (this.actor.kind === 'guest' || !roleAtLeast(this.actor.role, ROLE_ACTIONS['cafe.host'])) {
      return refuse(403, 'not_host', 'Only the café hosts can do that.');
    }
    return ALLOW;
  }
}
