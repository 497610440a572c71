import { Feed } from 'feed';
import { html } from './html.js';
import { documentTitle, weekLabel } from './lagesbild-labels.js';
import type { PublicSite } from './public-pages.js';
import { newestFirst, type PublishedRevision } from './published-revision.js';
import { PublicUrls } from './public-urls.js';
import { xmlWritable } from './writable-text.js';

/**
 * The Atom feed of publications, newest first: one entry per publication, so a correction reaches
 * subscribers as its own entry. `updated` is the newest publication time (not the clock), so the
 * same publications give the same feed and the same ETag.
 */
export function renderAtomFeed(
  revisions: readonly PublishedRevision[],
  site: PublicSite,
  limit = 50,
  /** Published yearly åtgärdsplaner (ADR 0028): an entry each. */
  plans: readonly { year: number; publishedAt: Date }[] = [],
): string {
  const urls = new PublicUrls(site.baseUrl);
  const entries = [...revisions].sort(byPublicationTime).slice(0, limit);
  const title = `Lokala lägesbilder – ${site.municipality.name}`;
  const feed = new Feed({
    id: urls.list(),
    title,
    description: `Öppna versioner av ${documentTitle(site.municipality).replace(/^L/, 'l')}.`,
    link: urls.list(),
    language: 'sv',
    updated: [entries[0]?.publishedAt, ...plans.map((plan) => plan.publishedAt)].reduce<Date>(
      (latest, date) => (date && date > latest ? date : latest),
      new Date(0),
    ),
    generator: 'Läget',
    feedLinks: { atom: urls.feed() },
    author: { name: site.municipality.name },
    copyright: site.municipality.name,
  });
  for (const p of entries) {
    const week = weekLabel(p.period);
    const corrected = p.correction !== null || p.publicationNumber > 1;
    feed.addItem({
      id: urls.publication(p.period, p.publicationNumber),
      title: `${corrected ? 'Rättad: ' : ''}Lokal lägesbild ${week}`,
      link: urls.week(p.period),
      date: p.publishedAt,
      published: p.publishedAt,
      description: corrected
        ? `Rättad version av lägesbilden för ${week}.${p.correction ? ` ${p.correction.what}` : ''}`
        : `Öppen version av den lokala lägesbilden för ${site.municipality.name}, ${week}.`,
      // Not `enclosure`: feed 6 writes its MIME type as image/<extension>, "image/pdf".
      content: html`<p>
        <a href="${urls.publication(p.period, p.publicationNumber)}">Läs lägesbilden för ${week}</a> ·
        <a href="${urls.publication(p.period, p.publicationNumber, 'pdf')}">PDF</a>
      </p>`.value,
    });
  }
  for (const plan of plans) {
    const link = `${site.baseUrl}/public/atgardsplaner/${plan.year}`;
    feed.addItem({
      id: link,
      title: `Åtgärdsplan ${plan.year}`,
      link,
      date: plan.publishedAt,
      published: plan.publishedAt,
      description: `Öppen version av åtgärdsplanen för ${site.municipality.name}, ${plan.year}.`,
      content: html`<p>
        <a href="${link}">Läs åtgärdsplanen för ${String(plan.year)}</a> · <a href="${link}.pdf">PDF</a>
      </p>`.value,
    });
  }
  // The feed library escapes markup but passes every character on; XML 1.0 cannot hold them all.
  return xmlWritable(feed.atom1());
}

function byPublicationTime(a: PublishedRevision, b: PublishedRevision): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || newestFirst(a, b);
}
