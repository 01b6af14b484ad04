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
}

export interface Block {
  id: number;
  seq: number;
  kind: 'turn' | 'note' | 'heading' | 'text';
  speakerId: number | null;
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
}
