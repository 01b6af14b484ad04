/**
 * chart-save is no general way out: the SVG is drawn by the core from the chart's data (nothing the
 * page sends reaches it), labels are escaped text, and a PNG must be exactly the chart's size with a
 * sound chunk structure; text and metadata chunks and anything after IEND or after the pixels are
 * refused or stripped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { SVG_ALLOWED } from '../../../electron/core/matrix/chart-svg';
import { testCore } from '../../support/core';

const ATTACK_LABELS = [
  '<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>',
  '<foreignObject><iframe src="https://evil.example"/></foreignObject>',
  '<a href="javascript:alert(1)">x</a>',
  '<set attributeName="href" to="javascript:alert(1)"/><animate xlink:href="#x" attributeName="href" values="javascript:alert(1)"/>',
  '"><image href="https://evil.example/p.png" onload="alert(1)"/><x y="',
  ']]><!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/passwd">]><?xml-stylesheet href="https://evil.example/s.css"?>',
  'style="fill:url(https://evil.example/#x)"',
  '<script>alert(1)</script>',
  '<animate attributeName="fill" to="red" begin="0s"/>',
  '&#x3C;script&#x3E; &lt;b&gt; \u0000\u0007 \ud800 control',
];

const PAGE_SVGS = [
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></body></foreignObject></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
  '<svg onload=alert(1)//>Aroha Ngata said...',
];

/** Every element and attribute of an SVG, parsed by a real XML parser; throws on anything else in it. */
function svgParts(svg: string) {
  const elements: Array<{ name: string; attributes: Record<string, string> }> = [];
  const extra: string[] = [];
  const texts: string[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => elements.push({ name: t.name, attributes: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])) }));
  p.on('processinginstruction', (pi) => extra.push(`pi:${pi.target}`));
  p.on('doctype', (d) => extra.push(`doctype:${d}`));
  p.on('cdata', () => extra.push('cdata'));
  p.on('comment', () => extra.push('comment'));
  p.on('text', (t) => texts.push(t));
  p.write(svg).close();
  return { elements, extra, texts: texts.join('') };
}

function expectOnlyChart(svg: string) {
  const { elements, extra } = svgParts(svg);
  expect(extra).toEqual([]);
  expect(elements[0]!.name).toBe('svg');
  for (const e of elements) {
    expect(Object.keys(SVG_ALLOWED)).toContain(e.name);
    for (const [k, v] of Object.entries(e.attributes)) {
      expect(SVG_ALLOWED[e.name]).toContain(k);
      if (k === 'xmlns') expect(v).toBe('http://www.w3.org/2000/svg');
      else expect(v).not.toMatch(/javascript:|url\(|https?:|&|</i);
    }
  }
}

/** A PNG built by hand: a chunk list with real CRCs (or a wrong one), RGBA pixels, optional extras. */
function chunk(type: string, data: Buffer, badCrc = false): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((crc32(body) ^ (badCrc ? 1 : 0)) >>> 0);
  return Buffer.concat([len, body, crc]);
}
const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
function png(w: number, h: number, o: { before?: Buffer[]; after?: Buffer[]; trailing?: Buffer; inZlib?: Buffer; badCrc?: boolean; ihdrSecond?: boolean } = {}): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(h * (w * 4 + 1), 0xff);
  for (let y = 0; y < h; y++) raw[y * (w * 4 + 1)] = 0;
  const idat = Buffer.concat([deflateSync(raw), o.inZlib ?? Buffer.alloc(0)]);
  const head = o.ihdrSecond ? [chunk('sRGB', Buffer.from([0])), chunk('IHDR', ihdr)] : [chunk('IHDR', ihdr)];
  return Buffer.concat([SIG, ...head, ...(o.before ?? []), chunk('IDAT', idat, o.badCrc), ...(o.after ?? []), chunk('IEND', Buffer.alloc(0)), o.trailing ?? Buffer.alloc(0)]);
}
const dataUrl = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
const chunkTypes = (b: Buffer) => {
  const out: string[] = [];
  for (let at = 8; at < b.length; at += 12 + b.readUInt32BE(at)) out.push(b.toString('latin1', at + 4, at + 8));
  return out;
};

