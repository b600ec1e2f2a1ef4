/**
 * schema.org structured data as JSON-LD: the article (a NewsArticle or its subtype), the
 * publisher, breadcrumbs, and the WebSite on home pages. Search engines and aggregators read it;
 * readers never see it.
 *
 * The JSON goes inside a `<script type="application/ld+json">` block. That block is data, not
 * script: browsers do not run it, so the reader pages' CSP (`default-src 'none'`) does not apply
 * to it. What matters is that no value can end the block early, which `jsonLdScript` ensures.
 */
import type { ArticlePageData, ImageView, SiteChrome } from '../core/reader/reader-types.js';
import { sitePaths } from '../core/site-paths.js';
import { universalRenditions } from '../core/reader/renditions.js';
import type { ArticleType, Locale, PolicyKind } from '../db/schema.js';
import { trustedHtml } from '../lib/html.js';
import type { SafeHtml } from '../lib/html.js';
import { languageTag } from './i18n/index.js';
import { shareableRenditions } from './social-meta.js';
import { mediaUrl } from './templates/fragments.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** `undefined` members are left out of the JSON, which keeps optional properties short to write. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

const SCHEMA_CONTEXT = 'https://schema.org';

/**
 * The schema.org type of each Galley article type, by what schema.org says each type means:
 * - news: ReportageNewsArticle, "the result of journalistic news reporting conventions ... based
 *   on factual information either observed or verified by the author": straight reporting.
 * - opinion: OpinionNewsArticle; analysis: AnalysisNewsArticle; review: ReviewNewsArticle.
 * - explainer: BackgroundNewsArticle, "historical context, definition and detail on a specific
 *   topic (aka 'explainer' or 'backgrounder')".
 * - interview: plain NewsArticle. A Q&A records one source's own views; it is neither the
 *   verified, many-sided reporting ReportageNewsArticle describes nor the author's opinion or
 *   analysis, and schema.org has no interview type, so it takes the parent type.
 */
export const ARTICLE_SCHEMA_TYPES: Record<ArticleType, string> = {
  news: 'ReportageNewsArticle',
  opinion: 'OpinionNewsArticle',
  analysis: 'AnalysisNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  interview: 'NewsArticle',
};

/** Characters that could end the script block or a line early, as JSON `\u` escapes. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * A JSON-LD block. `<`, `>` and `&` become `\u003c`, `\u003e`, `\u0026`, so a `</script>` or
 * `<!--` in a headline stays inside the JSON string; U+2028 and U+2029 are escaped too, for old
 * JavaScript parsers that read them as line ends. JSON parsers read the escapes back unchanged.
 */
export function jsonLdScript(items: JsonObject[]): SafeHtml | null {
  if (items.length === 0) return null;
  const raw = JSON.stringify(items.length === 1 ? items[0] : items);
  // Most pages have none of these characters; a plain search first skips building a new string.
  const json =
    raw.search(SCRIPT_UNSAFE) === -1
      ? raw
      : raw.replace(
          SCRIPT_UNSAFE,
          (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
        );
  return trustedHtml(`<script type="application/ld+json">${json}</script>\n`);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** Formatting to parts costs tens of microseconds, and a page shows the same dates every time. */
const offsetMemo = new Map<string, string>();
const OFFSET_MEMO_LIMIT = 10_000;

/**
 * An ISO 8601 UTC timestamp as the newsroom's local time with its UTC offset, e.g.
 * `2026-03-04T09:30:00-05:00`: the same instant, carrying the offset search engines ask for.
 */
export function isoWithOffset(iso: string, timeZone: string): string {
  const memoKey = `${iso}|${timeZone}`;
  const known = offsetMemo.get(memoKey);
  if (known !== undefined) return known;
  if (offsetMemo.size >= OFFSET_MEMO_LIMIT) offsetMemo.clear();
  const local = formatWithOffset(iso, timeZone);
  offsetMemo.set(memoKey, local);
  return local;
}

function formatWithOffset(iso: string, timeZone: string): string {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const part of format.formatToParts(new Date(iso))) parts[part.type] = part.value;
  // "GMT-05:00", or just "GMT" at offset zero.
  const offset = (parts['timeZoneName'] ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}${offset}`;
}

/**
 * The publication's editorial policy pages as schema.org names them (all absolute URLs). The
 * publisher markup fills them from the edition's policy pages (`policyLinksOf`); a page that does
 * not exist is not named.
 */
export interface PublisherPolicyLinks {
  correctionsPolicy?: string;
  ethicsPolicy?: string;
  diversityPolicy?: string;
  masthead?: string;
  missionCoveragePrioritiesPolicy?: string;
  ownershipFundingInfo?: string;
  actionableFeedbackPolicy?: string;
  unnamedSourcesPolicy?: string;
  verificationFactCheckingPolicy?: string;
  publishingPrinciples?: string;
}

/** Which schema.org property names each kind of policy page. The ethics page is also the
 * publication's publishing principles: it is where Galley's newsrooms state them. */
const POLICY_PROPERTIES: Record<PolicyKind, (keyof PublisherPolicyLinks)[]> = {
  ethics: ['publishingPrinciples', 'ethicsPolicy'],
  corrections: ['correctionsPolicy'],
  masthead: ['masthead'],
  ownership: ['ownershipFundingInfo'],
  feedback: ['actionableFeedbackPolicy'],
  diversity: ['diversityPolicy'],
};

/** The edition's policy pages as publisher properties (absolute URLs). */
export function policyLinksOf(chrome: SiteChrome, publicUrl: string): PublisherPolicyLinks {
  const links: PublisherPolicyLinks = {};
  for (const policy of chrome.policies ?? [])
    for (const property of POLICY_PROPERTIES[policy.kind])
      links[property] = `${publicUrl}${policy.path}`;
  return links;
}

export interface StructuredDataContext {
  chrome: SiteChrome;
  /** Absolute origin, e.g. https://news.example */
  publicUrl: string;
  policyLinks?: PublisherPolicyLinks;
}

/**
 * The publisher, with its logo: the publication's own logo when it has one, else the site icon
 * (an SVG, which has no pixel size to state).
 */
export function publisher(context: StructuredDataContext): JsonObject {
  const { chrome, publicUrl } = context;
  const logoPath = chrome.publication.logoPath;
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${publicUrl}/#publisher`,
    name: chrome.publication.name,
    url: `${publicUrl}${sitePaths.home(chrome.locale)}`,
    logo: {
      '@type': 'ImageObject',
      url: logoPath ? `${publicUrl}${mediaUrl(logoPath)}` : `${publicUrl}/favicon.svg`,
    },
    ...policyLinksOf(chrome, publicUrl),
    ...context.policyLinks,
  };
}

