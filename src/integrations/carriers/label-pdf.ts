// Return label (page 1, 4x6 in, the thermal-printer size carriers accept) and packing slip (page 2+),
// drawn offline with pdfkit and bwip-js so a store without a carrier contract can still ship returns.
import { existsSync } from 'node:fs';
import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { Address } from '../../domain/order.ts';

export interface LabelLine {
  sku: string;
  title: string;
  variant: string | null;
  quantity: number;
  reason: string;
}

export interface LabelInput {
  store_name: string;
  rma: string;
  qr_payload: string;
  created_at: string;
  method: string;
  carrier: string | null;
  tracking_number: string | null;
  from: Address;
  to: Address;
  lines: LabelLine[];
}

const SIZE: [number, number] = [288, 432]; // 4 x 6 in at 72 pt/in
const M = 12;
const W = SIZE[0] - 2 * M;

// Font choice: Helvetica (built into every PDF reader) only knows WinAnsi, so Cyrillic or CJK names
// would print as garbage. DejaVu Sans covers Latin, Greek and Cyrillic and ships with most Debian
// installs (fonts-dejavu-core), but not with slim images, so it is used only when found. No font
// on a stock machine covers CJK; rather than transliterate (which would misspell names) a character
// the chosen font cannot draw is printed as '?', so the parcel still goes out with the ASCII parts
// (postal code, city in Latin, the RMA) intact. A CJK-capable font would need to be bundled.
const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

interface Fonts {
  regular: string;
  bold: string;
  covers: (codePoint: number) => boolean;
}

