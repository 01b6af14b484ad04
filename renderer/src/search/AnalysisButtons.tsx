/** The way into Search (Ctrl+F) and Queries & matrix from the title bar. */
import { ariaShortcut, shortcut } from '../format/keys';

interface Props {
  current: string;
  onSearch: () => void;
  onAnalyse: () => void;
}

export function AnalysisButtons({ current, onSearch, onAnalyse }: Props) {
  return (
    <>
      <button type="button" className="button button-small" aria-pressed={current === 'search'} onClick={onSearch} aria-keyshortcuts={ariaShortcut('f')} title={`Search transcripts (${shortcut('f')})`}>
        Search
      </button>
      <button type="button" className="button button-small" aria-pressed={current === 'analysis'} onClick={onAnalyse} title="Coding queries, matrix coding and charts">
        Queries &amp; matrix
      </button>
    </>
  );
}
