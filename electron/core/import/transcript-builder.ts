/**
 * Assembles `ParsedTranscript.text` block by block and keeps every offset honest: each block's
 * range and each bracketed annotation's range is computed from the exact string appended, so
 * `text.slice(start, end)` always gives back what the parser put in.
 */
import type {
  BlockKind,
  ParsedAnnotation,
  ParsedBlock,
  ParsedMetadata,
  ParsedTranscript,
  SourceFormat,
} from '../../../shared/domain/transcript';

/** Separator between blocks in `text`; a block's own text never contains it. */
export const BLOCK_SEPARATOR = '\n\n';

export type BlockExtras = Pick<ParsedBlock, 'speaker' | 'startMs' | 'endMs' | 'respondsTo'>;

/**
 * A bracketed note: `[laughter]`, `[taps head]`. Not nested, not across lines, not empty, and not
 * a Markdown link `[label](url)`.
 */
const BRACKET_NOTE = /\[([^[\]\n]*[^[\]\s][^[\]\n]*)\](?!\()/g;

/** A paragraph that is one bracketed note and nothing else. */
const WHOLE_NOTE = /^\[[^[\]\n]*[^[\]\s][^[\]\n]*\]$/;

export function isWholeBracketNote(paragraph: string): boolean {
  return WHOLE_NOTE.test(paragraph.trim());
}

export class TranscriptBuilder {
  private text = '';
  readonly blocks: ParsedBlock[] = [];
  readonly annotations: ParsedAnnotation[] = [];
  readonly warnings: string[] = [];

  /**
   * Appends one block and returns its index. Blank lines inside `body` are collapsed so the
   * block separator stays unambiguous; a body that is empty after trimming adds nothing (-1).
   */
  add(kind: BlockKind, body: string, extras: BlockExtras = {}): number {
    const blockText = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
    if (blockText === '') return -1;

    if (this.text !== '') this.text += BLOCK_SEPARATOR;
    const start = this.text.length;
    this.text += blockText;
    const block: ParsedBlock = { kind, start, end: this.text.length };
    if (extras.speaker !== undefined) block.speaker = extras.speaker;
    if (extras.startMs !== undefined) block.startMs = extras.startMs;
    if (extras.endMs !== undefined) block.endMs = extras.endMs;
    if (extras.respondsTo !== undefined && extras.respondsTo.length > 0) block.respondsTo = [...extras.respondsTo];
    this.blocks.push(block);

    for (const m of blockText.matchAll(BRACKET_NOTE)) {
      const at = start + m.index;
      this.annotations.push({ start: at, end: at + m[0].length, text: (m[1] ?? '').trim() });
    }
    return this.blocks.length - 1;
  }

  warn(message: string): void {
    this.warnings.push(message);
  }

  build(format: SourceFormat, metadata: ParsedMetadata = { other: {} }): ParsedTranscript {
    return {
      format,
      text: this.text,
      blocks: this.blocks,
      annotations: this.annotations,
      metadata,
      warnings: this.warnings,
    };
  }
}
