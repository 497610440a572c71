import type { AtgardsplanView, DocumentSection, LagesbildDocument } from '@laget/contracts';
import { html } from '../../publication/html.js';
import { paragraphs } from '../../publication/lagesbild-labels.js';
import type { MunicipalityProfile } from '../../publication/lagesbild-labels.js';
import { renderLagesbildPdf } from '../../publication/lagesbild-pdf.js';
import { textWithBreaks } from '../../publication/html.js';

/**
 * The published åtgärdsplan as a page, JSON and a tagged PDF. The PDF is the lägesbild's renderer
 * (the plan is in its document shape; only the heading differs), so it is tagged PDF/UA the same way.
 */
export const planTitle = (year: number, municipality: string) => `Åtgärdsplan ${year} – ${municipality}`;

export function renderPlanPage(plan: AtgardsplanView, municipality: string): string {
  const title = planTitle(plan.year, municipality);
  const section = (s: AtgardsplanView['sections'][number]) =>
    html`<section aria-labelledby="${s.id}">
      <h2 id="${s.id}">${s.title}</h2>
      ${paragraphs(s.text).map((p) => html`<p>${textWithBreaks(p)}</p>`)}
    </section>`;
  return html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <link rel="alternate" type="application/json" href="${String(plan.year)}.json" />
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p>
            Publicerad ${plan.publishedAt ?? ''}.
            <a href="${String(plan.year)}.pdf">Åtgärdsplanen som PDF</a>.
          </p>
          ${plan.sections.map(section)}
        </main>
      </body>
    </html>`.toString();
}

export function renderPlanPdf(plan: AtgardsplanView, municipality: MunicipalityProfile): Promise<Buffer> {
  const doc: LagesbildDocument = {
    id: String(plan.year),
    period: String(plan.year),
    status: 'published',
    revision: plan.revision,
    version: plan.version,
    view: 'open',
    sections: plan.sections as DocumentSection[],
  };
  return renderLagesbildPdf(doc, {
    municipality,
    publishedAt: new Date(plan.publishedAt ?? 0),
    heading: {
      title: planTitle(plan.year, municipality.name),
      subtitle: `Åtgärdsplan ${plan.year}`,
      running: `${municipality.name} · Åtgärdsplan ${plan.year} · ÖPPEN VERSION`,
    },
  });
}
