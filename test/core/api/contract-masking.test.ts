/**
 * contract-masking: walks EVERY call in the contract as a user who may not read a restricted (tapu)
 * passage, and checks that no result (nor error message, nor file written) holds a word of it.
 * The passage holds a unique marker word; each call is either run with a valid input from the table
 * below, or listed in the allow-list with the reason it carries no talk. A call added to the
 * contract without an entry here fails the test, so the class stays closed.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { callNames, type CallName } from '../../../shared/api/contract';
import { createClient } from '../../../shared/api/client';
import { FocalCore } from '../../../electron/core/app/focal-core';
import { headlessHost } from '../../../electron/core/host';
import { tempDir } from '../../support/temp';

import { actAs, buildWorld, keyFileIn, MARKER, type World } from '../tikanga/mask-world';

const fixture = (f: string) => join(process.cwd(), 'test/fixtures', f);


/** Calls that carry no talk, or that only ask the host; each with its reason. */
const ALLOWED: Partial<Record<CallName, string>> = {
  'project-new': 'creates another project file and switches to it; returns ProjectInfo (name, path, counts), never text (project-open and project-info are walked)',
  'project-close': 'closes the project; returns null',
  'import-choose-files': 'asks the host for file paths (null headless); never reads the project',
  'kaitiaki-key-recover': 'registers a replacement key from a new collective consent record (it would change the group key the rest of the walk runs under); returns key status: fingerprints and names, never talk (test/core/kaitiaki covers it)',
  'job-cancel': 'stops a running job by id; returns only whether it was running',
  'jobs-list': 'lists running jobs by id and task name; no project data',
  'project-backup': "writes a complete copy of the project file itself (the person's own project, not a view or an export); returns only the copy's path",
  'team-copy-save': "writes a complete copy of the project file itself for a coder (as project-backup), the coder's name recorded in it; returns only the copy's path and the coder's name",
};

type Entry = {
  /** One or more inputs, each run in turn. */
  inputs: (w: World) => unknown[];
  /** Calls the acting (non-kaitiaki) user may not make: the refusal is checked instead. */
  refused?: boolean;
  after?: (w: World, value: unknown) => void;
};

