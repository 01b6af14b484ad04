/** Push events from the core to the UI (import progress, project changes). */
import type { CodingsPatch } from '../domain/coding';

export interface FocalEvents {
  /** Long operations report progress: done of total, with what is being worked on. */
  progress: {
    task: string;
    done: number;
    total: number;
    label: string;
    /** The job this belongs to; `job-cancel` with it stops the job (electron/core/jobs). */
    jobId?: string;
    /** Whether a Stop button may be offered. */
    cancellable?: boolean;
    /** Sent once when a job stopped because it was cancelled. */
    cancelled?: boolean;
  };
  /** Something in the open project changed; views listing these kinds should reload. */
  changed: {
    kinds: Array<'project' | 'sources' | 'participants' | 'codes' | 'codings' | 'memos' | 'consent' | 'history' | 'glossary' | 'quotes' | 'pseudonyms'>;
    /** When the change is one coding or un-coding: exactly what changed, so a view of codings or counts can patch itself instead of reloading. */
    codings?: CodingsPatch;
  };
}

export type EventName = keyof FocalEvents;
export const eventNames: EventName[] = ['progress', 'changed'];
