/**
 * Atom 1.0 (RFC 4287). Every entry carries its own authors when it has a byline; the feed names
 * the publication as author too, so an entry without a byline still satisfies section 4.1.1.
 */
import type { FeedItem, FeedLink, FeedModel } from './feed-items.js';
import { xml, xmlDocument } from './xml.js';
import type { SafeXml } from './xml.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

const author = (who: FeedLink): SafeXml =>
  xml`<author><name>${who.name}</name><uri>${who.url}</uri></author>`;

export function renderAtom(feed: FeedModel): string {
  return xmlDocument(xml`<feed xmlns="${ATOM_NAMESPACE}" xml:lang="${feed.language}">
<id>${feed.feedUrls.atom}</id>
<title type="text">${feed.title}</title>
<subtitle type="text">${feed.description}</subtitle>
<updated>${feed.updated}</updated>
<link rel="self" type="application/atom+xml" href="${feed.feedUrls.atom}"/>
<link rel="alternate" type="text/html" hreflang="${feed.language}" href="${feed.pageUrl}"/>
${author(feed.author ?? feed.publisher)}
<generator>Galley</generator>
${feed.items.map(atomEntry)}</feed>`);
}

function atomEntry(item: FeedItem): SafeXml {
  return xml`<entry>
<id>${item.id}</id>
<title type="text">${item.title}</title>
<link rel="alternate" type="text/html" href="${item.url}"/>
<published>${item.published}</published>
<updated>${item.updated}</updated>
${item.authors.map((who) => xml`${author(who)}\n`)}<category term="${item.section.name}"/>
${item.tags.map((tag) => xml`<category term="${tag.name}"/>\n`)}${
    item.image
      ? xml`<link rel="enclosure"${item.image.mime ? xml` type="${item.image.mime}"` : null} href="${item.image.url}"${item.image.alt ? xml` title="${item.image.alt}"` : null}/>\n`
      : null
  }${item.summary ? xml`<summary type="text">${item.summary}</summary>\n` : null}${
    item.contentHtml === null ? null : xml`<content type="html">${item.contentHtml}</content>\n`
  }</entry>
`;
}
