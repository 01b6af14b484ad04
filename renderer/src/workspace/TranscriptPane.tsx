/**
 * The middle pane: the selected transcript in the transcript view (mapped speakers shown by their
 * participants' names), with the active frame's codings as highlights and stripes, the coding
 * bar, a Details toggle for its metadata and removing it, and its memo.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useApi } from '../api/ApiProvider';
import { useDateFormat } from '../app/AppContext';
import { CODE_DRAG_TYPE } from '../codes/CodeTree';
import { useCoding } from '../codes/CodingContext';
import { EmptyState } from '../components/EmptyState';
import { ErrorMessage } from '../components/ErrorMessage';
import { PaneHeader } from '../components/PaneHeader';
import { SourceDetails } from '../sources/SourceDetails';
import { GlossaryHover } from '../glossary/GlossaryHover';
import { MaskedNotice } from '../tikanga/MaskedNotice';
import { TikangaPanel } from '../tikanga/TikangaPanel';
import { CorrectTranscript } from '../transcript/CorrectTranscript';
import { SelectionBar } from '../transcript/SelectionBar';
import { TranscriptView, type SourceRange } from '../transcript/TranscriptView';
import { targetFor } from '../transcript/coding-plan';
import { useTranscriptCoding } from '../transcript/useTranscriptCoding';
import { useProjectData } from './useProjectData';
import { PassageActions } from '../consent/PassageActions';

interface TranscriptPaneProps {
  id: string;
  sourceId: number | null;
  /** A place to bring into view (retrieval's jump); a new token asks again. */
  jump: { sourceId: number; start: number; end: number; token: number } | null;
  onRemoved: () => void;
}