// The order matters: things are created before they are changed or deleted, and accept-all runs
// before rules are listed (a rule made from a tapu word would show there).
const TABLE: Partial<Record<CallName, Entry>> = {
  'app-info': { inputs: () => [{}] },
  'app-prefs-set': { inputs: () => [{ dateFormat: 'nz' }] },
  'app-recent-projects': { inputs: () => [{}] },
  'app-forget-recent': { inputs: () => [{ path: '/nowhere/none.focal' }] },
  'project-open': { inputs: (w) => [{ path: w.path }] },
  'project-info': { inputs: () => [{}] },
  'project-rename': { inputs: () => [{ name: 'Hui walk' }] },
  'sources-list': { inputs: () => [{}] },
  'source-get': { inputs: (w) => [{ sourceId: w.hui.id }, { sourceId: w.hui.id, frameId: w.frameId }] },
  'source-update': { inputs: (w) => [{ sourceId: w.hui.id, notes: 'walked' }] },
  'import-files': { inputs: () => [{ files: [{ name: 'workshop-feedback.tsv', path: fixture('workshop-feedback.tsv') }] }] },
  'participants-list': { inputs: () => [{}] },
  'participant-get': { inputs: (w) => [{ id: w.tamaId }, { id: w.ropuId }] },
  'participant-create': { inputs: () => [{ name: 'Walk Person' }] },
  'participant-update': { inputs: (w) => [{ id: w.participantId, notes: 'n' }] },
  'attributes-list': { inputs: () => [{}] },
  'attribute-define': { inputs: () => [{ name: 'Region', type: 'text' }] },
  'participants-import-csv': { inputs: () => [{ fileName: 'more.csv', csv: 'name,role\nAnother Person,participant\n' }] },
  'participants-export-csv': { inputs: () => [{}] },
  'speakers-review': { inputs: (w) => [{}, { sourceId: w.hui.id }] },
  'speakers-map': { inputs: (w) => [{ speakerIds: [w.speakerId], participantId: w.tamaId }] },
  'speakers-accept-all': { inputs: (w) => [{ sourceIds: [w.hui.id] }] },
  'group-setup-preview': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'group-setup-from-source': { inputs: (w) => [{ sourceId: w.fgId, newGroupName: 'Walk rōpū' }] },
  'group-members-add': { inputs: (w) => [{ groupId: w.ropuId, memberIds: [w.tamaId] }] },
  'frames-list': { inputs: () => [{}] },
  'frame-create': { inputs: () => [{ name: 'Walk frame', kind: 'mainstream' }] },
  'codes-list': { inputs: (w) => [{}, { frameId: w.kmFrameId }] },
  'code-create': { inputs: (w) => [{ frameId: w.frameId, name: 'Walk code' }] },
  'code-update': { inputs: (w) => [{ id: w.extraA, description: 'd' }] },
  'code-move': { inputs: (w) => [{ id: w.extraB, parentId: null }] },
  'code-merge': { inputs: (w) => [{ ids: [w.extraB], targetId: w.extraA }] },
  'code-delete-preview': { inputs: (w) => [{ id: w.extraA }] },
  'coding-apply': { inputs: (w) => [{ codeId: w.extraA, sourceId: w.fgId, start: w.fgTurn.start, end: w.fgTurn.end }] },
  'coding-apply-blocks': { inputs: (w) => [{ codeId: w.extraA, blockIds: [w.fgTurn.id] }] },
  'coding-remove': { inputs: (w) => [{ codeId: w.extraA, sourceId: w.fgId, start: w.fgTurn.start, end: w.fgTurn.end }] },
  'codings-list': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'segments-list': { inputs: (w) => [{ codeId: w.codeId }, { codeId: w.codeId, sourceId: w.hui.id }] },
  'autocode-preview': { inputs: (w) => [{ codeId: w.codeId, pattern: 'services' }, { codeId: w.codeId, pattern: 'Hutt' }, { codeId: w.codeId, participantId: w.tamaId }] },
  'autocode-apply': { inputs: (w) => [{ codeId: w.extraA, pattern: 'services' }] },
  'history-state': { inputs: () => [{}] },
  'history-undo': { inputs: () => [{}] },
  'history-redo': { inputs: () => [{}] },
  'code-delete': { inputs: (w) => [{ id: w.extraA }] },
  'memos-list': { inputs: () => [{}] },
  'memo-save': { inputs: () => [{ target: { kind: 'project', id: null }, title: 'Walk', body: '{"root":{"children":[]}}', bodyText: 'walk memo' }] },
  'memo-get': { inputs: (w) => [{ id: w.memoId }] },
  'memo-delete': { inputs: (w) => [{ id: w.memoId }] },
  'session-parts-list': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'session-part-add': { inputs: (w) => [{ sourceId: w.hui.id, kind: 'karakia', phase: 'closing', recorded: false }] },
  'session-part-update': { inputs: (w) => [{ id: w.partId, note: 'walked' }] },
  'session-part-delete': { inputs: (w) => [{ id: w.partId }] },
  'group-tikanga-get': { inputs: (w) => [{ groupId: w.ropuId }] },
  'group-member-role': { inputs: (w) => [{ groupId: w.ropuId, memberId: w.tamaId, role: 'participant' }] },
  // Recording consent is the kaitiaki's (signed); the world's own record is updated and deleted below.
  'collective-consent-record': { inputs: (w) => [{ groupId: w.ropuId, givenById: w.koroId, givenOn: '2010-06-14', forAnalysis: true }], refused: true },
  'kaitiaki-key-status': { inputs: (w) => [{ groupId: w.ropuId }] },
  'kaitiaki-key-create': { inputs: (w) => [{ groupId: w.ropuId, passphrase: 'another passphrase', keyFile: `${dirname(w.path)}/second.focalkey` }], refused: true },
  'kaitiaki-key-unlock': { inputs: (w) => [{ groupId: w.ropuId, passphrase: 'not the passphrase', keyFile: keyFileIn(dirname(w.path)) }], refused: true },
  'kaitiaki-key-lock': { inputs: (w) => [{ groupId: w.ropuId }] },
  'kaitiaki-handover': { inputs: (w) => [{ groupId: w.ropuId, newKaitiakiId: w.tamaId, passphrase: 'a new passphrase', keyFile: `${dirname(w.path)}/handed.focalkey` }], refused: true },
  'kaitiaki-readers-set': { inputs: (w) => [{ groupId: w.ropuId, readers: ['Aroha Ngata'] }], refused: true },
  'kaitiaki-gap-acknowledge': { inputs: (w) => [{ groupId: w.ropuId }], refused: true },
  'kaitiaki-check': { inputs: () => [{}] },
  'kaitiaki-review-pack': { inputs: (w) => [{ groupId: w.ropuId }] },
  'kaitiaki-import-decisions': { inputs: (w) => [{ decisions: { format: 'focal-kaitiaki-decisions', version: 1, groupId: w.ropuId, fingerprint: 'XXXX', statements: [{ body: '{}', signature: 'AAAA' }] } }] },
  // No quote awaits the kaitiaki in this world, so there is no pack to save (and the error must not leak either); the pack's content is walked as kaitiaki-review-pack.
  'kaitiaki-review-pack-save': { inputs: (w) => [{ groupId: w.ropuId }], refused: true },
  'kaitiaki-import-decisions-file': { inputs: (w) => [{ groupId: w.ropuId }] },
  // The kaitiaki's side (no project): nothing opened in the walk (the host answers no file), so nothing to unlock or sign.
  'review-pack-open': { inputs: () => [{}] },
  'review-pack-current': { inputs: () => [{}] },
  'review-pack-unlock': { inputs: () => [{ passphrase: 'whatever it is' }], refused: true },
  'review-pack-save-decisions': { inputs: (w) => [{ decisions: [{ quoteId: w.tapuQuoteId, decision: 'approved' }] }], refused: true },
  'review-pack-close': { inputs: () => [{}] },
  'collective-consent-update': { inputs: (w) => [{ id: w.consentId, conditions: 'walked' }], refused: true },
  'kaitiaki-status': { inputs: (w) => [{ sourceId: w.hui.id }, { groupId: w.ropuId }] },
  'sensitivity-list': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'sensitivity-set': { inputs: (w) => [{ sourceId: w.hui.id, start: w.tapu.start, end: w.tapu.end, label: 'open' }], refused: true },
  'sensitivity-remove': { inputs: (w) => [{ id: w.labelId }], refused: true },
  'approvals-list': { inputs: (w) => [{}, { groupId: w.ropuId }] },
  'approval-record': { inputs: (w) => [{ scope: 'quote', decision: 'approved', quoteId: w.tapuQuoteId }], refused: true },
  'approval-revoke': { inputs: (w) => [{ id: w.approvalId }], refused: true },
  'frame-templates-list': { inputs: () => [{}] },
  'frame-from-template': { inputs: (w) => [{ template: w.template, name: 'Walk template frame' }] },
  'source-frames-get': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'source-frames-set': { inputs: (w) => [{ sourceId: w.fgId, frameIds: [] }] },
  'glossary-list': { inputs: () => [{}] },
  'glossary-import': { inputs: () => [{}] },
  'glossary-add': { inputs: () => [{ term: 'walkterm', gloss: 'a term for the walk' }] },
  'glossary-update': { inputs: (w) => [{ id: w.glossaryId, gloss: 'changed' }] },
  'glossary-delete': { inputs: (w) => [{ id: w.glossaryId }] },
  'glossary-lookup': { inputs: (w) => [{ sourceId: w.hui.id }, { sourceId: w.hui.id, frameId: w.frameId }] },
  'search-run': { inputs: (w) => [{ query: 'fella' }, { query: 'Whitu' }, { query: 'Hutt', viewFrameId: w.frameId }] },
  'search-code-preview': { inputs: (w) => [{ query: 'Hutt', codeId: w.codeId, scope: 'turns' }, { query: 'Hutt', codeId: w.codeId, scope: 'hits' }, { query: 'month', codeId: w.codeId, scope: 'hits' }] },
  'search-code-apply': { inputs: (w) => [{ query: 'services', codeId: w.codeId, scope: 'hits' }] },
  'coding-query': { inputs: (w) => [{ any: [w.codeId] }, { any: [w.codeId], frameId: w.frameId }] },
  'matrix-run': { inputs: () => [{ cols: 'mode' }, { cols: 'participant' }] },
  'matrix-cell': { inputs: (w) => [{ codeIds: [w.codeId], cols: 'mode', codeId: w.codeId, colKey: 'tikanga' }] },
  'matrix-export': { inputs: () => [{ cols: 'mode', format: 'csv' }] },
  'codes-cooccurrence': { inputs: () => [{}] },
  'chart-image': { inputs: () => [{ chart: { kind: 'frequency' } }, { chart: { kind: 'matrix', matrix: { cols: 'participant' } } }, { chart: { kind: 'cooccurrence' } }] },
  'chart-save': { inputs: () => [{ chart: { kind: 'matrix', matrix: { cols: 'source' } }, format: 'svg' }] },
  'passage-marks-list': { inputs: (w) => [{}, { sourceId: w.hui.id }] },
  'passage-mark-add': { inputs: (w) => [{ sourceId: w.fgId, start: w.fgTurn.start, end: w.fgTurn.start + 5, kind: 'withdrawn', reason: 'walk' }] },
  'passage-mark-remove': { inputs: (w) => [{ id: w.markId }] },
  'withdrawal-effects': { inputs: (w) => [{ participantId: w.tamaId }] },
  'project-check': { inputs: () => [{}] },
  'pseudo-scan': { inputs: (w) => [{}, { sourceId: w.hui.id }, { sourceId: w.hui.id, status: 'pending' }, { sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }] },
  'pseudo-detect': { inputs: (w) => [{ sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }] },
  'pseudo-preview': { inputs: (w) => [{ sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }] },
  'pseudo-accept-all': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'pseudo-rules-list': { inputs: () => [{}] },
  'pseudo-rule-save': { inputs: () => [{ term: 'Walkplace', replacement: '[town]', category: 'place' }] },
  'pseudo-rule-delete': { inputs: (w) => [{ id: w.ruleId }] },
  'pseudo-decide': { inputs: () => [{ text: 'Walkthing', decision: 'not-identifying' }] },
  'pseudo-decisions-list': { inputs: () => [{}] },
  'pseudo-suggest-pseudonym': { inputs: (w) => [{}, { participantId: w.tamaId }] },
  'pseudo-set-pseudonym': { inputs: (w) => [{ participantId: w.tamaId, pseudonym: 'Rawiri' }] },
  'quotes-from-code': { inputs: (w) => [{ codeId: w.codeId }] },
  'quotes-from-segments': { inputs: (w) => [{ codingIds: w.codingIds }] },
  'quote-from-selection': { inputs: (w) => [{ sourceId: w.fgId, start: w.fgTurn.start, end: w.fgTurn.end }] },
  'quote-update': { inputs: (w) => [{ id: w.tapuQuoteId, cuts: [] }, { id: w.tapuQuoteId, start: w.tamaTurn.start, end: w.tamaTurn.end }] },
  'quotes-list': { inputs: (w) => [{}, { quoteIds: [w.tapuQuoteId] }, { quoteIds: [w.tapuQuoteId], options: { attribution: { groupForTikanga: true } } }] },
  'quotes-from-query': { inputs: (w) => [{ any: [w.codeId] }] },
  'quotes-from-search': { inputs: () => [{ query: 'services' }] },
  'transcript-export-marks': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'export-quotes': { inputs: () => [{ selection: {}, format: 'md' }, { selection: {}, format: 'csv' }] },
  'quote-copy': { inputs: (w) => [{ quoteId: w.tapuQuoteId }] },
  'selection-copy': {
    inputs: (w) => [
      { ranges: [{ sourceId: w.hui.id, start: w.tapu.start - 5, end: w.tapu.end + 5 }], via: 'clipboard' },
      { ranges: [{ sourceId: w.hui.id, start: w.tamaTurn.start, end: w.tamaTurn.end }], via: 'drag', preview: true },
    ],
  },
  'export-return': { inputs: (w) => [{ groupId: w.ropuId, format: 'md' }] },
  'audit-exports': { inputs: () => [{}] },
  'audit-export-csv': { inputs: () => [{}] },
  'qdc-export': { inputs: (w) => [{ frameId: w.frameId }, { frameId: w.kmFrameId, format: 'csv' }] },
  'qdc-import': {
    inputs: (w) => [
      {
        file: { name: 'walk.qdc', dataBase64: Buffer.from('<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="5b0c7a4e-1d2f-4a3b-9c8d-7e6f5a4b3c2d" name="Walk codebook code" isCodable="true"/></Codes></CodeBook>').toString('base64') },
        frameId: w.frameId,
      },
    ],
  },
  // Correcting words in (or at the edge of) a tapu passage of the hui, saved or previewed: refused for a non-kaitiaki.
  'source-correct': {
    inputs: (w) => [
      { sourceId: w.hui.id, edits: [{ start: w.tapu.start, end: w.tapu.start + 3, text: 'abc' }] },
      { sourceId: w.hui.id, edits: [{ start: w.tapu.end, end: w.tapu.end, text: 'x' }], preview: true },
    ],
    refused: true,
  },
  // A whole project out (full profile: the restricted passage must be `[…]`): the result holds only paths and counts; the zip is unpacked and read below.
  'qdpx-export': {
    inputs: () => [{ profile: 'full' }],
    after: (_w, v) => {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync((v as { path: string }).path)))) expect(strFromU8(bytes), name).not.toContain(MARKER);
    },
  },
  // Recordings (electron/core/media): link a stand-in file beside the project, time the restricted turn, read the timing as a non-reader.
  'media-link': {
    inputs: (w) => {
      writeFileSync(join(dirname(w.path), 'walk.ogg'), Buffer.alloc(64, 1));
      return [{ sourceId: w.hui.id, path: join(dirname(w.path), 'walk.ogg') }];
    },
  },
  'media-relink': { inputs: (w) => [{ sourceId: w.hui.id, path: join(dirname(w.path), 'walk.ogg') }] },
  'media-sync-set': { inputs: (w) => [{ blockId: w.tamaTurn.id, ms: 1000 }, { blockId: w.tamaTurn.id, ms: null }, { blockId: w.tamaTurn.id, ms: 2000 }] },
  'media-get': { inputs: (w) => [{ sourceId: w.hui.id }, { sourceId: w.hui.id, frameId: w.kmFrameId }] },
  'media-unlink': { inputs: (w) => [{ sourceId: w.hui.id }] },
  'team-info': { inputs: () => [{}] },
  'team-coders-set': { inputs: () => [{ coders: [] }] },
  'team-coder-set': { inputs: () => [{ name: 'Aroha Ngata' }] },
  'team-merge': { inputs: (w) => [{ files: [join(dirname(w.path), 'walk-copy.focal')], dryRun: true }] },
  // Aroha's coding of the hui covers the tapu passage: recording it as consensus in a mainstream frame is refused.
  'team-resolve': { inputs: (w) => [{ codeId: w.codeId, sourceId: w.hui.id, from: 'Aroha Ngata', consensus: true }], refused: true },
  'team-agreement': { inputs: () => [{ coders: ['Aroha Ngata', 'Walk Coder'] }, { coders: ['Aroha Ngata', 'Walk Coder'], unit: 'turn' }] },
  'team-agreement-cell': { inputs: (w) => [{ codeId: w.codeId, sourceId: w.hui.id, coders: ['Aroha Ngata', 'Walk Coder'] }] },
  'quotes-delete': { inputs: (w) => [{ ids: [w.fgQuoteId] }] },
  'participant-delete': { inputs: (w) => [{ id: w.participantId }] },
  'source-delete': { inputs: (w) => [{ sourceId: w.extraSourceId }] },
  // Last: deleting the group's consent (anyone may take consent away; only the kaitiaki gives it) would stop the return export above.
  'collective-consent-delete': { inputs: (w) => [{ id: w.consentId }] },
  'group-member-remove': { inputs: (w) => [{ groupId: w.ropuId, memberId: w.tamaId }] },
  'quotes-page': { inputs: (w) => [{}, { limit: 1 }, { sourceId: w.hui.id, limit: 2 }, { options: { attribution: { groupForTikanga: true } } }] },
  // Speaker review edits on the hui, after everything that relies on Tama's label being linked: the
  // turn holding the marker goes to a new label, is merged back, then Tama is "Not a speaker" and a speaker again.
  'speakers-reassign': { inputs: (w) => [{ blockIds: [w.tamaTurn.id], newLabel: 'Walk label' }] },
  'speakers-merge': { inputs: (w) => [{ speakerIds: [w.speakerId, w.walkLabelId ?? 0] }] },
  'speakers-not-speaker': { inputs: (w) => [{ speakerIds: [w.speakerId] }, { speakerIds: [w.speakerId], restore: true }] },
  // Very last: it builds a NEW project from a REFI-QDA file and switches to it; its result is about that file only.
  'qdpx-import': {
    inputs: () => [
      {
        file: {
          name: 'walk.qdpx',
          dataBase64: Buffer.from(
            zipSync({ 'project.qde': Buffer.from('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Walk import"><Sources><TextSource guid="5b0c7a4e-1d2f-4a3b-9c8d-7e6f5a4b3c2e" name="Walk"><PlainTextContent>Tama: kia ora</PlainTextContent></TextSource></Sources></Project>') }),
          ).toString('base64'),
        },
        out: join(tempDir(), 'walk-import.focal'),
      },
    ],
  },
};

