/** A project with the hui and the focus group imported, the register loaded, speakers mapped, the hui linked to its rōpū. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FocalApi } from '../../../shared/api/client';
import type { SourceDetail } from '../../../shared/domain/project';

export const fixture = (f: string) => ({ name: f, path: join(process.cwd(), 'test/fixtures', f) });

export interface HuiProject {
  hui: SourceDetail;
  fg: SourceDetail;
  ropuId: number;
  koroId: number;
  /** The project's mainstream frame and one code in it. */
  frameId: number;
  codeId: number;
  person: (name: string) => number;
  turnOf: (label: string, nth?: number) => SourceDetail['blocks'][number];
}

export async function huiProject(api: FocalApi, path: string): Promise<HuiProject> {
  await api['project-new']({ name: 'Hui', path });
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(join(process.cwd(), 'test/fixtures/participants.csv'), 'utf8') });
  const res = await api['import-files']({ files: [fixture('hui-tupu-group-interview.txt'), fixture('focus-group-lived-experience.vtt')] });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  const ropuId = person('Te Whare Oranga rōpū');
  const koroId = person('Koro Hemi');
  await api['source-update']({ sourceId: res[0]!.sourceId!, groupId: ropuId });
  const hui = await api['source-get']({ sourceId: res[0]!.sourceId! });
  const fg = await api['source-get']({ sourceId: res[1]!.sourceId! });
  const turnOf = (label: string, nth = 0) => {
    const sp = hui.speakers.find((s) => s.label === label)!;
    return hui.blocks.filter((b) => b.kind === 'turn' && b.speakerId === sp.id)[nth]!;
  };
  const frameId = (await api['frames-list']({}))[0]!.id;
  const codeId = (await api['code-create']({ frameId, name: 'Peer support' })).id;
  return { hui, fg, ropuId, koroId, frameId, codeId, person, turnOf };
}
