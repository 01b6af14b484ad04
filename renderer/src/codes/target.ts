/** The coding target: plain data, shared by the coding session and the pure transcript helpers. */

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