describe('chart files', () => {
  const { api, core, path, dir } = testCore();
  let n = 0;
  const saveTo = (ext: string) => {
    const p = join(dir, `chart-${++n}.${ext}`);
    core.host.chooseExportPath = async () => p;
    return p;
  };
  const chart = { kind: 'frequency' as const };
  let size = { width: 0, height: 0 };

  beforeAll(async () => {
    await api['project-new']({ name: 'Charts', path: path('c.focal') });
    const frameId = (await api['frames-list']({}))[0]!.id;
    for (const name of ATTACK_LABELS) await api['code-create']({ frameId, name });
    const image = await api['chart-image']({ chart });
    size = { width: image.width * image.scale, height: image.height * image.scale };
  });

  it('chart-svg-sanitised: labels holding markup are text, never elements or attributes', async () => {
    for (const c of [chart, { kind: 'cooccurrence' as const }, { kind: 'matrix' as const, matrix: { cols: 'role' as const } }]) {
      const p = saveTo('svg');
      await api['chart-save']({ chart: c, format: 'svg' });
      const svg = readFileSync(p, 'utf8');
      expectOnlyChart(svg);
      if (c.kind !== 'frequency') continue;
      // Labels holding a web address become `Code N` (an undecided identifier); the others are printed, as text.
      const { labels } = await api['chart-image']({ chart: c });
      const shown = labels.filter((l) => l.startsWith('<') || l.includes('"'));
      expect(shown.length).toBeGreaterThanOrEqual(3);
      for (const l of shown) expect(svgParts(svg).texts).toContain(l.slice(0, 10));
    }
  });

  it('chart-svg-sanitised: an SVG sent by the page never reaches the file', async () => {
    const image = await api['chart-image']({ chart });
    for (const bad of PAGE_SVGS) {
      const p = saveTo('svg');
      const env = await core.call('chart-save', { chart, format: 'svg', data: bad, svg: bad, name: 'x' });
      if (env.ok) {
        const written = readFileSync(p, 'utf8');
        expect(written).toBe(image.svg);
        // (The project's code names hold these words too, but only as escaped text: `&lt;s:script`.)
        expect(written).not.toMatch(/<s:script|<script|<foreignObject|<set |<animate |<a |onload=alert|Aroha/);
        expectOnlyChart(written);
      } else expect(env.error.code).toBe('bad-input');
    }
  });

  it('a PNG of the chart’s size is rebuilt with only its image chunks', async () => {
    const secret = Buffer.from('Comment\0Aroha Ngata is participant 1', 'latin1');
    const input = png(size.width, size.height, {
      before: [chunk('tEXt', secret), chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0Aroha')), chunk('eXIf', Buffer.from('MM\0*Aroha')), chunk('sRGB', Buffer.from([0]))],
      after: [chunk('zTXt', Buffer.concat([Buffer.from('k\0\0'), deflateSync('Aroha')]))],
      inZlib: Buffer.from('Aroha Ngata hidden after the zlib stream'),
    });
    const p = saveTo('png');
    const saved = await api['chart-save']({ chart, format: 'png', png: dataUrl(input) });
    const out = readFileSync(p);
    expect(saved?.path).toBe(p);
    expect(chunkTypes(out)).toEqual(['IHDR', 'sRGB', 'IDAT', 'IEND']);
    expect(out.toString('latin1')).not.toMatch(/Aroha/);
    const row = (core.requireProject().db.prepare("SELECT format, profile, sha256 FROM exports WHERE destination = ?").get(p)) as { format: string; profile: string; sha256: string };
    expect(row).toMatchObject({ format: 'chart-png', profile: 'report' });
  });

  it('png-trailing-bytes-refused, and every other malformed PNG', async () => {
    const { width: w, height: h } = size;
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['trailing bytes after IEND', png(w, h, { trailing: Buffer.from('Aroha Ngata') }), /bytes follow the end/],
      ['a wrong CRC', png(w, h, { badCrc: true }), /checksum/],
      ['IHDR not first', png(w, h, { ihdrSecond: true }), /IHDR is not the first/],
      ['another size than the chart', png(w + 2, h), /not the \d+×\d+ chart/],
      ['no IEND', png(w, h).subarray(0, -12), /no IEND|cut short/],
      ['not a PNG at all', Buffer.from('<svg onload=alert(1)>'), /no PNG signature/],
      ['an SVG data URL', `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`, /not a PNG data URL/],
    ];
    for (const [what, bytes, message] of cases) {
      const p = saveTo('png');
      const data = typeof bytes === 'string' ? bytes : dataUrl(bytes);
      await expect(api['chart-save']({ chart, format: 'png', png: data }), what).rejects.toMatchObject({ code: 'bad-input', message: expect.stringMatching(message) });
      expect(() => readFileSync(p), what).toThrow();
    }
    await expect(api['chart-save']({ chart, format: 'png' })).rejects.toMatchObject({ code: 'bad-input' });
  });
});
