import { openTikangaTo } from '../../support/open-frames';
/**
 * The fixture study as an analyst would set it up: the four transcripts and the participant
 * register imported, every speaker label mapped, every turn coded, quotes made from every code,
 * every detected identifier turned into a rule with its suggested replacement, and the rōpū's
 * collective consent, kaitiaki and attribution recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FocalApi } from '../../../shared/api/client';
import type { FocalCore } from '../../../electron/core/app/focal-core';
import { detectIdentifiers, loadPseudoContext } from '../../../electron/core/pseudonyms/index';
import { signRecorded } from '../../support/kaitiaki-sign';

const fixtures = join(process.cwd(), 'test/fixtures');

/** A core, or the browser harness's handle on its core thread: anything that reaches the open project's database. */
type ProjectHolder = Pick<FocalCore, 'requireProject'>;

export const TRANSCRIPTS = ['hui-tupu-group-interview.txt', 'focus-group-lived-experience.vtt', 'individual-interview-manager.srt', 'workshop-feedback.tsv'];
export const REGISTER = readFileSync(join(fixtures, 'participants.csv'), 'utf8');

export async function importAndMap(api: FocalApi): Promise<void> {
  await api['import-files']({ files: TRANSCRIPTS.map((name) => ({ name, path: join(fixtures, name) })) });
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: REGISTER });
  for (const row of await api['speakers-review']({ unmappedOnly: true })) {
    const s = row.suggestion;
    await api['speakers-map']({ speakerIds: [row.speakerId], ...(s.participantId ? { participantId: s.participantId } : { create: { name: s.name } }), role: s.role });
  }
}

/** One code per transcript under "Themes", applied to every turn. Returns code ids by file name. */
export async function codeEveryTurn(api: FocalApi): Promise<Map<string, number>> {
  const frame = (await api['frames-list']({}))[0]!;
  await openTikangaTo(api, frame.id); // the hui is tikanga-based: opened to the mainstream frame on purpose
  const parent = await api['code-create']({ frameId: frame.id, name: 'Themes' });
  const out = new Map<string, number>();
  const names: Record<string, string> = { txt: 'Whanaungatanga', vtt: 'Peer roles', srt: 'The relationship', tsv: 'Workforce' };
  for (const s of await api['sources-list']({})) {
    const code = await api['code-create']({ frameId: frame.id, parentId: parent.id, name: names[s.format]! });
    const detail = await api['source-get']({ sourceId: s.id });
    await api['coding-apply-blocks']({ codeId: code.id, blockIds: detail.blocks.filter((b) => b.kind === 'turn').map((b) => b.id) });
    out.set(s.fileName, code.id);
  }
  await api['quotes-from-code']({ codeId: parent.id, includeChildren: true });
  return out;
}

/** What `focal pseudo accept-all` does: every pending candidate becomes a rule with its suggestion. */
export function acceptAllCandidates(core: ProjectHolder, skip: string[] = []): number {
  const db = core.requireProject().db;
  const ctx = loadPseudoContext(db);
  const seen = new Set<string>();
  let n = 0;
  for (const text of db.prepare('SELECT text FROM sources UNION ALL SELECT title FROM sources').pluck().all() as string[]) {
    for (const c of detectIdentifiers(ctx, text)) {
      if (c.status !== 'pending' || seen.has(c.text) || skip.includes(c.text)) continue;
      seen.add(c.text);
      db.prepare("INSERT INTO pseudonym_rules (term, variants, replacement, category, created_by, created_at) VALUES (?, '[]', ?, 'other', 'test', 'now')").run(c.text, c.suggestion);
      n++;
    }
  }
  return n;
}

/** The rōpū's attribution, kaitiaki (Koro Hemi) and collective consent; approvals are given per test. */
export async function recordRopu(api: FocalApi, core: ProjectHolder): Promise<{ groupId: number; kaitiakiId: number }> {
  const people = await api['participants-list']({});
  const group = people.find((p) => p.name === 'Te Whare Oranga rōpū')!;
  const koro = people.find((p) => p.name === 'Koro Hemi')!;
  await api['participant-update']({ id: group.id, attribution: 'Rōpū A, group interview', kaitiakiId: koro.id });
  core
    .requireProject()
    .db.prepare("INSERT INTO collective_consents (group_id, given_by_id, given_on, for_analysis, for_quotes, for_group_attribution, for_return, recorded_at) VALUES (?, ?, '2010-06-14', 1, 1, 1, 1, 'now')")
    .run(group.id, koro.id);
  signRecorded(core.requireProject().db, group.id);
  return { groupId: group.id, kaitiakiId: koro.id };
}

export function approveQuotes(core: ProjectHolder, groupId: number, kaitiakiId: number, quoteIds: number[]): void {
  const insert = core.requireProject().db.prepare("INSERT INTO approvals (group_id, kaitiaki_id, scope, quote_id, decision, decided_at) VALUES (?, ?, 'quote', ?, 'approved', 'now')");
  for (const q of quoteIds) insert.run(groupId, kaitiakiId, q);
  // The kaitiaki signs the decisions (the gate reads only signed ones).
  signRecorded(core.requireProject().db, groupId);
}
