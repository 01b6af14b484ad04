/**
 * Tikanga-based sessions and kaupapa Māori analysis: kinds of session by mode, session parts,
 * collective consent, kaitiaki decisions (sensitivity labels, approvals), frame templates and
 * the project glossary. Plain data shared by the core and the renderer.
 */
import type { SourceMode } from './transcript';

/** Kinds of session offered for each mode (anything else can still be typed). */
export const SESSION_KINDS: Record<SourceMode, readonly string[]> = {
  mainstream: ['focus group', 'individual interview', 'workshop'],
  tikanga: ['hui', 'wānanga', 'group interview under tikanga'],
};

export type PartPhase = 'opening' | 'korero' | 'closing';

/** The parts of a tikanga-based session, in the order they are usually held, with their phase. */
export const PART_KINDS = [
  { kind: 'whakatau', label: 'Whakatau', phase: 'opening' },
  { kind: 'powhiri', label: 'Pōwhiri', phase: 'opening' },
  { kind: 'mihimihi', label: 'Mihimihi', phase: 'opening' },
  { kind: 'karakia', label: 'Karakia tīmatanga', phase: 'opening' },
  { kind: 'whakawhanaungatanga', label: 'Whakawhanaungatanga', phase: 'opening' },
  { kind: 'korero', label: 'Kōrero', phase: 'korero' },
  { kind: 'poroporoaki', label: 'Poroporoaki', phase: 'closing' },
  { kind: 'karakia-whakamutunga', label: 'Karakia whakamutunga', phase: 'closing' },
] as const satisfies ReadonlyArray<{ kind: string; label: string; phase: PartPhase }>;

export type PartKind = (typeof PART_KINDS)[number]['kind'];

export const PHASE_LABELS: Record<PartPhase, string> = { opening: 'Opening', korero: 'Kōrero', closing: 'Closing' };

export function partKindLabel(kind: string): string {
  return PART_KINDS.find((p) => p.kind === kind)?.label ?? kind;
}

/** Roles in kaupapa Māori research, offered wherever a role is chosen. */
export const TIKANGA_ROLES = ['kaumātua', 'kaitiaki', 'facilitator', 'participant', 'analyst'] as const;

export interface CollectiveConsent {
  id: number;
  groupId: number;
  givenById: number | null;
  /** Who gave it, as a name when they are not in the register (or as well as the link). */
  givenByLabel: string;
  /** The display name: the linked participant's name, else the label. */
  givenByName: string;
  givenOn: string;
  forAnalysis: boolean;
  forQuotes: boolean;
  forGroupAttribution: boolean;
  forReturn: boolean;
  conditions: string;
  revokedOn: string | null;
  recordedAt: string;
}

export type SensitivityLabel = 'open' | 'community' | 'restricted';

export const SENSITIVITY_LABELS: Record<SensitivityLabel, { label: string; reo: string; help: string }> = {
  open: { label: 'Open', reo: 'noa', help: 'May be used in outputs, with consent and approval.' },
  community: { label: 'Community use only', reo: '', help: 'Only in a document returned to the group.' },
  restricted: { label: 'Restricted', reo: 'tapu', help: 'Never exported; hidden outside the kaupapa Māori frame.' },
};

export interface SensitivityMark {
  id: number;
  sourceId: number;
  /** Null for a label on the whole source. */
  start: number | null;
  end: number | null;
  label: SensitivityLabel;
  setById: number;
  setByName: string;
  setAt: string;
}

export type ApprovalScope = 'quote' | 'export' | 'part';
export type ApprovalDecision = 'approved' | 'refused';

export interface Approval {
  id: number;
  groupId: number;
  groupName: string;
  kaitiakiId: number;
  kaitiakiName: string;
  scope: ApprovalScope;
  quoteId: number | null;
  exportLabel: string | null;
  partId: number | null;
  decision: ApprovalDecision;
  output: string;
  conditions: string;
  decidedAt: string;
  revokedAt: string | null;
}

/** A group's tikanga page: its kaitiaki, members and their roles, consent, attribution and decisions. */
export interface GroupTikanga {
  groupId: number;
  name: string;
  mode: SourceMode | null;
  kaitiaki: { id: number; name: string } | null;
  /** How collective kōrero is attributed, as the group decided; null until it is set (quotes then say "group attribution not set"). */
  attribution: string | null;
  /** True while the group has not set its attribution. */
  attributionIsDefault: boolean;
  /** An example to show as a hint only, e.g. "Rōpū A, group interview"; never used as the attribution. */
  attributionExample: string;
  /** The mode the group's sessions give it (all tikanga-based → 'tikanga'); null when none or mixed. */
  sessionsMode: SourceMode | null;
  members: Array<{ id: number; name: string; role: string; groupRole: string | null }>;
  consents: CollectiveConsent[];
  approvals: Approval[];
  sourceIds: number[];
}

/** Who may set labels and record approvals for a source, and whether the acting user is that person. */
export interface KaitiakiStatus {
  groupId: number | null;
  groupName: string | null;
  kaitiaki: { id: number; name: string } | null;
  actor: string;
  actorIsKaitiaki: boolean;
  /** When the actor cannot act as kaitiaki here: why, and what to do. */
  problem: string | null;
}

/** A range of a source whose text was withheld from this view (restricted passages). */
export interface MaskedRange {
  start: number;
  end: number;
  label: SensitivityLabel;
}

export interface FrameTemplateCode {
  name: string;
  description: string;
  color?: string;
  children?: FrameTemplateCode[];
}

export interface FrameTemplate {
  id: string;
  name: string;
  description: string;
  /** Where the model comes from (author, year), shown with the template. */
  source: string;
  codes: FrameTemplateCode[];
}

export interface FrameTemplateSummary {
  id: string;
  name: string;
  description: string;
  source: string;
  codeCount: number;
  /** Top-level code names, for a preview. */
  topLevel: string[];
}

export interface SourceFrames {
  sourceId: number;
  /** True when no frame is chosen for a mainstream session: every frame applies. */
  allFrames: boolean;
  mode: 'mainstream' | 'tikanga';
  /** A tikanga-based session open to kaupapa Māori frames only (until its kaitiaki opens it to another frame). */
  kaupapaOnly: boolean;
  /** Who can open a tikanga-based session to other frames ("Koro Hemi, kaitiaki of '…'"); empty when none is named. */
  openedBy: string[];
  frames: Array<{ id: number; name: string; kind: 'mainstream' | 'kaupapa-maori'; applies: boolean }>;
}

export interface GlossaryEntry {
  id: number;
  term: string;
  gloss: string;
  notes: string;
}

/** A glossary term found in a text: the stored text's own range, and the entry it matched. */
export interface GlossaryMatch {
  start: number;
  end: number;
  entryId: number;
  term: string;
  gloss: string;
}
