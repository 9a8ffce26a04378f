import { describe, expect, it } from 'vitest';
import { createBackgroundRuns } from '../../src/background-runs.js';

describe('background runs', () => {
  it('stop aborts the running work and waits until it has settled', async () => {
    const runs = createBackgroundRuns();
    const events: string[] = [];
    const work = runs.run((signal) => new Promise<string>((resolve) => {
      signal.addEventListener('abort', () => setTimeout(() => {
        events.push('work wound down');
        resolve('partial');
      }, 20));
    }));
    await runs.stop();
    events.push('stopped');
    expect(events).toEqual(['work wound down', 'stopped']);
    await expect(work).resolves.toBe('partial');
  });

  it('waits for a run that fails, and refuses new runs once stopping', async () => {
    const runs = createBackgroundRuns();
    const failing = runs.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('poll broke');
    });
    await runs.stop();
    await expect(failing).rejects.toThrow('poll broke');
    let started = false;
    await expect(runs.run(async () => { started = true; })).rejects.toThrow(/shutting down/);
    expect(started).toBe(false);
    await runs.stop();
  });

  it('idle waits for the running work without aborting it', async () => {
    const runs = createBackgroundRuns();
    let aborted = false;
    const work = runs.run((signal) => new Promise<string>((resolve) => {
      signal.addEventListener('abort', () => (aborted = true));
      setTimeout(() => resolve('whole'), 20);
    }));
    await runs.idle();
    expect(aborted).toBe(false);
    await expect(work).resolves.toBe('whole');
    await expect(runs.run(async () => 'later')).resolves.toBe('later');
  });
});
