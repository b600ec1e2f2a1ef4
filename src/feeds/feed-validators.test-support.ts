/**
 * Third-party checks of feed documents, for tests (feeds, and anything else that emits RSS, Atom
 * or JSON Feed). Each returns a list of problems, empty when the document passes, so a test can
 * `expect(problems).toEqual([])` and see every failure at once.
 *
 * - XML: libxml2's `xmllint` (Debian's libxml2-utils) parses the document: well-formedness and
 *   namespaces are libxml2's verdict, not ours. The rules of RFC 4287 (Atom) and of the RSS 2.0
 *   specification are then XPath expressions, evaluated by xmllint on the document it parsed
 *   (`xmllint --xpath`, many expressions per process).
 * - JSON Feed: ajv (draft-07) and ajv-formats against the JSON Feed 1.1 schema in the shared
 *   test data.
 *
 * No offline validator for Atom or RSS exists for Node (the W3C Feed Validation Service is a
 * web service), so the rules below are written out from the specifications, section by section.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';

export const XMLLINT = '/usr/bin/xmllint';

export const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
} as const;

/** libxml2's complaints about the document (not well-formed, bad namespace), or none. */
export function xmlWellFormednessErrors(document: string): string[] {
  try {
    execFileSync(XMLLINT, ['--noout', '--nonet', '-'], { input: document, stdio: 'pipe' });
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    return stderr.split('\n').filter((line) => line.trim() !== '');
  }
}

/**
 * Evaluates XPath 1.0 expressions on the document as xmllint parsed it, in one xmllint process:
 * each expression's value as a string (numbers as "3", booleans as "true"/"false", node sets as
 * the string value of their first node). Element names may carry the prefixes of `NAMESPACES`
 * (`atom:entry`, `dc:*`); they are matched by namespace URI, whatever prefix the document uses
 * (xmllint's `--xpath` has no way to declare prefixes, so they are rewritten into predicates).
 */
export function evaluateXPath(document: string, expressions: string[]): string[] {
  if (expressions.length === 0) return [];
  const answers: string[] = [];
  // Batches keep the command line well under the kernel's limit for one argument.
  for (let start = 0; start < expressions.length; start += XPATH_BATCH) {
    const batch = expressions.slice(start, start + XPATH_BATCH);
    const joined = `concat(${[...batch.map((e) => `string(${withNamespaces(e)})`), '""'].join(`, "${SEPARATOR}", `)})`;
    const output = execFileSync(XMLLINT, ['--nonet', '--xpath', joined, '-'], {
      input: document,
      stdio: 'pipe',
    })
      .toString('utf8')
      .replace(/\n$/, '');
    const values = output.split(SEPARATOR).slice(0, batch.length);
    if (values.length !== batch.length)
      throw new Error(`xmllint answered ${values.length} of ${batch.length} expressions`);
    answers.push(...values);
  }
  return answers;
}

const XPATH_BATCH = 200;
/** U+241E SYMBOL FOR RECORD SEPARATOR: between the values of one batch; no feed contains it. */
const SEPARATOR = '\u241E';
const PREFIXED_NAME = new RegExp(
  `\\b(${Object.keys(NAMESPACES).join('|')}):(\\*|[A-Za-z_][\\w.-]*)`,
  'g',
);

function withNamespaces(expression: string): string {
  return expression.replace(PREFIXED_NAME, (_, prefix: keyof typeof NAMESPACES, name: string) => {
    const inNamespace = `namespace-uri() = "${NAMESPACES[prefix]}"`;
    return name === '*' ? `*[${inNamespace}]` : `*[local-name() = "${name}" and ${inNamespace}]`;
  });
}

/** A rule: an XPath boolean that must be true, and what it means when it is not. */
interface Rule {
  holds: string;
  says: string;
}

function checkRules(document: string, rules: Rule[]): string[] {
  const answers = evaluateXPath(
    document,
    rules.map((rule) => `boolean(${rule.holds})`),
  );
  return rules.flatMap((rule, index) => (answers[index] === 'true' ? [] : [rule.says]));
}

/** `count(path)` for the elements on which to evaluate per-item expressions. */
function countOf(document: string, path: string): number {
  return Number(evaluateXPath(document, [`count(${path})`])[0]);
}

