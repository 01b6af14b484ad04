/** How the transcript view words and places never-exported marks (pure helpers of renderer/src/transcript/export-marks.ts). */
import { describe, expect, it } from 'vitest';
import type { TranscriptExportMark } from '../../../shared/domain/quotes-from';
import { markTitle, marksByBlock } from '../../../renderer/src/transcript/export-marks';

const mark = (m: Partial<TranscriptExportMark>): TranscriptExportMark => ({ start: 0, end: 1, kind: 'withdrawn', reason: '', who: null, withdrawnOn: null, ...m });

describe('never-exported marks in the transcript view', () => {
  it('says why in the tooltip, with NZ dates', () => {
    expect(markTitle(mark({ reason: ' not for the report ' }), 'nz')).toBe("Withdrawn at the speaker's request (not for the report) — never exported");
    expect(markTitle(mark({}), 'nz')).toBe("Withdrawn at the speaker's request — never exported");
    expect(markTitle(mark({ kind: 'restricted', reason: 'kaitiaki' }), 'nz')).toBe('Restricted (kaitiaki) — never exported');
    expect(markTitle(mark({ kind: 'participant-withdrawn', who: 'Priya Sharma', withdrawnOn: '2010-09-01' }), 'nz')).toBe('Priya Sharma withdrew from the study on 01/09/2010 — their talk is never exported');
    expect(markTitle(mark({ kind: 'participant-withdrawn', who: 'Priya Sharma', withdrawnOn: '2010-09-01' }), 'iso')).toContain('on 2010-09-01');
  });

  it('finds every block a mark touches, once per tooltip, with both looks where marks differ', () => {
    const blocks = [
      { start: 0, end: 10 },
      { start: 11, end: 20 },
      { start: 21, end: 30 },
      { start: 31, end: 40 },
    ];
    const byBlock = marksByBlock(blocks, [mark({ start: 5, end: 25, reason: 'a' }), mark({ start: 12, end: 14, reason: 'a' }), mark({ start: 22, end: 23, kind: 'restricted' })], 'nz');
    expect([...byBlock.keys()]).toEqual([0, 1, 2]);
    expect(byBlock.get(1)!.titles).toHaveLength(1);
    expect([...byBlock.get(2)!.looks].sort()).toEqual(['restricted', 'withdrawn']);
    expect(byBlock.get(2)!.titles).toHaveLength(2);
    // A mark ending where a block starts does not touch it.
    expect([...marksByBlock(blocks, [mark({ start: 15, end: 21 })], 'nz').keys()]).toEqual([1]);
  });
});
