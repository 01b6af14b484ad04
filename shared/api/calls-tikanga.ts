/**
 * Calls for tikanga-based sessions and kaupapa Māori analysis: session parts, groups' kaitiaki
 * and roles, collective consent, sensitivity labels and kaitiaki decisions (set only by the named
 * kaitiaki), frame templates and which frames apply to which sessions.
 */
import { z } from 'zod';
import type { CodeFrame, SessionPart } from '../domain/project';
import type {
  Approval,
  CollectiveConsent,
  FrameTemplateSummary,
  GroupTikanga,
  KaitiakiStatus,
  SensitivityMark,
  SourceFrames,
} from '../domain/tikanga';
import { call } from './define';
import { id } from './calls-sources';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd');
const offset = z.number().int().nonnegative();
const phase = z.enum(['opening', 'korero', 'closing']);
const partFields = {
  kind: z.string().trim().min(1, 'say which part it is (karakia, mihimihi, …)').max(100),
  phase: phase.optional(),
  recorded: z.boolean().optional(),
  start: offset.nullable().optional(),
  end: offset.nullable().optional(),
  ledById: id().nullable().optional(),
  ledByLabel: z.string().max(300).optional(),
  /** When it was held: a date, a date and time, or a time as the team notes it ("day 1, 9.30am"). */
  occurredAt: z.string().trim().max(100).nullable().optional(),
  note: z.string().max(5000).optional(),
};
const consentFields = {
  givenById: id().nullable().optional(),
  givenByLabel: z.string().max(300).optional(),
  givenOn: isoDate,
  forAnalysis: z.boolean().optional(),
  forQuotes: z.boolean().optional(),
  forGroupAttribution: z.boolean().optional(),
  forReturn: z.boolean().optional(),
  conditions: z.string().max(10_000).optional(),
  revokedOn: isoDate.nullable().optional(),
};

export const tikangaCalls = {
  'session-parts-list': call('The parts of a tikanga-based session (opening, kōrero, closing), recorded or not.', z.object({ sourceId: id() })).returns<SessionPart[]>(),
  'session-part-add': call(
    'Log a part of a tikanga-based session: unrecorded (when, who led it) or recorded (a range, excluded from coding until the kaitiaki releases it).',
    z.object({ sourceId: id(), ...partFields }),
  ).returns<SessionPart>(),
  'session-part-update': call('Change a session part; only the fields given change.', z.object({ id: id(), ...partFields, kind: partFields.kind.optional() })).returns<SessionPart>(),
  'session-part-delete': call('Remove a session part (not one the kaitiaki has released).', z.object({ id: id() })).returns<null>(),

  'group-tikanga-get': call("A group's kaitiaki, members and roles, collective consent, attribution and kaitiaki decisions.", z.object({ groupId: id() })).returns<GroupTikanga>(),
  'group-member-role': call(
    "Set a member's role in a group (kaumātua, kaitiaki, facilitator, participant, analyst, …); null clears it.",
    z.object({ groupId: id(), memberId: id(), role: z.string().trim().max(100).nullable() }),
  ).returns<GroupTikanga>(),
  'collective-consent-record': call("Record consent given on a group's behalf: who, when, for which uses, conditions.", z.object({ groupId: id(), ...consentFields })).returns<CollectiveConsent>(),
  'collective-consent-update': call(
    'Change a collective consent record, or revoke it (revokedOn); only the fields given change.',
    z.object({ id: id(), ...consentFields, givenOn: isoDate.optional() }),
  ).returns<CollectiveConsent>(),
  'collective-consent-delete': call('Remove a collective consent record entered by mistake (kept in the audit log).', z.object({ id: id() })).returns<null>(),

  'kaitiaki-status': call('Who the kaitiaki of a transcript (or a group) is, and whether the acting user is them.', z.object({ sourceId: id().optional(), groupId: id().optional() }).refine((v) => (v.sourceId === undefined) !== (v.groupId === undefined), 'give sourceId or groupId')).returns<KaitiakiStatus>(),
  'sensitivity-list': call('Sensitivity labels on a transcript and its passages.', z.object({ sourceId: id() })).returns<SensitivityMark[]>(),
  'sensitivity-set': call(
    'Label a transcript (no range) or a passage open (noa), community use only, or restricted (tapu). Kaitiaki only.',
    z.object({ sourceId: id(), start: offset.nullable().optional(), end: offset.nullable().optional(), label: z.enum(['open', 'community', 'restricted']) }),
  ).returns<SensitivityMark>(),
  'sensitivity-remove': call('Remove a sensitivity label. Kaitiaki only.', z.object({ id: id() })).returns<null>(),

  'approvals-list': call(
    'Kaitiaki decisions (approvals and refusals, revoked ones included), filtered by group, quote, part, scope or source.',
    z.object({ groupId: id().optional(), quoteId: id().optional(), partId: id().optional(), sourceId: id().optional(), scope: z.enum(['quote', 'export', 'part']).optional() }),
  ).returns<Approval[]>(),
  'approval-record': call(
    'Record a kaitiaki decision: approve or refuse a quote, an export (by label), or the release of a recorded tikanga part. Kaitiaki only.',
    z
      .object({
        scope: z.enum(['quote', 'export', 'part']),
        decision: z.enum(['approved', 'refused']),
        quoteId: id().optional(),
        partId: id().optional(),
        groupId: id().optional(),
        exportLabel: z.string().trim().max(300).optional(),
        output: z.string().max(500).optional(),
        conditions: z.string().max(10_000).optional(),
      })
      .refine((v) => (v.scope === 'quote' ? v.quoteId !== undefined : v.scope === 'part' ? v.partId !== undefined : v.groupId !== undefined && !!v.exportLabel), {
        message: 'a quote decision needs quoteId, a part decision partId, an export decision groupId and exportLabel',
      }),
  ).returns<Approval>(),
  'approval-revoke': call('Revoke a kaitiaki decision (kept on record, dated). Kaitiaki only.', z.object({ id: id() })).returns<Approval>(),

  'frame-templates-list': call('The kaupapa Māori frame templates offered (Te Whare Tapa Whā, Te Wheke, Meihana, values).', z.object({})).returns<FrameTemplateSummary[]>(),
  'frame-from-template': call(
    "Create a kaupapa Māori frame from a template: a copy of its codes, the analysts' to edit.",
    z.object({ template: z.string().trim().min(1).max(100), name: z.string().trim().max(200).optional(), skip: z.array(z.string().max(300)).max(100).optional() }),
  ).returns<{ frame: CodeFrame; codes: number }>(),
  'source-frames-get': call('Which code frames apply to a session (all, when none is chosen).', z.object({ sourceId: id() })).returns<SourceFrames>(),
  'source-frames-set': call('Choose the frames that apply to a session; an empty list opens it to every frame.', z.object({ sourceId: id(), frameIds: z.array(id()).max(100) })).returns<SourceFrames>(),
};
