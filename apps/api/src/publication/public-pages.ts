import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { DocumentSection, IncidentItem, PublicLagesbild, StatisticItem } from '@laget/contracts';
import { figureStyles, figuresHtml, type RenderedFigure } from './analysis-html.js';
import { html, SafeHtml, textWithBreaks } from './html.js';
import type { OpenMap } from './open-map.js';
import { openMapHtml, openMapStyles } from './open-map-html.js';
import { renderOpenMapSvg } from './open-map-svg.js';
import {
  aboutLinkText,
  documentTitle,
  incidentCells,
  incidentColumns,
  letterhead,
  paragraphs,
  statisticColumns,
  swedishDate,
  timeZone,
  meetingLine,
  versionLabel,
  weekLabel,
  type MunicipalityProfile,
} from './lagesbild-labels.js';
import { latestPerWeek, newestFirst, type PublishedRevision } from './published-revision.js';
import { PublicUrls } from './public-urls.js';

/**
 * The public site: plain server-rendered HTML in Swedish that works without JavaScript, prints
 * well and can be embedded (`embed: true` drops the site chrome and opens links in the top window).
 * Pure functions of published open versions; nothing else reaches the page.
 */
export interface PublicSite {
  municipality: MunicipalityProfile;
  /** PUBLIC_BASE_URL. */
  baseUrl: string;
}

export interface PageOptions {
  embed?: boolean;
  /**
   * A period analysis' figures, rendered from the same document (analysis-html.ts): shown in
   * place of the incident rows, which the weeks' own lägesbilder list.
   */
  figures?: readonly RenderedFigure[];
  /** On the månadsmöte's week: the month analysis it discusses, where that is published (`2024-11`). */
  monthAnalysis?: string;
  /** The publication's open map (counted at publication): a "Karta" section after the incidents. */
  openMap?: OpenMap;
}

const styles = `
.laget{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;line-height:1.5;max-width:60rem;margin:0 auto;padding:1rem}
.laget a{color:#0b4f8a}
.laget a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.laget .skip{position:absolute;left:-999rem}
.laget .skip:focus{position:static}
.laget .letterhead{font-weight:700;letter-spacing:.08em;border-bottom:1px solid #767676;padding-bottom:.5rem;margin:0 0 1rem}
.laget h1{font-size:1.75rem;line-height:1.25;margin:.5rem 0}
.laget h2{font-size:1.3rem;margin:2rem 0 .5rem}
.laget .version{font-weight:700;font-size:1.1rem;margin:.25rem 0}
.laget .meeting{margin:.25rem 0}
.laget .meta{color:#4a4a4a;margin:.25rem 0}
.laget .notice{border-left:4px solid #8a5300;background:#fff8e6;padding:.5rem 1rem;margin:1rem 0}
.laget .notice h2{margin-top:.25rem;font-size:1.1rem}
.laget .table-wrap{overflow-x:auto}
.laget table{border-collapse:collapse;width:100%;font-size:.9rem}
.laget caption{text-align:left;font-weight:700;padding:.25rem 0}
.laget th,.laget td{border:1px solid #767676;padding:.35rem .5rem;text-align:left;vertical-align:top}
.laget thead th{background:#e6e6e6}
.laget tbody th{font-weight:400}
.laget .downloads{display:flex;gap:1.5rem;flex-wrap:wrap;padding:0;list-style:none}
.laget .weeks{padding-left:1.25rem}
.laget .weeks li{margin:.4rem 0}
.laget footer{margin-top:3rem;border-top:1px solid #767676;padding-top:.5rem;color:#4a4a4a;font-size:.9rem}
@media print{
 .laget{max-width:none;padding:0;font-size:10pt}
 .laget .skip,.laget .downloads,.laget .no-print{display:none}
 .laget a{color:inherit;text-decoration:none}
 .laget thead{display:table-header-group}
 .laget tr,.laget .notice{break-inside:avoid}
 .laget h2{break-after:avoid}
 .laget .table-wrap{overflow:visible}
}`;

