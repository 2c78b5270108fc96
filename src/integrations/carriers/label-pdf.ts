// Return label (page 1, 4x6 in, the thermal-printer size carriers accept) and packing slip (page 2+),
// drawn offline with pdfkit and bwip-js so a store without a carrier contract can still ship returns.
import { existsSync, readFileSync } from 'node:fs';
import type { DrawingContext, RenderOptions } from 'bwip-js';
import { lazy, requireModule } from '../lazy.ts';

/** bwip-js, loaded on the first label (lazy.ts). */
const bwipjs = lazy(() => requireModule('bwip-js') as typeof import('bwip-js'));

import type { Address } from '../../domain/order.ts';
import { isReasonCode } from '../../domain/reasons.ts';
import { type Language, normalizeLanguage, t } from '../../i18n/index.ts';

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
  /** The customer's language (any BCP 47 tag): the packing slip is theirs; the label stays Latin for the carrier. */
  language: string;
  /** what the parcel weighs, from the catalogue, when known (a carrier prices by it) */
  weight_grams?: number | null;
}

const SIZE: [number, number] = [288, 432]; // 4 x 6 in at 72 pt/in
const M = 12;
const W = SIZE[0] - 2 * M;

// Font choice: Helvetica (built into every PDF reader) only knows WinAnsi, so Cyrillic or CJK names
// would print as garbage. The label therefore looks for a stack of faces on the machine: DejaVu Sans
// (Latin, Greek, Cyrillic; fonts-dejavu-core) and a CJK face (WenQuanYi or Droid Sans Fallback;
// fonts-wqy-microhei and friends), and draws each text run in the first face that has every one of
// its characters. Rather than transliterate (which would misspell names), a character no face can
// draw is printed as '?', so the parcel still goes out with the ASCII parts (postal code, the RMA)
// intact. Faces are found, not bundled: the CJK ones weigh megabytes.
interface FaceFile {
  path: string;
  bold?: string; // the bold cut, when the family has one
  postscriptName?: string; // the face inside a .ttc collection
}

