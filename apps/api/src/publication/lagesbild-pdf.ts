import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DocumentSection, IncidentItem, LagesbildDocument, StatisticItem } from '@laget/contracts';
import { contentHash } from '../lagesbild/content-hash.js';
import { isAnalysisPeriodId } from '../reporting/analysis-period.js';
import { type RenderedFigure, renderFigures } from './analysis-html.js';
import { writeFigures } from './analysis-pdf.js';
import type { OpenMap } from './open-map.js';
import { writeOpenMap } from './open-map-pdf.js';
import {
  documentTitle,
  incidentCells,
  incidentColumns,
  letterhead,
  meetingLine,
  paragraphs,
  publishedOnLine,
  statisticColumns,
  swedishDate,
  versionLabel,
  weekLabel,
  type MunicipalityProfile,
} from './lagesbild-labels.js';
import { createTaggedPdf, parsedFont, type StructElement, type TaggedPdf } from './pdfkit-tagged.js';
import { mapDocumentText, pdfWritable } from './writable-text.js';

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

export interface LagesbildPdfOptions {
  municipality: MunicipalityProfile;
  /** Printed on the PDF and used as its creation date, so a revision always renders the same bytes. */
  publishedAt: Date;
  /** Display name of the audience for an `audience:<name>` view. */
  audienceName?: string;
  /** PNG or JPEG, drawn at the top of the first page. */
  logo?: Buffer;
  /** TrueType fonts covering Swedish; DejaVu Sans by default. WOFF2 crashes PDFKit. */
  fonts?: PdfFonts;
  /**
   * Another document in the same layout (the yearly åtgärdsplan, ADR 0028): its title, the line
   * under it in place of the week, and the running header. Absent: a week's lägesbild.
   */
  heading?: { title: string; subtitle: string; running: string };
  /** A marking on every page, such as "Intern – omfattas av sekretess …" on the internal version. */
  classification?: string;
  /** In place of "Publicerad <date>" (a version downloaded before or without publication). */
  dateLine?: string;
  /** A publication's open map (counted at publication), drawn after the incident table. */
  openMap?: OpenMap;
}

const margins = { top: 64, bottom: 64, left: 56, right: 56 };
const colour = { text: '#000000', muted: '#404040', rule: '#808080', headerFill: '#e6e6e6' };
const size = { letterhead: 11, title: 18, version: 13, heading: 13, body: 10, table: 8, small: 8 };

let defaultFonts: PdfFonts | undefined;

