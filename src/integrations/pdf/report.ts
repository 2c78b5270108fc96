// An A4 report in PDFKit for a reader outside the store (a payment provider's reviewer, a supplier):
// text runs each in the first font on the machine that draws its script, headings that start a new
// page near the bottom, photos two to a page, and "<label> · page n of N" at the foot of each page.
// PDFKit loads on the first report, not at start.
import { pickFace, setUpFaces } from '../carriers/label-pdf.ts';

export interface ReportInfo {
  title: string;
  subject?: string;
  author: string;
  created: Date;
}

export interface TextOptions {
  bold?: boolean;
  size?: number;
  color?: string;
  gap?: number;
}

export async function startReport(info: ReportInfo) {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: {
      Title: info.title,
      ...(info.subject ? { Subject: info.subject } : {}),
      Author: info.author,
      CreationDate: info.created,
      ModDate: info.created,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const faces = setUpFaces(doc);
  const width = doc.page.width - 100;

  const write = (text: string, opts: TextOptions = {}) => {
    const { face, text: drawable } = pickFace(faces, text);
    doc
      .font(opts.bold ? face.bold : face.regular)
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? '#111111')
      .text(drawable, { width });
    if (opts.gap) doc.moveDown(opts.gap);
  };
  const heading = (text: string, size = 14) => {
    if (doc.y > doc.page.height - 150) doc.addPage();
    doc.moveDown(0.8);
    write(text, { bold: true, size, gap: 0.3 });
  };
  /** PNG and JPEG photos, two to a page, each under its caption */
  const photos = (images: readonly { caption: string; bytes: Buffer }[]) => {
    const boxH = (doc.page.height - 200) / 2;
    images.forEach((img, i) => {
      if (i > 0 && i % 2 === 0) doc.addPage();
      write(img.caption, { size: 9, color: '#555555' });
      const y = doc.y;
      doc.image(img.bytes, 50, y, { fit: [width, boxH - 30], align: 'center' });
      doc.y = y + boxH - 20;
    });
  };
  /** numbers the pages at their foot and returns the file */
  const finish = (footer: string): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc
        .font(faces[0]?.regular ?? 'Helvetica')
        .fontSize(8)
        .fillColor('#777777')
        .text(`${footer} · page ${i + 1} of ${range.count}`, 50, doc.page.height - 35, {
          width,
          align: 'center',
        });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return done;
  };
  return { doc, write, heading, photos, finish };
}
