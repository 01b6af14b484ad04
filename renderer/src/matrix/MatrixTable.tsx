/** The matrix as a table: each cell "n segs / p participants", shaded by segment count; a click opens the cell. */
import type { MatrixResult } from '../../../shared/domain/analysis';

interface Props {
  m: MatrixResult;
  heat: boolean;
  selected: { codeId: number; colKey: string } | null;
  onCell: (codeId: number, colKey: string) => void;
}

export function heatColour(n: number, max: number): { background: string; color: string } | undefined {
  if (!n || !max) return undefined;
  const a = 0.1 + 0.75 * (n / max);
  return { background: `rgba(59, 91, 214, ${a.toFixed(3)})`, color: a > 0.5 ? '#fff' : 'var(--text)' };
}

/** "14 segs / 4 participants", singular where it is one. */
export function cellText(c: { segments: number; participants: number }): string {
  return `${c.segments} seg${c.segments === 1 ? '' : 's'} / ${c.participants} participant${c.participants === 1 ? '' : 's'}`;
}

export function MatrixTable({ m, heat, selected, onCell }: Props) {
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
                      style={heat ? heatColour(cell.segments, m.maxSegments) : undefined}
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
    </div>
  );
}
