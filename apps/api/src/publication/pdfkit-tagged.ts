import PDFKit from 'pdfkit';

/**
 * The part of PDFKit 0.20 the renderer uses, typed here because @types/pdfkit lags behind it
 * (no `subset: 'PDF/UA'`, no `struct(tag, options, children)`, no table `structParent`).
 */
export interface StructElement {
  add(child: StructElement | (() => void)): StructElement;
  end(): void;
}

export interface TableCell {
  text?: string;
  type?: 'TH' | 'TD';
  scope?: 'column' | 'row' | 'both';
}

export interface TableRowStyle {
  height?: number;
  backgroundColor?: string;
  font?: { src: string; size?: number };
}

export interface TableOptions {
  structParent?: StructElement;
  columnStyles?: Array<{ width: number }>;
  rowStyles?: (row: number) => TableRowStyle;
  defaultStyle?: {
    padding?: number;
    border?: number;
    borderColor?: string;
    font?: { src: string; size?: number };
    textColor?: string;
  };
}

export interface PdfTable {
  row(cells: TableCell[], lastRow?: boolean): PdfTable | TaggedPdf;
  end(): TaggedPdf;
}

export interface TextOptions {
  width?: number;
  height?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineBreak?: boolean;
  lineGap?: number;
  paragraphGap?: number;
  characterSpacing?: number;
  continued?: boolean;
}

export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface TaggedPdf {
  x: number;
  y: number;
  page: { width: number; height: number; margins: PageMargins; maxY(): number };
  outline: { addItem(title: string): unknown };
  _font: { font: ParsedFont };
  /** The trailer's file ID; PDFKit derives it from the clock, we set it to the content hash. */
  _id: Uint8Array;
  font(src: string | Buffer | ParsedFont, size?: number): TaggedPdf;
  fontSize(size: number): TaggedPdf;
  fillColor(color: string): TaggedPdf;
  strokeColor(color: string): TaggedPdf;
  lineWidth(width: number): TaggedPdf;
  rect(x: number, y: number, w: number, h: number): TaggedPdf;
  moveTo(x: number, y: number): TaggedPdf;
  lineTo(x: number, y: number): TaggedPdf;
  fill(color?: string): TaggedPdf;
  stroke(color?: string): TaggedPdf;
  save(): TaggedPdf;
  restore(): TaggedPdf;
  text(text: string, options?: TextOptions): TaggedPdf;
  text(text: string, x: number, y: number, options?: TextOptions): TaggedPdf;
  heightOfString(text: string, options?: TextOptions): number;
  widthOfString(text: string, options?: TextOptions): number;
  currentLineHeight(includeGap?: boolean): number;
  moveDown(lines?: number): TaggedPdf;
  image(src: Buffer, x: number, y: number, options?: { fit?: [number, number]; align?: string }): TaggedPdf;
  addPage(): TaggedPdf;
  /** `src` may be a parsed fontkit font (see `parsedFont`); `family` then only names the cache entry. */
  registerFont(name: string, src: Buffer | ParsedFont, family?: string): TaggedPdf;
  struct(
    tag: string,
    options?: { alt?: string; actual?: string; lang?: string; title?: string },
  ): StructElement;
  addStructure(element: StructElement): TaggedPdf;
  markContent(
    tag: 'Artifact',
    options?: { type?: 'Pagination' | 'Layout' | 'Page' | 'Background' },
  ): TaggedPdf;
  endMarkedContent(): TaggedPdf;
  table(options: TableOptions): PdfTable;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): unknown;
  on(event: 'pageAdded', listener: () => void): TaggedPdf;
  on(event: 'data', listener: (chunk: Buffer) => void): TaggedPdf;
  on(event: 'end' | 'error', listener: (error?: Error) => void): TaggedPdf;
  off(event: 'pageAdded', listener: () => void): TaggedPdf;
  end(): void;
}

/** A fontkit font object, opaque here. */
export type ParsedFont = { readonly layout: unknown };

export interface TaggedPdfOptions {
  pdfVersion: '1.7';
  subset: 'PDF/UA';
  tagged: true;
  lang: string;
  displayTitle: true;
  size: 'A4';
  margins: PageMargins;
  bufferPages: true;
  /**
   * `null` keeps PDFKit from loading Helvetica (not embeddable); fonts are then registered by
   * name, which also lets PDFKit cache them: a font opened from a Buffer is parsed on every switch.
   */
  font: null;
  info: { Title: string; Author: string; Creator: string; Producer: string; CreationDate: Date };
}

const parsedFonts = new WeakMap<Buffer, ParsedFont>();

/**
 * Parses a TrueType font once per process. PDFKit re-parses a font given as a Buffer each time a
 * table cell restores the previous font (about 2/3 of the render time for a 40-organisation
 * week); given as a parsed font registered under a family name, the switch is a cache hit.
 */
export function parsedFont(buffer: Buffer): ParsedFont {
  let font = parsedFonts.get(buffer);
  if (!font) {
    const probe = createTaggedPdf({
      size: 'A4',
      font: null,
      autoFirstPage: false,
    } as unknown as TaggedPdfOptions);
    probe.font(buffer);
    font = probe._font.font;
    parsedFonts.set(buffer, font);
  }
  return font;
}

export function createTaggedPdf(options: TaggedPdfOptions): TaggedPdf {
  const Ctor = PDFKit as unknown as new (options: TaggedPdfOptions) => TaggedPdf;
  return new Ctor(options);
}
