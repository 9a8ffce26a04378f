import type { LeaseClaimant, LeaseHolder } from '../../core/instance-lease.js';
import type { SqliteDatabase } from '../database.js';

interface LeaseRow {
  host: string;
  pid: number;
  started_at: number;
  heartbeat_at: number;
}

/** The `instance_lease` row (migration 015): who runs the bot on this database. */
export interface InstanceLeaseStore {
  /** The holder, or null when no bot holds the database. */
  read(): LeaseHolder | null;
  /**
   * Reads the holder and, when `mayTake` agrees, writes `me` in its place, in one write-locked
   * transaction: two bots starting at the same moment cannot both take it. Returns the holder found.
   */
  acquire(me: LeaseClaimant, now: number, mayTake: (holder: LeaseHolder | null) => boolean): { readonly found: LeaseHolder | null; readonly taken: boolean };
  /** Moves the heartbeat on; false when the lease is no longer `me`'s (another bot took it over). */
  renew(me: LeaseClaimant & { readonly startedAt: number }, now: number): boolean;
  /** Gives the lease up, if it is still `me`'s. */
  release(me: LeaseClaimant & { readonly startedAt: number }): void;
}

const SELECT_LEASE = 'SELECT host, pid, started_at, heartbeat_at FROM instance_lease WHERE id = 1';

/**
 * The holder, for a command that only looks (`newsbrief health`): undefined when the database
 * predates migration 015 (a read-only look does not migrate it), so who runs on it is not known.
 */
export function readInstanceLease(db: SqliteDatabase): LeaseHolder | null | undefined {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'instance_lease'").get();
  if (table === undefined) return undefined;
  const row = db.prepare<[], LeaseRow>(SELECT_LEASE).get();
  return row === undefined ? null : holderOf(row);
}

function holderOf(row: LeaseRow): LeaseHolder {
  return { host: row.host, pid: row.pid, startedAt: row.started_at, heartbeatAt: row.heartbeat_at };
}

export function createSqliteInstanceLease(db: SqliteDatabase): InstanceLeaseStore {
  const select = db.prepare<[], LeaseRow>(SELECT_LEASE);
  const upsert = db.prepare<[string, number, number, number]>(
    `INSERT INTO instance_lease (id, host, pid, started_at, heartbeat_at) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET host = excluded.host, pid = excluded.pid, started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at`,
  );
  const touch = db.prepare<[number, string, number, number]>('UPDATE instance_lease SET heartbeat_at = ? WHERE host = ? AND pid = ? AND started_at = ?');
  const remove = db.prepare<[string, number, number]>('DELETE FROM instance_lease WHERE host = ? AND pid = ? AND started_at = ?');
  const read = (): LeaseHolder | null => {
    const row = select.get();
    return row === undefined ? null : holderOf(row);
  };
  const acquire = db.transaction((me: LeaseClaimant, now: number, mayTake: (holder: LeaseHolder | null) => boolean) => {
    const found = read();
    if (!mayTake(found)) return { found, taken: false };
    upsert.run(me.host, me.pid, Math.round(now), Math.round(now));
    return { found, taken: true };
  });
  return {
    read,
    acquire: (me, now, mayTake) => acquire.immediate(me, now, mayTake),
    renew: (me, now) => touch.run(Math.round(now), me.host, me.pid, me.startedAt).changes === 1,
    release: (me) => void remove.run(me.host, me.pid, me.startedAt),
  };
}