function findDejaVu(): { regular: string; bold: string } | null {
  for (const dir of DEJAVU_DIRS) {
    const regular = `${dir}/DejaVuSans.ttf`;
    const bold = `${dir}/DejaVuSans-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  return null;
}

// The WinAnsi characters outside Latin-1 that pdfkit maps for the standard fonts.
const WIN_ANSI_EXTRA = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((c) => c.codePointAt(0)));

export function winAnsiCovers(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp);
}

/** Collapses control characters and replaces what the font cannot draw with '?'. */
export function drawableText(text: string, covers: (codePoint: number) => boolean): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ').trim()) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    out += covers(cp) ? ch : '?';
  }
  return out;
}

function setUpFonts(doc: PDFKit.PDFDocument): Fonts {
  const dejavu = findDejaVu();
  if (!dejavu) return { regular: 'Helvetica', bold: 'Helvetica-Bold', covers: winAnsiCovers };
  doc.registerFont('body', dejavu.regular);
  doc.registerFont('body-bold', dejavu.bold);
  doc.font('body');
  // pdfkit exposes the parsed fontkit font only on its private _font; it is the one true coverage table.
  const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font
    .font;
  return { regular: 'body', bold: 'body-bold', covers: (cp) => cp >= 0x20 && font.hasGlyphForCodePoint(cp) };
}

const METHODS: Record<string, string> = {
  label: 'Prepaid label: hand the parcel to the carrier',
  drop_off: 'Drop-off: bring the parcel to a drop-off point',
  pickup: 'Pickup: the courier collects the parcel from you',
  in_store: 'In store: bring the parcel to the store',
};

function addressLines(a: Address): string[] {
  const cityLine = [a.postal_code, a.city].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.region, a.country].filter((s): s is string => Boolean(s));
}

async function barcodes(input: LabelInput): Promise<{ code128: Buffer; qr: Buffer }> {
  const [code128, qr] = await Promise.all([
    bwipjs.toBuffer({ bcid: 'code128', text: input.rma, scale: 3, height: 12 }),
    bwipjs.toBuffer({ bcid: 'qrcode', text: input.qr_payload, scale: 4 }),
  ]);
  return { code128, qr };
}

export async function renderReturnLabel(input: LabelInput): Promise<Buffer> {
  // Code 128 and the big RMA are drawn in Helvetica; an RMA outside printable ASCII is a bug upstream.
  if (!/^[\x21-\x7e]{1,40}$/.test(input.rma)) throw new Error(`RMA must be 1-40 printable ASCII characters`);
  const created = new Date(input.created_at);
  if (Number.isNaN(created.getTime())) throw new Error(`created_at is not a date: ${input.created_at}`);
  const images = await barcodes(input);

  // A fixed creation date makes the bytes a pure function of the input (pdfkit derives the file ID from it),
  // so a replayed label request returns an identical file.
  const doc = new PDFDocument({
    size: SIZE,
    margin: M,
    info: { Title: `Return ${input.rma}`, Author: input.store_name, CreationDate: created, ModDate: created },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = setUpFonts(doc);
  const c: Ctx = {
    doc,
    f: fonts,
    t: (s) => drawableText(s, fonts.covers),
    day: input.created_at.slice(0, 10),
  };
  drawLabel(c, input, images);
  drawSlip(c, input);
  doc.end();
  return done;
}

interface Ctx {
  doc: PDFKit.PDFDocument;
  f: Fonts;
  t: (s: string) => string;
  day: string; // the calendar date as written in created_at's own offset, which is the store's view
}

type TextOpts = PDFKit.Mixins.TextOptions & { x?: number; color?: string };

/** One text run at an absolute position (y) or, with y null, flowing after the previous one. */
function put(c: Ctx, font: string, size: number, text: string, y: number | null, o: TextOpts = {}) {
  const { x = M, color = 'black', ...opts } = o;
  c.doc.font(font).fontSize(size).fillColor(color);
  if (y === null) c.doc.text(text, x, c.doc.y, { width: W, ...opts });
  else c.doc.text(text, x, y, { width: W, ...opts });
}

function rule(c: Ctx, y: number) {
  c.doc
    .moveTo(M, y)
    .lineTo(M + W, y)
    .lineWidth(0.5)
    .stroke();
}

function drawLabel(c: Ctx, input: LabelInput, img: { code128: Buffer; qr: Buffer }) {
  const { f, t } = c;
  const cut = { height: 14, ellipsis: true };
  put(c, f.bold, 11, t(input.store_name), M, { ...cut, width: W - 70 });
  put(c, 'Helvetica-Bold', 11, 'RETURN', M, { align: 'right' });
  put(c, 'Helvetica-Bold', 24, input.rma, 30, { ...cut, height: 30 });
  c.doc.image(img.code128, M, 62, { fit: [W, 52], align: 'center' });
  rule(c, 122);

  put(c, f.regular, 6.5, 'FROM', 128, { color: '#555' });
  put(c, f.bold, 8, t(input.from.name), 137, { ...cut, height: 10 });
  put(c, f.regular, 8, addressLines(input.from).map(t).join(', '), 147, { ...cut, height: 20 });

  // The destination is what the carrier's sorter reads, so it gets the large type.
  put(c, f.regular, 6.5, 'RETURN TO', 176, { color: '#555' });
  put(c, f.bold, 13, t(input.to.name), 186, { ...cut, height: 17 });
  addressLines(input.to).forEach((line, i) => {
    put(c, f.regular, 11, t(line), 204 + 14 * i, cut);
  });
  rule(c, 292);

  const qrSize = 112;
  c.doc.image(img.qr, M + W - qrSize, 300, { fit: [qrSize, qrSize] });
  const facts = [
    ['Carrier', input.carrier ? t(input.carrier) : 'not assigned'],
    ['Tracking', input.tracking_number ? t(input.tracking_number) : 'none yet'],
    ['Method', t(input.method)],
    ['Created', c.day],
    ['Items', String(input.lines.reduce((s, l) => s + l.quantity, 0))],
  ];
  facts.forEach(([k = '', v = ''], i) => {
    put(c, f.regular, 6.5, k, 302 + 22 * i, { color: '#555' });
    put(c, f.bold, 9, v, 310 + 22 * i, { ...cut, height: 11, width: W - qrSize - 8 });
  });
}

function drawSlip(c: Ctx, input: LabelInput) {
  const { f, t } = c;
  c.doc.addPage({ size: SIZE, margin: M });
  put(c, f.bold, 13, 'Packing slip', M);
  put(c, f.regular, 8, `${t(input.store_name)} | RMA ${input.rma} | ${c.day}`, null);
  c.doc.moveDown(0.6);
  for (const l of input.lines) {
    const variant = l.variant ? ` (${t(l.variant)})` : '';
    put(c, f.bold, 9, `${l.quantity} x ${t(l.title)}${variant}`, null);
    put(c, f.regular, 7.5, `SKU ${t(l.sku)}  |  Reason: ${t(l.reason.replace(/_/g, ' '))}`, null, {
      color: '#333',
    });
    c.doc.moveDown(0.4);
  }
  c.doc.moveDown(0.4);
  put(c, f.bold, 9, 'How to pack', null);
  const steps = [
    'Put only the items listed above in the parcel, in their original packaging if you still have it.',
    'Put this slip inside the parcel.',
    'Stick the label (page 1) on the outside and cover or remove any old labels and barcodes.',
    METHODS[input.method] ?? `Method: ${t(input.method)}`,
  ];
  for (const [i, s] of steps.entries()) put(c, f.regular, 8, `${i + 1}. ${s}`, null);
}