const FACE_FILES: FaceFile[][] = [
  ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'].map((dir) => ({
    path: `${dir}/DejaVuSans.ttf`,
    bold: `${dir}/DejaVuSans-Bold.ttf`,
  })),
  [
    { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei' },
    { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei' },
    { path: '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf' },
  ],
];

export interface Face {
  regular: string;
  bold: string;
  covers: (codePoint: number) => boolean;
}

const fontBytes = new Map<string, Buffer>();
function readFont(path: string): Buffer {
  let bytes = fontBytes.get(path);
  if (!bytes) {
    bytes = readFileSync(path);
    fontBytes.set(path, bytes);
  }
  return bytes;
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

const HELVETICA: Face = { regular: 'Helvetica', bold: 'Helvetica-Bold', covers: winAnsiCovers };

/** Registers the faces found on this machine, best first; Helvetica is the last resort. */
export function setUpFaces(doc: PDFKit.PDFDocument): Face[] {
  const faces: Face[] = [];
  FACE_FILES.forEach((candidates, i) => {
    const file = candidates.find((f) => existsSync(f.path) && (!f.bold || existsSync(f.bold)));
    if (!file) return;
    const regular = `face${i}`;
    const bold = file.bold ? `face${i}-bold` : regular;
    doc.registerFont(regular, readFont(file.path), file.postscriptName);
    if (file.bold) doc.registerFont(bold, readFont(file.bold));
    doc.font(regular);
    // pdfkit exposes the parsed fontkit font only on its private _font; it is the one true coverage table.
    const font = (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font
      .font;
    faces.push({ regular, bold, covers: (cp) => cp >= 0x20 && font.hasGlyphForCodePoint(cp) });
  });
  return faces.length > 0 ? faces : [HELVETICA];
}

/** The first face that draws the whole text; failing that the first one, with '?' for what it lacks. */
export function pickFace(faces: Face[], text: string): { face: Face; text: string } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = [...clean].map((ch) => ch.codePointAt(0) ?? 0x3f);
  const face = faces.find((f) => chars.every((cp) => f.covers(cp))) ?? faces[0] ?? HELVETICA;
  return { face, text: drawableText(clean, face.covers) };
}

const METHODS = new Set(['label', 'drop_off', 'pickup', 'in_store']);

function addressLines(a: Address): string[] {
  const cityLine = [a.postal_code, a.city].filter(Boolean).join(' ');
  return [a.line1, a.line2, cityLine, a.region, a.country].filter((s): s is string => Boolean(s));
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A bwip-js drawing context that paints the barcode as vectors into a box of the PDF, centred and
 * scaled to fit. Vectors stay sharp on any thermal printer, and unlike an embedded PNG (whose alpha
 * channel pdfkit splits asynchronously, so two images land in the file in whichever order zlib
 * finishes) they are written synchronously, which keeps the file a pure function of its input.
 * Only what Code 128 and QR use is drawn: bars (line) and filled modules (polygon + fill).
 */
function vectorDrawing(doc: PDFKit.PDFDocument, box: Box): DrawingContext<void> {
  const unsupported = (what: string) => () => {
    throw new Error(`label barcodes do not draw ${what}`);
  };
  return {
    scale: () => null,
    measure: unsupported('text'),
    // No padding option is passed (the label's layout leaves the quiet zones), so the symbol's
    // natural size is the whole drawing.
    init(width, height) {
      const k = Math.min(box.w / width, box.h / height);
      doc.save();
      doc.translate(box.x + (box.w - width * k) / 2, box.y);
      doc.scale(k);
    },
    line(x0, y0, x1, y1, lw, rgb) {
      doc.moveTo(x0, y0).lineTo(x1, y1).lineWidth(lw).strokeColor(`#${rgb}`).stroke();
    },
    polygon(pts) {
      const [first, ...rest] = pts;
      if (!first) return;
      doc.moveTo(first[0], first[1]);
      for (const [x, y] of rest) doc.lineTo(x, y);
      doc.closePath();
    },
    hexagon: unsupported('hexagons'),
    ellipse: unsupported('ellipses'),
    fill(rgb) {
      doc.fillColor(`#${rgb}`).fill('even-odd');
    },
    text: unsupported('text'),
    end() {
      doc.restore();
    },
  };
}

/** Scale 2 keeps every bar an even number of units wide, so bars meet exactly once scaled to the box. */
function drawBarcode(doc: PDFKit.PDFDocument, options: RenderOptions, box: Box) {
  bwipjs().render({ scale: 2, ...options }, vectorDrawing(doc, box));
}

export async function renderReturnLabel(input: LabelInput): Promise<Buffer> {
  // Code 128 and the big RMA are drawn in Helvetica; an RMA outside printable ASCII is a bug upstream.
  if (!/^[\x21-\x7e]{1,40}$/.test(input.rma)) throw new Error(`RMA must be 1-40 printable ASCII characters`);
  const created = new Date(input.created_at);
  if (Number.isNaN(created.getTime())) throw new Error(`created_at is not a date: ${input.created_at}`);

  // A fixed creation date makes the bytes a pure function of the input (pdfkit derives the file ID from it),
  // so a replayed label request returns an identical file.
  const { default: PDFDocument } = await import('pdfkit');
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

  const c: Ctx = {
    doc,
    faces: setUpFaces(doc),
    day: input.created_at.slice(0, 10),
    lang: normalizeLanguage(input.language),
  };
  drawLabel(c, input);
  drawSlip(c, input);
  doc.end();
  return done;
}

interface Ctx {
  doc: PDFKit.PDFDocument;
  faces: Face[];
  day: string; // the calendar date as written in created_at's own offset, which is the store's view
  lang: Language; // the packing slip's
}

type TextOpts = PDFKit.Mixins.TextOptions & { x?: number; color?: string };

/**
 * One text run at an absolute position (y) or, with y null, flowing after the previous one. The RMA
 * (printable ASCII, checked) is set in Helvetica Bold; everything else in the first face that has
 * all of the run's characters.
 */
function put(
  c: Ctx,
  weight: 'regular' | 'bold' | 'rma',
  size: number,
  raw: string,
  y: number | null,
  o: TextOpts = {},
) {
  const { x = M, color = 'black', ...opts } = o;
  const { face, text } = weight === 'rma' ? { face: HELVETICA, text: raw } : pickFace(c.faces, raw);
  c.doc
    .font(weight === 'regular' ? face.regular : face.bold)
    .fontSize(size)
    .fillColor(color);
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

function drawLabel(c: Ctx, input: LabelInput) {
  const cut = { height: 14, ellipsis: true };
  put(c, 'bold', 11, input.store_name, M, { ...cut, width: W - 70 });
  put(c, 'rma', 11, 'RETURN', M, { align: 'right' });
  put(c, 'rma', 24, input.rma, 30, { ...cut, height: 30 });
  drawBarcode(c.doc, { bcid: 'code128', text: input.rma, height: 12 }, { x: M, y: 62, w: W, h: 52 });
  rule(c, 122);

  put(c, 'regular', 6.5, 'FROM', 128, { color: '#555' });
  put(c, 'bold', 8, input.from.name, 137, { ...cut, height: 10 });
  put(c, 'regular', 8, addressLines(input.from).join(', '), 147, { ...cut, height: 20 });

  // The destination is what the carrier's sorter reads, so it gets the large type.
  put(c, 'regular', 6.5, 'RETURN TO', 176, { color: '#555' });
  put(c, 'bold', 13, input.to.name, 186, { ...cut, height: 17 });
  addressLines(input.to).forEach((line, i) => {
    put(c, 'regular', 11, line, 204 + 14 * i, cut);
  });
  rule(c, 292);

  const qrSize = 112;
  drawBarcode(
    c.doc,
    { bcid: 'qrcode', text: input.qr_payload },
    // A QR code wants a quiet zone of four modules (about 12 pt here) on every side.
    { x: M + W - qrSize + 12, y: 304, w: qrSize - 12, h: qrSize - 12 },
  );
  const facts = [
    ['Carrier', input.carrier ? input.carrier : 'not assigned'],
    ['Tracking', input.tracking_number ? input.tracking_number : 'none yet'],
    ['Method', input.method],
    ['Created', c.day],
    ['Items', String(input.lines.reduce((s, l) => s + l.quantity, 0))],
  ];
  facts.forEach(([k = '', v = ''], i) => {
    put(c, 'regular', 6.5, k, 302 + 22 * i, { color: '#555' });
    put(c, 'bold', 9, v, 310 + 22 * i, { ...cut, height: 11, width: W - qrSize - 8 });
  });
}

/**
 * The calendar day (YYYY-MM-DD) in the language's own style. Formatted at noon UTC in UTC, so no
 * offset can move it to the day before or after.
 */
export function slipDate(lang: string, day: string): string {
  return new Intl.DateTimeFormat(normalizeLanguage(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A reason code as the customer picked it in the portal; a code we have no words for is shown as is. */
function reasonLabel(lang: Language, reason: string): string {
  return isReasonCode(reason) ? t(lang, `slip.reasons.${reason}`) : reason.replace(/_/g, ' ');
}

// The slip goes into the parcel for the customer to read, so it is in their language.
function drawSlip(c: Ctx, input: LabelInput) {
  const { lang } = c;
  c.doc.addPage({ size: SIZE, margin: M });
  put(c, 'bold', 13, t(lang, 'slip.title'), M);
  // The store on a line of its own, so a long name cannot break the date in two.
  put(c, 'regular', 8, input.store_name, null);
  put(c, 'regular', 8, t(lang, 'slip.header', { rma: input.rma, date: slipDate(lang, c.day) }), null);
  c.doc.moveDown(0.6);
  for (const l of input.lines) {
    const variant = l.variant ? ` (${l.variant})` : '';
    put(c, 'bold', 9, `${l.quantity} x ${l.title}${variant}`, null);
    const reason = reasonLabel(lang, l.reason);
    put(c, 'regular', 7.5, t(lang, 'slip.line', { sku: l.sku, reason }), null, { color: '#333' });
    c.doc.moveDown(0.4);
  }
  c.doc.moveDown(0.4);
  put(c, 'bold', 9, t(lang, 'slip.how_to_pack'), null);
  const steps = [
    t(lang, 'slip.steps.pack'),
    t(lang, 'slip.steps.slip'),
    t(lang, 'slip.steps.stick'),
    METHODS.has(input.method)
      ? t(lang, `slip.methods.${input.method}`)
      : t(lang, 'slip.methods.other', { method: input.method }),
  ];
  for (const [i, s] of steps.entries()) put(c, 'regular', 8, `${i + 1}. ${s}`, null);
}