/** DejaVu Sans from the `dejavu-fonts-ttf` package: full Latin coverage, free licence, TrueType. */
export function loadDefaultFonts(): PdfFonts {
  if (!defaultFonts) {
    const require = createRequire(import.meta.url);
    defaultFonts = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return defaultFonts;
}

/**
 * Renders one version of a lägesbild as an accessible (PDF/UA, tagged) PDF in the seed's layout.
 * Only `doc` and `options` reach the file: for the open version, pass the redacted open model.
 * The same input gives the same bytes: the creation date is `publishedAt` and the file ID is
 * derived from the content hash.
 */
export async function renderLagesbildPdf(
  stored: LagesbildDocument,
  options: LagesbildPdfOptions,
): Promise<Buffer> {
  // Text stored before the edge refused them may hold characters no PDF text can show.
  const doc = mapDocumentText(stored, pdfWritable);
  const fonts = options.fonts ?? loadDefaultFonts();
  const version = versionLabel(doc.view, options.audienceName && pdfWritable(options.audienceName));
  const title = options.heading?.title ?? documentTitle(options.municipality);
  const week = options.heading?.subtitle ?? weekLabel(doc.period);
  const published = options.dateLine ?? `Publicerad ${swedishDate(options.publishedAt)}`;
  const classification = options.classification && pdfWritable(options.classification);

  const pdf = createTaggedPdf({
    pdfVersion: '1.7',
    subset: 'PDF/UA',
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    size: 'A4',
    margins,
    bufferPages: true,
    font: null,
    info: {
      Title: metadataText(`${title} ${week} – ${version}`),
      Author: metadataText(options.municipality.name),
      Creator: 'Läget',
      Producer: 'Läget (PDFKit)',
      CreationDate: options.publishedAt,
    },
  });
  pdf._id = Buffer.from(
    contentHash({ doc, options: { ...options, fonts: undefined }, fonts: fonts.regular }).slice(0, 32),
    'hex',
  );
  pdf.registerFont('Regular', parsedFont(fonts.regular), 'Regular');
  pdf.registerFont('Bold', parsedFont(fonts.bold), 'Bold');
  pdf.font('Regular');

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);

  if (options.logo) drawLogo(pdf, options.logo);
  writeTitleBlock(pdf, root, {
    letterhead: letterhead(options.municipality),
    title,
    week,
    version,
    meeting: options.heading ? '' : meetingLine(doc.period, options.municipality),
    published,
  });
  if (classification) {
    // Once in the text for a screen reader; drawn on every page as well (below), as a page artifact.
    block(pdf, root, 'P', () =>
      pdf
        .font('Bold')
        .fontSize(size.body)
        .text(classification, { width: contentWidth(pdf) }),
    );
    pdf.moveDown(0.8);
  }
  // A period analysis shows its charts, drawn from this version's own rows, in place of the rows.
  const figures = isAnalysisPeriodId(doc.period) ? await renderFigures(doc) : null;
  for (const section of doc.sections) {
    writeSection(pdf, root, section, figures);
    if (section.kind === 'incidents' && options.openMap) {
      writeOpenMap(pdf, root, options.openMap, { left: margins.left, width: contentWidth(pdf) }, (...table) =>
        drawTable(pdf, ...table),
      );
    }
  }
  const publishedOn = doc.view === 'open' ? publishedOnLine(options.municipality) : null;
  if (publishedOn) {
    pdf.x = margins.left;
    block(pdf, root, 'P', () =>
      pdf
        .font('Regular')
        .fontSize(size.body)
        .text(pdfWritable(publishedOn), { width: contentWidth(pdf) }),
    );
  }
  root.end();

  writeRunningHeadersAndFooters(
    pdf,
    options.heading?.running ?? `${options.municipality.name} · Lokal lägesbild ${week} · ${version}`,
    published,
    classification,
  );
  pdf.end();
  return done;
}

/** PDFKit writes the info into XMP without escaping; keep the metadata well-formed. */
function metadataText(text: string): string {
  return pdfWritable(text).replace(/&/g, 'och').replace(/[<>]/g, '');
}

const contentWidth = (pdf: TaggedPdf) => pdf.page.width - margins.left - margins.right;

function block(pdf: TaggedPdf, parent: StructElement, tag: string, draw: () => void): void {
  const element = pdf.struct(tag);
  parent.add(element);
  element.add(draw);
  element.end();
}

function artifact(pdf: TaggedPdf, draw: () => void): void {
  pdf.markContent('Artifact', { type: 'Layout' });
  draw();
  pdf.endMarkedContent();
}

function writeTitleBlock(
  pdf: TaggedPdf,
  root: StructElement,
  t: {
    letterhead: string;
    title: string;
    week: string;
    version: string;
    meeting: string;
    published: string;
  },
): void {
  const width = contentWidth(pdf);
  pdf.x = margins.left;
  pdf.fillColor(colour.text);
  block(pdf, root, 'P', () =>
    pdf
      .font('Bold')
      .fontSize(size.letterhead)
      .text(t.letterhead, { width: width - 130, characterSpacing: 1 }),
  );
  pdf.moveDown(1.2);
  const ruleY = pdf.y - 6;
  artifact(pdf, () =>
    pdf
      .save()
      .lineWidth(0.75)
      .strokeColor(colour.rule)
      .moveTo(margins.left, ruleY)
      .lineTo(margins.left + width, ruleY)
      .stroke()
      .restore(),
  );
  block(pdf, root, 'H1', () => pdf.font('Bold').fontSize(size.title).text(t.title, { width, lineGap: 2 }));
  pdf.moveDown(0.3);
  block(pdf, root, 'P', () =>
    pdf.font('Bold').fontSize(size.version).text(`${t.week} ${t.version}`, { width }),
  );
  pdf.moveDown(0.2);
  if (t.meeting) {
    block(pdf, root, 'P', () => pdf.font('Regular').fontSize(size.body).text(t.meeting, { width }));
    pdf.moveDown(0.2);
  }
  block(pdf, root, 'P', () =>
    pdf.font('Regular').fontSize(size.body).fillColor(colour.muted).text(t.published, { width }),
  );
  pdf.fillColor(colour.text);
  pdf.moveDown(1);
}

