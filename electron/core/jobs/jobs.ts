/**
 * Long jobs (import, scan, check, auto-code, code-all, quote banks, exports, merges, exchange imports)
 * run as jobs: they report progress as `progress` events carrying their job id, and can be stopped
 * with the `job-cancel` call. A job checks for cancellation between committed units (a file, a
 * source, a block of matches) through `tick()`, which also yields to the event loop so progress
 * events go out and a cancel call can arrive. A cancelled job throws FocalError('cancelled'): the unit
 * in progress rolls back with its transaction, the units already committed stay, nothing is
 * half-written.
 */
import { FocalError } from '../errors';
import type { FocalEvents } from '../../../shared/api/events';

export interface Job {
  readonly id: string;
  readonly task: string;
  readonly signal: AbortSignal;
  /** Report how far the job is (throttled: at most one event per ~50 ms, plus the last). */
  progress(done: number, total: number, label: string): void;
  /** Throw FocalError('cancelled') if the job was stopped. Cheap: call it in inner loops. */
  throwIfCancelled(): void;
  /** Yield to the event loop (so events flush and a cancel can arrive), then throwIfCancelled(). */
  tick(): Promise<void>;
}

type Emit = (payload: FocalEvents['progress']) => void;

const PROGRESS_EVERY_MS = 50;

export class Jobs {
  private seq = 0;
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly emit: Emit) {}

  /**
   * Run `work` as a job. The job's id is in every progress event; `job-cancel` with it stops the job.
   * The final progress event (done = total, or cancelled) is always sent.
   */
  async run<T>(task: string, work: (job: Job) => Promise<T> | T): Promise<T> {
    const id = `${task}-${Date.now().toString(36)}-${(++this.seq).toString(36)}`;
    const controller = new AbortController();
    this.running.set(id, controller);
    let last = 0;
    let lastDone = 0;
    let lastTotal = 0;
    const emit = this.emit;
    const job: Job = {
      id,
      task,
      signal: controller.signal,
      progress(done, total, label) {
        lastDone = done;
        lastTotal = total;
        const now = Date.now();
        if (done < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        emit({ task, jobId: id, cancellable: true, done, total, label });
      },
      throwIfCancelled() {
        if (controller.signal.aborted) throw new FocalError('cancelled', `Stopped: ${task} was cancelled; what was finished before is kept.`);
      },
      async tick() {
        await new Promise<void>((resolve) => setImmediate(resolve));
        job.throwIfCancelled();
      },
    };
    try {
      return await work(job);
    } catch (e) {
      if (controller.signal.aborted) {
        emit({ task, jobId: id, cancellable: false, done: lastDone, total: lastTotal, label: 'Stopped', cancelled: true });
      }
      throw e;
    } finally {
      this.running.delete(id);
    }
  }

  /** Stop a running job. False when no such job is running (it finished or never existed). */
  cancel(id: string): boolean {
    const c = this.running.get(id);
    if (!c) return false;
    c.abort();
    return true;
  }

  /** Ids and tasks of the jobs running now. */
  list(): Array<{ id: string; task: string }> {
    return [...this.running.keys()].map((id) => ({ id, task: id.split('-').slice(0, -2).join('-') }));
  }
}
