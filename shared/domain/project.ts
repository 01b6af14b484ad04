/** Domain types shared by the core and the renderer. Plain data: they cross IPC and HTTP as JSON. */
import type { SourceFormat, SourceMode } from './transcript';

export interface ProjectCounts {
  sources: number;
  participants: number;
  codes: number;
  codings: number;
  memos: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  createdAt: string;
  counts: ProjectCounts;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  /** False when the file has been moved or deleted since. */
  exists: boolean;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  /** Which transport the renderer is talking through. */
  platform: 'electron' | 'web' | 'cli';
  /** Preferences. userName is recorded as the coder on every coding. */
  prefs: Preferences;
}

export interface Preferences {
  userName: string;
  /** Display format for dates; New Zealand (dd/mm/yyyy) by default. */
  dateFormat: 'nz' | 'iso';
  /** True once the person confirmed their coder name (the start screen asks once). */
  coderConfirmed?: boolean;
  /** Light or dark colours, or whichever the system asks for (prefers-color-scheme); system by default. */
  theme: 'system' | 'light' | 'dark';
}

export interface SourceSummary {
  id: number;
  title: string;
  mode: SourceMode;
  kind: string;
  format: SourceFormat;
  fileName: string;
  sessionDate: string | null;
  wordCount: number;
  turnCount: number;
  speakerCount: number;
  codingCount: number;
  groupId: number | null;
  importedAt: string;
}

export type ParticipantKind = 'person' | 'group';

export interface Participant {
  id: number;
  kind: ParticipantKind;
  name: string;
  pseudonym: string | null;
  role: string;
  mode: SourceMode | null;
  notes: string;
  kaitiakiId: number | null;
  attribution: string | null;
  /** Group ids this participant belongs to. */
  groupIds: number[];
}

export type FrameKind = 'mainstream' | 'kaupapa-maori';

export interface CodeFrame {
  id: number;
  name: string;
  kind: FrameKind;
  description: string;
}

export interface Code {
  id: number;
  frameId: number;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  position: number;
  /** Counts across the project: coded segments, distinct sources, distinct participants. */
  counts: { segments: number; sources: number; participants: number };
}

export interface Speaker {
  id: number;
  label: string;
  participantId: number | null;
  role: string;
  turnCount: number;
  /** Marked "Not a speaker" in the review: its blocks are unattributed text (their `labelId` names it). */
  notSpeaker?: boolean;
}

export interface Block {
  id: number;
  seq: number;
  kind: 'turn' | 'note' | 'heading' | 'text';
  speakerId: number | null;
  /** The label that headed this block when that label was marked "Not a speaker" (shown above it, credited to no one). */
  labelId?: number | null;
  start: number;
  end: number;
  startMs: number | null;
  endMs: number | null;
  respondsTo: number[];
}

export interface Annotation {
  id: number;
  start: number;
  end: number;
  text: string;
}

export interface SessionPart {
  id: number;
  kind: string;
  phase: 'opening' | 'korero' | 'closing';
  recorded: boolean;
  start: number | null;
  end: number | null;
  ledById: number | null;
  ledByLabel: string;
  occurredAt: string | null;
  note: string;
  released: boolean;
}

export interface SourceDetail extends SourceSummary {
  text: string;
  facilitators: string;
  location: string;
  round: string;
  notes: string;
  metadata: Record<string, string>;
  speakers: Speaker[];
  blocks: Block[];
  annotations: Annotation[];
  parts: SessionPart[];
  /**
   * Ranges whose text was withheld from this view (restricted/tapu passages outside the kaupapa
   * Māori frame): their characters are replaced one for one, so offsets hold. Empty or absent: none.
   */
  masked?: Array<{ start: number; end: number; label: 'open' | 'community' | 'restricted' }>;
}

export type ConsentAnswer = 'yes' | 'no' | 'unknown';

export interface Consent {
  recording: ConsentAnswer;
  quote: ConsentAnswer;
  named: ConsentAnswer;
  /** ISO date of withdrawal, or null. */
  withdrawnOn: string | null;
  reviewSentOn: string | null;
  reviewReturnedOn: string | null;
  reviewApprovedOn: string | null;
  conditions: string;
}

