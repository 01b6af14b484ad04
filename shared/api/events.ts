/** Push events from the core to the UI (import progress, project changes). */
export interface FocalEvents {
  /** Long operations report progress: done of total, with what is being worked on. */
  progress: { task: string; done: number; total: number; label: string };
  /** Something in the open project changed; views listing these kinds should reload. */
  changed: { kinds: Array<'project' | 'sources' | 'participants' | 'codes' | 'codings' | 'memos' | 'consent' | 'history' | 'glossary' | 'quotes' | 'pseudonyms'> };
}

export type EventName = keyof FocalEvents;
export const eventNames: EventName[] = ['progress', 'changed'];
