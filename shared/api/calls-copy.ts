/**
 * Calls for copying or dragging a selection out of the app (transcript, retrieval, search results,
 * query and matrix segment lists, memos): the renderer never lets raw talk reach the clipboard; it
 * sends what was selected here, and the core answers with the gated, pseudonymised text or refuses.
 */
import { z } from 'zod';
import type { GateReason } from '../domain/gate';
import { exportOptionsSchema } from './calls-quotes';
import { call } from './define';
import { id } from './calls-sources';

const offset = z.number().int().nonnegative();
const range = z.object({ sourceId: id(), start: offset, end: offset }).refine((r) => r.end > r.start, 'end must be after start');
const via = z.enum(['clipboard', 'drag']).default('clipboard');

export interface SelectionCopyResult {
  /** What may leave: each range's pseudonymised words with its attribution (a memo's text pseudonymised); null when refused. */
  text: string | null;
  /** Why not (every failing gate row of every range, once each); empty when copied. */
  reasons: GateReason[];
  /** How many ranges were checked and how many the gate blocked (a memo copy counts as one). */
  checked: number;
  blocked: number;
}

export const copyCalls = {
  'selection-copy': call(
    "Copy or drag a selection out: talk ranges (UTF-16 offsets into stored text) run through the export gate as transient quotes, or a memo's selected text through detection and rules. Returns the gated text or null with the reasons; all or nothing; audited (no text) and, for the clipboard, written by the core. `preview` checks without recording or writing (for drag).",
    z.union([
      z.object({ ranges: z.array(range).min(1).max(500), via, options: exportOptionsSchema, preview: z.boolean().optional() }),
      z.object({ memoId: id(), text: z.string().min(1).max(200_000), via, options: exportOptionsSchema, preview: z.boolean().optional() }),
    ]),
  ).returns<SelectionCopyResult>(),
};
