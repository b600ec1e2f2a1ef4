/**
 * What a ninjs document means for Galley, worked out before anything is written: headline, dek,
 * type, byline names, subject names, the body (converted from HTML, or from plain text), and
 * which image associations to fetch and where each goes (lead image or in the body). Pure: the
 * import operation and the image fetcher both start from this plan.
 */
import { createHash } from 'node:crypto';
import type { BodyDoc } from '../body-schema.js';
import type { ArticleType } from '../../db/schema.js';
import { htmlToBody, textToBody } from './html-to-body.js';
import type { BodyImageSlot, ImageInBody } from './html-to-body.js';
import type {
  NinjsAssociation,
  NinjsObject,
  NinjsPubStatus,
  NinjsRendition,
} from './ninjs-document.js';

export interface NinjsImagePlan {
  /** Index in the document's associations. */
  association: number;
  name: string;
  uri: string;
  /** The rendition to fetch (http or https), or null when the association offers none. */
  href: string | null;
  alt: string;
  caption: string;
  credit: string;
}

export interface NinjsArticlePlan {
  uri: string;
  version: string | null;
  /** SHA-256 of the document in canonical form: the same document always has the same hash. */
  contentHash: string;
  language: string | null;
  headline: string;
  dek: string;
  type: ArticleType;
  /** Names that may match a section or a tag: subjects, then genres. */
  subjectNames: string[];
  bylines: string[];
  /** The body with `ninjsImage` slots (see html-to-body.ts). */
  body: BodyDoc;
  /** Body slot -> index in `images`. */
  bodySlots: { image: number; alt: string | null; caption: string | null }[];
  images: NinjsImagePlan[];
  /** Index in `images` of the lead image, if any. */
  leadImage: number | null;
  firstCreated: string | null;
  embargoedUntil: string | null;
  pubStatus: NinjsPubStatus;
  /** What the conversion left out or guessed, for the import report. */
  notes: string[];
}

const LIMITS = { headline: 200, dek: 400, alt: 400, caption: 600, credit: 200, author: 120 };

/** Shortens at a word boundary, with an ellipsis, to at most `max` characters. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/** JSON with keys sorted at every level, so equal documents hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map(
        (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}

export function ninjsContentHash(document: NinjsObject): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

const roleIs = (role: string | undefined, ...names: string[]) =>
  names.includes((role ?? '').toLowerCase());

/** IPTC genres (names, literals or the last segment of a NewsCodes URI) -> Galley's article types. */
const GENRE_TYPES: [RegExp, ArticleType][] = [
  [/^(opinion|comment|commentary|editorial|column|op-?ed)$/, 'opinion'],
  [/^(analysis|news-?analysis)$/, 'analysis'],
  [/^(background|explainer|explanatory|factbox|fact-?sheet|q-?and-?a)$/, 'explainer'],
  [/^(interview|q&a)$/, 'interview'],
  [/^(review|critique|critic)$/, 'review'],
];