describe('contract-masking: no call hands a restricted passage to a viewer who may not read it', () => {
  const dir = tempDir();
  const exportsDir = join(dir, 'exports');
  let n = 0;
  const host = {
    ...headlessHost('cli'),
    chooseDataFile: async (purpose: 'save' | 'open', kind: string) => (purpose === 'save' ? host.chooseExportPath(`${kind}.json`) : null),
    chooseExportPath: async (name: string) => {
      const { mkdirSync } = await import('node:fs');
      mkdirSync(exportsDir, { recursive: true });
      return join(exportsDir, `${++n}-${name.replace(/[^\w.-]+/g, '_')}`);
    },
  };
  const core = new FocalCore({ dataDir: join(dir, 'app'), host, logger: () => {} });
  const { api } = createClient({ invoke: (name, input) => core.call(name, input), on: (e, l) => core.on(e, l) });
  const as = actAs(core, dir);
  let w: World;

  beforeAll(async () => {
    w = await buildWorld(api, dir, as);
    // A coder's copy for the merge walk, saved where exports are not checked (it is the whole project).
    await core.requireProject().backup(join(dir, 'walk-copy.focal'));
    // A second coder on the hui, for the agreement calls.
    core.requireProject().db.prepare("INSERT INTO codings (code_id, source_id, start, end, coder, created_at) VALUES (?, ?, ?, ?, 'Walk Coder', '2026-01-01T00:00:00.000Z')").run(w.codeId, w.hui.id, w.tamaTurn.start, w.tamaTurn.end);
    // Ids the walk creates, picked up from the results as it goes.
    const pick = (name: CallName, set: (w: World, v: any) => void) => (TABLE[name]!.after = set);
    pick('memo-save', (x, v) => (x.memoId = v.id));
    pick('participant-create', (x, v) => (x.participantId = v.id));
    pick('session-part-add', (x, v) => (x.partId = v.id));
    pick('collective-consent-record', (x, v) => (x.consentId = v.id));
    pick('pseudo-rule-save', (x, v) => (x.ruleId = v.id));
    pick('passage-mark-add', (x, v) => (x.markId = v.id));
    pick('glossary-add', (x, v) => (x.glossaryId = v.id));
    pick('speakers-reassign', (x, v) => (x.walkLabelId = (v as Array<{ label: string; speakerId: number }>).find((r) => r.label === 'Walk label')?.speakerId));
  });

  it('has an entry (walked or allowed with a reason) for every call in the contract, and none for calls that do not exist', () => {
    const missing = callNames.filter((c) => !(c in TABLE) && !(c in ALLOWED));
    expect(missing, 'calls with no entry in the masking walk: add an input to TABLE, or a reason to ALLOWED').toEqual([]);
    const stale = [...Object.keys(TABLE), ...Object.keys(ALLOWED)].filter((c) => !callNames.includes(c as CallName));
    expect(stale).toEqual([]);
    for (const c of Object.keys(ALLOWED)) expect(c in TABLE, `${c} is both walked and allowed`).toBe(false);
  });

  it('the marker is in the stored text, and the kaitiaki reads it (the walk can find it)', async () => {
    as('Koro Hemi');
    expect((await api['source-get']({ sourceId: w.hui.id })).text).toContain(MARKER);
    as('Aroha Ngata');
    expect((await api['source-get']({ sourceId: w.hui.id })).text).not.toContain(MARKER);
  });

  it('walks every call as a non-kaitiaki analyst: no result, error or file holds the marker', async () => {
    as('Aroha Ngata');
    const leaks: string[] = [];
    const failures: string[] = [];
    for (const [name, entry] of Object.entries(TABLE) as Array<[CallName, Entry]>) {
      for (const input of entry.inputs(w)) {
        const env = await core.call(name, input);
        const json = JSON.stringify(env);
        if (json.includes(MARKER)) leaks.push(`${name} ${JSON.stringify(input)}`);
        if (entry.refused ? env.ok : !env.ok) failures.push(`${name} ${JSON.stringify(input)}: ${env.ok ? 'was not refused' : env.error.message}`);
        if (env.ok && entry.after) entry.after(w, env.value);
      }
    }
    expect({ failures, leaks }, 'calls that did not run as expected, and calls whose result holds restricted text').toEqual({ failures: [], leaks: [] });
    // Files written by exports in the walk (md, csv) hold none of it either.
    const files = readdirSync(exportsDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(join(exportsDir, f), 'utf8'), f).not.toContain(MARKER);
  });
});

