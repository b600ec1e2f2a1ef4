/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1). `JSON.stringify` does the escaping; `<`, `>` and
 * `&` are written as \u escapes as well, so a feed opened in a browser, or pasted into a page,
 * can never be read as markup.
 */
import type { FeedItem, FeedLink, FeedModel } from './feed-items.js';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

interface JsonFeedAuthor {
  name: string;
  url: string;
}

interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary?: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language: string;
}

interface JsonFeedDocument {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: JsonFeedAuthor[];
  items: JsonFeedItem[];
}

const person = (who: FeedLink): JsonFeedAuthor => ({ name: who.name, url: who.url });

export function renderJsonFeed(feed: FeedModel): string {
  const document: JsonFeedDocument = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    authors: [person(feed.author ?? feed.publisher)],
    items: feed.items.map((item) => jsonFeedItem(item, feed.language)),
  };
  return `${JSON.stringify(document, null, 2).replace(/[<>&]/g, unicodeEscape)}\n`;
}

function jsonFeedItem(item: FeedItem, language: string): JsonFeedItem {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    ...(item.summary ? { summary: item.summary } : {}),
    // JSON Feed requires content_html or content_text; a summaries-only feed gives the summary.
    ...(item.contentHtml === null
      ? { content_text: item.summary || item.title }
      : { content_html: item.contentHtml }),
    ...(item.image ? { image: item.image.url } : {}),
    date_published: item.published,
    date_modified: item.updated,
    ...(item.authors.length > 0 ? { authors: item.authors.map(person) } : {}),
    ...(item.tags.length > 0 ? { tags: item.tags.map((tag) => tag.name) } : {}),
    language,
  };
}

const unicodeEscape = (char: string): string =>
  `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
