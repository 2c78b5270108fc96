import { existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import bwipjs from 'bwip-js';
import { describe, expect, it } from 'vitest';
import { carrierFor, offlineCarrier } from './carrier.ts';
import {
  drawableText,
  type LabelInput,
  pickFace,
  renderReturnLabel,
  slipDate,
  winAnsiCovers,
} from './label-pdf.ts';

const input: LabelInput = {
  store_name: 'Nordlicht Outdoor GmbH',
  rma: 'R-2026-000123',
  qr_payload: 'https://returns.example/r/R-2026-000123',
  created_at: '2026-03-05T09:30:00+01:00',
  method: 'label',
  carrier: 'DHL',
  tracking_number: 'JD014600006751234567',
  from: {
    name: 'Иван Петров',
    line1: 'ул. Ленина 5',
    line2: null,
    city: 'Москва',
    region: null,
    postal_code: '101000',
    country: 'RU',
  },
  to: {
    name: 'Nordlicht Returns',
    line1: 'Invalidenstr. 1',
    line2: null,
    city: 'Berlin',
    region: null,
    postal_code: '10115',
    country: 'DE',
  },
  lines: [
    {
      sku: 'JUMPER-M-BLUE',
      title: 'Wool jumper',
      variant: 'M / Blue',
      quantity: 2,
      reason: 'size_too_small',
    },
    { sku: 'CAP-1', title: 'Шапка 帽子', variant: null, quantity: 1, reason: 'defective' },
  ],
  language: 'en',
};

// The CJK faces label-pdf.ts looks for; Japanese and Chinese slips need one of them.
const CJK_FACES = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

/** The slip's text with its wrapped lines joined again (pdfkit may keep the space it breaks at). */
const flat = (page: string) => page.replace(/ ?\n/g, ' ');

// A small reader for what pdfkit writes, so the test needs no PDF library: inflate every stream, map
// font resources (/F1 ...) to their ToUnicode CMap (embedded fonts) or WinAnsi (standard fonts), and
// decode the hex strings of each TJ. Returns one string per page.
function extractText(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; stream: string | null }>();
  for (const m of src.matchAll(
    /\n(\d+) 0 obj\n(<<[\s\S]*?>>)\n(?:stream\n([\s\S]*?)\nendstream\n)?endobj/g,
  )) {
    const [, id = '', dict = '', raw] = m;
    const stream = raw === undefined ? null : dict.includes('/FlateDecode') ? inflate(raw) : raw;
    objects.set(id, { dict, stream });
  }
  const fonts = new Map<string, Map<number, string> | null>();
  for (const [, name = '', id = ''] of src.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id)?.dict ?? '')?.[1];
    fonts.set(name, toUnicode ? cmap(objects.get(toUnicode)?.stream ?? '') : null);
  }
  const pages = [...src.matchAll(/\/Type \/Page\n[\s\S]*?\/Contents (\d+) 0 R/g)].map((m) => m[1] ?? '');
  return pages.map((id) => {
    let font: Map<number, string> | null = null;
    let out = '';
    const ops = /\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d. ])*)\] TJ/g;
    for (const m of (objects.get(id)?.stream ?? '').matchAll(ops)) {
      if (m[1]) font = fonts.get(m[1]) ?? null;
      else for (const [, hex = ''] of (m[2] ?? '').matchAll(/<([0-9a-f]*)>/g)) out += decode(hex, font);
      if (m[2] !== undefined) out += '\n';
    }
    return out;
  });
}

function inflate(raw: string): string {
  try {
    return inflateSync(Buffer.from(raw, 'latin1')).toString('latin1');
  } catch {
    return '';
  }
}

function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, start = '0', list = ''] of text.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/g)) {
    [...list.matchAll(/<([0-9a-f]+)>/g)].forEach((u, i) => {
      map.set(Number.parseInt(start, 16) + i, String.fromCodePoint(Number.parseInt(u[1] ?? '0', 16)));
    });
  }
  return map;
}

