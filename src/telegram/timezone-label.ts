/**
 * A stored time zone as readers see it. Fixed offsets are stored as the zone database's
 * `Etc/GMT±h` names, whose sign is inverted by POSIX convention (`Etc/GMT-2` is two hours ahead
 * of UTC): shown as such, a reader who typed `+02:00` would read the opposite of what they meant.
 */

/** The minus sign of a shown offset (U+2212), as typeset; /timezone reads it back as `-`. */
const OFFSET_MINUS = '\u2212';

/**
 * `Etc/GMT-2` -> `UTC+02:00`, `Etc/GMT+5` -> `UTC−05:00`, `Etc/UTC` -> `UTC`; any other zone in
 * the runtime's own spelling (`Etc/Gmt+2` or `europe/amsterdam` stored by an older version are
 * shown as `UTC−02:00` and `Europe/Amsterdam`). The same text in every interface language.
 */
export function timezoneLabel(zone: string): string {
  const fixed = /^Etc\/(?:GMT|UTC|UCT|Zulu|Universal|Greenwich)(?:0|([+-])(\d{1,2}))?$/i.exec(zone);
  if (fixed) {
    const hours = Number(fixed[2] ?? 0);
    if (hours === 0) return 'UTC';
    // Etc/GMT+h is h hours *behind* UTC.
    return `UTC${fixed[1] === '+' ? OFFSET_MINUS : '+'}${String(hours).padStart(2, '0')}:00`;
  }
  return canonicalZoneCase(zone) ?? zone;
}

/**
 * `name` in the zone database's spelling when it differs from it only in case (`etc/gmt+2` ->
 * `Etc/GMT+2`, `america/port-au-prince` -> `America/Port-au-Prince`), taken from the runtime;
 * null when the runtime spells it otherwise (an old link name it resolves to its successor) or
 * does not know it.
 */
export function canonicalZoneCase(name: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : null;
  } catch {
    return null;
  }
}

/** Whether a stored zone is a whole-hour UTC offset (`Etc/GMT-2`, as `+02:00` is stored): a clock without summer time. */
export function isFixedOffset(zone: string): boolean {
  return /^Etc\/GMT[+-]\d{1,2}$/i.test(zone);
}
