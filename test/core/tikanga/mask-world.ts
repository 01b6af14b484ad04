/** The masking tests' project: the hui with a unique marker word inside a restricted (tapu) passage. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { FocalApi } from '../../../shared/api/client';
import type { SourceDetail } from '../../../shared/domain/project';
import type { FocalCore } from '../../../electron/core/app/focal-core';
import { dropKey, holdKey } from '../../../electron/core/kaitiaki/authority';
import { unlockKeyFile, type UnlockedKey } from '../../../electron/core/kaitiaki/key-crypto';
import { readKeyFile } from '../../../electron/core/kaitiaki/keys';
import { openTikangaTo } from '../../support/open-frames';

export const MARKER = 'Tapuwhenuamarker';
/** The kaitiaki's passphrase and key file in the masking tests' world (the key is made as the world is built). */
export const PASSPHRASE = 'kia mau ki te kawa o te rōpū';
export const keyFileIn = (dir: string) => join(dir, 'koro-hemi.focalkey');

/**
 * Acting as someone in the masking tests: the user name, and Koro Hemi's kaitiaki key unlocked in
 * this session only while he is at the keyboard (a typed name alone gives no authority).
 */
export function actAs(core: FocalCore, dir: string): (userName: string) => void {
  let key: UnlockedKey | null = null;
  return (userName) => {
    core.state.setPrefs({ userName });
    if (!existsSync(keyFileIn(dir))) return;
    key ??= unlockKeyFile(readKeyFile(keyFileIn(dir)), PASSPHRASE);
    if (userName === 'Koro Hemi') holdKey(core, key);
    else dropKey(core, key.fingerprint);
  };
}
const fixture = (f: string) => join(process.cwd(), 'test/fixtures', f);

export interface World {
  hui: SourceDetail;
  fgId: number;
  extraSourceId: number;
  ropuId: number;
  koroId: number;
  tamaId: number;
  frameId: number;
  kmFrameId: number;
  codeId: number;
  kmCodeId: number;
  extraA: number;
  extraB: number;
  tapuQuoteId: number;
  fgQuoteId: number;
  fgTurn: { id: number; start: number; end: number };
  tamaTurn: { id: number; start: number; end: number };
  tapu: { start: number; end: number };
  codingIds: number[];
  kmCodingId: number;
  memoId: number;
  participantId: number;
  partId: number;
  consentId: number;
  approvalId: number;
  labelId: number;
  ruleId: number;
  markId: number;
  glossaryId: number;
  template: string;
  speakerId: number;
  /** A label the speaker-review walk creates (speakers-reassign), then merges away. */
  walkLabelId?: number | undefined;
  path: string;
}

/**
 * The hui with the marker in Tama's turn; the passage is coded (mainstream and kaupapa Māori),
 * quoted and partly marked withdrawn BEFORE the kaitiaki labels it restricted, so every kind of
 * record touches it.
 */
