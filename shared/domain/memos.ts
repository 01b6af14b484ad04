/** Memos: rich-text notes (Lexical JSON plus a plain-text copy for search) about a thing in the project. */

export type MemoTargetKind = 'project' | 'source' | 'code' | 'coding' | 'participant';

export interface MemoTarget {
  kind: MemoTargetKind;
  /** Null for the project itself. */
  id: number | null;
}

export interface Memo {
  id: number;
  target: MemoTarget;
  /** What the memo is about, in words ("Transcript: Focus group 1", "Code: Whānau"); "(deleted)" when it is gone. */
  targetLabel: string;
  /** For a coding: the source it is in and its range, so the list can jump there. */
  targetSource: { sourceId: number; start: number; end: number } | null;
  title: string;
  /** Lexical editor state as JSON ('' for an empty memo). */
  body: string;
  /** Set when the stored body is not an editor state the memo editor can load (body is then ''). */
  bodyProblem: string | null;
  bodyText: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}
