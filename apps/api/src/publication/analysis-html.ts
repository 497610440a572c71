import type { LagesbildDocument } from '@laget/contracts';
import { type AnalysisFigure, analysisFigures } from './analysis-figures.js';
import { renderChartSvg } from './chart-svg.js';
import { escapeHtml, html, SafeHtml } from './html.js';

/*
 * A period analysis' figures on the public page: each a <figure> with the chart drawn on the
 * server as inline SVG (role img, its alt text as the accessible name), a caption, and the data
 * as a table in a <details> for those who cannot see the chart or want the numbers. Nothing is
 * fetched and no script runs: the page works as before without JavaScript and offline.
 */

export interface RenderedFigure extends AnalysisFigure {
  svg: string;
}

/** The document's figures with their SVG: async, because Vega renders asynchronously. */
export async function renderFigures(document: LagesbildDocument): Promise<RenderedFigure[]> {
  const figures = analysisFigures(document);
  return Promise.all(
    figures.map(async (figure) => ({ ...figure, svg: (await renderChartSvg(figure.spec)).svg })),
  );
}

/** Vega's SVG with the accessible name on its root, sized by the page rather than in pixels. */
function accessibleSvg(svg: string, alt: string): SafeHtml {
  // Vega marks its containers with roles of their own even with `aria: false`; inside role img they are noise.
  const body = svg
    .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
    .replace(/^<svg\b([^>]*)>/, (_whole, attributes: string) => {
      const kept = attributes.replace(/\s(width|height|class)="[^"]*"/g, '');
      return `<svg${kept} role="img" aria-label="${escapeHtml(alt)}" focusable="false" class="chart">`;
    });
  return new SafeHtml(body);
}

export function figuresHtml(figures: readonly RenderedFigure[]): SafeHtml {
  return html`${figures.map((figure) => {
    const id = `figur-${figure.id}`;
    const [header = '', ...columns] = figure.table.columns;
    return html`<figure class="figure" aria-labelledby="${id}">
      ${accessibleSvg(figure.svg, figure.alt)}
      <figcaption id="${id}">${figure.title}</figcaption>
      <details>
        <summary>Visa som tabell: ${figure.title}</summary>
        <div class="table-wrap" role="region" aria-labelledby="${id}-tabell" tabindex="0">
          <table>
            <caption id="${id}-tabell">
              ${figure.title}
            </caption>
            <thead>
              <tr>
                <th scope="col">${header}</th>
                ${columns.map((c) => html`<th scope="col">${c}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${figure.table.rows.map(
                ([first = '', ...cells]) =>
                  html`<tr>
                    <th scope="row">${first}</th>
                    ${cells.map((c) => html`<td>${c}</td>`)}
                  </tr> `,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure> `;
  })}`;
}

export const figureStyles = `
.laget .figure{margin:1.5rem 0}
.laget .figure .chart{display:block;max-width:100%;height:auto}
.laget .figure figcaption{font-weight:700;margin:.25rem 0}
.laget .figure summary{cursor:pointer;color:#0b4f8a}
@media print{.laget .figure{break-inside:avoid}.laget .figure details{display:none}}`;
