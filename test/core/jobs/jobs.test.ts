import { describe, expect, it } from 'vitest';
import { Jobs } from '../../../electron/core/jobs/jobs';
import { FocalError } from '../../../electron/core/errors';

describe('jobs', () => {
  it('reports progress with the job id and can be cancelled between units', async () => {
    const events: Array<{ jobId?: string; done: number; cancelled?: boolean }> = [];
    const jobs = new Jobs((p) => events.push(p));
    let units = 0;
    const run = jobs.run('scan', async (job) => {
      for (let i = 0; i < 1000; i++) {
        await job.tick();
        units++;
        job.progress(i + 1, 1000, `unit ${i}`);
      }
      return 'finished';
    });
    await new Promise((r) => setImmediate(r));
    const [running] = jobs.list();
    expect(running?.task).toBe('scan');
    expect(jobs.cancel(running!.id)).toBe(true);
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof FocalError && e.code === 'cancelled');
    expect(units).toBeLessThan(1000);
    expect(events.at(-1)?.cancelled).toBe(true);
    expect(events.every((e) => e.jobId === running!.id)).toBe(true);
    expect(jobs.list()).toEqual([]);
    expect(jobs.cancel(running!.id)).toBe(false);
  });

  it('a job that finishes sends its last progress and leaves the list', async () => {
    const events: Array<{ done: number; total: number }> = [];
    const jobs = new Jobs((p) => events.push(p));
    const v = await jobs.run('check', async (job) => {
      for (let i = 1; i <= 5; i++) job.progress(i, 5, 'x');
      return 42;
    });
    expect(v).toBe(42);
    expect(events.at(-1)).toMatchObject({ done: 5, total: 5 });
    expect(jobs.list()).toEqual([]);
  });
});