function layout(
  site: PublicSite,
  title: string,
  body: SafeHtml,
  options: PageOptions,
  head?: SafeHtml,
): string {
  const urls = new PublicUrls(site.baseUrl);
  return html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        ${options.embed ? html`<base target="_top" />` : ''}
        <link
          rel="alternate"
          type="application/atom+xml"
          title="Lägesbilder – ${site.municipality.name}"
          href="${urls.feed()}"
        />
        ${head ?? ''}
        <style>
          ${new SafeHtml(styles + figureStyles + openMapStyles)}
        </style>
      </head>
      <body>
        <div class="laget">
          ${
            options.embed
              ? ''
              : html`<a class="skip" href="#innehall">Hoppa till innehållet</a>
                  <header><p class="letterhead">${letterhead(site.municipality)}</p></header>`
          }
          <main id="innehall">${body}</main>
          ${
            options.embed
              ? ''
              : html`<footer>
                  <p>
                    ${site.municipality.name} · Lägesbilden sammanställs inom Effektiv samordning för trygghet
                    (EST). <a href="${urls.feed()}">Prenumerera (Atom)</a>${
                      site.municipality.aboutUrl
                        ? html` ·
                            <a href="${site.municipality.aboutUrl}">${aboutLinkText(site.municipality)}</a>`
                        : ''
                    }
                  </p>
                </footer>`
          }
        </div>
      </body>
    </html> `.value;
}

/** `<time>` with the offset Stockholm had at that moment. */
function time(date: Date): SafeHtml {
  const stamp = format(new TZDate(date.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
  return html`<time datetime="${stamp}">${swedishDate(date)}</time>`;
}

const sectionAnchor = (section: DocumentSection) => `avsnitt-${section.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function isIncident(item: NonNullable<DocumentSection['items']>[number]): item is IncidentItem {
  return 'problem' in item;
}

function incidentTable(items: IncidentItem[], caption: string, id: string): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
    <table>
      <caption id="${id}">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${incidentColumns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${items.map((item) => {
          const [problem = '', ...cells] = incidentCells(item);
          return html`<tr>
            <th scope="row">${problem}</th>
            ${cells.map((c) => html`<td>${c}</td>`)}
          </tr> `;
        })}
      </tbody>
    </table>
  </div>`;
}

function statisticTable(items: StatisticItem[], caption: string, id: string): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-labelledby="${id}" tabindex="0">
    <table>
      <caption id="${id}">
        ${caption}
      </caption>
      <thead>
        <tr>
          ${statisticColumns.map((c) => html`<th scope="col">${c}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (s) =>
            html`<tr>
              <td>${String(s.count)}</td>
              <th scope="row">${s.label}</th>
              <td>${s.note ?? ''}</td>
            </tr> `,
        )}
      </tbody>
    </table>
  </div>`;
}

function sectionHtml(section: DocumentSection, week: string, figures?: readonly RenderedFigure[]): SafeHtml {
  const anchor = sectionAnchor(section);
  const items = section.items ?? [];
  const incidents = items.filter(isIncident);
  const statistics = items.filter((item): item is StatisticItem => !isIncident(item));
  return html`<section aria-labelledby="${anchor}">
    <h2 id="${anchor}">${section.title}</h2>
    ${paragraphs(section.text).map((p) => html`<p>${textWithBreaks(p)}</p> `)}${
      section.kind === 'incidents' && figures
        ? figuresHtml(figures)
        : section.kind === 'incidents'
          ? incidents.length > 0
            ? incidentTable(incidents, `${section.title}, ${week}`, `${anchor}-tabell`)
            : html`<p>Inga händelser har rapporterats för perioden.</p>`
          : ''
    }${
      (section.kind === 'police_statistics' || section.kind === 'previous_period') && statistics.length > 0
        ? statisticTable(statistics, `${section.title}, ${week}`, `${anchor}-tabell`)
        : ''
    }
  </section> `;
}

/**
 * The page for one publication of a week. `history` is every publication of that week; from it
 * the page says whether this one was later corrected and links the other versions.
 */
export function renderLagesbildPage(
  publication: PublishedRevision,
  site: PublicSite,
  history: readonly PublishedRevision[] = [publication],
  options: PageOptions = {},
): string {
  const urls = new PublicUrls(site.baseUrl);
  const doc = publication.document;
  const week = weekLabel(doc.period);
  const title = documentTitle(site.municipality);
  const sameWeek = history.filter((p) => p.period === publication.period).sort(newestFirst);
  const latest = sameWeek[0] ?? publication;
  const superseded = latest.publicationNumber > publication.publicationNumber;
  const others = sameWeek.filter((p) => p.publicationNumber !== publication.publicationNumber);
  const pdfUrl = superseded
    ? urls.publication(publication.period, publication.publicationNumber, 'pdf')
    : urls.week(publication.period, 'pdf');
  const jsonUrl = superseded
    ? urls.publication(publication.period, publication.publicationNumber, 'json')
    : urls.week(publication.period, 'json');
  const geoJsonUrl = superseded
    ? urls.publication(publication.period, publication.publicationNumber, 'geojson')
    : urls.week(publication.period, 'geojson');
  const { openMap } = options;
  const mapSection = openMap ? openMapHtml(openMap, renderOpenMapSvg(openMap), week) : '';

  const body = html`<article>
    <h1>${title}</h1>
    <p class="version">${week} ${versionLabel(doc.view)}</p>
    <p class="meeting">${meetingLine(doc.period, site.municipality)}</p>
    <p class="meta">
      Publicerad ${time(publication.publishedAt)}${publication.correction ? ' (rättad version)' : ''}
    </p>
    ${
      superseded
        ? html`<div class="notice" role="note">
            <h2>Den här versionen har rättats</h2>
            <p>
              En rättad version publicerades ${time(latest.publishedAt)}.
              <a href="${urls.week(publication.period)}">Läs den rättade versionen</a>.
            </p>
          </div> `
        : ''
    }${
      publication.correction
        ? html`<div class="notice" role="note">
            <h2>Rättelse</h2>
            <p>${textWithBreaks(publication.correction.what)}</p>
            <p>Skäl: ${textWithBreaks(publication.correction.why)}</p>
          </div> `
        : ''
    }
    ${
      options.monthAnalysis
        ? html`<p class="analysis-link">
            Månadsmötets analys:
            <a href="${urls.week(options.monthAnalysis)}">Lägesbild ${weekLabel(options.monthAnalysis)}</a>
          </p>`
        : ''
    }
    <ul class="downloads">
      <li>
        <a href="${pdfUrl}" type="application/pdf"
          >Ladda ner som PDF<span class="no-print"> (tillgänglig PDF)</span></a
        >
      </li>
      <li><a href="${jsonUrl}" type="application/json">Som data (JSON)</a></li>
      ${
        openMap
          ? html`<li><a href="${geoJsonUrl}" type="application/geo+json">Kartan som data (GeoJSON)</a></li>`
          : ''
      }
      <li><a href="${urls.list()}">Alla lägesbilder</a></li>
    </ul>
    ${doc.sections.map((section) => [
      sectionHtml(section, week, options.figures),
      section.kind === 'incidents' ? mapSection : '',
    ])}${
      others.length > 0
        ? html`<section aria-labelledby="andra-versioner" class="no-print">
            <h2 id="andra-versioner">Andra versioner av ${week}</h2>
            <ul>
              ${others.map(
                (p) =>
                  html`<li>
                    <a
                      href="${p === latest ? urls.week(p.period) : urls.publication(p.period, p.publicationNumber)}"
                      >Publicerad ${swedishDate(p.publishedAt)}</a
                    >${
                      p === latest
                        ? ' (senaste, rättad)'
                        : p.publicationNumber < publication.publicationNumber
                          ? ' (ersatt av en rättelse)'
                          : ''
                    }
                  </li> `,
              )}
            </ul>
          </section>`
        : ''
    }
  </article>`;

  const head = html`<link rel="alternate" type="application/pdf" href="${pdfUrl}" />
    <link rel="alternate" type="application/json" href="${jsonUrl}" />
    <link rel="describedby" type="application/schema+json" href="${urls.schema()}" />
    ${superseded ? html`<link rel="canonical" href="${urls.week(publication.period)}" />` : ''}`;
  return layout(site, `${title} ${week} – ${site.municipality.name}`, body, options, head);
}

/** Every published week, newest first, each by its latest publication; corrected weeks say so. */
export function renderLagesbildList(
  revisions: readonly PublishedRevision[],
  site: PublicSite,
  options: PageOptions = {},
): string {
  const urls = new PublicUrls(site.baseUrl);
  const weeks = latestPerWeek(revisions);
  const heading = `Lokala lägesbilder för ${site.municipality.name}`;
  const body = html`<h1>${heading}</h1>
    <p>
      ${site.municipality.name} publicerar varje vecka en öppen version av den lokala lägesbilden avseende
      brottslighet och otrygghet, som tas fram inom Effektiv samordning för trygghet (EST).
    </p>
    ${
      weeks.length === 0
        ? html`<p>Inga lägesbilder har publicerats ännu.</p>`
        : html`<ul class="weeks">
            ${weeks.map(
              (p) =>
                html`<li>
                  <a href="${urls.week(p.period)}">Lägesbild ${weekLabel(p.period)}</a> – publicerad
                  ${time(p.publishedAt)}${p.publicationNumber > 1 ? ' (rättad)' : ''} ·
                  <a href="${urls.week(p.period, 'pdf')}" type="application/pdf"
                    >PDF<span class="no-print"> för ${weekLabel(p.period)}</span></a
                  >
                </li> `,
            )}
          </ul>`
    }
    <p class="no-print">
      <a href="${urls.feed()}">Prenumerera på nya lägesbilder (Atom-flöde)</a> ·
      <a href="${urls.list('json')}">Som data (JSON)</a>
    </p>`;
  return layout(site, `${heading}`, body, options);
}

/** The `.json` form of a publication: the open document and what identifies the publication. */
/**
 * The JSON of one publication: `$schema` names the JSON Schema it follows (PublicLagesbild), and
 * `map` links the open map counted at its publication, where it has one.
 */
export function publicationJson(
  publication: PublishedRevision,
  site: PublicSite,
  hasMap = false,
): PublicLagesbild {
  const urls = new PublicUrls(site.baseUrl);
  return {
    $schema: urls.schema(),
    period: publication.period,
    publicationNumber: publication.publicationNumber,
    revision: publication.revision,
    publishedAt: publication.publishedAt.toISOString(),
    contentHash: publication.contentHash,
    correction: publication.correction,
    document: { ...publication.document, status: 'published', view: 'open' },
    map: hasMap ? urls.publication(publication.period, publication.publicationNumber, 'geojson') : null,
  };
}
