/**
 * RSS 2.0 (rssboard.org/rss-specification), with the extensions readers expect of news:
 * `dc:creator` for bylines (RSS's own `author` must be an e-mail address), `media:content` for
 * the lead image (Media RSS), `content:encoded` for the full story, and `atom:link rel="self"`.
 */
import type { FeedItem, FeedModel } from './feed-items.js';
import { xml, xmlDocument } from './xml.js';
import type { SafeXml } from './xml.js';

export const RSS_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** RFC 822 (with a four-digit year, as RFC 1123 and every reader accept), in GMT. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function renderRss(feed: FeedModel): string {
  return xmlDocument(xml`<rss version="2.0" xmlns:atom="${RSS_NAMESPACES.atom}" xmlns:content="${RSS_NAMESPACES.content}" xmlns:dc="${RSS_NAMESPACES.dc}" xmlns:media="${RSS_NAMESPACES.media}">
<channel>
<title>${feed.title}</title>
<link>${feed.pageUrl}</link>
<description>${feed.description}</description>
<language>${feed.language}</language>
<lastBuildDate>${rfc822(feed.updated)}</lastBuildDate>
<generator>Galley</generator>
<docs>https://www.rssboard.org/rss-specification</docs>
<atom:link rel="self" type="application/rss+xml" href="${feed.feedUrls.rss}"/>
${feed.items.map(rssItem)}</channel>
</rss>`);
}

function rssItem(item: FeedItem): SafeXml {
  return xml`<item>
<title>${item.title}</title>
<link>${item.url}</link>
<guid isPermaLink="false">${item.id}</guid>
<pubDate>${rfc822(item.published)}</pubDate>
${item.summary ? xml`<description>${item.summary}</description>\n` : null}${item.authors.map(
    (author) => xml`<dc:creator>${author.name}</dc:creator>\n`,
  )}<category domain="${item.section.url}">${item.section.name}</category>
${item.tags.map((tag) => xml`<category domain="${tag.url}">${tag.name}</category>\n`)}${
    item.image
      ? xml`<media:content url="${item.image.url}" medium="image" width="${item.image.width}" height="${item.image.height}"${item.image.mime ? xml` type="${item.image.mime}"` : null}>
${item.image.alt ? xml`<media:description type="plain">${item.image.alt}</media:description>\n` : null}${item.image.credit ? xml`<media:credit>${item.image.credit}</media:credit>\n` : null}</media:content>\n`
      : null
  }${item.contentHtml === null ? null : xml`<content:encoded>${item.contentHtml}</content:encoded>\n`}</item>
`;
}
