/** A user's sanctions in force: a mute (may read, not write) and a ban (may not log in). `until` null: until lifted. */
export interface Standing {
  /** The mute that lasts longest, with the reason its moderator gave. */
  mute?: { until: Date | null; reason: string };
  ban?: { until: Date | null; reason: string };
}

/** The later of two ends; null (until lifted) outlasts any date. */
function later(a: Date | null, b: Date | null): Date | null {
  if (a === null || b === null) return null;
  return a > b ? a : b;
}

/** The standing that the sanctions applying to a user add up to: the longest mute, the longest ban. */
export function standingFrom(sanctions: { kind: 'mute' | 'ban'; until: Date | null; reason: string }[]): Standing {
  const standing: Standing = {};
  for (const row of sanctions) {
    if (row.kind === 'mute') {
      if (!standing.mute || later(standing.mute.until, row.until) !== standing.mute.until)
        standing.mute = { until: row.until, reason: row.reason };
    } else if (!standing.ban || later(standing.ban.until, row.until) !== standing.ban.until)
      standing.ban = { until: row.until, reason: row.reason };
  }
  return standing;
}
