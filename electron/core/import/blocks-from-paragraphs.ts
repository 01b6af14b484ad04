/**
 * The paragraphs → blocks rules shared by plain text, Markdown and Word:
 *
 * - header lines at the top become metadata (see header-lines.ts);
 * - `Speaker: words` starts a turn (the label goes to `speaker`, only the words go to `text`);
 *   a label alone on its line (`INTERVIEWER:`) takes the words from the lines that follow;
 *   so do the timed labels of Otter, Rev, Teams, Descript and the like, whose times go to the
 *   turn's startMs/endMs (which lines are really speakers: see paragraph-items.ts);
 * - a paragraph without a speaker after a turn continues that turn, its paragraphs kept apart by "\n";
 *   a `Name:` line seen only once that carries on a wrapped sentence of a prose paragraph is prose;
 * - a paragraph that is one bracketed note (`[Karakia tīmatanga. Not recorded.]`) is a 'note'
 *   block; a bracketed line straight after a line of a turn (no blank line) stays in the turn;
 * - headings (Markdown `#`, Word heading styles) are 'heading' blocks;
 * - other paragraphs before any turn, or after a note or heading, are 'text' blocks;
 * - in an Otter/Rev/Teams file, the first short line before the first turn is the title and a
 *   date line under it the session's date (as header lines are, they leave the text).
 */
import type { BlockKind, ParsedMetadata } from '../../../shared/domain/transcript';
import { headerLineCount, metadataFromHeader, splitHeaderLine, type HeaderLine, type TopLine } from './header-lines';
import { classifyLines, decideLabels, type Item } from './paragraph-items';
import { parseDate } from './parse-date';
import { readTimedLine } from './timed-labels';
import { splitSpeakerPrefix } from './speaker-label';
import { isWholeBracketNote, type TranscriptBuilder } from './transcript-builder';

/** One line of a text file, or one paragraph of a Word document. */
export interface SourceLine {
  /** The words as written; still carries its `Speaker:` prefix unless `speaker` is set. */
  text: string;
  /** A speaker the format already identified (a bold run in Word, `**Name:**` in Markdown, a table row). */
  speaker?: string;
  /** The line as written, label included, for when `speaker` turns out not to be one. */
  whole?: string;
  /** The line with its original spacing (Word collapses it in `text`), for `Name  0:03` labels. */
  raw?: string;
  /** Times the format gave with `speaker`. */
  startMs?: number;
  endMs?: number;
  /** `speaker` is unmistakable (a transcript table's speaker column): no rule second-guesses it. */
  strong?: boolean;
  /** The whole paragraph is bold (Word): a bold name above a time line is a Teams speaker. */
  bold?: boolean;
  /** A heading (Markdown `#`, a Word heading style). */
  heading?: boolean;
  /** An empty line that also ends the turn before it (the end of a transcript table). */
  endsTurn?: boolean;
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
  startMs?: number;
  endMs?: number;
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

  const items = classifyLines(lines, first);
  const { timedHeadings } = decideLabels(items);
  if (timedHeadings) readPreamble(items, metadata);

  for (const draft of draftBlocks(items)) {
    if (draft.kind === 'turn' && draft.lines.length === 0) {
      builder.warn(`${options.unit} ${draft.at}: speaker "${draft.speaker}" has no words after the label; skipped`);
      continue;
    }
    builder.add(draft.kind, draft.lines.join('\n'), {
      ...(draft.speaker === undefined ? {} : { speaker: draft.speaker }),
      ...(draft.startMs === undefined ? {} : { startMs: draft.startMs }),
      ...(draft.endMs === undefined ? {} : { endMs: draft.endMs }),
    });
  }
  return metadata;
}

/** `Aroha: Kia ora.` under the header lines is a turn, not an unknown header, when Aroha speaks again later. */
function speaksMoreThanOnce(lines: SourceLine[]): (label: string) => boolean {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const text = line.text.trim();
    let label = line.speaker ?? splitSpeakerPrefix(text)?.label;
    if (label === undefined && /\d:\d/.test(text)) {
      const timed = readTimedLine(text);
      if (timed && timed.form !== 'time') label = timed.label;
    }
    if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return (label) => (counts.get(label) ?? 0) > 1;
}

