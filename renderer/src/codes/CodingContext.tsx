/**
 * The coding session shared by the code tree, the transcript and the retrieval panel: the active
 * frame and its codes, the selected code, what the transcript has selected (a range and/or the
 * turns it touches), recent codes, and applying a code to that target.
 */
import { createContext, useContext } from 'react';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import type { MemoTarget } from '../../../shared/domain/memos';

/** What a code would be applied to: the selected range, and the turns it touches (or the turn holding the caret). */
export interface CodingTarget {
  sourceId: number;
  range: { start: number; end: number } | null;
  /** Turn blocks under the selection, or the one holding the caret. */
  blockIds: number[];
  /** Start/end of the turns above (to remove a code from a whole turn). */
  turnRange: { start: number; end: number } | null;
  /** A fresh selection: a click on a code in the tree applies it. After a code is applied the click only selects codes again (so choosing a code to merge never codes by accident). */
  armed: boolean;
}

export type ApplyMode = 'auto' | 'turn';

/** A memo to open: its target, and words for it while it has no memo yet ("Transcript: …"). */
export type MemoRequest = MemoTarget & { label?: string };

export interface CodingSession {
  frames: CodeFrame[] | null;
  frameId: number | null;
  setFrameId(id: number): void;
  /** The active frame's codes in tree order (null while loading). */
  codes: Code[] | null;
  selectedCodeId: number | null;
  selectCode(id: number | null): void;
  target: CodingTarget | null;
  setTarget(t: CodingTarget | null): void;
  recent: number[];
  /** Applies a code to the target: the range ('auto'), or the whole turns ('turn', or 'auto' with only a caret). Resolves true when something was coded. */
  apply(codeId: number, mode?: ApplyMode, target?: CodingTarget): Promise<boolean>;
  /** Creates a top-level code in the active frame and applies it. */
  createAndApply(name: string, mode?: ApplyMode): Promise<boolean>;
  removeFromTarget(codeId: number): Promise<void>;
  openPicker(mode?: ApplyMode): void;
  openMemo(target: MemoRequest): void;
  openSource(sourceId: number, range?: { start: number; end: number }): void;
  notify(message: string): void;
}

export const CodingContext = createContext<CodingSession | null>(null);

export function useCoding(): CodingSession {
  const c = useContext(CodingContext);
  if (!c) throw new Error('useCoding() used outside the workspace');
  return c;
}
