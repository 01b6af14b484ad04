/**
 * Withdrawal notes in a transcript, in every wording in the tested list, make their turn a
 * withdrawn passage for the gate and the transcript view; `focal check` lists the bracketed notes
 * it could not classify so that a person decides.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectCheck } from '../../../electron/core/consent/project-check';
import { GateData } from '../../../electron/core/gate/gate-data';
import { testCore } from '../../support/core';

const TRANSCRIPT = `Title: Notes study
Date: 2024-03-01

Ana: Kia ora. This first part is fine to use. [laughter]

Ben: I told them about my cousin. [Redacted at the speaker's request]

Ana: Something I should not have said. [participant asked for this to be removed]

Ben: More kōrero here. [Section removed at the request of the participant]

Ana: And then. [inaudible – removed] We went home. [crosstalk]

Ben: It was like this. [taps head] Yeah.

Ana: Kei te pai. [Kua tangohia]
`;

describe('withdrawal notes in a project', () => {
  const { api, core, dir } = testCore();
  let sourceId = 0;
  let turns: Array<{ start: number; end: number; text: string }> = [];

  beforeAll(async () => {
    await api['project-new']({ name: 'Notes', path: join(dir, 'n.focal') });
    const file = join(dir, 'notes.txt');
    writeFileSync(file, TRANSCRIPT);
    await api['import-files']({ files: [{ name: 'notes.txt', path: file }] });
    sourceId = (await api['sources-list']({}))[0]!.id;
    const detail = await api['source-get']({ sourceId });
    turns = detail.blocks.filter((b) => b.kind === 'turn').map((b) => ({ start: b.start, end: b.end, text: detail.text.slice(b.start, b.end) }));
  });

  const withdrawnTurns = (ranges: Array<{ start: number; end: number }>) => turns.filter((t) => ranges.some((r) => r.start <= t.start && r.end >= t.end)).map((t) => t.text.slice(0, 20));

  it('the gate treats each turn holding a withdrawal wording as withdrawn, and no other', () => {
    const src = new GateData(core.requireProject().db).source(sourceId);
    expect(withdrawnTurns(src.withdrawalNotes)).toEqual(['I told them about my', 'Something I should n', 'More kōrero here. [S']);
  });

  it('so does the transcript view', async () => {
    const marks = await api['transcript-export-marks']({ sourceId });
    expect(withdrawnTurns(marks.filter((m) => m.kind === 'withdrawn'))).toEqual(['I told them about my', 'Something I should n', 'More kōrero here. [S']);
  });

  it('focal check lists the notes it did not classify, once each, with the source', () => {
    const problems = projectCheck(core.requireProject().db).filter((p) => p.kind === 'note-unclassified');
    expect(problems.map((p) => ({ severity: p.severity, sourceId: p.sourceId, message: p.message }))).toEqual([
      { severity: 'warning', sourceId, message: '"Notes study" has a bracketed note Focal does not recognise: [taps head].' },
      { severity: 'warning', sourceId, message: '"Notes study" has a bracketed note Focal does not recognise: [Kua tangohia].' },
    ]);
    expect(problems[0]!.fix).toMatch(/withdrawn/);
  });
});
