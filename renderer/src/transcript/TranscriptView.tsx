/**
 * The transcript reader (and, next, the coding surface): one read-only Lexical editor holding the
 * whole source. Speech and annotations are SourceTextNodes that carry their source offsets;
 * speaker labels, timestamps and coding stripes are plain DOM beside them, outside every selection.
 *
 * The tree is built in one discrete update from a pure plan (offsets.ts), never as per-turn React
 * components: 2,000 turns reconcile in one pass. Text is only ever set as text nodes, never HTML.
 * The root is marked as talk (data-talk): a copy or drag of a selection goes through the export
 * gate (renderer/src/copy/), never as the raw words.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { SourceDetail } from '../../../shared/domain/project';
import type { TranscriptExportMark } from '../../../shared/domain/quotes-from';
import type { DateFormat } from '../../../shared/format/dates';
import { $buildDocument, $updateDocument, type DocIndex } from './build';
import { ExportMarksPlugin } from './ExportMarksPlugin';
import { ModeBand } from './ModeBand';
import { SourceTextNode, TranscriptBlockNode } from './nodes';
import { buildPlan, type TranscriptHighlight, type ParticipantNames } from './offsets';
import { allRuns, blockKeyAt, domRangeFor, reveal, selectSource } from './selection';
import { domSelectionToRange } from './selection-dom';
import './transcript.css';

export type SourceRange = { start: number; end: number };

export interface TranscriptViewProps {
  source: SourceDetail;
  participantsById?: ParticipantNames;
  onSelectionChange?: (range: SourceRange | null) => void;
  highlights?: TranscriptHighlight[];
  scrollTo?: { start: number; end: number; token: number };
  /** Talk that is never exported (withdrawn or restricted passages, withdrawn participants' turns), marked over the text. */
  exportMarks?: TranscriptExportMark[];
  dateFormat?: DateFormat;
}

const NO_HIGHLIGHTS: TranscriptHighlight[] = [];
const NO_MARKS: TranscriptExportMark[] = [];

const initialConfig = {
  namespace: 'focal-transcript',
  editable: false,
  nodes: [SourceTextNode, TranscriptBlockNode],
  theme: {},
  onError: (error: Error) => console.error('Transcript view:', error),
};

export function TranscriptView({ source, participantsById, onSelectionChange, highlights = NO_HIGHLIGHTS, scrollTo, exportMarks = NO_MARKS, dateFormat = 'nz' }: TranscriptViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const indexRef = useRef<DocIndex>([]);
  return (
    <div ref={rootRef} className={`tv-root tv-mode-${source.mode}`} data-testid="transcript-view" data-source-id={source.id} data-talk="">
      <ModeBand source={source} participantsById={participantsById} />
      <LexicalComposer initialConfig={initialConfig}>
        {/* A document, not a textbox: screen readers browse it (labels included) instead of treating it as one field. */}
        {/* A read-only multi-line text box: screen readers read it as text, the keyboard can reach it (Tab, or the skip link) to scroll and select. */}
        <ContentEditable id="transcript-text" className="tv-editor" role="textbox" aria-multiline aria-label={`Transcript: ${source.title}`} tabIndex={0} spellCheck={false} />
        <DocumentPlugin source={source} highlights={highlights} participantsById={participantsById} indexRef={indexRef} />
        <SelectionPlugin rootRef={rootRef} indexRef={indexRef} onSelectionChange={onSelectionChange} />
        <ExportMarksPlugin marks={exportMarks} dateFormat={dateFormat} indexRef={indexRef} />
        <ScrollToPlugin target={scrollTo} indexRef={indexRef} />
      </LexicalComposer>
    </div>
  );
}

interface DocumentPluginProps {
  source: SourceDetail;
  highlights: TranscriptHighlight[];
  participantsById: ParticipantNames | undefined;
  indexRef: RefObject<DocIndex>;
}

