/** Calls for team coding: coder copies, merging them back, coder identity and inter-coder agreement. */
import { z } from 'zod';
import { call } from './define';
import { id } from './calls-sources';

const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'a path cannot contain a NUL character');
const coderName = z.string().trim().min(1, 'a coder name cannot be empty').max(200);

export interface TeamInfo {
  /** The name recorded as coder on this user's codings (preferences or FOCAL_USER). */
  coder: string;
  /** False until the person has confirmed their name once (the start screen asks). */
  coderConfirmed: boolean;
  /** Set when the open project is a coder's copy: whose, when and from which file. */
  copy: { coder: string; madeAt: string; from: string } | null;
  /** The team's fixed list of coders (empty: any name). */
  coders: string[];
  /** Every name that has coded or written a memo in this project. */
  knownCoders: string[];
}

export interface MergeFileReport {
  /** The copy's file name, and its full path (what the real merge is given after a dry run). */
  file: string;
  path: string;
  /** The coder the copy was made for (null for a plain copy of the file). */
  coder: string | null;
  codes: { added: string[]; matchedByGuid: number; matchedByPath: number; renamed: Array<{ lead: string; copy: string }> };
  codings: { added: number; alreadyPresent: number; notOnMergedSource: number; /** Not codable in this project as it stands (a closed tikanga session, an unreleased part, a restricted passage). */ notCodable: number; byCoder: Record<string, number>; notInTeamList: Record<string, number> };
  memos: { added: number; updated: number; alreadyPresent: number; conflicts: Array<{ title: string; leadAuthor: string; copyAuthor: string }> };
  sources: { added: string[]; matched: number; textDiffers: string[] };
  participants: { added: string[]; matchedByGuid: number; matchedByName: Array<{ copy: string; lead: string }>; unsure: Array<{ guid: string; name: string; candidates: Array<{ id: number; name: string }> }> };
  /** Changes to the lead's records (consent, pseudonyms, rules, decisions, labels): reported, never applied. */
  leadOnly: Array<{ area: string; change: 'only in the copy' | 'only in the project'; detail: string }>;
  kaitiaki: { imported: number; alreadyPresent: number; notVerified: number };
}

export interface MergeReport {
  dryRun: boolean;
  files: MergeFileReport[];
  /** .qdpx files given: not merged by this version (see the README). */
  skipped: Array<{ file: string; reason: string }>;
  totals: { codes: number; codings: number; memos: number; sources: number; participants: number; conflicts: number; kaitiaki: number };
  /** One line per change, for the dry run and the dialog. */
  changes: string[];
  /** The history entry that undoes the merge (null for a dry run or when nothing changed). */
  undoLabel: string | null;
}

export interface AgreementRow {
  /** Code path ("Whānau/Connection"); null on the overall row. */
  code: string | null;
  codeId: number | null;
  frameId: number | null;
  /** null on pooled rows (per code) and the overall row. */
  sourceId: number | null;
  sourceTitle: string | null;
  coders: string[];
  units: number;
  /** 0–1: units on which all coders agree (coded or not coded). */
  percentAgreement: number | null;
  /** Cohen's kappa, two coders only. */
  kappa: number | null;
  /** Krippendorff's alpha (nominal). null when there is no variation. */
  alpha: number | null;
  codedUnits: number;
  /** Agreement over coded units only (units all coded / units anyone coded). */
  codedAgreement: number | null;
  band: 'none' | 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost-perfect';
  /** Units each coder coded, in coder order. */
  codedBy: number[];
}

export interface AgreementReport {
  coders: string[];
  unit: 'character' | 'turn';
  rows: AgreementRow[];
  pooled: AgreementRow[];
  overall: AgreementRow | null;
  /** What the units are and how uncoded text counts. */
  note: string;
}

export interface AgreementCell {
  codeId: number;
  code: string;
  sourceId: number;
  coders: string[];
  /** Each coder's merged ranges of this code in this source. */
  ranges: Array<Array<[number, number]>>;
  /** Ranges where the coders differ (some coded, some not). */
  disagreements: Array<[number, number]>;
  /** Ranges recorded by the coder `consensus`. */
  consensus: Array<[number, number]>;
}

export const teamCalls = {
  'team-info': call('The coder name in use, whether this is a coder\'s copy, the team\'s fixed coder list and the names that have coded.', z.object({})).returns<TeamInfo>(),
  'team-coder-set': call(
    'Set your name as coder (asked once on the start screen); refused when the project fixes a team list that does not hold it.',
    z.object({ name: z.string().trim().min(1, 'your name cannot be empty').max(200) }),
  ).returns<TeamInfo>(),
  'team-coders-set': call('Fix the team\'s list of coders in the open project (empty: any name), so a typo does not make a new coder.', z.object({ coders: z.array(coderName).max(200) })).returns<TeamInfo>(),
  'team-copy-save': call(
    'Save a copy of the open project for a coder (online backup, the coder\'s name recorded in the copy); the host asks where. Null if cancelled.',
    z.object({ coder: coderName, path: path.optional() }),
  ).returns<{ path: string; coder: string } | null>(),
  'team-merge': call(
    'Merge coders\' copies (.focal) into the open project: codes, codings per coder, memos, sources, participants; lead-only records reported, not applied. One undoable step; dryRun lists the changes only. Without files the host asks.',
    z.object({
      files: z.array(path).min(1).max(50).optional(),
      dryRun: z.boolean().default(false),
      /** Answers for participants matched only by an ambiguous name: copy GUID → lead participant id, or "new". */
      participants: z.record(z.string().max(64), z.union([id(), z.literal('new')])).default({}),
    }),
  ).returns<MergeReport>(),
  'team-agreement': call(
    'Inter-coder agreement per code × source (percent, Cohen\'s kappa for two coders, Krippendorff\'s alpha), pooled per code and overall, over characters or turns.',
    z.object({
      coders: z.array(coderName).min(2).max(20),
      codeIds: z.array(id()).max(5000).optional(),
      sourceIds: z.array(id()).max(5000).optional(),
      unit: z.enum(['character', 'turn']).default('character'),
    }),
  ).returns<AgreementReport>(),
  'team-agreement-cell': call(
    'For one code × source: each coder\'s ranges, where they disagree and any consensus coding (ranges only, for the Agreement view).',
    z.object({ codeId: id(), sourceId: id(), coders: z.array(coderName).min(2).max(20) }),
  ).returns<AgreementCell>(),
  'team-resolve': call(
    'Settle a disagreement, undoably: accept one coder\'s coding of a code in a source (within a range, or all of it) for another coder, or record it as the `consensus` coder\'s.',
    z
      .object({
        codeId: id(),
        sourceId: id(),
        from: coderName,
        /** The coder whose coding is replaced; omit with consensus. */
        to: coderName.optional(),
        consensus: z.boolean().default(false),
        range: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
      })
      .refine((i) => i.consensus !== (i.to !== undefined), 'give either to (accept for that coder) or consensus: true')
      .refine((i) => !i.range || i.range[1] > i.range[0], 'range: end must be after start'),
  ).returns<{ removed: number; added: number; undoLabel: string | null }>(),
};