export type AttributeType = 'text' | 'number' | 'date' | 'choice';

export interface AttributeDef {
  id: number;
  name: string;
  type: AttributeType;
  choices: string[];
}

export interface ParticipantDetail extends Participant {
  consent: Consent | null;
  /** Attribute name → value as stored (numbers and dates as text). */
  attributes: Record<string, string>;
  memberIds: number[];
  /**
   * For a group: the mode its sessions give it (every session tikanga-based: 'tikanga'; every one
   * mainstream: 'mainstream'); null when it has no sessions or they are mixed, so the mode is a choice.
   */
  sessionsMode?: SourceMode | null;
  /** Speaker labels mapped to this participant, with their sources. */
  speakers: Array<{ speakerId: number; label: string; sourceId: number; sourceTitle: string }>;
}

/** One speaker label in one source, for the review step after import. */
export interface SpeakerReviewRow {
  speakerId: number;
  sourceId: number;
  sourceTitle: string;
  label: string;
  participantId: number | null;
  role: string;
  /** Turns; for a label marked "Not a speaker", the blocks it headed. */
  turnCount: number;
  /** Marked "Not a speaker": never linked to a participant, never offered by Accept all. */
  notSpeaker: boolean;
  /** What Focal suggests: an existing participant by name, or a new one (e.g. `Facilitator (Sam Lee)` → Sam Lee, facilitator). */
  suggestion: { participantId: number | null; name: string; role: string; generic?: boolean };
}

/**
 * Labels that name only a research-team role (`Facilitator`, `INTERVIEWER`): who they are is asked
 * once, for all of them, when the register does not hold exactly one research-team person.
 */
export interface ResearchTeamQuestion {
  speakerIds: number[];
  labels: string[];
  /** People in the register whose role is facilitator, interviewer, researcher (…), to choose from. */
  candidates: Array<{ id: number; name: string; role: string }>;
}

export interface AcceptAllResult {
  rows: SpeakerReviewRow[];
  /** Labels linked by this call. */
  linked: number;
  /** Set when generic labels are left to ask about; null when everything was linked. */
  question: ResearchTeamQuestion | null;
}

/** What `group-setup-from-source` did: the group, and who was added with which role. */
export interface GroupSetupResult {
  groupId: number;
  groupName: string;
  created: boolean;
  added: Array<{ id: number; name: string; role: string | null }>;
  /** Mapped speakers who were already members. */
  alreadyMembers: Array<{ id: number; name: string }>;
  /** Labels in the source not yet linked to anyone, so not added. */
  unmappedLabels: string[];
}

/** Who a group-setup would add: the source's mapped speakers with their roles, and its unlinked labels. */
export interface GroupSetupPreview {
  sourceId: number;
  sourceTitle: string;
  mode: SourceMode;
  groupId: number | null;
  speakers: Array<{ id: number; name: string; role: string | null; labels: string[]; /** Not linked yet: linked to this person by the setup (its suggestion names them). */ suggested?: boolean }>;
  unmappedLabels: string[];
}

export interface CsvImportResult {
  created: number;
  updated: number;
  groupsCreated: number;
  /** Problems with single rows, each naming the file, row and column. */
  warnings: string[];
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportFileResult {
  fileName: string;
  status: ImportStatus;
  sourceId?: number;
  title?: string;
  /** For failures: one line naming the file and the problem. For duplicates: which source it repeats. */
  message?: string;
  duplicateOf?: { sourceId: number; title: string };
  speakers?: string[];
  warnings?: string[];
  wordCount?: number;
  /** Where the title came from: the file's own (a `Title:` header, an Otter/Rev title line), its first heading, or the file name. */
  titleFrom?: 'file' | 'heading' | 'file name';
  /** The mode the source was imported in (from --mode, else the file's header, else mainstream). */
  mode?: SourceMode;
  /** True when the turns carry times from the file (captions, Otter, Rev, Teams, timed tables). */
  timed?: boolean;
}