/** Keeps the editor in step with the source and highlights: whole rebuild for a new text, per-block patches otherwise. */
function DocumentPlugin({ source, highlights, participantsById, indexRef }: DocumentPluginProps) {
  const [editor] = useLexicalComposerContext();
  const plan = useMemo(() => buildPlan(source, highlights, participantsById), [source, highlights, participantsById]);
  const builtFor = useRef<string | null>(null);

  // A layout effect with a discrete update: the DOM is complete before the browser paints.
  useLayoutEffect(() => {
    const sameText = builtFor.current === source.text;
    // Patching a block replaces its text nodes, which drops a selection inside it: note it, put it back.
    const selected = sameText ? domSelectionToRange(window.getSelection(), editor.getRootElement(), indexRef.current) : null;
    const build = () => {
      const patched = sameText ? $updateDocument(source.text, plan, highlights, indexRef.current) : null;
      indexRef.current = patched ?? $buildDocument(source.text, plan, highlights);
      builtFor.current = source.text;
    };
    editor.update(build, { discrete: true });
    if (selected) {
      const now = domSelectionToRange(window.getSelection(), editor.getRootElement(), indexRef.current);
      if (!now || now.start !== selected.start || now.end !== selected.end) selectSource(editor, allRuns(indexRef.current), selected.start, selected.end);
    }
  }, [editor, plan, source.text, highlights, indexRef]);
  return null;
}

interface SelectionPluginProps {
  rootRef: RefObject<HTMLDivElement | null>;
  indexRef: RefObject<DocIndex>;
  onSelectionChange: ((range: SourceRange | null) => void) | undefined;
}

/**
 * Reports the selection as source offsets, and mirrors it on the root as data-selection="start:end"
 * for tests. Read from the DOM on every selectionchange (see selection-dom.ts for why not Lexical's).
 */
function SelectionPlugin({ rootRef, indexRef, onSelectionChange }: SelectionPluginProps) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onSelectionChange);
  useLayoutEffect(() => {
    latest.current = onSelectionChange;
  });
  useEffect(() => {
    let last = '';
    const report = () => {
      const range = domSelectionToRange(window.getSelection(), editor.getRootElement(), indexRef.current);
      const key = range ? `${range.start}:${range.end}` : '';
      if (key === last) return;
      last = key;
      if (range) rootRef.current?.setAttribute('data-selection', key);
      else rootRef.current?.removeAttribute('data-selection');
      latest.current?.(range);
    };
    document.addEventListener('selectionchange', report);
    // A rebuilt document (new source) can drop the selection without a selectionchange. Checked a
    // microtask later, after DocumentPlugin has put back a selection that a patch only disturbed.
    const stop = editor.registerUpdateListener(() => queueMicrotask(report));
    return () => {
      document.removeEventListener('selectionchange', report);
      stop();
    };
  }, [editor, indexRef, rootRef]);
  return null;
}

const FLASH_MS = 1600;

/** Brings a range into view and flashes it (CSS Custom Highlight where available, else the whole block). */
function ScrollToPlugin({ target, indexRef }: { target: TranscriptViewProps['scrollTo']; indexRef: RefObject<DocIndex> }) {
  const [editor] = useLexicalComposerContext();
  const token = target?.token;
  useEffect(() => {
    if (!target) return;
    const key = blockKeyAt(indexRef.current, target.start);
    const block = key ? editor.getElementByKey(key) : null;
    if (!block) return;
    const range = domRangeFor(editor, allRuns(indexRef.current), target.start, target.end);
    reveal(block, range);
    const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
    if (range && registry && typeof Highlight !== 'undefined') registry.set('tv-flash', new Highlight(range));
    else block.classList.add('tv-flash-block');
    const unflash = () => {
      registry?.delete('tv-flash');
      block.classList.remove('tv-flash-block');
    };
    const timer = window.setTimeout(unflash, FLASH_MS);
    return () => {
      window.clearTimeout(timer);
      unflash();
    };
    // Only a new token asks for a new scroll; the range travels with it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, token]);
  return null;
}
