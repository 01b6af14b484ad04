/** Calls about participants, groups, typed attributes, the register CSV and speaker mapping. */
import { z } from 'zod';
import type { AcceptAllResult, AttributeDef, CsvImportResult, GroupSetupPreview, GroupSetupResult, Participant, ParticipantDetail, SpeakerReviewRow } from '../domain/project';
import type { GroupTikanga } from '../domain/tikanga';
import { call } from './define';
import { id } from './calls-sources';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd');
const answer = z.enum(['yes', 'no', 'unknown']);
const mode = z.enum(['mainstream', 'tikanga']);

export const consentPatch = z.object({
  recording: answer.optional(),
  quote: answer.optional(),
  named: answer.optional(),
  withdrawnOn: isoDate.nullable().optional(),
  reviewSentOn: isoDate.nullable().optional(),
  reviewReturnedOn: isoDate.nullable().optional(),
  reviewApprovedOn: isoDate.nullable().optional(),
  conditions: z.string().max(10_000).optional(),
});

const participantFields = {
  name: z.string().trim().min(1, 'a participant needs a name').max(300),
  kind: z.enum(['person', 'group']).optional(),
  pseudonym: z.string().trim().max(300).nullable().optional(),
  role: z.string().trim().max(100).optional(),
  mode: mode.nullable().optional(),
  notes: z.string().max(20_000).optional(),
  kaitiakiId: id().nullable().optional(),
  attribution: z.string().trim().max(300).nullable().optional(),
  groupIds: z.array(id()).max(1000).optional(),
  /** Attribute name → value; null removes it. Values are checked against the attribute's type. */
  attributes: z.record(z.string().min(1).max(200), z.union([z.string().max(2000), z.number(), z.null()])).optional(),
};

export const participantCalls = {
  'participants-list': call('Every participant and group, people first, by name.', z.object({})).returns<Participant[]>(),
  'participant-get': call('One participant with consent, attributes, members and mapped speaker labels.', z.object({ id: id() })).returns<ParticipantDetail>(),
  'participant-create': call('Add a person or a group.', z.object(participantFields)).returns<ParticipantDetail>(),
  'participant-update': call(
    'Change a participant; only the fields given change.',
    z.object({ id: id(), ...participantFields, name: participantFields.name.optional(), consent: consentPatch.optional() }),
  ).returns<ParticipantDetail>(),
  'participant-delete': call('Remove a participant; their speaker labels become unmapped, transcripts are untouched.', z.object({ id: id() })).returns<null>(),

  'attributes-list': call('The typed attributes defined for participants.', z.object({})).returns<AttributeDef[]>(),
  'attribute-define': call(
    'Define (or redefine) a typed participant attribute.',
    z.object({ name: z.string().trim().min(1).max(200), type: z.enum(['text', 'number', 'date', 'choice']), choices: z.array(z.string().trim().min(1).max(200)).max(200).optional() }),
  ).returns<AttributeDef>(),

  'participants-import-csv': call(
    'Import a participant register (name, pseudonym, role, group, mode, consent columns, other columns as attributes); as text, or as the file\'s bytes (UTF-8, UTF-16, Windows-1252 decoded as transcripts are).',
    z
      .object({
        fileName: z.string().min(1).max(500),
        csv: z.string().max(20_000_000).optional(),
        /** The file's bytes, base64: decoded here (BOM, UTF-16, UTF-8, Windows-1252, mixed lines warned about). */
        dataBase64: z.string().max(28_000_000).optional(),
      })
      .refine((v) => (v.csv === undefined) !== (v.dataBase64 === undefined), 'give either csv (text) or dataBase64 (the file\'s bytes)'),
  ).returns<CsvImportResult>(),
  'participants-export-csv': call('The participant register as CSV text (UTF-8), with consent columns and attributes.', z.object({})).returns<{ csv: string; fileName: string }>(),

  'speakers-review': call('Speaker labels across transcripts with suggested participants, for the review step after import.', z.object({ sourceId: id().optional(), unmappedOnly: z.boolean().optional() })).returns<SpeakerReviewRow[]>(),
  'speakers-map': call(
    'Map speaker labels to one participant (existing, or created here); mapping several labels merges them.',
    z
      .object({
        speakerIds: z.array(id()).min(1).max(10_000),
        participantId: id().optional(),
        create: z.object({ name: participantFields.name, role: participantFields.role, kind: participantFields.kind }).optional(),
        /** The role these labels play in their sessions: participant, facilitator, interviewer, kaumātua, ... */
        role: z.string().trim().min(1).max(100).optional(),
        unmap: z.boolean().optional(),
      })
      .refine((v) => [v.participantId !== undefined, v.create !== undefined, v.unmap === true].filter(Boolean).length === 1, 'give exactly one of participantId, create or unmap'),
  ).returns<SpeakerReviewRow[]>(),

  'speakers-accept-all': call(
    'Link every unlinked label to its suggestion in one step; labels naming only a role (Facilitator) go to the one research-team person, or are asked about once.',
    z.object({
      sourceIds: z.array(id()).max(10_000).optional(),
      /** Only these labels (the review on show); default: every unlinked label in the sources. */
      speakerIds: z.array(id()).max(10_000).optional(),
      /** Speaker id → the role chosen in the review, where it differs from the suggestion. */
      roles: z.record(z.string().regex(/^\d+$/), z.string().trim().min(1).max(100)).optional(),
      /** The answer to the research-team question: who the generic labels are. */
      researchTeam: z.union([z.object({ participantId: id() }), z.object({ create: z.object({ name: participantFields.name, role: participantFields.role }) })]).optional(),
    }),
  ).returns<AcceptAllResult>(),

  'group-setup-preview': call("Who setting up a source's rōpū would add: its mapped speakers with their roles, and its unlinked labels.", z.object({ sourceId: id() })).returns<GroupSetupPreview>(),
  'group-setup-from-source': call(
    "Create or choose a source's group (rōpū), make it the source's group, and add its mapped speakers as members with their roles: one step, audited.",
    z
      .object({
        sourceId: id(),
        groupId: id().optional(),
        newGroupName: participantFields.name.optional(),
        /** Only these participants (default: every mapped speaker). */
        memberIds: z.array(id()).max(10_000).optional(),
        /** Also link the unlinked labels whose suggestion is an existing person (as Accept would), and add them. */
        linkSuggested: z.boolean().optional(),
      })
      .refine((v) => (v.groupId === undefined) !== (v.newGroupName === undefined), 'give exactly one of groupId or newGroupName'),
  ).returns<GroupSetupResult>(),
  'group-members-add': call('Add people (or groups) to a group, with an optional role in the group.', z.object({ groupId: id(), memberIds: z.array(id()).min(1).max(10_000), role: z.string().trim().max(100).optional() })).returns<GroupTikanga>(),
  'group-member-remove': call('Remove one member from a group; their speaker labels and the transcripts are untouched.', z.object({ groupId: id(), memberId: id() })).returns<GroupTikanga>(),
};
