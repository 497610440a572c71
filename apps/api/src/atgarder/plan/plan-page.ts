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

/**
 * The plan's sections, led by what each later publication corrected and why (as a corrected
 * lägesbild says so), so a reader of the page or the PDF knows the plan changed after it came out.
 */
function publishedSections(plan: AtgardsplanView): AtgardsplanView['sections'] {
  if (plan.corrections.length === 0) return plan.sections;
  const text = plan.corrections
    .map((c) => `Rättad ${c.publishedAt.slice(0, 10)}: ${c.what}\nSkäl: ${c.why}`)
    .join('\n\n');
  return [{ id: 'rattelser', kind: 'other', title: 'Rättelser', text }, ...plan.sections];
}

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
            Publicerad ${plan.publishedAt ?? ''}${plan.corrections.length > 0 ? ' (rättad version)' : ''}.
            <a href="${String(plan.year)}.pdf">Åtgärdsplanen som PDF</a>.
          </p>
          ${publishedSections(plan).map(section)}
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
    sections: publishedSections(plan) as DocumentSection[],
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
