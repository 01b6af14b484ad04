/**
 * One chart: ECharts loaded on first use (its own chunk), drawn on a canvas; exported as PNG
 * (the canvas at 2×) or SVG (the same option drawn by the SVG renderer, server-side style).
 * In the browser the file downloads; in the desktop app the host's save dialog asks where.
 */
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { useAppContext } from '../app/AppContext';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ChartOption } from './options';

type ECharts = typeof import('./echarts-lazy')['echarts'];
type Instance = ReturnType<ECharts['init']>;

interface Props {
  option: ChartOption;
  name: string;
  label: string;
  height: number;
  /** A line under the chart saying how to read it. */
  caption?: string | undefined;
}

export function ChartBox({ option, name, label, height, caption }: Props) {
  const api = useApi();
  const { info } = useAppContext();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<{ lib: ECharts; instance: Instance } | null>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    import('./echarts-lazy').then(
      ({ echarts }) => {
        if (!live || !el.current) return;
        chart.current = { lib: echarts, instance: echarts.init(el.current, null, { renderer: 'canvas' }) };
        setReady(true);
      },
      (e: unknown) => live && setError(`The chart library could not be loaded (${describeError(e)}).`),
    );
    const observer = new ResizeObserver(() => chart.current?.instance.resize());
    if (el.current) observer.observe(el.current);
    return () => {
      live = false;
      observer.disconnect();
      chart.current?.instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.instance.setOption(option, { notMerge: true });
  }, [ready, option]);

  const save = async (format: 'png' | 'svg') => {
    const c = chart.current;
    if (!c) return;
    setNote(null);
    setError(null);
    let data: string;
    if (format === 'png') data = c.instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    else {
      const svg = c.lib.init(null, null, { renderer: 'svg', ssr: true, width: el.current?.clientWidth ?? 800, height });
      svg.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
      data = svg.renderToSVGString();
      svg.dispose();
    }
    const file = `${name}.${format}`;
    if (info.platform === 'web') {
      const a = document.createElement('a');
      a.href = format === 'png' ? data : URL.createObjectURL(new Blob([data], { type: 'image/svg+xml' }));
      a.download = file;
      document.body.append(a);
      a.click();
      a.remove();
      if (format === 'svg') setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      setNote(`Downloaded ${file}`);
      return;
    }
    try {
      const r = await api['chart-save']({ name, format, data });
      if (r) setNote(`Saved ${r.path}`);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <figure className="chart-box">
      <div className="chart-actions">
        <button type="button" className="button button-small" disabled={!ready} onClick={() => void save('png')}>
          Export PNG
        </button>
        <button type="button" className="button button-small" disabled={!ready} onClick={() => void save('svg')}>
          Export SVG
        </button>
        {note && <span className="search-summary">{note}</span>}
      </div>
      <ErrorMessage message={error} />
      <div ref={el} className="chart-canvas" style={{ height }} role="img" aria-label={label} data-testid="chart" />
      {!ready && !error && <p className="search-summary">Loading the chart…</p>}
      {caption && <figcaption className="search-summary">{caption}</figcaption>}
    </figure>
  );
}
