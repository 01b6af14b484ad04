/**
 * Markdown transcripts (.md). Lines are mapped to the shared paragraph model:
 * `#` headings (and `===`/`---` underlined ones) become headings, `**Name:**` / `**Name**:` /
 * `_Name:_` speaker labels lose their emphasis markers (only there: everything else is kept as
 * written), thematic breaks separate paragraphs, and YAML-style `---` front matter is header lines.
 */
import type { ParsedTranscript } from '../../../shared/domain/transcript';
import { blocksFromParagraphs, type SourceLine } from './blocks-from-paragraphs';
import { splitHeaderLine, type HeaderLine } from './header-lines';
import { looksLikeSpeakerLabel } from './speaker-label';
import { TranscriptBuilder } from './transcript-builder';

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
/** `**Name:** words`, `**Name**: words`, `__Name:__`, `*Name*:`, `_Name:_`. */
const EMPHASISED_SPEAKER = /^(\*\*|__|\*|_)([^*_:]+?)(?::\1|\1[ \t]*:)(?:[ \t]+|$)(.*)$/u;

export function parseMarkdown(text: string): ParsedTranscript {
  const builder = new TranscriptBuilder();
  const rawLines = text.split('\n');
  const { frontMatter, bodyStart } = readFrontMatter(rawLines);

  const lines: SourceLine[] = [];
  for (const raw of rawLines.slice(bodyStart)) {
    const previous = lines[lines.length - 1];
    if (SETEXT_UNDERLINE.test(raw) && previous && previous.text.trim() !== '' && !previous.heading && previous.speaker === undefined) {
      previous.heading = true;
      continue;
    }
    if (THEMATIC_BREAK.test(raw)) {
      lines.push({ text: '' });
      continue;
    }
    const heading = ATX_HEADING.exec(raw);
    if (heading) {
      lines.push({ text: heading[1] ?? '', heading: true });
      continue;
    }
    lines.push(emphasisedSpeaker(raw) ?? { text: raw });
  }
  // An empty `#` heading has nothing to show.
  const kept = lines.filter((l) => !(l.heading && l.text.trim() === ''));

  const metadata = blocksFromParagraphs(kept, builder, frontMatter ? { unit: 'line', frontMatter } : { unit: 'line' });
  return builder.build('md', metadata);
}

function emphasisedSpeaker(raw: string): SourceLine | undefined {
  const m = EMPHASISED_SPEAKER.exec(raw.trim());
  if (!m || m[2] === undefined) return undefined;
  const label = m[2].trim();
  return looksLikeSpeakerLabel(label) ? { speaker: label, text: m[3] ?? '', whole: raw.trim() } : undefined;
}

/** `---` on the first line opens front matter; the next `---` (or `...`) closes it. */
function readFrontMatter(lines: string[]): { frontMatter?: HeaderLine[]; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { bodyStart: 0 };
  const close = lines.findIndex((l, i) => i > 0 && (l.trim() === '---' || l.trim() === '...'));
  if (close < 0) return { bodyStart: 0 };
  const frontMatter = lines
    .slice(1, close)
    .map((l) => splitHeaderLine(l))
    .filter((h): h is HeaderLine => h !== undefined)
    .map((h) => ({ key: h.key, value: h.value.replace(/^(["'])(.*)\1$/, '$2') }));
  return { frontMatter, bodyStart: close + 1 };
}