/** RFC 3339 `date-time` (section 5.6), upper-case T and Z as Atom requires (RFC 4287, 3.3). */
const RFC3339 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** RFC 822 section 5 (with RFC 1123's four-digit year, which RSS 2.0 recommends). */
const RFC822 =
  /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) ([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d|60))? (UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\d{4})$/;

/** A valid RFC 822 date whose day of the week, when given, is the right one. */
export function isRfc822(value: string): boolean {
  const match = RFC822.exec(value);
  if (!match) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const zone = match[8] ?? '';
  const offsetMinutes = /^[+-]\d{4}$/.test(zone)
    ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)))
    : 0;
  // The named day must be the day of the date as written (in its own zone).
  const local = new Date(time + offsetMinutes * 60_000);
  if (local.getUTCDate() !== Number(match[2])) return false;
  return match[1] === undefined || DAYS[local.getUTCDay()] === match[1];
}

/** An absolute http(s) URL. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href !== '';
  } catch {
    return false;
  }
}

/** An absolute IRI: a scheme, then no white space (RFC 3987, as RFC 4287 4.2.6 requires of ids). */
function isAbsoluteIri(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value);
}

const duplicates = (values: string[]): string[] => [
  ...new Set(values.filter((value, index) => values.indexOf(value) !== index)),
];

// ---------------------------------------------------------------------------------------------
// Atom 1.0 (RFC 4287)
// ---------------------------------------------------------------------------------------------

const FEED = '/atom:feed';
const ENTRY = `${FEED}/atom:entry`;
const TEXT_CONSTRUCTS =
  'self::atom:title or self::atom:subtitle or self::atom:summary or self::atom:rights';
const ALTERNATE = '(@rel="alternate" or not(@rel))';

const exactlyOne = (parent: string, name: string, section: string): Rule => ({
  holds: `count(${parent}/atom:${name}) = 1`,
  says: `atom:${parent === FEED ? 'feed' : 'entry'} must contain exactly one atom:${name} (RFC 4287 ${section})`,
});
const everyEntryExactlyOne = (name: string): Rule => ({
  holds: `count(${ENTRY}[count(atom:${name}) != 1]) = 0`,
  says: `every atom:entry must contain exactly one atom:${name} (RFC 4287 4.1.2)`,
});
const atMostOne = (parent: 'feed' | 'entry', name: string): Rule => ({
  holds: `count(${parent === 'feed' ? FEED : ENTRY}[count(atom:${name}) > 1]) = 0`,
  says: `atom:${parent} must not contain more than one atom:${name} (RFC 4287 ${parent === 'feed' ? '4.1.1' : '4.1.2'})`,
});

const ATOM_RULES: Rule[] = [
  { holds: 'count(/atom:feed) = 1', says: 'the root element must be atom:feed (RFC 4287 4.1.1)' },
  exactlyOne(FEED, 'id', '4.1.1'),
  exactlyOne(FEED, 'title', '4.1.1'),
  exactlyOne(FEED, 'updated', '4.1.1'),
  ...['subtitle', 'rights', 'icon', 'logo', 'generator'].map((name) => atMostOne('feed', name)),
  {
    holds: `count(${FEED}/atom:link[@rel="self"]) = 1`,
    says: 'atom:feed should contain exactly one atom:link rel="self" (RFC 4287 4.1.1)',
  },
  {
    holds: `count(${FEED}/atom:author) > 0 or count(${ENTRY}[not(atom:author)]) = 0`,
    says: 'atom:feed must contain atom:author unless every atom:entry does (RFC 4287 4.1.1)',
  },
  everyEntryExactlyOne('id'),
  everyEntryExactlyOne('title'),
  everyEntryExactlyOne('updated'),
  ...['published', 'summary', 'content', 'rights', 'source'].map((name) =>
    atMostOne('entry', name),
  ),
  {
    holds: `count(${ENTRY}[not(atom:content) and not(atom:link[${ALTERNATE}])]) = 0`,
    says: 'an atom:entry without atom:content must have an alternate atom:link (RFC 4287 4.1.1)',
  },
  {
    holds: `count(${ENTRY}[atom:content/@src and not(atom:summary)]) = 0`,
    says: 'an atom:entry whose content has src must have atom:summary (RFC 4287 4.1.2)',
  },
  {
    holds: 'count(//atom:link[not(@href)]) = 0',
    says: 'every atom:link must have an href (RFC 4287 4.2.7.1)',
  },
  {
    holds: 'count(//atom:category[not(@term)]) = 0',
    says: 'every atom:category must have a term (RFC 4287 4.2.2.1)',
  },
  {
    holds: 'count(//atom:author[count(atom:name) != 1]) = 0',
    says: 'every person construct must contain exactly one atom:name (RFC 4287 3.2.1)',
  },
  {
    holds: 'count(//atom:author[count(atom:uri) > 1 or count(atom:email) > 1]) = 0',
    says: 'a person construct has at most one atom:uri and one atom:email (RFC 4287 3.2)',
  },
  {
    holds: `count(//atom:*[${TEXT_CONSTRUCTS}][@type and @type != "text" and @type != "html" and @type != "xhtml"]) = 0`,
    says: 'a text construct\'s type must be "text", "html" or "xhtml" (RFC 4287 3.1.1)',
  },
  {
    holds: `count(//atom:*[${TEXT_CONSTRUCTS} or self::atom:content][not(@type) or @type = "text" or @type = "html"][*]) = 0`,
    says: 'text and html content must be text, with no child elements (RFC 4287 3.1.1.1, 3.1.1.2)',
  },
  {
    holds:
      'count(//atom:content[@type and @type != "text" and @type != "html" and @type != "xhtml" and not(contains(@type, "/"))]) = 0',
    says: 'atom:content type must be text, html, xhtml or a MIME type (RFC 4287 4.1.3.1)',
  },
];

