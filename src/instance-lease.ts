/**
 * The bot's hold on its database (see core/instance-lease.ts): taken at start before anything
 * polls, renewed on a timer while it runs, given up at a clean stop.
 */
import { explainLeaseHeld, judgeLease, LEASE_HEARTBEAT_MS, describeLeaseHolder, type LeaseClaimant, type LeaseVerdict } from './core/instance-lease.js';
import type { Logger } from './log.js';
import type { InstanceLeaseStore } from './store/sqlite/instance-lease.js';

export interface HeldLease {
  /** Stops renewing and releases the lease. Safe to call twice. */
  release(): void;
}

/** The database is another running bot's: carries the one line to stop with. */
export class LeaseHeldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LeaseHeldError';
  }
}

export interface LeaseDeps {
  readonly store: InstanceLeaseStore;
  readonly me: LeaseClaimant;
  readonly now: () => number;
  /** Whether a pid exists on this host. */
  readonly isRunning: (pid: number) => boolean;
  readonly logger: Logger;
  readonly heartbeatMs?: number;
}

/**
 * Takes the lease, or throws LeaseHeldError when another bot runs on the database. A crashed
 * bot's lease is taken over, and said at info level. Should the lease be lost while running (this
 * process was frozen long enough for another to take over), that is warned once.
 */
export function holdInstanceLease({ store, me, now, isRunning, logger, heartbeatMs = LEASE_HEARTBEAT_MS }: LeaseDeps): HeldLease {
  const startedAt = Math.round(now());
  let verdict: LeaseVerdict = { kind: 'free' };
  const { taken } = store.acquire(me, startedAt, (holder) => {
    const running = holder !== null && holder.host === me.host ? isRunning(holder.pid) : null;
    verdict = judgeLease(holder, me, startedAt, running);
    return verdict.kind !== 'held';
  });
  const judged = verdict as LeaseVerdict;
  if (!taken && judged.kind === 'held') throw new LeaseHeldError(explainLeaseHeld(judged.holder, startedAt));
  if (judged.kind === 'stale') {
    logger.info({ previous_host: judged.holder.host, previous_pid: judged.holder.pid }, `instance lease: taking over from a bot that did not stop cleanly (${describeLeaseHolder(judged.holder, startedAt)})`);
  }
  const mine = { ...me, startedAt };
  let lost = false;
  const timer = setInterval(() => {
    try {
      if (store.renew(mine, now()) || lost) return;
      lost = true;
      const holder = store.read();
      logger.warn({ holder: holder === null ? null : describeLeaseHolder(holder, now()) }, 'instance lease: another bot took this database over while this one ran; both now poll every feed: stop one of them');
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'instance lease: renewing failed');
    }
  }, heartbeatMs);
  timer.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      store.release(mine);
    },
  };
}

/** Whether `pid` names a process on this host (EPERM: it does, another user's). */
export function pidRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
