import { html, SafeHtml } from './html.js';
import { cellText, fewerThanText, type OpenMap, shownSum } from './open-map.js';
import type { OpenMapSvg } from './open-map-svg.js';

/*
 * "Karta" on the public page: the map as inline SVG (role img, named by its alt text) and, as its
 * accessible form and for anyone who wants the numbers, a real table area × category. Both come
 * from the same cells, so a hidden cell reads "färre än 3" in each and no total includes it.
 */

export const OPEN_MAP_HEADING = 'Karta';

/** The map's table: one row per area, one column per category, and the sum of the shown cells. */
export function openMapTable(map: OpenMap): { columns: string[]; rows: string[][] } {
  return {
    columns: ['Område', ...map.categories.map((category) => category.label), 'Summa av visade'],
    rows: map.areas.map((area) => [area.name, ...area.cells.map(cellText), String(shownSum(area))]),
  };
}

function inlineSvg(drawn: OpenMapSvg): SafeHtml {
  // The page sizes the map; the SVG keeps its viewBox and carries its name for assistive technology.
  const svg = drawn.svg.replace(
    /^<svg\b([^>]*)>/,
    (_whole, attributes: string) =>
      `<svg${attributes.replace(/\s(width|height)="[^"]*"/g, '')} role="img" aria-labelledby="karta-alt" focusable="false" class="map">`,
  );
  return new SafeHtml(svg.replace('<title>', '<title id="karta-alt">'));
}

export function openMapHtml(map: OpenMap, drawn: OpenMapSvg, periodLabel: string): SafeHtml {
  const table = openMapTable(map);
  const [areaHeader = '', ...columns] = table.columns;
  return html`<section aria-labelledby="karta" class="open-map">
    <h2 id="karta">${OPEN_MAP_HEADING}</h2>
    <p>
      Antal händelser per område och kategori, ${periodLabel}. Kartan visar aldrig enskilda platser. Där ett
      område har färre än ${String(map.minCount)} händelser i en kategori står det
      "${fewerThanText(map.minCount)}", och de räknas inte in i någon summa. Händelser utan plats, utanför
      områdena eller där platsen har maskerats finns inte med.
    </p>
    <figure class="figure">
      ${inlineSvg(drawn)}
      <figcaption>Händelser per område, ${periodLabel}</figcaption>
    </figure>
    <div class="table-wrap" role="region" aria-labelledby="karta-tabell" tabindex="0">
      <table>
        <caption id="karta-tabell">
          Händelser per område och kategori, ${periodLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">${areaHeader}</th>
            ${columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            ([name = '', ...cells]) =>
              html`<tr>
                <th scope="row">${name}</th>
                ${cells.map((cell) => html`<td>${cell}</td>`)}
              </tr> `,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

export const openMapStyles = `
.laget .open-map .map{display:block;width:100%;max-width:36rem;height:auto}`;