function articleTypeOf(document: NinjsObject): ArticleType {
  for (const genre of document.genres ?? []) {
    const candidates = [genre.name, genre.literal, genre.uri?.split(/[/#:]/).pop()]
      .filter((value): value is string => Boolean(value))
      .map((value) => value.trim().toLowerCase());
    for (const [pattern, type] of GENRE_TYPES)
      if (candidates.some((candidate) => pattern.test(candidate))) return type;
  }
  return 'news';
}

/** Byline names: the people credited as authors, else the `by` line split into names. */
export function bylineNames(document: NinjsObject): string[] {
  const fromPeople = (document.people ?? [])
    .filter((person) => /^(author|creator|writer|by|byline)$/i.test(person.rel ?? ''))
    .map((person) => person.name ?? person.literal ?? '');
  const fromBy = (document.by ?? '')
    .replace(/^\s*(by|por|von|par|av|af|door|di|da)\s+/i, '')
    .split(/\s*(?:[,;&/]|\band\b|\by\b|\bund\b|\bog\b|\boch\b|\bet\b|\be\b)\s*/i);
  // No byline: the first of the rights holder, the first source, the sender's host name.
  const fallback = [
    [document.copyrightHolder, document.infoSources?.[0]?.name, hostOf(document.uri)].find((name) =>
      Boolean(name?.trim()),
    ),
  ];
  const seen = new Set<string>();
  const names: string[] = [];
  for (const list of [fromPeople, fromBy, fallback]) {
    for (const raw of list) {
      const name = shorten(raw ?? '', LIMITS.author);
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      names.push(name);
    }
    if (names.length > 0) return names.slice(0, 10);
  }
  return ['Wire'];
}

function hostOf(uri: string): string | undefined {
  try {
    return new URL(uri).hostname || undefined;
  } catch {
    return undefined;
  }
}

const IMAGE_FILE = /\.(jpe?g|png|webp|avif)(\?|#|$)/i;

function isImageRendition(rendition: NinjsRendition): boolean {
  if (!rendition.href || !/^https?:\/\//i.test(rendition.href)) return false;
  return rendition.contentType
    ? rendition.contentType.toLowerCase().startsWith('image/')
    : IMAGE_FILE.test(rendition.href);
}

function isImageAssociation(association: NinjsAssociation): boolean {
  if (association.type === 'picture' || association.type === 'graphic') return true;
  return association.type === undefined && (association.renditions ?? []).some(isImageRendition);
}

/** The rendition to fetch: the smallest that is at least 1600 px wide (Galley's widest), else the largest. */
function bestRendition(association: NinjsAssociation): string | null {
  const candidates = (association.renditions ?? []).filter(isImageRendition);
  const wideEnough = candidates
    .filter((rendition) => (rendition.width ?? 0) >= 1600)
    .sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  const largest = [...candidates].sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  return (wideEnough[0] ?? largest[0])?.href ?? null;
}

function describeImage(association: NinjsAssociation): {
  alt: string;
  caption: string;
  credit: string;
} {
  const descriptions = association.descriptions ?? [];
  const alt = descriptions.find((d) => roleIs(d.role, 'alt', 'alttext', 'alternative', 'alt-text'));
  const caption =
    descriptions.find((d) => roleIs(d.role, 'caption')) ??
    descriptions.find((d) => roleIs(d.role, '', 'text', 'description', 'summary'));
  const credit = descriptions.find((d) => roleIs(d.role, 'creditline', 'credit'));
  return {
    alt: shorten(alt?.value ?? '', LIMITS.alt),
    caption: shorten(
      caption?.value ?? association.headlines?.[0]?.value ?? association.title ?? '',
      LIMITS.caption,
    ),
    credit: shorten(
      association.by ?? credit?.value ?? association.copyrightHolder ?? '',
      LIMITS.credit,
    ),
  };
}

function chooseBody(
  document: NinjsObject,
  headline: string,
  findAssociation: (image: ImageInBody) => number | null,
  notes: string[],
): { doc: BodyDoc; slots: BodyImageSlot[] } {
  const bodies = document.bodies ?? [];
  const html = bodies.find(
    (body) => /html/i.test(body.contentType ?? '') || /html/i.test(body.role ?? ''),
  );
  if (html) {
    const converted = htmlToBody(html.value, { findAssociation, headline });
    notes.push(...converted.dropped);
    return { doc: converted.doc, slots: converted.images };
  }
  const text = bodies.find(
    (body) =>
      (body.contentType ?? 'text/plain').toLowerCase() === 'text/plain' &&
      !/nitf|xml/i.test(body.role ?? ''),
  );
  if (text) return { doc: textToBody(text.value), slots: [] };
  const description = (document.descriptions ?? []).find((d) =>
    roleIs(d.role, '', 'text', 'lead', 'summary', 'description'),
  );
  if (description) {
    notes.push('no HTML or plain-text body: the description became the body');
    return { doc: textToBody(description.value), slots: [] };
  }
  notes.push('no body: the article starts empty');
  return { doc: textToBody(''), slots: [] };
}

/** Works out the article a ninjs document (already validated) describes. */
export function planNinjsImport(document: NinjsObject): NinjsArticlePlan {
  const notes: string[] = [];
  const headlineSource =
    document.headlines?.find((h) => roleIs(h.role, 'main')) ??
    document.headlines?.[0] ??
    (document.title ? { value: document.title } : undefined);
  const headline = shorten(headlineSource?.value ?? '', LIMITS.headline);
  const dekSource =
    document.headlines?.find((h) =>
      roleIs(h.role, 'sub', 'subheadline', 'subhead', 'subtitle', 'dek', 'deck', 'standfirst'),
    ) ??
    document.descriptions?.find((d) =>
      roleIs(d.role, 'summary', 'teaser', 'abstract', 'standfirst', 'dek', 'deck'),
    );

  const associations = document.associations ?? [];
  const images: NinjsImagePlan[] = [];
  const imageIndex = new Map<number, number>();
  const imageFor = (association: number): number => {
    const known = imageIndex.get(association);
    if (known !== undefined) return known;
    const source = associations[association];
    if (!source) throw new Error(`no association ${association}`);
    images.push({
      association,
      name: source.name,
      uri: source.uri,
      href: bestRendition(source),
      ...describeImage(source),
    });
    imageIndex.set(association, images.length - 1);
    return images.length - 1;
  };
  // An img names its association (name or uri) or one of its renditions; a name is surer.
  const findAssociation = (image: ImageInBody): number | null => {
    const matching = (matches: (association: NinjsAssociation, ref: string) => boolean) =>
      associations.findIndex(
        (association) =>
          isImageAssociation(association) &&
          image.references.some((ref) => matches(association, ref)),
      );
    const byName = matching(
      (association, ref) => ref === association.name || ref === association.uri,
    );
    const index =
      byName !== -1
        ? byName
        : matching((association, ref) =>
            (association.renditions ?? []).some((rendition) => rendition.href === ref),
          );
    return index === -1 ? null : index;
  };

  const body = chooseBody(document, headline, findAssociation, notes);
  const bodySlots = body.slots.map((slot) => ({
    image: imageFor(slot.association),
    alt: slot.alt,
    caption: slot.caption,
  }));
  // The lead image: the first picture the body does not show, a "feature" one first.
  const unused = associations
    .map((association, index) => ({ association, index }))
    .filter(({ association, index }) => isImageAssociation(association) && !imageIndex.has(index));
  const featured = unused.find(({ association }) =>
    /feature|main|lead|primary|top/i.test(`${association.rel ?? ''} ${association.name}`),
  );
  const lead = featured ?? unused[0];
  const leadImage = lead ? imageFor(lead.index) : null;
  const ignored = associations.filter(
    (association, index) => !imageIndex.has(index) && !isImageAssociation(association),
  );
  for (const association of ignored)
    notes.push(
      `association "${association.name}" (${association.type ?? 'no type'}) is not an image: not imported`,
    );

  return {
    uri: document.uri,
    version: document.version ?? null,
    contentHash: ninjsContentHash(document),
    language: document.language ?? null,
    headline,
    dek: dekSource ? shorten(dekSource.value, LIMITS.dek) : '',
    type: articleTypeOf(document),
    subjectNames: [
      ...(document.subjects ?? []).map((subject) => subject.name ?? subject.literal ?? ''),
      ...(document.genres ?? []).map((genre) => genre.name ?? genre.literal ?? ''),
    ].filter((name) => name.trim() !== ''),
    bylines: bylineNames(document),
    body: body.doc,
    bodySlots,
    images,
    leadImage,
    firstCreated: document.firstCreated ?? document.versionCreated ?? null,
    embargoedUntil: document.embargoedUntil ?? null,
    pubStatus: document.pubStatus ?? 'usable',
    notes,
  };
}
