import { describe, expect, it } from 'vitest';
import { detectSessionParts } from '../../../electron/core/import/detect-tikanga-parts';
import { parseTranscriptFile } from '../../../electron/core/import/parse-file';
import { parsePlainText } from '../../../electron/core/import/parse-text';
import { fixtureBytes } from './helpers';

describe('detectSessionParts', () => {
  it('finds the opening and closing parts of the hui fixture', async () => {
    const parsed = await parseTranscriptFile('hui-tupu-group-interview.txt', fixtureBytes('hui-tupu-group-interview.txt'));
    const parts = detectSessionParts(parsed);
    expect(parts.map(({ kind, phase, recorded, blockIndex, ledBy }) => ({ kind, phase, recorded, blockIndex, ledBy }))).toEqual([
      { kind: 'whakatau', phase: 'opening', recorded: false, blockIndex: 0, ledBy: undefined },
      { kind: 'mihimihi', phase: 'opening', recorded: false, blockIndex: 0, ledBy: undefined },
      { kind: 'karakia', phase: 'opening', recorded: false, blockIndex: 1, ledBy: 'Koro Hemi' },
      { kind: 'karakia-whakamutunga', phase: 'closing', recorded: false, blockIndex: parsed.blocks.length - 1, ledBy: undefined },
    ]);
    expect(parts[0]!.note).toBe('Whakatau and mihi held on day 1 at Te Rangimarie Marae. Not recorded, at the request of the rōpū.');
    // No part comes from the withdrawn-kōrero annotation inside a turn.
    expect(parts.every((p) => parsed.blocks[p.blockIndex]!.kind === 'note')).toBe(true);
  });

  it('matches with or without macrons, reads recorded parts and leaders, and ignores notes among the turns', () => {
    const parsed = parsePlainText(
      [
        '[Pōwhiri led by Matua Rangi, then whakawhanaungatanga.]',
        '',
        '[Powhiri photos taken.]',
        '',
        'A: Kia ora.',
        '',
        '[Karakia before kai.]',
        '',
        'B: Ka pai.',
        '',
        '[Poroporoaki led by Whaea Ani. Recorded.]',
        '',
        '[Karakia.]',
      ].join('\n'),
    );
    const parts = detectSessionParts(parsed).map(({ kind, phase, recorded, ledBy }) => ({ kind, phase, recorded, ledBy }));
    expect(parts).toEqual([
      { kind: 'powhiri', phase: 'opening', recorded: true, ledBy: 'Matua Rangi' },
      { kind: 'whakawhanaungatanga', phase: 'opening', recorded: true, ledBy: 'Matua Rangi' },
      { kind: 'powhiri', phase: 'opening', recorded: true, ledBy: undefined },
      { kind: 'poroporoaki', phase: 'closing', recorded: true, ledBy: 'Whaea Ani' },
      { kind: 'karakia-whakamutunga', phase: 'closing', recorded: true, ledBy: undefined },
    ]);
  });

  it('does not read whakataukī as whakatau, and reads mihimihi and "unrecorded"', () => {
    const parsed = parsePlainText('[A whakataukī was shared.]\n\n[Mihimihi, unrecorded.]\n\nA: Kia ora.');
    expect(detectSessionParts(parsed).map((p) => [p.kind, p.recorded])).toEqual([['mihimihi', false]]);
  });

  it('finds nothing in a mainstream transcript', async () => {
    const parsed = await parseTranscriptFile('individual-interview-manager.srt', fixtureBytes('individual-interview-manager.srt'));
    expect(detectSessionParts(parsed)).toEqual([]);
  });
});