export function TranscriptPane({ id, sourceId, jump, onRemoved }: TranscriptPaneProps) {
  const api = useApi();
  const coding = useCoding();
  const dateFormat = useDateFormat();
  // The core masks restricted passages unless the working frame is a kaupapa Māori one.
  const frameId = coding.frameId;
  const load = useCallback(
    () => (sourceId === null ? Promise.resolve(null) : api['source-get']({ sourceId, ...(frameId !== null ? { frameId } : {}) })),
    [api, sourceId, frameId],
  );
  const { data: source, error } = useProjectData(load, ['sources']);
  const loadPeople = useCallback(() => api['participants-list']({}), [api]);
  const { data: people } = useProjectData(loadPeople, ['participants']);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [tikangaOpen, setTikangaOpen] = useState(false);
  // "Correct transcript" mode: turns as plain text fields, saved through source-correct.
  const [correcting, setCorrecting] = useState(false);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const shown = source && source.id === sourceId ? source : null;
  const viewRef = useRef<HTMLDivElement>(null);

  const participantsById = useMemo(() => new Map((people ?? []).map((p) => [p.id, { name: p.name, pseudonym: p.pseudonym }])), [people]);
  const groups = useMemo(() => (people ?? []).filter((p) => p.kind === 'group'), [people]);
  const { codings, highlights, turns, codeMap } = useTranscriptCoding(shown, coding.frameId, coding.codes, dateFormat);
  // Never-exported talk (withdrawn/restricted passages, withdrawn participants' turns), marked in
  // the view. Asked for once the view is up, so it never queues ahead of the text and codings.
  const viewReady = shown !== null && highlights !== null;
  const loadMarks = useCallback(
    () => (sourceId === null || !viewReady ? Promise.resolve(null) : api['transcript-export-marks']({ sourceId })),
    [api, sourceId, viewReady],
  );
  const { data: exportMarks } = useProjectData(loadMarks, ['consent', 'sources', 'participants']);

  const { setTarget } = coding;
  // A selection in the view is the coding target. When it goes because the person clicked
  // elsewhere (the code tree), the target stays, so a click on a code can still code it.
  const onSelectionChange = useCallback(
    (range: SourceRange | null) => {
      if (!shown) return;
      setSelection(range);
      if (range) setTarget(targetFor(shown, turns, range, null));
    },
    [shown, turns, setTarget],
  );
  // A caret (no range) inside a turn targets that turn, for "Code turn".
  useEffect(() => {
    if (!shown) return;
    const onChange = () => {
      const sel = window.getSelection();
      const root = viewRef.current;
      if (!sel || !root || !sel.isCollapsed || !sel.anchorNode || !root.contains(sel.anchorNode)) return;
      const el = sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode.parentElement;
      const blockId = Number(el?.closest<HTMLElement>('[data-block-id]')?.dataset.blockId);
      const turn = turns.find((b) => b.id === blockId);
      setTarget(turn ? targetFor(shown, turns, null, turn.start) : null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [shown, turns, setTarget]);
  // A different transcript: nothing of the old one stays targeted, and correcting ends.
  useEffect(() => {
    setCorrecting(false);
    if (coding.target && coding.target.sourceId !== sourceId) setTarget(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sourceId]);

  // Clicking a speaker's name selects that whole turn.
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const who = (e.target as Element).closest('.tv-who');
    const body = who?.closest('.tv-block')?.querySelector('.tv-body');
    if (!body) return;
    const range = document.createRange();
    range.selectNodeContents(body);
    const sel = window.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  };

  // A code dragged from the tree codes the selection it is dropped on, else the turn under the pointer.
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes(CODE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const codeId = Number(e.dataTransfer.getData(CODE_DRAG_TYPE));
    if (!codeId || !shown) return;
    e.preventDefault();
    const t = coding.target?.sourceId === shown.id ? coding.target : null;
    if (t?.range) {
      void coding.apply(codeId, 'auto', t);
      return;
    }
    const blockId = Number((e.target as Element).closest<HTMLElement>('[data-block-id]')?.dataset.blockId);
    const turn = turns.find((b) => b.id === blockId);
    const turnTarget = turn ? targetFor(shown, turns, null, turn.start) : null;
    if (turnTarget) void coding.apply(codeId, 'turn', turnTarget);
    else coding.notify('Drop a code on a selected passage or on a speaker turn.');
  };

  const scrollTo = jump && shown && jump.sourceId === shown.id ? jump : undefined;

  return (
    <section id={id} className="pane pane-main" aria-labelledby="transcript-heading">
      <PaneHeader id="transcript-heading" title={shown?.title ?? 'Transcript'}>
        {shown && (
          <>
            <button type="button" className="button button-small" onClick={() => coding.openMemo({ kind: 'source', id: shown.id, label: `Transcript: ${shown.title}` })}>
              Memo
            </button>
            <button
              type="button"
              className="button button-small"
              aria-expanded={detailsOpen}
              aria-controls="source-details"
              onClick={() => setDetailsOpen((open) => !open)}
            >
              Details
            </button>
          </>
        )}
        {shown && (
          <button type="button" className="button button-small correct-toggle" aria-pressed={correcting} aria-label="Correct transcript" onClick={() => setCorrecting((on) => !on)} title="Correct transcript: fix typos and mis-heard words, one turn at a time; codings stay on their words">
            Correct
          </button>
        )}
        {shown && (
          <button type="button" className="button button-small" aria-expanded={tikangaOpen} aria-controls="source-tikanga" onClick={() => setTikangaOpen((open) => !open)}>
            {shown.mode === 'tikanga' ? 'Tikanga' : 'Frames'}
          </button>
        )}
      </PaneHeader>
      {/* Both bars together at the top; details, frames and the text scroll below them. */}
      {shown && !correcting && <SelectionBar sourceId={shown.id} codings={codings} codeMap={codeMap} />}
      {shown && !correcting && <PassageActions sourceId={shown.id} selection={selection} />}
      <div ref={viewRef} className="pane-scroll transcript-scroll" onClick={onClick} onDragOver={onDragOver} onDrop={onDrop}>
        {sourceId === null && <EmptyState>Select a transcript on the left to read and code it.</EmptyState>}
        {sourceId !== null && <ErrorMessage message={error} />}
        {shown && detailsOpen && <SourceDetails id="source-details" source={shown} groups={groups} onRemoved={onRemoved} />}
        {shown && tikangaOpen && <TikangaPanel id="source-tikanga" source={shown} people={people ?? []} selection={selection} />}
        {shown && <MaskedNotice source={shown} />}
        {shown && correcting && <CorrectTranscript source={shown} participantsById={participantsById} frameId={frameId} onClose={() => setCorrecting(false)} />}
        {shown && highlights && !correcting && (
          <GlossaryHover text={shown.text}>
            <TranscriptView
              key={shown.id}
              source={shown}
              participantsById={participantsById}
              highlights={highlights}
              onSelectionChange={onSelectionChange}
              {...(scrollTo ? { scrollTo } : {})}
              {...(exportMarks ? { exportMarks } : {})}
              dateFormat={dateFormat}
            />
          </GlossaryHover>
        )}
      </div>
    </section>
  );
}
