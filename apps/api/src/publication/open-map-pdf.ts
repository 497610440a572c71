import { writeFigures } from './analysis-pdf.js';
import { OPEN_MAP_HEADING, openMapTable } from './open-map-html.js';
import { renderOpenMapSvg } from './open-map-svg.js';
import type { OpenMap } from './open-map.js';
import type { StructElement, TaggedPdf } from './pdfkit-tagged.js';
import { pdfWritable } from './writable-text.js';

/*
 * "Karta" in the tagged PDF: a Sect with its H2, a sentence on the rule, the map drawn as vector
 * paths inside a Figure whose Alt lists every area and what is shown of it (analysis-pdf.ts, as
 * the charts), and the table area × category tagged as a table. The same cells as the page.
 */

export type DrawTable = (
  parent: StructElement,
  headers: string[],
  rows: string[][],
  fractions: number[],
) => void;

export function writeOpenMap(
  pdf: TaggedPdf,
  root: StructElement,
  map: OpenMap,
  area: { left: number; width: number },
  drawTable: DrawTable,
): void {
  const sect = pdf.struct('Sect');
  root.add(sect);
  const drawn = renderOpenMapSvg(map);
  pdf.x = area.left;
  // The heading and its sentence stay with the map: start a page unless all three fit.
  const mapHeight = drawn.height * Math.min(1, area.width / drawn.width);
  if (pdf.y + 90 + mapHeight > pdf.page.maxY()) pdf.addPage();
  pdf.font('Bold').fontSize(13);
  pdf.outline.addItem(OPEN_MAP_HEADING);
  const heading = pdf.struct('H2');
  sect.add(heading);
  heading.add(() => pdf.text(OPEN_MAP_HEADING, { width: area.width }));
  heading.end();
  pdf.moveDown(0.4);
  const rule = pdf.struct('P');
  sect.add(rule);
  rule.add(() =>
    pdf
      .font('Regular')
      .fontSize(10)
      .text(
        pdfWritable(
          `Antal händelser per område och kategori. Kartan visar aldrig enskilda platser. Där ett område har ` +
            `färre än ${map.minCount} händelser i en kategori står det "färre än ${map.minCount}", och de ` +
            `räknas inte in i någon summa. Händelser utan plats, utanför områdena eller där platsen har ` +
            `maskerats finns inte med.`,
        ),
        { width: area.width, lineGap: 2, paragraphGap: 6 },
      ),
  );
  rule.end();
  writeFigures(
    pdf,
    sect,
    [
      {
        id: 'karta',
        title: 'Händelser per område',
        alt: drawn.alt,
        svg: drawn.svg,
        table: { columns: [], rows: [] },
        spec: {},
      },
    ],
    area,
  );
  const table = openMapTable(map);
  const columns = table.columns.length;
  // The area's name gets more room than a count.
  const first = Math.min(0.3, 1 / columns + 0.1);
  const rest = (1 - first) / Math.max(1, columns - 1);
  drawTable(
    sect,
    table.columns.map(pdfWritable),
    table.rows.map((row) => row.map(pdfWritable)),
    [first, ...Array.from({ length: columns - 1 }, () => rest)],
  );
  sect.end();
}
