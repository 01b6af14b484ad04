/**
 * Which core answers which call. Writes, and everything light, go to the one writer (SQLite's single
 * writer; it also holds the session: open project, unlocked kaitiaki keys). The heavy read-only
 * calls listed here may go to a reader: a worker with its own read-only connection to the same
 * project in WAL mode, so a long scan never delays a `codes-list` or a coding. A read-only
 * connection refuses any write, so a call listed here by mistake fails loudly rather than writing
 * behind the writer's back (a test runs every one of them on a read-only connection).
 */
import type { CallName } from '../../../shared/api/contract';

/** Heavy pure reads: scans, checks, search, matrix, coding queries and retrieval. */
export const READ_CALLS = [
  'pseudo-scan',
  'pseudo-detect',
  'pseudo-preview',
  'project-check',
  'kaitiaki-check',
  'search-run',
  'search-code-preview',
  'coding-query',
  'matrix-run',
  'matrix-cell',
  'codes-cooccurrence',
  'segments-list',
  'autocode-preview',
  'withdrawal-effects',
  'code-delete-preview',
  'quotes-list',
] as const satisfies readonly CallName[];

/** Calls about jobs: asked of every core (a job may run on the writer or on a reader), answered at once. */
export const JOB_CALLS = ['job-cancel', 'jobs-list'] as const satisfies readonly CallName[];

export type Route = 'read' | 'write' | 'jobs';

const reads = new Set<string>(READ_CALLS);
const jobs = new Set<string>(JOB_CALLS);

export function routeOf(name: string): Route {
  if (jobs.has(name)) return 'jobs';
  return reads.has(name) ? 'read' : 'write';
}