export async function buildWorld(api: FocalApi, dir: string, as: (n: string) => void): Promise<World> {
  const path = join(dir, 'walk.focal');
  await api['project-new']({ name: 'Walk', path });
  await api['participants-import-csv']({ fileName: 'participants.csv', csv: readFileSync(fixture('participants.csv'), 'utf8') });
  const huiFile = join(dir, 'hui-tupu-group-interview.txt');
  writeFileSync(huiFile, readFileSync(fixture('hui-tupu-group-interview.txt'), 'utf8').replace('Jason Whitu', `${MARKER} Whitu ${MARKER}`));
  const res = await api['import-files']({ files: [{ name: 'hui-tupu-group-interview.txt', path: huiFile }, { name: 'fg.vtt', path: fixture('focus-group-lived-experience.vtt') }, { name: 'extra.srt', path: fixture('individual-interview-manager.srt') }] });
  for (const r of await api['speakers-review']({})) if (r.suggestion.participantId) await api['speakers-map']({ speakerIds: [r.speakerId], participantId: r.suggestion.participantId });
  const people = await api['participants-list']({});
  const person = (name: string) => people.find((p) => p.name === name)!.id;
  const ropuId = person('Te Whare Oranga rōpū');
  const koroId = person('Koro Hemi');
  const tamaId = person('Tama Rewiri');
  const huiId = res[0]!.sourceId!;
  const fgId = res[1]!.sourceId!;
  await api['source-update']({ sourceId: huiId, groupId: ropuId });
  await api['participant-update']({ id: ropuId, kaitiakiId: koroId });
  let hui = await api['source-get']({ sourceId: huiId });
  const fg = await api['source-get']({ sourceId: fgId });
  const tamaSpeaker = hui.speakers.find((s) => s.label === 'Tama Rewiri')!;
  const tamaTurn = hui.blocks.find((b) => b.kind === 'turn' && b.speakerId === tamaSpeaker.id && hui.text.slice(b.start, b.end).includes(MARKER))!;
  const fgTurn = fg.blocks.find((b) => b.kind === 'turn')!;
  // The restricted passage is exactly `marker Whitu marker`: any context reaching into it from either side shows the marker.
  const tapuStart = hui.text.indexOf(MARKER, tamaTurn.start);
  const tapuEnd = hui.text.indexOf(MARKER, tapuStart + 1) + MARKER.length;
  const frameId = (await api['frames-list']({}))[0]!.id;
  const codeId = (await api['code-create']({ frameId, name: 'Peer support' })).id;
  const kmFrameId = (await api['frame-create']({ name: 'Kaupapa Māori', kind: 'kaupapa-maori' })).id;
  const kmCodeId = (await api['code-create']({ frameId: kmFrameId, name: 'Whakapapa' })).id;
  // Koro Hemi makes the group's kaitiaki key, and with it opens the hui to the mainstream frame
  // (a tikanga-based session is kept apart from mainstream frames until its kaitiaki opens it).
  await api['kaitiaki-key-create']({ groupId: ropuId, passphrase: PASSPHRASE, keyFile: keyFileIn(dir) });
  as('Koro Hemi');
  await openTikangaTo(api, frameId);
  as('Aroha Ngata');
  const c1 = await api['coding-apply']({ codeId, sourceId: huiId, start: tamaTurn.start, end: tamaTurn.end });
  const c2 = await api['coding-apply']({ codeId: kmCodeId, sourceId: huiId, start: tamaTurn.start, end: tamaTurn.end });
  const [tapuQuoteId] = await api['quotes-from-code']({ codeId });
  const fgQuoteId = (await api['quote-from-selection']({ sourceId: fgId, start: fgTurn.start, end: fgTurn.end })).quoteId!;
  await api['passage-mark-add']({ sourceId: huiId, start: tapuStart, end: tapuEnd, kind: 'withdrawn', reason: 'asked' });
  // Koro Hemi's decisions below are signed with his key.
  as('Koro Hemi');
  const consent = await api['collective-consent-record']({ groupId: ropuId, givenById: koroId, givenOn: '2010-06-14', forAnalysis: true, forQuotes: true, forReturn: true, forGroupAttribution: true });
  const extraA = (await api['code-create']({ frameId, name: 'Extra A' })).id;
  const extraB = (await api['code-create']({ frameId, name: 'Extra B' })).id;
  const label = await api['sensitivity-set']({ sourceId: huiId, start: tapuStart, end: tapuEnd, label: 'restricted' });
  const approval = await api['approval-record']({ scope: 'quote', decision: 'approved', quoteId: tapuQuoteId! });
  as('Aroha Ngata');
  hui = await api['source-get']({ sourceId: huiId });
  expect(hui.text).not.toContain(MARKER);
  const w: World = {
    hui,
    fgId,
    extraSourceId: res[2]!.sourceId!,
    ropuId,
    koroId,
    tamaId,
    frameId,
    kmFrameId,
    codeId,
    kmCodeId,
    extraA,
    extraB,
    tapuQuoteId: tapuQuoteId!,
    fgQuoteId,
    fgTurn,
    tamaTurn,
    tapu: { start: tapuStart, end: tapuEnd },
    codingIds: [c1.id],
    kmCodingId: c2.id,
    memoId: 0,
    participantId: 0,
    partId: 0,
    consentId: consent.id,
    approvalId: approval.id,
    labelId: label.id,
    ruleId: 0,
    markId: 0,
    glossaryId: 0,
    template: (await api['frame-templates-list']({}))[0]!.id,
    speakerId: tamaSpeaker.id,
    path,
  };
  return w;
}