/**
 * The image as ImageObjects, largest first. Google asks for 16x9, 4x3 and 1x1 crops; Galley's
 * renditions keep the upload's proportions, so these are the sizes that exist, with their real
 * dimensions (crops need work in media/).
 */
/**
 * The image as search engines ask for it: the 16x9, 4x3 and 1x1 crops made at upload, or, for
 * images stored before crops existed (and the demo's), the largest proportional renditions.
 */
function imageObjects(image: ImageView, publicUrl: string): JsonObject[] {
  const crops = ['16x9', '4x3', '1x1']
    .map((ratio) => image.crops.find((crop) => crop.ratio === ratio))
    .filter((crop) => crop !== undefined);
  return (crops.length > 0 ? crops : shareableRenditions(image).slice(0, 3)).map((rendition) => ({
    '@type': 'ImageObject',
    url: `${publicUrl}${mediaUrl(rendition.path)}`,
    width: rendition.width,
    height: rendition.height,
  }));
}

/** A duration in ISO 8601, as schema.org asks for it: 86 400 ms is `PT1M26S`. */
export function isoDuration(milliseconds: number): string {
  const total = Math.round(milliseconds / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || total === 0 ? `${seconds}S` : ''}`;
}

/**
 * The videos the page shows (lead first, then the body's), as search engines read them: the
 * MP4 readers get, the poster's JPEG renditions (largest first), the length and the size.
 */
function videoObjects(data: ArticlePageData, publicUrl: string, zone: string): JsonObject[] {
  const { article } = data;
  return [...data.videos.values()].flatMap((video) => {
    const mp4 = video.sources.find((source) => source.mime === 'video/mp4');
    if (!mp4) return [];
    const posters = video.poster
      ? universalRenditions(video.poster.variants).sort((a, b) => b.width - a.width)
      : [];
    return [
      {
        '@type': 'VideoObject',
        name: video.caption || video.alt || article.headline,
        description: video.alt || video.caption || article.headline,
        thumbnailUrl:
          posters.length > 0
            ? posters.map((poster) => `${publicUrl}${mediaUrl(poster.path)}`)
            : undefined,
        uploadDate: isoWithOffset(video.uploadedAt, zone),
        duration: isoDuration(video.durationMs),
        contentUrl: `${publicUrl}${mediaUrl(mp4.path)}`,
        encodingFormat: 'video/mp4',
        width: mp4.width,
        height: mp4.height,
        inLanguage: languageTag[article.locale],
      },
    ];
  });
}

export interface Crumb {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbList(crumbs: Crumb[]): JsonObject {
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** The first crumb of every trail: the edition's home page, named after the publication. */
export function homeCrumb(context: StructuredDataContext): Crumb {
  return {
    name: context.chrome.publication.name,
    url: `${context.publicUrl}${sitePaths.home(context.chrome.locale)}`,
  };
}

/**
 * The article and its breadcrumbs. Of two language versions, the older (lower id: the other
 * one is made from it) is the work, and the newer its translation.
 */
export function articleStructuredData(
  data: ArticlePageData,
  context: StructuredDataContext & { description: string },
): JsonObject[] {
  const { article } = data;
  const { publicUrl, chrome } = context;
  const zone = chrome.publication.timeZone;
  const url = `${publicUrl}${sitePaths.article(article.locale, article.section.slug, article.slug)}`;
  const modifiedAt =
    article.updatedAt > article.publishedAt ? article.updatedAt : article.publishedAt;
  const translations = data.translations.map((translation) => ({
    id: translation.id,
    reference: {
      '@type': 'CreativeWork',
      '@id': `${publicUrl}${translation.path}`,
      url: `${publicUrl}${translation.path}`,
      inLanguage: languageTag[translation.locale],
      name: translation.headline,
    },
  }));
  const originals = translations.filter((t) => t.id < article.id).map((t) => t.reference);
  const versions = translations.filter((t) => t.id > article.id).map((t) => t.reference);
  const sectionUrl = `${publicUrl}${sitePaths.section(article.locale, article.section.slug)}`;
  // schema.org's `correction`: what was wrong and was put right (or made clearer). Updates and
  // editor's notes add to a story rather than correct it, so they are not listed.
  const corrections: JsonObject[] = data.notes
    .filter((note) => note.type === 'correction' || note.type === 'clarification')
    .map((note) => ({
      '@type': 'CorrectionComment',
      text: note.text,
      datePublished: isoWithOffset(note.notedAt, zone),
      ...(note.amendedAt === null ? {} : { dateModified: isoWithOffset(note.amendedAt, zone) }),
    }));

  const videos = videoObjects(data, publicUrl, zone);
  const newsArticle: JsonObject = {
    '@context': SCHEMA_CONTEXT,
    '@type': ARTICLE_SCHEMA_TYPES[article.type],
    '@id': url,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: article.headline,
    description: context.description,
    image: article.image ? imageObjects(article.image, publicUrl) : undefined,
    datePublished: isoWithOffset(article.publishedAt, zone),
    dateModified: isoWithOffset(modifiedAt, zone),
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: `${publicUrl}${sitePaths.author(article.locale, author.slug)}`,
    })),
    publisher: publisher(context),
    inLanguage: languageTag[article.locale],
    articleSection: article.section.name,
    keywords: article.tags.length > 0 ? article.tags.map((tag) => tag.name) : undefined,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    dateline: article.dateline || undefined,
    // The sources the newsroom lists, as the works it cites (a source without an address is
    // named only).
    citation:
      article.sources.length > 0
        ? article.sources.map((source) => ({
            '@type': 'CreativeWork',
            name: source.name,
            url: source.url || undefined,
          }))
        : undefined,
    translationOfWork: originals.length > 0 ? originals : undefined,
    workTranslation: versions.length > 0 ? versions : undefined,
    correction: corrections.length > 0 ? corrections : undefined,
    video: videos.length > 0 ? videos : undefined,
  };
  const breadcrumbs = breadcrumbList([
    homeCrumb(context),
    { name: article.section.name, url: sectionUrl },
    { name: article.headline, url },
  ]);
  return [newsArticle, breadcrumbs];
}

/** What an author page says about its author (reader/find-by-slug.ts `findAuthor`). */
export interface AuthorProfile {
  name: string;
  /** Beat or expertise, e.g. "Climate and environment reporter"; '' = none. */
  title: string;
  bio: string;
  email: string | null;
  links: { label: string; url: string }[];
  photo: { path: string } | null;
}

/**
 * An author page as a ProfilePage about a Person: their beat (`jobTitle`), bio, contact and
 * other profiles, and who they report for. The Trust Project's "author expertise", for machines.
 */
export function authorProfileStructuredData(
  author: AuthorProfile,
  context: StructuredDataContext & { path: string },
): JsonObject {
  const url = `${context.publicUrl}${context.path}`;
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'ProfilePage',
    url,
    inLanguage: languageTag[context.chrome.locale],
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url,
      jobTitle: author.title || undefined,
      description: author.bio || undefined,
      email: author.email ?? undefined,
      image: author.photo ? `${context.publicUrl}${mediaUrl(author.photo.path)}` : undefined,
      sameAs: author.links.length > 0 ? author.links.map((link) => link.url) : undefined,
      worksFor: publisher(context),
    },
  };
}

/**
 * The WebSite of one edition, for its home page, with the SearchAction that names its search
 * page (search engines may offer a search box for the site).
 */
export function webSiteStructuredData(
  context: StructuredDataContext & { description: string; locale: Locale },
): JsonObject {
  const url = `${context.publicUrl}${sitePaths.home(context.locale)}`;
  return {
    '@context': SCHEMA_CONTEXT,
    '@type': 'WebSite',
    '@id': `${url}#website`,
    name: context.chrome.publication.name,
    url,
    description: context.description || undefined,
    inLanguage: languageTag[context.locale],
    publisher: publisher(context),
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${context.publicUrl}${sitePaths.search(context.locale)}?q={search_term_string}`,
      },
      'query-input': 'required name=search_term_string',
    },
  };
}