function topLine(line: SourceLine): TopLine {
  if (isBlank(line)) return 'blank';
  if (line.heading) return 'other';
  if (line.speaker !== undefined) return line.text.trim() === '' || line.strong || line.startMs !== undefined ? 'other' : { key: line.speaker, value: line.text.trim() };
  return splitHeaderLine(line.text) ?? 'other';
}

/**
 * Otter, Rev and Teams exports open with a title line and often a date line
 * (`Mon, 4 March 2024 10:15AM • 45:12`) before the first turn: they become the title and the
 * date when the header gave none. The date line as written is kept under "Recorded".
 */
function readPreamble(items: Item[], metadata: ParsedMetadata): void {
  let seenTitle = false;
  for (const it of items) {
    if (it.kind === 'label' || it.kind === 'heading') return;
    if (it.kind !== 'plain' || it.standalone || isWholeBracketNote(it.text) || it.text.length > 150) continue;
    // `Keywords: whānau, mahi` is a detail line, kept as written, never the title.
    const detail = splitHeaderLine(it.text) !== undefined;
    if (!seenTitle && !detail && metadata.title === undefined && parseDate(dateOf(it.text)) === undefined) {
      metadata.title = it.text;
      it.kind = 'skip';
      seenTitle = true;
      continue;
    }
    seenTitle = true;
    const date = parseDate(dateOf(it.text));
    if (date !== undefined && metadata.date === undefined) {
      metadata.date = date;
      if (it.text !== date) metadata.other['Recorded'] = it.text;
      it.kind = 'skip';
    }
  }
}

/** The date part of `Mon, 4 March 2024 10:15AM • 45:12` or `March 4, 2024, 2:00PM`. */
function dateOf(line: string): string {
  return line
    .split(/\s[•·|]\s/)[0]!
    .replace(/,?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*$/i, '')
    .trim();
}

/** The paragraph's last line is a wrapped line in mid-sentence: long, and not ending a sentence or a title. */
function continuesSentence(open: Draft): boolean {
  const last = open.lines[open.lines.length - 1] ?? '';
  return last.length >= 40 && !/[.?!:;"”’)\]]$/.test(last);
}

function draftBlocks(items: Item[]): Draft[] {
  const counts = new Map<string, number>();
  for (const it of items) if (it.kind === 'label') counts.set(it.label!, (counts.get(it.label!) ?? 0) + 1);
  const drafts: Draft[] = [];
  /** The block later lines may still join: a turn (until another block starts) or a text paragraph (until a blank line). */
  let open: Draft | undefined;
  let blankBefore = true;

  for (const it of items) {
    const { at, text } = it;
    if (it.kind === 'skip') continue;
    if (it.kind === 'blank') {
      blankBefore = true;
      if (open?.kind === 'text' || it.endsTurn) open = undefined;
      continue;
    }
    const startsParagraph = blankBefore || open === undefined;
    blankBefore = false;

    if (it.kind === 'heading') {
      drafts.push({ kind: 'heading', lines: [text], at });
      open = undefined;
      continue;
    }
    // `Label: words` seen once, continuing a sentence of a hard-wrapped prose paragraph, is prose.
    const proseLabel =
      it.kind === 'label' && it.origin === 'prefix' && !startsParagraph && open?.kind === 'text' && counts.get(it.label!) === 1 && continuesSentence(open);
    if (it.kind === 'label' && !proseLabel) {
      open = { kind: 'turn', speaker: it.label!, lines: it.rest ? [it.rest] : [], at };
      if (it.startMs !== undefined) open.startMs = it.startMs;
      if (it.endMs !== undefined) open.endMs = it.endMs;
      drafts.push(open);
      continue;
    }
    if (it.standalone) {
      drafts.push({ kind: 'text', lines: [text], at });
      open = undefined;
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
