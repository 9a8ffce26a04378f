/**
 * Whether this process may run the bot on a database another one may hold. Pure: the clock, the
 * host name and whether the holder's process still exists are given.
 */

/** The row in `instance_lease`: which process runs the bot, since when, and when it last said so. */
export interface LeaseHolder {
  readonly host: string;
  readonly pid: number;
  readonly startedAt: number;
  readonly heartbeatAt: number;
}

/** How often the running bot renews its lease. */
export const LEASE_HEARTBEAT_MS = 30_000;

/**
 * A lease not renewed for this long is a crashed (or frozen) bot's: three missed heartbeats, so a
 * busy event loop is not taken for a crash, and short, so a restart after a crash on another host
 * waits at most this long.
 */
const LEASE_STALE_MS = 90_000;

/** This process, as it would write itself into the lease. */
export interface LeaseClaimant {
  readonly host: string;
  readonly pid: number;
}

export type LeaseVerdict =
  | { readonly kind: 'free' }
  /** Left by a bot that did not stop cleanly: taken over without a word to the operator but a note. */
  | { readonly kind: 'stale'; readonly holder: LeaseHolder; readonly why: 'heartbeat' | 'gone' | 'same-process' }
  /** Another bot runs on this database now: this one must not start. */
  | { readonly kind: 'held'; readonly holder: LeaseHolder };

/**
 * Judges the lease found at start. `holderRunning` says whether the holder's pid exists on this
 * host (null when the holder is on another host, where it cannot be asked). A crash never blocks
 * a restart: an old heartbeat, a pid gone from this host, or this very host and pid (a container
 * restarted keeps its host name and runs as pid 1 again) all mean the holder is no more.
 */
export function judgeLease(holder: LeaseHolder | null, me: LeaseClaimant, now: number, holderRunning: boolean | null): LeaseVerdict {
  if (holder === null) return { kind: 'free' };
  if (now - holder.heartbeatAt > LEASE_STALE_MS) return { kind: 'stale', holder, why: 'heartbeat' };
  if (holder.host === me.host && holder.pid === me.pid) return { kind: 'stale', holder, why: 'same-process' };
  if (holderRunning === false) return { kind: 'stale', holder, why: 'gone' };
  return { kind: 'held', holder };
}

/** "pid 4242 on host-a, running since 2026-12-07T08:00:00Z, last heartbeat 12 s ago": the holder, for the operator. */
export function describeLeaseHolder(holder: LeaseHolder, now: number): string {
  const ago = Math.max(0, Math.round((now - holder.heartbeatAt) / 1000));
  return `pid ${holder.pid} on ${holder.host}, running since ${isoSeconds(holder.startedAt)}, last heartbeat ${ago} s ago`;
}

/**
 * The one line a second bot on a held database stops with: who holds it, why starting too is
 * refused (both would poll every feed; digests would still go out once, claimed in the database),
 * what to do, and when a holder that in fact crashed stops counting.
 */
export function explainLeaseHeld(holder: LeaseHolder, now: number): string {
  const lapses = isoSeconds(holder.heartbeatAt + LEASE_STALE_MS);
  return `another newsbrief already runs on this database (${describeLeaseHolder(holder, now)}); `
    + 'two bots on one database would both poll every feed and both run the digest schedule (each digest would still be sent once). '
    + `Stop that one first, or give this one its own DATABASE_PATH. If it crashed, its lease lapses at ${lapses} (${LEASE_STALE_MS / 1000} s after its last heartbeat): start again then`;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The line `newsbrief health` adds about the bot: whether one holds the database now, and which,
 * or that the last one did not stop cleanly. Says nothing of the poller's health.
 */
export function describeLeaseState(holder: LeaseHolder | null, now: number): string {
  if (holder === null) return 'bot: none runs on this database';
  if (now - holder.heartbeatAt > LEASE_STALE_MS) {
    return `bot: none runs on this database; the last one (pid ${holder.pid} on ${holder.host}) did not stop cleanly, last heartbeat at ${isoSeconds(holder.heartbeatAt)}`;
  }
  return `bot: runs on this database (${describeLeaseHolder(holder, now)})`;
}