function decode(hex: string, font: Map<number, string> | null): string {
  const width = font ? 4 : 2;
  let s = '';
  for (let i = 0; i < hex.length; i += width) {
    const code = Number.parseInt(hex.slice(i, i + width), 16);
    s += font ? (font.get(code) ?? '\uFFFD') : String.fromCharCode(code);
  }
  return s;
}

// The barcodes are vector drawings, each in its own `q ... cm ... Q` block of page 1. These read
// them back the way a scanner would: Code 128 as its run of bar and space widths (in modules), QR as
// its module matrix (even-odd fill of the drawn polygons, sampled at each module's centre). Both are
// compared with bwip-js's own encoding of the same text.
function barcodeBlocks(pdf: Buffer): string[] {
  const src = pdf.toString('latin1');
  const streams = [...src.matchAll(/stream\n([\s\S]*?)\nendstream/g)].map((m) => inflate(m[1] ?? ''));
  const page = streams.find((s) => s.includes(' cm')) ?? '';
  return [...page.matchAll(/\nq\n1 0 0 1 [\d.]+ [\d.]+ cm\n[\d.]+ 0 0 [\d.]+ 0 0 cm\n([\s\S]*?)\nQ\n/g)].map(
    (m) => m[1] ?? '',
  );
}

function code128Widths(block: string): number[] {
  const bars = [...block.matchAll(/([\d.]+) [\d.]+ m\n[\d.]+ [\d.]+ l\n([\d.]+) w/g)]
    .map((m) => ({ x: Number(m[1]), w: Number(m[2]) }))
    .sort((a, b) => a.x - b.x);
  const widths: number[] = [];
  bars.forEach((bar, i) => {
    const prev = bars[i - 1];
    if (prev) widths.push((bar.x - bar.w / 2 - (prev.x + prev.w / 2)) / 2); // the space before it
    widths.push(bar.w / 2); // drawn at scale 2: two units per module
  });
  return widths;
}

