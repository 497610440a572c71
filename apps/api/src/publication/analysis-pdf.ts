import { createRequire } from 'node:module';
import type { RenderedFigure } from './analysis-html.js';
import type { StructElement, TaggedPdf } from './pdfkit-tagged.js';
import { pdfWritable } from './writable-text.js';

/*
 * A period analysis' figures in the tagged PDF: each chart's SVG drawn as vector paths by
 * svg-to-pdfkit inside a Figure structure element whose Alt is the alt text generated from the
 * data, followed by its caption. svg-to-pdfkit has no types of its own; the one call is typed here.
 */

type SvgToPdf = (
  doc: TaggedPdf,
  svg: string,
  x: number,
  y: number,
  options: {
    width?: number;
    height?: number;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
  },
) => void;

const svgToPdf = createRequire(import.meta.url)('svg-to-pdfkit') as SvgToPdf;

/** Draws the figures at the current position, a figure that does not fit starting a new page. */
export function writeFigures(
  pdf: TaggedPdf,
  parent: StructElement,
  figures: readonly RenderedFigure[],
  area: { left: number; width: number },
): void {
  for (const figure of figures) {
    const { width, height } = svgSize(figure.svg);
    const scale = Math.min(1, area.width / width);
    const drawn = { width: width * scale, height: height * scale };
    const alt = pdfWritable(figure.alt);
    pdf.font('Bold').fontSize(9);
    let captionHeight = pdf.heightOfString(pdfWritable(figure.title), { width: area.width });
    pdf.font('Regular').fontSize(8);
    captionHeight += pdf.heightOfString(alt, { width: area.width });
    if (pdf.y + drawn.height + captionHeight + 12 > pdf.page.maxY()) pdf.addPage();
    const top = pdf.y;
    const element = pdf.struct('Figure', { alt });
    parent.add(element);
    // Without its own width and height the SVG scales into the box given (its viewBox kept).
    const scalable = figure.svg.replace(/^<svg\b[^>]*>/, (root) =>
      root.replace(/\s(width|height)="[^"]*"/g, ''),
    );
    element.add(() =>
      svgToPdf(pdf, scalable, area.left, top, {
        ...drawn,
        assumePt: true,
        // Vega names DejaVu Sans; the PDF embeds it as the registered fonts.
        fontCallback: (_family, bold) => (bold ? 'Bold' : 'Regular'),
      }),
    );
    element.end();
    pdf.x = area.left;
    pdf.y = top + drawn.height + 4;
    const caption = pdf.struct('Caption');
    parent.add(caption);
    // The caption says in words what the chart shows (the alt text): for every reader, and for text extraction.
    caption.add(() => {
      pdf.font('Bold').fontSize(9).text(pdfWritable(figure.title), { width: area.width });
      pdf.font('Regular').fontSize(8).text(alt, { width: area.width, lineGap: 1 });
    });
    caption.end();
    pdf.font('Regular').fontSize(10);
    pdf.moveDown(0.8);
  }
}

function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 440), height: Number(match?.[2] ?? 220) };
}
