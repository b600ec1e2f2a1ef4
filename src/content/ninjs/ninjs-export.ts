/**
 * An article as an IPTC ninjs 3.1 document, for partners and wire customers. A pure function of
 * the article's data, so the Admin API (any status) and the public Content API (published only)
 * present the same document.
 *
 * Choices the standard leaves open:
 * - `uri` is a tag URI (RFC 4151), `tag:{host},{year created}:galley:article:{id}`: stable for
 *   the article's life whatever its slug or section, and not an address anyone expects to load.
 * - The dek is a headline with role `subheadline`.
 * - `genres` carry the article type as `literal` and, where IPTC's genre NewsCodes have one, its
 *   URI; `subjects` are the tags (rel `about`) and the section (rel `section`).
 * - `people` are the authors with rel `author`, `by` their names as one line.
 * - `pubStatus`: published is `usable`; unpublished or deleted is `canceled`; anything not yet
 *   published is `withheld`.
 * - Images are associations of type `picture`: the lead image is named `featureimage`, body
 *   images `image-1`, `image-2`...; the credit is the association's `by`, the caption and alt
 *   text are descriptions with roles `caption` and `alt`.
 */
import type { BodyDoc, BodyNodeJson } from '../body-schema.js';
import { withoutEmbedControls } from '../embeds/embed-card.js';
import { VIDEO_PLACEHOLDER } from '../video-node.js';
import { bodyToText, countWords } from '../body-text.js';
import { renderBodyHtml } from '../render-body-html.js';
import type { ArticleStatus, ArticleType, Locale } from '../../db/schema.js';

export interface NinjsImageData {
  /** Where the site serves it, a site path (`/media/...`) or an absolute URL. */
  url: string;
  mime: string;
  width: number | null;
  height: number | null;
  variants: { url: string; width: number; height: number; mime: string }[];
  alt: string;
  caption: string;
  credit: string;
  sourceAgency: string | null;
}

export interface NinjsArticleData {
  id: number;
  locale: Locale;
  headline: string;
  dek: string;
  type: ArticleType;
  status: ArticleStatus;
  deleted: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  embargoUntil: string | null;
  /** The article's site path (`/en/city/slug`). */
  path: string;
  section: { name: string; path: string };
  authors: { name: string; path: string }[];
  tags: { name: string; slug: string; path: string }[];
  body: BodyDoc;
  leadImage: NinjsImageData | null;
}

export interface NinjsExportOptions {
  /** The site's public URL (`https://news.example`): every link in the document is absolute. */
  publicUrl: string;
  publicationName: string;
}

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

const GENRES: Record<ArticleType, { name: string; uri?: string }> = {
  news: { name: 'News' },
  opinion: { name: 'Opinion', uri: 'http://cv.iptc.org/newscodes/genre/Opinion' },
  analysis: { name: 'Analysis', uri: 'http://cv.iptc.org/newscodes/genre/Analysis' },
  explainer: { name: 'Background', uri: 'http://cv.iptc.org/newscodes/genre/Background' },
  interview: { name: 'Interview', uri: 'http://cv.iptc.org/newscodes/genre/Interview' },
  review: { name: 'Review', uri: 'http://cv.iptc.org/newscodes/genre/Review' },
};

/** The stable identifier of an article in ninjs (see the module comment). */
export function ninjsArticleUri(
  publicUrl: string,
  article: { id: number; createdAt: string },
): string {
  const host = new URL(publicUrl).hostname;
  return `tag:${host},${article.createdAt.slice(0, 4)}:galley:article:${article.id}`;
}

function pubStatusOf(article: NinjsArticleData): 'usable' | 'withheld' | 'canceled' {
  if (article.deleted || article.status === 'unpublished') return 'canceled';
  return article.status === 'published' ? 'usable' : 'withheld';
}

/** Site paths in the body (images, internal links) made absolute, for readers elsewhere. */
function absoluteBody(body: BodyDoc, absolute: (url: string) => string): BodyDoc {
  const visit = (node: BodyNodeJson): BodyNodeJson => {
    const next: BodyNodeJson = { ...node };
    if (node.type === 'image' && typeof node.attrs?.['src'] === 'string')
      next.attrs = { ...node.attrs, src: absolute(node.attrs['src']) };
    if (node.marks)
      next.marks = node.marks.map((mark) =>
        mark.type === 'link' && typeof mark.attrs?.['href'] === 'string'
          ? { ...mark, attrs: { ...mark.attrs, href: absolute(mark.attrs['href']) } }
          : mark,
      );
    if (node.content) next.content = node.content.map(visit);
    return next;
  };
  return visit(body) as BodyDoc;
}

