/** The kaitiaki key of a group as the app shows it: fingerprint to read aloud, history, readers. */
export interface KaitiakiKeyStatus {
  groupId: number;
  groupName: string;
  kaitiaki: { id: number; name: string } | null;
  /** The current key's fingerprint (four groups of hex), or null when the group has no key yet. */
  fingerprint: string | null;
  publicKey: string | null;
  /** Whether this session holds the current key unlocked (it can decide as kaitiaki). */
  unlocked: boolean;
  history: Array<{ fingerprint: string; kaitiakiName: string; from: string; until: string | null; how: 'registered' | 'handed on' | 'recovered by collective consent' }>;
  /** People the kaitiaki allowed to read restricted passages in a kaupapa Māori frame (signed). */
  readers: string[];
  /** Statements of the group's record that refer to one removed from the file (see `kaitiaki-gap-acknowledge`). */
  gaps: number;
}

/** A signed decision that does not count: listed by `focal check`. */
export interface UnverifiedDecision {
  groupId: number;
  statementId: number | null;
  kind: string;
  why: string;
}

/** A review pack: quotes awaiting the kaitiaki's decision, and nothing else from the project. */
export interface ReviewPack {
  format: 'focal-review-pack';
  version: 1;
  groupId: number;
  groupName: string;
  kaitiakiName: string;
  /** The key the decisions must be signed with. */
  fingerprint: string;
  createdAt: string;
  quotes: Array<{
    quoteId: number;
    /** The quote's exact text (its kept pieces), unmasked: the kaitiaki may read it. */
    text: string;
    /** The kept pieces of the text, exactly as hashed in `subject.text`: the kaitiaki's Focal checks the text shown is the text signed. */
    pieces?: string[];
    before: string;
    after: string;
    /** What the signed decision names: source hash, range, cuts, text hash. */
    subject: { id: number; source: string; start: number; end: number; cuts: Array<{ start: number; end: number }>; text: string };
  }>;
}

/** Signed decisions returned by the kaitiaki, to import into the project. */
export interface DecisionsFile {
  format: 'focal-kaitiaki-decisions';
  version: 1;
  groupId: number;
  fingerprint: string;
  statements: Array<{ body: string; signature: string }>;
}
