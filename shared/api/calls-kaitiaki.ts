/**
 * Calls for the kaitiaki key and signed decisions: create, unlock and lock a group's key, hand
 * the role on, replace a lost key by collective consent, the readers list, the check of
 * unverified decisions, and review packs for a kaitiaki working elsewhere.
 */
import { z } from 'zod';
import type { DecisionsFile, KaitiakiKeyStatus, ReviewPack } from '../domain/kaitiaki';
import type { Problem } from '../domain/quotes';
import { call } from './define';
import { id } from './calls-sources';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are yyyy-mm-dd');
const passphrase = z.string().min(1, 'type the passphrase').max(1000);
/** Only on the command line and in tests: the app asks for the file through the host's dialog. */
const keyFile = z.string().min(1).max(4000).optional();
const reviewDecision = z.object({ quoteId: id(), decision: z.enum(['approved', 'refused']), conditions: z.string().max(10_000).optional() });

export const kaitiakiCalls = {
  'kaitiaki-key-status': call("A group's kaitiaki key: fingerprint to read aloud, history, readers, and whether it is unlocked in this session.", z.object({ groupId: id() })).returns<KaitiakiKeyStatus>(),
  'kaitiaki-key-create': call(
    "Create the group's first kaitiaki key: a key file kept by the kaitiaki (never in the project), sealed with their passphrase.",
    z.object({ groupId: id(), passphrase, keyFile }),
  ).returns<KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string }>(),
  'kaitiaki-key-unlock': call("Unlock the group's kaitiaki key for this session (held in memory only).", z.object({ groupId: id(), passphrase, keyFile })).returns<KaitiakiKeyStatus>(),
  'kaitiaki-key-lock': call('Forget the unlocked kaitiaki key in this session.', z.object({ groupId: id() })).returns<KaitiakiKeyStatus>(),
  'kaitiaki-handover': call(
    'Hand the kaitiaki role on: signed with the current key, naming the new kaitiaki and their new key (a new key file).',
    z.object({ groupId: id(), newKaitiakiId: id(), passphrase, keyFile }),
  ).returns<KaitiakiKeyStatus & { keyFile: string | null; recoveryCode?: string }>(),
  'kaitiaki-key-recover': call(
    "Replace a lost kaitiaki key: a new collective consent record naming the kaitiaki registers their new key (audited; earlier decisions stay valid).",
    z.object({ groupId: id(), newKaitiakiId: id(), givenById: id().nullable().optional(), givenByLabel: z.string().max(300).optional(), givenOn: isoDate, conditions: z.string().max(10_000).optional(), recoveryCode: z.string().trim().min(1, 'type the recovery code').max(100), passphrase, keyFile }),
  ).returns<KaitiakiKeyStatus & { keyFile: string | null; consentId: number | null; recoveryCode?: string }>(),
  'kaitiaki-readers-set': call(
    'Who may read restricted (tapu) passages in a kaupapa Māori frame, besides the kaitiaki: a signed list of names. Kaitiaki only.',
    z.object({ groupId: id(), readers: z.array(z.string().trim().min(1).max(300)).max(200) }),
  ).returns<KaitiakiKeyStatus>(),
  'kaitiaki-gap-acknowledge': call(
    "Kaitiaki only: acknowledge, with the key, the gaps in the group's record of signed statements (statements removed from the file), after reviewing its decisions.",
    z.object({ groupId: id() }),
  ).returns<{ acknowledged: number }>(),
  'kaitiaki-check': call('Kaitiaki decisions that do not count (bad signature, superseded key, other text, unsigned record) and keys to confirm.', z.object({})).returns<Problem[]>(),
  'kaitiaki-review-pack': call("A review pack for the group's kaitiaki: the quotes awaiting their decision, with a little context, and no other project data.", z.object({ groupId: id() })).returns<ReviewPack>(),
  'kaitiaki-import-decisions': call(
    'Import a signed decisions file: each decision is verified against the group’s key and must name its quote’s exact text.',
    z.object({ decisions: z.object({ format: z.literal('focal-kaitiaki-decisions'), version: z.literal(1), groupId: id(), fingerprint: z.string().max(100), statements: z.array(z.object({ body: z.string().max(100_000), signature: z.string().max(200) })).max(20_000) }) }),
  ).returns<{ imported: number; skipped: Array<{ quoteId: number | null; why: string }> }>(),
  'kaitiaki-review-pack-save': call(
    "Save the group's review pack as a file (the host asks where): the quotes awaiting the kaitiaki, as text with context; audited as an export.",
    z.object({ groupId: id() }),
  ).returns<{ cancelled: boolean; path: string | null; quotes: number; exportId: number | null }>(),
  'kaitiaki-import-decisions-file': call(
    "Import the kaitiaki's signed decisions file for this group (the host asks which file); says what was imported and what was skipped, with why.",
    z.object({ groupId: id() }),
  ).returns<{ cancelled: boolean; fileName: string | null; imported: number; skipped: Array<{ quoteId: number | null; why: string }> }>(),
  'review-pack-open': call('On the kaitiaki’s machine, no project needed: open a review pack (the host asks which file) to read the quotes awaiting decision.', z.object({})).returns<OpenReviewPack | null>(),
  'review-pack-current': call('The review pack open in this session, if any.', z.object({})).returns<OpenReviewPack | null>(),
  'review-pack-unlock': call("Unlock the kaitiaki's key file (the host asks which) for the open review pack; it must be the key the pack was made for.", z.object({ passphrase, keyFile })).returns<OpenReviewPack>(),
  'review-pack-save-decisions': call(
    "Sign the kaitiaki's approvals and refusals (with conditions) with the unlocked key, as `focal kaitiaki sign` does, and save the decisions file (the host asks where).",
    z.object({ decisions: z.array(reviewDecision).min(1, 'decide at least one quote').max(20_000) }),
  ).returns<{ cancelled: boolean; path: string | null; approved: number; refused: number }>(),
  'review-pack-close': call('Close the open review pack and forget the key unlocked for it.', z.object({})).returns<null>(),
};

/** The review pack as the kaitiaki's Focal shows it: each quote with its context, and why it cannot be decided if its text is not the text a decision would sign. */
export interface OpenReviewPack {
  fileName: string;
  groupName: string;
  kaitiakiName: string;
  fingerprint: string;
  createdAt: string;
  unlocked: boolean;
  quotes: Array<{ quoteId: number; text: string; before: string; after: string; problem: string | null }>;
}

export type ReviewDecision = z.infer<typeof reviewDecision>;

export type { DecisionsFile };