function drawLogo(pdf: TaggedPdf, logo: Buffer): void {
  const box: [number, number] = [120, 44];
  const x = pdf.page.width - margins.right - box[0];
  // The letterhead names the municipality in text, so the logo is decoration.
  artifact(pdf, () => pdf.image(logo, x, margins.top - 12, { fit: box, align: 'right' }));
}

function writeSection(
  pdf: TaggedPdf,
  root: StructElement,
  section: DocumentSection,
  figures: readonly RenderedFigure[] | null,
): void {
  const sect = pdf.struct('Sect');
  root.add(sect);
  const width = contentWidth(pdf);
  pdf.x = margins.left;
  // Keep a heading with at least a few lines of what follows it.
  pdf.font('Bold').fontSize(size.heading);
  if (pdf.y + pdf.heightOfString(section.title, { width }) + 4 * size.body * 1.4 > pdf.page.maxY()) {
    pdf.addPage();
  }
  pdf.outline.addItem(section.title);
  block(pdf, sect, 'H2', () => pdf.text(section.title, { width }));
  pdf.moveDown(0.4);

  pdf.font('Regular').fontSize(size.body);
  for (const text of paragraphs(section.text)) {
    block(pdf, sect, 'P', () => pdf.text(text, { width, lineGap: 2, paragraphGap: 6 }));
  }

  const items = section.items ?? [];
  if (section.kind === 'incidents' && figures) {
    writeFigures(pdf, sect, figures, { left: margins.left, width });
  } else if (section.kind === 'incidents') {
    const incidents = items.filter(isIncident);
    if (incidents.length === 0) {
      block(pdf, sect, 'P', () => pdf.text('Inga händelser har rapporterats för perioden.', { width }));
    } else {
      drawTable(
        pdf,
        sect,
        [...incidentColumns],
        incidents.map(incidentCells),
        [0.2, 0.16, 0.13, 0.12, 0.16, 0.23],
      );
    }
  } else if (section.kind === 'police_statistics' || section.kind === 'previous_period') {
    const statistics = items.filter((item): item is StatisticItem => !isIncident(item));
    if (statistics.length > 0) {
      drawTable(
        pdf,
        sect,
        [...statisticColumns],
        statistics.map((s) => [String(s.count), s.label, s.note ?? '']),
        [0.14, 0.43, 0.43],
      );
    }
  }
  sect.end();
  pdf.moveDown(0.8);
}

function isIncident(item: NonNullable<DocumentSection['items']>[number]): item is IncidentItem {
  return 'problem' in item;
}

const cellPadding = 3;

function rowHeight(
  pdf: TaggedPdf,
  cells: string[],
  widths: number[],
  font: string,
  fontSize: number,
): number {
  pdf.font(font).fontSize(fontSize);
  const heights = cells.map((text, i) =>
    text ? pdf.heightOfString(text, { width: (widths[i] ?? 0) - 2 * cellPadding }) : 0,
  );
  return Math.max(...heights) + 2 * cellPadding + 1;
}

/**
 * PDFKit cuts a row taller than a page short with an ellipsis, losing text. A row that would not
 * fit on a page is split into continuation rows instead, each cell broken between words.
 */
function splitTallRow(pdf: TaggedPdf, cells: string[], widths: number[], room: number): string[][] {
  pdf.font('Regular').fontSize(size.table);
  const fits = (text: string, i: number) =>
    pdf.heightOfString(text, { width: (widths[i] ?? 0) - 2 * cellPadding }) <= room;
  const parts: string[][] = [];
  let rest = cells;
  while (!rest.every(fits)) {
    const split = rest.map((text, i) => {
      if (fits(text, i)) return [text, ''];
      const words = text.split(/(?<=\s)/);
      // The most words that fit (binary search); at least one, so the loop always advances.
      let lo = 1;
      let hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(words.slice(0, mid).join(''), i)) lo = mid;
        else hi = mid - 1;
      }
      return [words.slice(0, lo).join('').trimEnd(), words.slice(lo).join('')];
    });
    parts.push(split.map(([head]) => head ?? ''));
    rest = split.map(([, tail]) => tail ?? '');
  }
  parts.push(rest);
  return parts;
}

