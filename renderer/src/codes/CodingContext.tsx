/**
 * The coding session shared by the code tree, the transcript and the retrieval panel: the active
 * frame and its codes, the selected code, what the transcript has selected (a range and/or the
 * turns it touches), recent codes, and applying a code to that target.
 */
import { createContext, useContext } from 'react';
import type { Code, CodeFrame } from '../../../shared/domain/project';
import type { MemoTarget } from '../../../shared/domain/memos';
import type { CodingTarget } from './target';

export type { CodingTarget } from './target';

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
  /** With play, the recording (if linked) plays from the range's start once the transcript is open. */
  openSource(sourceId: number, range?: { start: number; end: number }, opts?: { play?: boolean }): void;
  notify(message: string): void;
}

export const CodingContext = createContext<CodingSession | null>(null);

export function useCoding(): CodingSession {
  const c = useContext(CodingContext);
  if (!c) throw new Error('useCoding() used outside the workspace');
  return c;
}