function qrModules(block: string, n: number): number[] {
  const polys = block
    .split('\nh')
    .map((p) => [...p.matchAll(/([\d.]+) ([\d.]+) [ml]/g)].map((m) => [Number(m[1]), Number(m[2])] as const))
    .filter((p) => p.length > 0);
  const unit = Math.max(...polys.flat().map(([x]) => x)) / n;
  const modules: number[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const [px, py] = [(col + 0.5) * unit, (row + 0.5) * unit];
      let inside = false;
      for (const poly of polys) {
        poly.forEach(([x1, y1], i) => {
          const [x2, y2] = poly[(i + 1) % poly.length] ?? [x1, y1];
          if (y1 > py !== y2 > py && px < x1 + ((py - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
        });
      }
      modules.push(inside ? 1 : 0);
    }
  }
  return modules;
}

describe('renderReturnLabel', () => {
  it('draws a two-page label + packing slip with the RMA as text, Code 128 and QR', async () => {
    const pdf = await renderReturnLabel(input);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    const src = pdf.toString('latin1');
    expect(src.match(/\/Type \/Page\n/g)).toHaveLength(2);
    expect(src).toMatch(/\/Count 2\n/);
    expect(src).not.toContain('/Subtype /Image'); // barcodes are vectors, not pictures

    const [bars, qr] = barcodeBlocks(pdf);
    const code128 = bwipjs.raw('code128', input.rma, '')[0];
    expect(code128 && 'sbs' in code128).toBe(true);
    if (code128 && 'sbs' in code128) expect(code128Widths(bars ?? '')).toEqual(code128.sbs);
    const matrix = bwipjs.raw('qrcode', input.qr_payload, '')[0];
    expect(matrix && 'pixs' in matrix).toBe(true);
    if (matrix && 'pixs' in matrix) expect(qrModules(qr ?? '', matrix.pixx)).toEqual(matrix.pixs);

    const [label = '', slip = ''] = extractText(pdf);
    expect(label).toContain('R-2026-000123\n');
    expect(label).toContain('JD014600006751234567\n');
    expect(label).toContain('10115 Berlin\n');
    expect(slip).toContain('2 x Wool jumper (M / Blue)\n');
    expect(slip).toContain('SKU JUMPER-M-BLUE | Reason: Too small\n');
    expect(flat(slip)).toContain('4. Prepaid label: hand the parcel to the carrier.');
  });

  it('draws each run in the first face that has all its characters, and ? where none has', async () => {
    const [label = '', slip = ''] = extractText(await renderReturnLabel(input));
    const dejavu = existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
    const cjk = existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc');
    // The Russian name needs Cyrillic: DejaVu or, failing it, the CJK face (which covers Cyrillic too).
    expect(label).toContain(dejavu || cjk ? 'Иван Петров\n' : '???? ??????\n');
    // Mixed Cyrillic and Chinese goes to the face with both, when there is one.
    if (cjk) expect(slip).toContain('1 x Шапка 帽子\n');
    else if (dejavu) expect(slip).toContain('1 x Шапка ??\n');
    else expect(slip).toContain('1 x ????? ??\n');
  });

  it('picks the face per run: Latin stays in the first face, CJK moves on, nothing covered gives ?', () => {
    const latin = { regular: 'a', bold: 'a-b', covers: winAnsiCovers };
    const cjk = {
      regular: 'c',
      bold: 'c',
      covers: (cp: number) => cp < 0x3000 || (cp >= 0x4e00 && cp <= 0x9fff),
    };
    expect(pickFace([latin, cjk], 'Müller  GmbH')).toEqual({ face: latin, text: 'Müller GmbH' });
    expect(pickFace([latin, cjk], '王 Wei')).toEqual({ face: cjk, text: '王 Wei' });
    expect(pickFace([latin, cjk], 'ㄅ 王')).toEqual({ face: latin, text: '? ?' });
  });

  it('is deterministic: the same request gives the same bytes, in every language', async () => {
    const [a, b] = await Promise.all([renderReturnLabel(input), renderReturnLabel(structuredClone(input))]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toContain('(D:20260305083000Z)');
    for (const language of ['de', 'ja', 'zh-Hans']) {
      const [x, y] = await Promise.all([
        renderReturnLabel({ ...input, language }),
        renderReturnLabel({ ...structuredClone(input), language }),
      ]);
      expect(x.equals(y), language).toBe(true);
      expect(x.equals(a), language).toBe(false);
    }
  });

  it("writes the packing slip in the customer's language and leaves the carrier's label in English", async () => {
    const [enLabel = '', enSlip = ''] = extractText(await renderReturnLabel(input));
    const [label = '', slip = ''] = extractText(await renderReturnLabel({ ...input, language: 'de-DE' }));
    expect(label).toBe(enLabel);
    expect(label).toContain('RETURN TO\n');
    expect(slip).not.toBe(enSlip);
    expect(slip).toContain('Lieferschein\n');
    expect(slip).toContain('Nordlicht Outdoor GmbH\nRücksendenummer R-2026-000123 | 05.03.2026\n');
    expect(slip).toContain('2 x Wool jumper (M / Blue)\n');
    expect(slip).toContain('SKU JUMPER-M-BLUE | Grund: Zu klein\n');
    expect(slip).toContain('SKU CAP-1 | Grund: Defekt oder funktioniert nicht\n');
    expect(slip).toContain('So packen Sie das Paket\n');
    const steps = flat(slip);
    expect(steps).toContain('1. Legen Sie nur die oben aufgeführten Artikel in das Paket');
    expect(steps).toContain('2. Legen Sie diesen Lieferschein in das Paket.');
    expect(steps).toContain('3. Kleben Sie das Etikett (Seite 1) außen auf');
    expect(steps).toContain('4. Vorfrankiertes Etikett: Übergeben Sie das Paket dem Versanddienstleister.');
    expect(steps).not.toMatch(/Reason|How to pack|Packing slip/);
  });

  it('draws a Japanese slip in the CJK face, or ? where the machine has none', async () => {
    const [label = '', slip = ''] = extractText(await renderReturnLabel({ ...input, language: 'ja-JP' }));
    expect(label).toContain('RETURN TO\n');
    if (CJK_FACES.some((f) => existsSync(f))) {
      expect(slip).toContain('納品書\n');
      expect(slip).toContain('梱包の手順\n');
      expect(slip).toContain('SKU JUMPER-M-BLUE | 理由：サイズが小さい\n');
      expect(slip).toContain('返品番号 R-2026-000123 | 2026/03/05\n');
      expect(flat(slip)).toContain('2. この納品書を荷物に同梱してください。');
    } else {
      // No face draws kana or kanji: the runs keep their ASCII parts and show ? for the rest.
      expect(slip).toContain('???\n');
      expect(slip).toContain('SKU JUMPER-M-BLUE | ??????????\n');
    }
  });

  it('falls back to English for a language it has no slip for, and words unknown methods and reasons', async () => {
    const [, enSlip = ''] = extractText(await renderReturnLabel(input));
    const [, slip = ''] = extractText(await renderReturnLabel({ ...input, language: 'xx-YY' }));
    expect(slip).toBe(enSlip);
    expect(slip).toContain('Packing slip\n');
    expect(slip).toContain('Nordlicht Outdoor GmbH\nReturn number R-2026-000123 | Mar 5, 2026\n');

    const odd = { ...input, method: 'courier_box', lines: [{ ...input.lines[0], reason: 'gift_duplicate' }] };
    const [, fr = ''] = extractText(await renderReturnLabel({ ...(odd as LabelInput), language: 'fr-CA' }));
    expect(fr).toContain('SKU JUMPER-M-BLUE | Motif : gift duplicate\n');
    expect(flat(fr)).toContain('4. Mode de retour : courier_box');
  });

  it("formats the slip's calendar day per language without moving it", () => {
    expect(slipDate('en', '2026-03-05')).toBe('Mar 5, 2026');
    expect(slipDate('de-AT', '2026-03-05')).toBe('05.03.2026');
    expect(slipDate('ja', '2026-12-31')).toBe('2026/12/31');
    expect(slipDate('ru', '2026-01-01')).toBe('1 янв. 2026 г.');
    expect(slipDate('zh-CN', '2026-03-05')).toBe('2026年3月5日');
  });

  it('refuses an RMA the barcode cannot carry and an invalid created_at', async () => {
    await expect(renderReturnLabel({ ...input, rma: 'RMA Ж' })).rejects.toThrow(/printable ASCII/);
    await expect(renderReturnLabel({ ...input, created_at: 'yesterday' })).rejects.toThrow(/not a date/);
  });

  it('replaces what Helvetica cannot draw with ? and flattens whitespace', () => {
    expect(drawableText('Zoë  Müller\n€5 Иван 王', winAnsiCovers)).toBe('Zoë Müller €5 ???? ?');
  });

  it('flows a long packing slip onto further pages', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      sku: `SKU-${i}`,
      title: 'Jumper',
      variant: null,
      quantity: 1,
      reason: 'style',
    }));
    const src = (await renderReturnLabel({ ...input, lines: many })).toString('latin1');
    expect(src.match(/\/Type \/Page\n/g)?.length).toBeGreaterThan(2);
  });
});

describe('carriers', () => {
  it('the offline carrier renders our PDF and has no tracking number', async () => {
    const carrier = carrierFor('offline');
    expect(carrier).toBe(offlineCarrier);
    const out = await offlineCarrier.createReturnLabel(input, 'idem-1');
    expect(out.carrier).toBe('offline');
    expect(out.tracking_number).toBeNull();
    expect(extractText(out.label_pdf)[0]).toContain('none yet\n');
    expect(carrierFor('dhl')).toBeNull();
  });
});