/**
 * A tagged table (TH with column scope, TD) whose header row repeats at the top of every page it
 * runs onto. The repeats are drawn as pagination artifacts, so assistive technology reads the
 * header once, as the structure says.
 */
function drawTable(
  pdf: TaggedPdf,
  parent: StructElement,
  headers: string[],
  rows: string[][],
  fractions: number[],
): void {
  const width = contentWidth(pdf);
  const widths = fractions.map((f) => Math.floor(width * f));
  const headerHeight = rowHeight(pdf, headers, widths, 'Bold', size.table);
  const firstRowHeight = rows[0] ? rowHeight(pdf, rows[0], widths, 'Regular', size.table) : 0;
  if (pdf.y + headerHeight + firstRowHeight > pdf.page.maxY()) pdf.addPage();

  const top = margins.top;
  const repeatHeader = () => {
    pdf.markContent('Artifact', { type: 'Pagination' });
    let x = margins.left;
    pdf.save().lineWidth(0.5).strokeColor(colour.rule);
    headers.forEach((text, i) => {
      const w = widths[i] ?? 0;
      pdf.rect(x, top, w, headerHeight).fill(colour.headerFill);
      pdf.rect(x, top, w, headerHeight).stroke();
      pdf
        .fillColor(colour.text)
        .font('Bold')
        .fontSize(size.table)
        .text(text, x + cellPadding, top + cellPadding, { width: w - 2 * cellPadding });
      x += w;
    });
    pdf.restore();
    pdf.endMarkedContent();
    // PDFKit's table places a row that breaks at the page's top margin: below the repeat.
    pdf.page.margins.top = top + headerHeight;
  };

  pdf.page.margins.top = top + headerHeight;
  pdf.on('pageAdded', repeatHeader);
  try {
    pdf.x = margins.left;
    const table = pdf.table({
      structParent: parent,
      columnStyles: widths.map((w) => ({ width: w })),
      rowStyles: (i) =>
        i === 0
          ? {
              height: headerHeight,
              backgroundColor: colour.headerFill,
              font: { src: 'Bold', size: size.table },
            }
          : { font: { src: 'Regular', size: size.table } },
      defaultStyle: { padding: cellPadding, border: 0.5, borderColor: colour.rule, textColor: colour.text },
    });
    table.row(headers.map((text) => ({ text, type: 'TH', scope: 'column' })));
    // Below the repeated header there is this much room for one row.
    const roomForRow = pdf.page.maxY() - (top + headerHeight) - 2 * cellPadding - 4;
    for (const row of rows) {
      for (const part of splitTallRow(pdf, row, widths, roomForRow)) {
        table.row(part.map((text) => ({ text, type: 'TD' })));
      }
    }
    table.end();
  } finally {
    pdf.off('pageAdded', repeatHeader);
    pdf.page.margins.top = top;
  }
  pdf.x = margins.left;
  pdf.font('Regular').fontSize(size.body);
  pdf.moveDown(0.8);
}

function writeRunningHeadersAndFooters(
  pdf: TaggedPdf,
  runningTitle: string,
  published: string,
  classification?: string,
): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    pdf.page.margins.bottom = 0;
    const width = contentWidth(pdf);
    pdf.markContent('Artifact', { type: 'Pagination' });
    pdf.font('Regular').fontSize(size.small).fillColor(colour.muted);
    if (i > start) {
      pdf.text(runningTitle, margins.left, 32, { width, lineBreak: false });
    }
    if (classification) {
      pdf
        .font('Bold')
        .fillColor(colour.text)
        .text(classification, margins.left, 18, { width, lineBreak: false });
      pdf.font('Regular').fillColor(colour.muted);
    }
    const footerY = pdf.page.height - 40;
    pdf.text(published, margins.left, footerY, { width: width / 2, lineBreak: false });
    pdf.text(`Sida ${i - start + 1} av ${count}`, margins.left + width / 2, footerY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}
