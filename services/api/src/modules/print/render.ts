// Pages (layout.ts) → PDF → JPG pages → zip (docs/print.md). The PDF is written with pdfkit, embedding a subset of
// Noto Serif SC from the npm package @expo-google-fonts/noto-serif-sc (never a system font, so a fresh machine prints
// the same); mupdf (WebAssembly) rasterises it at PRINT_DPI and sharp encodes each page as JPEG with its density.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { zipBuffers } from '../../util/zip.js';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { PRINT_DPI } from '../../../../../shared/print.js';
import { A4, layoutArchive, type Measure, type Page, type PrintArchive } from './layout.js';

const require = createRequire(import.meta.url);
const FONT_PACKAGE = '@expo-google-fonts/noto-serif-sc';
const fontPath = (file: string) => require.resolve(`${FONT_PACKAGE}/${file}`);

/** The font files, read once per process (about 15 MB each). */
let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(fontPath('400Regular/NotoSerifSC_400Regular.ttf')),
    bold: fs.readFileSync(fontPath('700Bold/NotoSerifSC_700Bold.ttf')),
  };
  return fonts;
}

function newDocument(title: string) {
  const f = loadFonts();
  const doc = new PDFDocument({ size: [A4.width, A4.height], margin: 0, autoFirstPage: false, info: { Title: title, Creator: '廉政档案管理系统' } });
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  const measure: Measure = (text, size, bold) => doc.font(bold ? 'bold' : 'regular').fontSize(size).widthOfString(text);
  return { doc, measure };
}

function draw(doc: PDFKit.PDFDocument, pages: Page[], photo: Buffer | null) {
  for (const p of pages) {
    doc.addPage({ size: [A4.width, A4.height], margin: 0 });
    for (const it of p.items) {
      switch (it.kind) {
        case 'rect':
          doc.save().lineWidth(it.lineWidth ?? 0.6).rect(it.x, it.y, it.w, it.h);
          if (it.fill && it.stroke) doc.fillAndStroke(it.fill, it.stroke);
          else if (it.fill) doc.fill(it.fill);
          else doc.stroke(it.stroke ?? '#000000');
          doc.restore();
          break;
        case 'line':
          doc.save().lineWidth(it.width).moveTo(it.x1, it.y1).lineTo(it.x2, it.y2).stroke(it.color ?? '#000000').restore();
          break;
        case 'photo':
          if (photo) doc.image(photo, it.x, it.y, { fit: [it.w, it.h], align: 'center', valign: 'center' });
          else doc.save().fontSize(10.5).font('regular').fillColor('#888888').text('照片', it.x, it.y + it.h / 2 - 7, { width: it.w, align: 'center', lineBreak: false }).restore();
          break;
        case 'text':
          // Each text item is one laid-out line: no wrapping here (layout.ts broke the lines).
          doc.font(it.bold ? 'bold' : 'regular').fontSize(it.size).fillColor(it.color ?? '#000000')
            .text(it.text, it.x, it.y, { lineBreak: false, ...(it.width ? { width: it.width, align: it.align ?? 'left' } : {}) });
          break;
      }
    }
  }
}

/** The photo as JPEG pdfkit embeds (any format sharp reads; null when unreadable). */
async function photoJpeg(photo: Buffer | null): Promise<Buffer | null> {
  if (!photo) return null;
  try {
    return await sharp(photo, { limitInputPixels: 40_000_000 }).rotate().flatten({ background: '#ffffff' }).jpeg({ quality: 90 }).toBuffer();
  } catch {
    return null;
  }
}

export interface RenderedPdf { pdf: Buffer; pages: Page[]; truncated: boolean }

/** The archive as one PDF (the intermediate of the JPG pages; its text layer is the layout's). */
export async function renderPdf(a: PrintArchive, photo: Buffer | null): Promise<RenderedPdf> {
  const { doc, measure } = newDocument(`廉政档案 ${a.name}`);
  const { pages, truncated } = layoutArchive(a, measure);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', () => resolve()); doc.on('error', reject); });
  draw(doc, pages, await photoJpeg(photo));
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages, truncated };
}

/** mupdf is WebAssembly (about 10 MB): loaded on the first print, not at start. */
let mupdfModule: Promise<typeof import('mupdf')> | null = null;
const loadMupdf = () => (mupdfModule ??= import('mupdf'));

/** Each PDF page as a JPEG at `dpi` (A4 at 150 dpi: 1241 × 1754), one page in memory at a time. */
export async function rasterise(pdf: Buffer, dpi = PRINT_DPI): Promise<Buffer[]> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const out: Buffer[] = [];
  try {
    const scale = mupdf.Matrix.scale(dpi / 72, dpi / 72);
    for (let i = 0; i < doc.countPages(); i++) {
      const page = doc.loadPage(i);
      const pix = page.toPixmap(scale, mupdf.ColorSpace.DeviceRGB, false, true);
      try {
        const raw = { width: pix.getWidth(), height: pix.getHeight(), channels: pix.getNumberOfComponents() as 3 };
        out.push(await sharp(Buffer.from(pix.getPixels()), { raw }).jpeg({ quality: 88, chromaSubsampling: '4:4:4' }).withMetadata({ density: dpi }).toBuffer());
      } finally {
        pix.destroy();
        page.destroy();
      }
    }
  } finally {
    doc.destroy();
  }
  return out;
}

/** page-01.jpg, page-02.jpg … (three digits past 99). */
export const pageName = (i: number, n: number) => `page-${String(i + 1).padStart(n > 99 ? 3 : 2, '0')}.jpg`;

/** The archive as a zip of JPG pages. */
export async function renderArchiveZip(a: PrintArchive, photo: Buffer | null): Promise<{ zip: Buffer; pages: number; truncated: boolean }> {
  const { pdf, truncated } = await renderPdf(a, photo);
  const jpgs = await rasterise(pdf);
  // Stored, not deflated: JPEGs do not compress.
  return { zip: await zipBuffers(jpgs.map((data, i) => ({ name: pageName(i, jpgs.length), data })), { compress: false }), pages: jpgs.length, truncated };
}
