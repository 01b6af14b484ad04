/**
 * A source's title: the file's own (a `Title:` header, an Otter/Rev title line), else its first
 * heading, else the file name without its extension. The import result says which, so the person
 * knows when to change it.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';

export type TitleSource = 'file' | 'heading' | 'file name';

/** Longer headings are a sentence set in a heading style, not a title. */
const MAX_HEADING_TITLE = 200;

export function transcriptTitle(parsed: ParsedTranscript, fileName: string): { title: string; from: TitleSource } {
  const own = parsed.metadata.title?.trim();
  if (own) return { title: own, from: 'file' };
  const heading = parsed.blocks.find((b) => b.kind === 'heading');
  if (heading) {
    const text = parsed.text.slice(heading.start, heading.end).replace(/\s+/g, ' ').trim();
    if (text !== '' && text.length <= MAX_HEADING_TITLE) return { title: text, from: 'heading' };
  }
  return { title: fileName.replace(/\.[^.]+$/, ''), from: 'file name' };
}