function bodyImages(body: BodyNodeJson): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (node: BodyNodeJson) => {
    if (node.type === 'image' && node.attrs) found.push(node.attrs);
    node.content?.forEach(visit);
  };
  visit(body);
  return found;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function descriptionsOf(caption: string, alt: string) {
  const descriptions = [
    ...(caption ? [{ role: 'caption', contentType: 'text/plain', value: caption }] : []),
    ...(alt ? [{ role: 'alt', contentType: 'text/plain', value: alt }] : []),
  ];
  return descriptions.length > 0 ? { descriptions } : {};
}

/** The article as a ninjs 3.1 document (a plain JSON object). */
export function articleToNinjs(
  article: NinjsArticleData,
  options: NinjsExportOptions,
): Record<string, unknown> {
  const base = options.publicUrl.replace(/\/+$/, '');
  const absolute = (url: string) =>
    url.startsWith('/') && !url.startsWith('//') ? `${base}${url}` : url;
  const body = absoluteBody(article.body, absolute);
  // Wire copy carries the words: an embed's card without its load buttons (they need Galley's
  // page script), a video's figure with its caption but without the player's placeholder (the
  // export does not carry video files yet).
  const html = withoutEmbedControls(renderBodyHtml(body, article.locale)).replace(
    VIDEO_PLACEHOLDER,
    '',
  );
  const plain = bodyToText(body);
  const words = countWords(plain);
  const authorNames = article.authors.map((author) => author.name);
  const genre = GENRES[article.type];

  const associations: Record<string, unknown>[] = [];
  const lead = article.leadImage;
  if (lead) {
    const renditions = [
      { name: 'original', url: lead.url, width: lead.width, height: lead.height, mime: lead.mime },
      ...lead.variants.map((variant) => ({
        name: `${variant.width}w-${variant.mime.replace('image/', '')}`,
        ...variant,
      })),
    ];
    associations.push({
      name: 'featureimage',
      rel: 'featureimage',
      uri: absolute(lead.url),
      type: 'picture',
      ...(lead.credit && { by: lead.credit }),
      ...(lead.sourceAgency && { copyrightHolder: lead.sourceAgency }),
      ...descriptionsOf(lead.caption, lead.alt),
      renditions: renditions.map((rendition) => ({
        name: rendition.name,
        href: absolute(rendition.url),
        contentType: rendition.mime,
        ...(rendition.width !== null && { width: rendition.width }),
        ...(rendition.height !== null && { height: rendition.height }),
      })),
    });
  }
  bodyImages(body).forEach((image, index) => {
    const src = text(image['src']);
    const width = image['width'];
    const height = image['height'];
    associations.push({
      name: `image-${index + 1}`,
      rel: 'inline',
      uri: src,
      type: 'picture',
      ...(text(image['credit']) && { by: text(image['credit']) }),
      ...descriptionsOf(text(image['caption']), text(image['alt'])),
      renditions: [
        {
          name: 'original',
          href: src,
          ...(typeof width === 'number' && { width }),
          ...(typeof height === 'number' && { height }),
        },
      ],
    });
  });

  return {
    uri: ninjsArticleUri(base, article),
    standard: { name: 'ninjs', version: '3.1', schema: NINJS_SCHEMA_URI },
    type: 'text',
    representationType: 'full',
    profile: `galley-${article.type}`,
    version: String(article.version),
    firstCreated: article.createdAt,
    versionCreated: article.updatedAt,
    ...(article.publishedAt && { contentCreated: article.publishedAt }),
    ...(article.embargoUntil && { embargoedUntil: article.embargoUntil }),
    pubStatus: pubStatusOf(article),
    copyrightHolder: options.publicationName,
    language: article.locale,
    headlines: [
      { role: 'main', contentType: 'text/plain', value: article.headline },
      ...(article.dek
        ? [{ role: 'subheadline', contentType: 'text/plain', value: article.dek }]
        : []),
    ],
    bodies: [
      {
        role: 'main',
        contentType: 'text/html',
        charCount: html.length,
        wordCount: words,
        value: html,
      },
      {
        role: 'main',
        contentType: 'text/plain',
        charCount: plain.length,
        wordCount: words,
        value: plain,
      },
    ],
    by: new Intl.ListFormat(article.locale, { type: 'conjunction' }).format(authorNames),
    people: article.authors.map((author) => ({
      name: author.name,
      rel: 'author',
      uri: absolute(author.path),
    })),
    genres: [{ name: genre.name, literal: article.type, ...(genre.uri && { uri: genre.uri }) }],
    subjects: [
      { name: article.section.name, rel: 'section', uri: absolute(article.section.path) },
      ...article.tags.map((tag) => ({
        name: tag.name,
        rel: 'about',
        literal: tag.slug,
        uri: absolute(tag.path),
      })),
    ],
    ...(article.status === 'published' && {
      altIds: [{ role: 'canonical-url', value: absolute(article.path) }],
    }),
    ...(associations.length > 0 && { associations }),
  };
}
