/**
 * Plain-text transcripts (.txt): optional `Key: value` header lines, then `Speaker: words`
 * turns, bracketed notes and free paragraphs. The rules live in blocks-from-paragraphs.ts so
 * that Markdown and Word follow exactly the same ones.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { blocksFromParagraphs } from './blocks-from-paragraphs';
import { TranscriptBuilder } from './transcript-builder';

/** `text` is already decoded (see decode.ts): NFC with "\n" line endings. */
export function parsePlainText(text: string): ParsedTranscript {
  const builder = new TranscriptBuilder();
  const lines = text.split('\n').map((line) => ({ text: line }));
  const metadata = blocksFromParagraphs(lines, builder, { unit: 'line' });
  return builder.build('txt', metadata);
}
