/**
 * A project holding the four fixture transcripts and the participant register, every speaker the
 * speaker review matches to someone in the register mapped to them (as at review time: a first name that is also a word, like Aroha, is
 * the participant's only where they speak), for pseudonym tests and the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FocalApi } from '../../../shared/api/client';

export const FIXTURES = join(process.cwd(), 'test/fixtures');
export const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];

export async function fixtureProject(api: FocalApi, path: string): Promise<{ sourceIds: Record<string, number> }> {
  await api['project-new']({ name: 'Fixtures', path });
  await api['import-files']({ files: TRANSCRIPTS.map((name) => ({ name, path: join(FIXTURES, name) })) });
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(FIXTURES, 'participants.csv'), 'utf8') });
  for (const row of await api['speakers-review']({ unmappedOnly: true })) {
    const s = row.suggestion;
    if (s.participantId) await api['speakers-map']({ speakerIds: [row.speakerId], participantId: s.participantId, role: s.role });
  }
  const sourceIds: Record<string, number> = {};
  for (const s of await api['sources-list']({})) sourceIds[s.fileName] = s.id;
  return { sourceIds };
}
