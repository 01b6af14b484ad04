/** Search hits in a virtual list: only the rows in view are in the page, however many there are. */
import { PlayAt, useMediaTimes } from '../media/PlayFrom';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../shared/domain/analysis';
import { searchSpanStarts, talkProps, UNMAPPED_TALK } from '../copy/TalkText';

interface Props {
  hits: SearchHit[];
  total: number;
  onOpen: (hit: SearchHit, opts?: { play?: boolean }) => void;
  onNearEnd: () => void;
}

export function SearchResults({ hits, total, onOpen, onNearEnd }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const media = useMediaTimes(hits.map((h) => h.sourceId));
  const v = useVirtualizer({ count: hits.length, getScrollElement: () => scrollRef.current, estimateSize: () => 92, overscan: 6 });
  const items = v.getVirtualItems();
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (hits.length < total && last >= hits.length - 15) onNearEnd();
  }, [last, hits.length, total, onNearEnd]);

  return (
    <div ref={scrollRef} className="search-results pane-scroll" data-testid="search-results">
      <ol className="search-list" style={{ height: v.getTotalSize() }} aria-label="Search results">
        {items.map((item) => {
          const h = hits[item.index] as SearchHit;
          const starts = searchSpanStarts(h);
          return (
            <li key={`${h.blockId}`} data-index={item.index} ref={v.measureElement} className="search-hit" style={{ transform: `translateY(${item.start}px)` }}>
              <button type="button" className="search-hit-button" onClick={() => onOpen(h)} title="Open the transcript at this place">
                <span className="search-hit-meta">
                  <span className="search-hit-speaker">{h.speaker ? (h.speaker.name ?? h.speaker.label) : kindLabel(h.blockKind)}</span>
                  <span className="search-hit-source">{h.sourceTitle}</span>
                  {h.mode === 'tikanga' && <span className="badge badge-tikanga">Tikanga-based</span>}
                </span>
                <span className="search-hit-text" {...(starts ? talkProps(h.sourceId) : UNMAPPED_TALK)}>
                  {h.clippedStart && '…'}
                  {h.context.map((s, i) =>
                    s.hit ? (
                      <mark key={i} data-start={starts?.[i]}>
                        {s.text}
                      </mark>
                    ) : (
                      <span key={i} data-start={starts?.[i]}>
                        {s.text}
                      </span>
                    ),
                  )}
                  {h.clippedEnd && '…'}
                </span>
              </button>
              <PlayAt info={media.get(h.sourceId)} offset={h.matches[0]?.start ?? h.blockStart} onPlay={() => onOpen(h, { play: true })} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const kindLabel = (k: SearchHit['blockKind']) => (k === 'note' ? 'Note' : k === 'heading' ? 'Heading' : 'Text');
