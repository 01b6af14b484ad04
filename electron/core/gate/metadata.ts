/**
 * Metadata on the way out: every text field that goes into an export besides the talk itself (the
 * project name as the title and file name, code names in headings and columns, a person's role and
 * a group's attribution, source titles) passes through the same detection and rules as talk. What
 * a rule covers is replaced; an undecided identifier either blocks the quote (attribution: it names
 * who spoke) or is replaced by a neutral label (`Code 12`, `Quote bank`) with the reason listed in
 * the export's notes, so a file never carries an identifier nobody has decided about.
 */
import type { Candidate } from '../../../shared/domain/pseudonyms';
import type { PseudoPort } from './pseudo-port';

export interface CleanText {
  text: string;
  /** Undecided identifiers in the field (the caller blocks or neutralises). */
  unresolved: Candidate[];
}

export class MetadataGate {
  private readonly cache = new Map<string, CleanText>();
  /** Why a neutral label was used, one line each, in the order they were first met. */
  readonly notes = new Set<string>();

  constructor(private readonly port: PseudoPort) {}

  /** A field with the rules applied on a copy and what is still undecided in it. */
  clean(value: string): CleanText {
    let hit = this.cache.get(value);
    if (!hit) {
      const r = this.port.pseudonymise(value);
      const pending = this.port.detect(value).filter((c) => c.status === 'pending');
      const unresolved = [...r.unresolved];
      for (const c of pending) if (!unresolved.some((u) => u.start === c.start && u.end === c.end)) unresolved.push(c);
      hit = { text: r.text, unresolved };
      this.cache.set(value, hit);
    }
    return hit;
  }

  /** A code's path as exported: each level with the rules applied, or `Code N` if any level holds something undecided. */
  codePath(codeId: number | null | undefined, path: string | null | undefined): string {
    if (!path) return 'Uncoded';
    const levels = path.split('/').map((level) => this.clean(level));
    if (levels.every((l) => !l.unresolved.length)) return levels.map((l) => l.text).join('/');
    const label = codeId ? `Code ${codeId}` : 'Code';
    this.notes.add(`${label}: the code's name holds an identifier not yet decided, so it is exported as “${label}”. Review it in Pseudonyms, or rename the code.`);
    return label;
  }

  /** The project's name as a file's title, or a neutral title if it holds something undecided. */
  projectTitle(name: string, neutral = 'Focal project'): string {
    const c = this.clean(name);
    if (!c.unresolved.length) return c.text;
    this.notes.add(`The project name holds an identifier not yet decided, so the file is titled “${neutral}”. Review it in Pseudonyms, or rename the project.`);
    return neutral;
  }
}
