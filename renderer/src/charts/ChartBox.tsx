/**
 * One chart: ECharts loaded on first use (its own chunk), drawn on a canvas for the screen (real
 * names may show here). Export never copies the screen: the core draws the file's SVG from the
 * chart's data with export labels (pseudonyms); for PNG this view draws that SVG onto a canvas at
 * the scale the core asks, and the core checks and rebuilds the PNG before writing it. Both go
 * through the host's save dialog (the exports/ folder in the browser harness) and are audited.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChartImage, ChartSpec } from '../../../shared/domain/analysis';
import { useApi } from '../api/ApiProvider';
import { describeError } from '../api/errors';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ChartOption } from './options';

type ECharts = typeof import('./echarts-lazy')['echarts'];
type Instance = ReturnType<ECharts['init']>;

/** The core's chart SVG drawn onto a canvas at its scale, as a PNG data URL. */
async function rasterise(image: ChartImage): Promise<string> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width * image.scale;
  canvas.height = image.height * image.scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw the chart');
  ctx.scale(image.scale, image.scale);
  ctx.drawImage(img, 0, 0, image.width, image.height);
  return canvas.toDataURL('image/png');
}

interface Props {
  option: ChartOption;
  /** What the file holds: the core works out its data and export labels from this. */
  spec: ChartSpec;
  label: string;
  height: number;
  /** A line under the chart saying how to read it. */
  caption?: string | undefined;
}

export function ChartBox({ option, spec, label, height, caption }: Props) {
  const api = useApi();
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
    setNote(null);
    setError(null);
    try {
      const png = format === 'png' ? await rasterise(await api['chart-image']({ chart: spec })) : undefined;
      const r = await api['chart-save']({ chart: spec, format, ...(png ? { png } : {}) });
      if (r) setNote(`Saved ${r.path} (names as pseudonyms)`);
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
