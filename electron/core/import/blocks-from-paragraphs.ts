/**
 * The paragraphs → blocks rules shared by plain text, Markdown and Word:
 *
 * - header lines at the top become metadata (see header-lines.ts);
 * - `Speaker: words` starts a turn (the label goes to `speaker`, only the words go to `text`);
 *   a label alone on its line (`INTERVIEWER:`) takes the words from the lines that follow;
 * - a paragraph without a speaker after a turn continues that turn, its paragraphs kept apart by "\n";
 * - a paragraph that is one bracketed note (`[Karakia tīmatanga. Not recorded.]`) is a 'note'
 *   block; a bracketed line straight after a line of a turn (no blank line) stays in the turn;
 * - headings (Markdown `#`, Word heading styles) are 'heading' blocks;
 * - other paragraphs before any turn, or after a note or heading, are 'text' blocks.
 */
import type { BlockKind, ParsedMetadata } from '../../../shared/domain/transcript';
import { headerLineCount, metadataFromHeader, splitHeaderLine, type HeaderLine, type TopLine } from './header-lines';
import { splitSpeakerPrefix } from './speaker-label';
import { isWholeBracketNote, type TranscriptBuilder } from './transcript-builder';

/** One line of a text file, or one paragraph of a Word document. */
export interface SourceLine {
  /** The words as written; still carries its `Speaker:` prefix unless `speaker` is set. */
  text: string;
  /** A speaker the format already identified (a bold run in Word, `**Name:**` in Markdown). */
  speaker?: string;
  /** A heading (Markdown `#`, a Word heading style). */
  heading?: boolean;
}

export interface ParagraphOptions {
  /** What to call a position in warnings: "line 12" for text files, "paragraph 12" for Word. */
  unit: 'line' | 'paragraph';
  /** Header lines the format already separated out (Markdown `---` front matter); skips top-block detection. */
  frontMatter?: HeaderLine[];
}

interface Draft {
  kind: BlockKind;
  speaker?: string;
  lines: string[];
  /** 1-based position of the line the block started on, for warnings. */
  at: number;
}

const isBlank = (line: SourceLine) => line.speaker === undefined && !line.heading && line.text.trim() === '';

/** Adds the blocks of `lines` to `builder` and returns the metadata read from the header. */
export function blocksFromParagraphs(lines: SourceLine[], builder: TranscriptBuilder, options: ParagraphOptions): ParsedMetadata {
  let first = 0;
  while (first < lines.length && isBlank(lines[first]!)) first++;

  let header = options.frontMatter ?? [];
  if (!options.frontMatter) {
    const top = lines.slice(first, first + 50).map(topLine);
    const count = headerLineCount(top, speaksMoreThanOnce(lines.slice(first)));
    header = top.slice(0, count).filter((l): l is HeaderLine => typeof l === 'object');
    first += count;
  }
  const metadata = metadataFromHeader(header, (m) => builder.warn(m));

  for (const draft of draftBlocks(lines, first)) {
    if (draft.kind === 'turn' && draft.lines.length === 0) {
      builder.warn(`${options.unit} ${draft.at}: speaker "${draft.speaker}" has no words after the label; skipped`);
      continue;
    }
    builder.add(draft.kind, draft.lines.join('\n'), draft.speaker === undefined ? {} : { speaker: draft.speaker });
  }
  return metadata;
}

/** `Aroha: Kia ora.` under the header lines is a turn, not an unknown header, when Aroha speaks again later. */
function speaksMoreThanOnce(lines: SourceLine[]): (label: string) => boolean {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const label = line.speaker ?? splitSpeakerPrefix(line.text.trim())?.label;
    if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (label) => (counts.get(label) ?? 0) > 1;
}

function topLine(line: SourceLine): TopLine {
  if (isBlank(line)) return 'blank';
  if (line.heading) return 'other';
  if (line.speaker !== undefined) return line.text.trim() === '' ? 'other' : { key: line.speaker, value: line.text.trim() };
  return splitHeaderLine(line.text) ?? 'other';
}

function draftBlocks(lines: SourceLine[], from: number): Draft[] {
  const drafts: Draft[] = [];
  /** The block later lines may still join: a turn (until another block starts) or a text paragraph (until a blank line). */
  let open: Draft | undefined;
  let blankBefore = true;

  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const at = i + 1;
    const text = line.text.trim();
    if (isBlank(line)) {
      blankBefore = true;
      if (open?.kind === 'text') open = undefined;
      continue;
    }
    const startsParagraph = blankBefore || open === undefined;
    blankBefore = false;

    if (line.heading) {
      drafts.push({ kind: 'heading', lines: [text], at });
      open = undefined;
      continue;
    }
    const prefix = line.speaker !== undefined ? { label: line.speaker, rest: text } : splitSpeakerPrefix(text);
    if (prefix) {
      open = { kind: 'turn', speaker: prefix.label, lines: prefix.rest === '' ? [] : [prefix.rest], at };
      drafts.push(open);
      continue;
    }
    if (startsParagraph && isWholeBracketNote(text)) {
      drafts.push({ kind: 'note', lines: [text], at });
      open = undefined;
      continue;
    }
    if (open) {
      open.lines.push(text);
      continue;
    }
    open = { kind: 'text', lines: [text], at };
    drafts.push(open);
  }
  return drafts;
}
