/** The matrix as a table: each cell "n segs / p participants", shaded by segment count; a click opens the cell. */
import type { MatrixResult } from '../../../shared/domain/analysis';
import { blend, contrast, parseHex, textOn, toRgb, type Rgb } from '../format/contrast';
import { useTheme } from '../app/theme';

interface Props {
  m: MatrixResult;
  heat: boolean;
  selected: { codeId: number; colKey: string } | null;
  onCell: (codeId: number, colKey: string) => void;
}

const HEAT: Rgb = [59, 91, 214];
const SURFACE: Record<'light' | 'dark', Rgb> = { light: [255, 255, 255], dark: [30, 34, 42] };

/** The accent at a strength that grows with the count, made opaque over the page so its text can be chosen to read at 4.5:1. */
export function heatColour(n: number, max: number, scheme: 'light' | 'dark' = 'light'): { background: string; color: string } | undefined {
  if (!n || !max) return undefined;
  let alpha = 0.1 + 0.75 * (n / max);
  let bg = blend(HEAT, alpha, SURFACE[scheme]);
  // Near the middle neither white nor ink quite reaches 4.5:1: go a shade stronger until one does.
  while (contrast(bg, parseHex(textOn(bg))) < 4.6 && alpha < 1) bg = blend(HEAT, (alpha = Math.min(1, alpha + 0.02)), SURFACE[scheme]);
  return { background: toRgb(bg), color: textOn(bg) };
}

/** "14 segs / 4 participants", singular where it is one. */
export function cellText(c: { segments: number; participants: number }): string {
  return `${c.segments} seg${c.segments === 1 ? '' : 's'} / ${c.participants} participant${c.participants === 1 ? '' : 's'}`;
}

export function MatrixTable({ m, heat, selected, onCell }: Props) {
  const scheme = useTheme();
  return (
    <div className="matrix-wrap">
      <table className="matrix-table" data-testid="matrix-table">
        <caption className="visually-hidden">Codes by {m.colsLabel.toLowerCase()}: coded segments and distinct participants in each cell</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {m.cols.map((c) => (
              <th key={c.key} scope="col" title={c.label}>
                {c.label}
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {m.rows.map((r, i) => (
            <tr key={r.codeId}>
              <th scope="row" title={r.path}>
                <span className="code-swatch" style={{ background: r.color }} aria-hidden="true" />
                {r.name}
              </th>
              {m.cols.map((c, j) => {
                const cell = m.cells[i]?.[j] ?? { segments: 0, participants: 0 };
                const on = selected?.codeId === r.codeId && selected.colKey === c.key;
                return (
                  <td key={c.key}>
                    <button
                      type="button"
                      className={on ? 'matrix-cell is-selected' : 'matrix-cell'}
                      style={heat ? heatColour(cell.segments, m.maxSegments, scheme) : undefined}
                      disabled={!cell.segments}
                      aria-label={`${r.name}, ${c.label}: ${cell.segments} segments, ${cell.participants} participants`}
                      onClick={() => onCell(r.codeId, c.key)}
                    >
                      {cell.segments ? cellText(cell) : '–'}
                    </button>
                  </td>
                );
              })}
              <td className="matrix-total">{m.rowTotals[i]?.segments ? `${m.rowTotals[i]!.segments} / ${m.rowTotals[i]!.participants}` : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.cols.some((c) => c.key === '~no-speaker') && (
        <p className="field-help matrix-note">No speaker: coded text no one speaks (a session’s notes, prose, a report), so each row’s cells add up to its total.</p>
      )}
    </div>
  );
}
