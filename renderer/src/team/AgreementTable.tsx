/** The agreement table: one row per code × source, pooled rows per code and overall; sortable, coloured by kappa band. */
import { useMemo, useState } from 'react';
import type { AgreementReport, AgreementRow } from '../../../shared/api/calls-team';
import { BAND_LABEL, fig, pct } from './useTeam';

type Key = 'code' | 'source' | 'units' | 'percentAgreement' | 'kappa' | 'alpha' | 'codedAgreement';

const COLUMNS: Array<[Key, string]> = [
  ['code', 'Code'],
  ['source', 'Source'],
  ['units', 'Units'],
  ['percentAgreement', 'Agreement'],
  ['kappa', 'Kappa'],
  ['alpha', 'Alpha'],
  ['codedAgreement', 'Coded units only'],
];

function value(r: AgreementRow, k: Key): string | number {
  if (k === 'code') return r.code ?? '';
  if (k === 'source') return r.sourceTitle ?? '';
  return r[k] ?? -Infinity;
}

export function AgreementTable({ report, onOpen }: { report: AgreementReport; onOpen: (row: AgreementRow) => void }) {
  const [sort, setSort] = useState<{ key: Key; dir: 1 | -1 }>({ key: 'code', dir: 1 });
  const [pooled, setPooled] = useState(false);
  const rows = useMemo(() => {
    const list = [...(pooled ? report.pooled : report.rows)];
    list.sort((a, b) => {
      const x = value(a, sort.key);
      const y = value(b, sort.key);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'en-NZ') : x - (y as number);
      return c * sort.dir || (a.code ?? '').localeCompare(b.code ?? '') || (a.sourceTitle ?? '').localeCompare(b.sourceTitle ?? '');
    });
    return list;
  }, [report, sort, pooled]);
  const two = report.coders.length === 2;
  return (
    <>
      <div className="team-table-options">
        <label className="checkbox">
          <input type="checkbox" checked={pooled} onChange={(e) => setPooled(e.target.checked)} /> One row per code (pooled over sources, weighted by units)
        </label>
      </div>
      <table className="team-table" aria-label="Agreement by code and source">
        <thead>
          <tr>
            {COLUMNS.filter(([k]) => two || k !== 'kappa').map(([k, label]) => (
              <th key={k} scope="col" aria-sort={sort.key === k ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                <button type="button" className="team-sort" onClick={() => setSort((s) => ({ key: k, dir: s.key === k ? ((-s.dir) as 1 | -1) : k === 'code' || k === 'source' ? 1 : -1 }))}>
                  {label}
                  <span aria-hidden="true">{sort.key === k ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.codeId}:${r.sourceId ?? 'all'}`} className={`team-band-${r.band}`} title={`Kappa band: ${BAND_LABEL[r.band]}`}>
              <th scope="row">{r.code}</th>
              <td>
                {r.sourceId === null ? (
                  'All sources'
                ) : (
                  <button type="button" className="link-button" onClick={() => onOpen(r)} aria-label={`Open ${r.code} in ${r.sourceTitle} with each coder's coding`}>
                    {r.sourceTitle}
                  </button>
                )}
              </td>
              <td className="num">{r.units.toLocaleString('en-NZ')}</td>
              <td className="num">{pct(r.percentAgreement)}</td>
              {two && <td className="num team-kappa">{fig(r.kappa)}</td>}
              <td className="num">{fig(r.alpha)}</td>
              <td className="num">{pct(r.codedAgreement)}</td>
            </tr>
          ))}
        </tbody>
        {report.overall && (
          <tfoot>
            <tr className={`team-band-${report.overall.band}`}>
              <th scope="row">Overall</th>
              <td>All codes and sources</td>
              <td className="num">{report.overall.units.toLocaleString('en-NZ')}</td>
              <td className="num">{pct(report.overall.percentAgreement)}</td>
              {two && <td className="num">{fig(report.overall.kappa)}</td>}
              <td className="num">{fig(report.overall.alpha)}</td>
              <td className="num">{pct(report.overall.codedAgreement)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </>
  );
}