/** RFC 4287's rules for a feed document; an empty list when it conforms. */
export function atomProblems(document: string): string[] {
  const wellFormed = xmlWellFormednessErrors(document);
  if (wellFormed.length > 0) return wellFormed;
  const problems = checkRules(document, ATOM_RULES);

  const entries = countOf(document, ENTRY);
  const dates = countOf(document, '//atom:updated | //atom:published');
  const links = countOf(document, '//atom:link');
  const alternates = countOf(document, `//atom:link[${ALTERNATE}]`);
  const range = (n: number) => Array.from({ length: n }, (_, index) => index + 1);
  const queries = [
    `string(${FEED}/atom:id)`,
    ...range(entries).map((i) => `string(${ENTRY}[${i}]/atom:id)`),
    ...range(dates).map((i) => `string((//atom:updated | //atom:published)[${i}])`),
    ...range(links).map((i) => `string((//atom:link)[${i}]/@href)`),
    // The parent's position stands for the parent: alternates must differ in type or hreflang.
    ...range(alternates).map((i) => {
      const link = `(//atom:link[${ALTERNATE}])[${i}]`;
      return `concat(count(${link}/../preceding::*), "|", ${link}/@type, "|", ${link}/@hreflang)`;
    }),
  ];
  const answers = evaluateXPath(document, queries);
  let at = 0;
  const take = (n: number) => answers.slice(at, (at += n));
  const [feedId = '', ...entryIds] = take(1 + entries);
  for (const id of [feedId, ...entryIds])
    if (!isAbsoluteIri(id))
      problems.push(`atom:id "${id}" is not an absolute IRI (RFC 4287 4.2.6)`);
  for (const id of duplicates(entryIds))
    problems.push(`atom:id "${id}" is used by more than one entry (RFC 4287 4.1.1)`);
  for (const date of take(dates))
    if (!isRfc3339(date)) problems.push(`"${date}" is not an RFC 3339 date-time (RFC 4287 3.3)`);
  for (const href of take(links))
    if (!isHttpUrl(href)) problems.push(`atom:link href "${href}" is not an absolute http(s) URL`);
  for (const pair of duplicates(take(alternates)))
    problems.push(`two alternate links share type and hreflang "${pair}" (RFC 4287 4.1.1, 4.1.2)`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// RSS 2.0 (rssboard.org/rss-specification) with the namespaces news feeds use
// ---------------------------------------------------------------------------------------------

const CHANNEL = '/rss/channel';
const ITEM = `${CHANNEL}/item`;

/** Every element RSS 2.0 defines; anything else without a namespace is an error. */
const RSS_ELEMENTS = [
  'rss',
  'channel',
  'title',
  'link',
  'description',
  'language',
  'copyright',
  'managingEditor',
  'webMaster',
  'pubDate',
  'lastBuildDate',
  'category',
  'generator',
  'docs',
  'cloud',
  'ttl',
  'image',
  'url',
  'width',
  'height',
  'rating',
  'textInput',
  'name',
  'skipHours',
  'hour',
  'skipDays',
  'day',
  'item',
  'author',
  'comments',
  'enclosure',
  'guid',
  'source',
];
/** The fifteen Dublin Core elements (dcmi.org, DCMES 1.1). */
const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
];
/** Media RSS 1.5.1 elements. */
const MEDIA_ELEMENTS = [
  'group',
  'content',
  'rating',
  'title',
  'description',
  'keywords',
  'thumbnail',
  'category',
  'hash',
  'player',
  'credit',
  'copyright',
  'text',
  'restriction',
  'community',
  'comments',
  'embed',
  'responses',
  'backLinks',
  'status',
  'price',
  'license',
  'subTitle',
  'peerLink',
  'location',
  'rights',
  'scenes',
];

const onlyNames = (names: string[]) =>
  names.map((name) => `local-name() != "${name}"`).join(' and ');

const channelHas = (name: string): Rule => ({
  holds: `count(${CHANNEL}/${name}) = 1`,
  says: `channel must contain exactly one <${name}> (RSS 2.0, required channel elements)`,
});
const channelAtMostOne = (name: string): Rule => ({
  holds: `count(${CHANNEL}/${name}) <= 1`,
  says: `channel must not contain more than one <${name}>`,
});
const itemAtMostOne = (name: string): Rule => ({
  holds: `count(${ITEM}[count(${name}) > 1]) = 0`,
  says: `an item must not contain more than one <${name}>`,
});

const RSS_RULES: Rule[] = [
  {
    holds: 'count(/rss) = 1 and /rss/@version = "2.0"',
    says: 'the root element must be <rss version="2.0"> in no namespace',
  },
  { holds: 'count(/rss/channel) = 1', says: '<rss> must contain exactly one <channel>' },
  channelHas('title'),
  channelHas('link'),
  channelHas('description'),
  ...['language', 'copyright', 'pubDate', 'lastBuildDate', 'generator', 'docs', 'ttl', 'image'].map(
    channelAtMostOne,
  ),
  {
    holds: `count(${ITEM}[not(title) and not(description)]) = 0`,
    says: 'every item must contain a title or a description (RSS 2.0, elements of <item>)',
  },
  ...['title', 'link', 'description', 'author', 'comments', 'guid', 'pubDate', 'source'].map(
    itemAtMostOne,
  ),
  { holds: `count(${ITEM}[not(guid)]) = 0`, says: 'every item must have a <guid>' },
  {
    holds: `count(//guid[@isPermaLink and @isPermaLink != "true" and @isPermaLink != "false"]) = 0`,
    says: 'guid isPermaLink must be "true" or "false"',
  },
  {
    holds: `count(/rss//*[namespace-uri() = ""][${onlyNames(RSS_ELEMENTS)}]) = 0`,
    says: 'an element without a namespace is not one RSS 2.0 defines',
  },
  {
    holds: `count(//*[namespace-uri() != "" and ${Object.values(NAMESPACES)
      .map((uri) => `namespace-uri() != "${uri}"`)
      .join(' and ')}]) = 0`,
    says: 'an element is in a namespace other than atom, content, dc and media',
  },
  {
    holds: `count(//dc:*[${onlyNames(DC_ELEMENTS)}]) = 0`,
    says: 'a dc: element is not one of the fifteen Dublin Core elements',
  },
  {
    holds: 'count(//content:*[local-name() != "encoded"]) = 0',
    says: 'the content module defines only content:encoded',
  },
  {
    holds: `count(//media:*[${onlyNames(MEDIA_ELEMENTS)}]) = 0`,
    says: 'a media: element is not one Media RSS defines',
  },
  {
    holds: 'count(//atom:*[local-name() != "link"]) = 0',
    says: 'inside RSS, only atom:link is expected',
  },
  {
    holds: `count(${CHANNEL}/atom:link[@rel = "self" and @href]) = 1 and count(//atom:link[not(@href) or not(@rel)]) = 0`,
    says: 'channel must have one atom:link rel="self" with an href, and every atom:link a rel and href',
  },
  {
    holds: 'count(//content:encoded[*]) = 0 and count(//description[*]) = 0',
    says: 'content:encoded and description hold escaped HTML text, not child elements',
  },
  {
    holds: `count(//dc:creator[not(parent::item)]) = 0 and count(${ITEM}/dc:creator[normalize-space() = ""]) = 0`,
    says: 'dc:creator belongs in an item and names someone',
  },
  {
    holds:
      'count(//media:content[not(@url)]) = 0 and count(//media:content[@medium and @medium != "image" and @medium != "audio" and @medium != "video" and @medium != "document" and @medium != "executable"]) = 0',
    says: 'media:content needs a url, and medium must be image, audio, video, document or executable',
  },
  {
    holds:
      'count(//media:content[(@width and string(number(@width)) = "NaN") or (@height and string(number(@height)) = "NaN")]) = 0',
    says: 'media:content width and height must be numbers',
  },
  {
    holds:
      'count(//media:description[not(parent::media:content or parent::media:group or parent::item)]) = 0 and count(//media:description[@type and @type != "plain" and @type != "html"]) = 0',
    says: 'media:description belongs in media:content, media:group or item; type plain or html',
  },
  {
    holds: 'count(//category[normalize-space() = ""]) = 0',
    says: 'a category must name something',
  },
];

/** The RSS 2.0 specification's rules, and those of the namespaces used; empty when it conforms. */
export function rssProblems(document: string): string[] {
  const wellFormed = xmlWellFormednessErrors(document);
  if (wellFormed.length > 0) return wellFormed;
  const problems = checkRules(document, RSS_RULES);

  const items = countOf(document, ITEM);
  const dates = countOf(
    document,
    `${CHANNEL}/pubDate | ${CHANNEL}/lastBuildDate | ${ITEM}/pubDate`,
  );
  const links = countOf(document, `${CHANNEL}/link | ${ITEM}/link | //media:content/@url`);
  const range = (n: number) => Array.from({ length: n }, (_, index) => index + 1);
  const answers = evaluateXPath(document, [
    ...range(items).map((i) => `string(${ITEM}[${i}]/guid)`),
    ...range(items).map((i) => `string(${ITEM}[${i}]/guid/@isPermaLink)`),
    ...range(dates).map(
      (i) => `string((${CHANNEL}/pubDate | ${CHANNEL}/lastBuildDate | ${ITEM}/pubDate)[${i}])`,
    ),
    ...range(links).map(
      (i) => `string((${CHANNEL}/link | ${ITEM}/link | //media:content/@url)[${i}])`,
    ),
    `string(${CHANNEL}/language)`,
  ]);
  let at = 0;
  const take = (n: number) => answers.slice(at, (at += n));
  const guids = take(items);
  const permaLinks = take(items);
  guids.forEach((guid, index) => {
    // isPermaLink defaults to true: then the guid is the story's URL.
    if (permaLinks[index] !== 'false' && !isHttpUrl(guid))
      problems.push(`guid "${guid}" is a permalink but not a URL (RSS 2.0, <guid>)`);
    if (guid.trim() === '') problems.push('an empty guid');
  });
  for (const guid of duplicates(guids)) problems.push(`guid "${guid}" is used by two items`);
  for (const date of take(dates))
    if (!isRfc822(date)) problems.push(`"${date}" is not an RFC 822 date (RSS 2.0)`);
  for (const url of take(links))
    if (!isHttpUrl(url)) problems.push(`"${url}" is not an absolute http(s) URL`);
  const [language = ''] = take(1);
  if (language !== '' && !/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language))
    problems.push(`language "${language}" is not a language tag (RSS 2.0, <language>)`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.1
// ---------------------------------------------------------------------------------------------

// ajv-formats is CommonJS: its default export is the module itself under some loaders.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
  formatsPlugin) as unknown as (ajv: Ajv) => Ajv;

const validators = new Map<string, ReturnType<Ajv['compile']>>();

/** ajv's errors for a document against the JSON Feed 1.1 schema at `schemaPath`, or none. */
export function jsonFeedProblems(document: unknown, schemaPath: string): string[] {
  let validate = validators.get(schemaPath);
  if (!validate) {
    // Not strict: strict mode judges the schema (a third party's), not the document.
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
    validate = ajv.compile(schema);
    validators.set(schemaPath, validate);
  }
  if (validate(document)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? 'is invalid'} (${error.schemaPath})`,
  );
}
