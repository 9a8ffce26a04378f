/**
 * CPU seconds per thread of this process and of a child, from Linux's /proc (null elsewhere), to
 * tell where a CPU-bound poll spends the machine: the main thread, the parse workers, or V8's
 * helper threads (parallel scavenging, concurrent marking and sweeping, optimising compilation).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** utime + stime of one /proc stat line, in seconds (fields 14 and 15; the name may hold spaces). */
function statCpu(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds of every thread of this process, by thread id; null where /proc is missing. */
export function threadCpu(): Map<number, number> | null {
  if (!existsSync('/proc/self/task')) return null;
  const seconds = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      seconds.set(Number(tid), statCpu(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')));
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return seconds;
}

/** CPU seconds of another process (all its threads), or null. */
export function processCpu(pid: number | undefined): number | null {
  try {
    return pid === undefined ? null : statCpu(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

/** How the CPU between two readings split: the main thread, the `workers` busiest other threads, the rest. */
export interface CpuSplit {
  readonly main: number;
  readonly workers: number;
  readonly helpers: number;
}

/**
 * Node does not name its worker threads, so the parse workers are taken to be the busiest
 * threads other than the main one (each parses hundreds of documents; no V8 helper comes close).
 */
export function cpuSplit(before: Map<number, number>, after: Map<number, number>, workers: number): CpuSplit {
  const used = [...after].map(([tid, seconds]) => ({ tid, seconds: seconds - (before.get(tid) ?? 0) }));
  const main = used.find((thread) => thread.tid === process.pid)?.seconds ?? 0;
  const others = used.filter((thread) => thread.tid !== process.pid).sort((a, b) => b.seconds - a.seconds);
  const sum = (list: typeof others) => list.reduce((total, thread) => total + thread.seconds, 0);
  return { main, workers: sum(others.slice(0, workers)), helpers: sum(others.slice(workers)) };
}
