/**
 * The IPTC ninjs 3.x document model (https://iptc.org/standards/ninjs/), as zod schemas written
 * for Galley from the specification, and the check every imported document goes through.
 *
 * The official JSON Schemas are not shipped (they live with the third-party test data, and ajv is
 * a development tool); `ninjs-document.test.ts` holds this model to them with ajv instead: every
 * IPTC example passes both, and broken documents fail both at the same path. Objects are strict
 * like the official schema (`additionalProperties: false`), so a misspelt property is refused
 * rather than silently ignored. 3.1 differs from 3.0 only by `digitalSourceType`.
 *
 * Messages follow ajv's wording, with a JSON Pointer to the value at fault:
 * `/headlines/0/value: must be string`.
 */
import { z } from 'zod';

export type NinjsVersion = '3.0' | '3.1';

const expected = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;

const text = () => z.string({ error: expected('string') });
const integer = () => z.int({ error: expected('integer') });
const number = () => z.number({ error: expected('number') });
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: expected('array') });
const object = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: expected('object') });
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'must be equal to one of the allowed values' });

/** RFC 3986 absolute URI (what ajv-formats calls "uri"): a scheme, then no spaces. */
const URI_PATTERN = /^[a-z][a-z0-9+.-]*:[^\s"<>\\^`{|}]*$/i;
/** RFC 3339 date-time with a time zone, as ajv-formats reads "date-time". */
const DATE_TIME_PATTERN =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[t\s]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;
/** ninjs' truncatedDateTimeType: 2024, 2024-05, 2024-05-17, or a full date-time. */
const TRUNCATED_DATE_TIME_PATTERN =
  /^(-?(?:[1-9][0-9]*)?[0-9]{4})(-(1[0-2]|0[1-9])(-(3[01]|0[1-9]|[12][0-9])(T(2[0-3]|[01][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?(Z|[+-](?:2[0-3]|[01][0-9]):[0-5][0-9])?)?)?)?$/;

const uri = () => text().regex(URI_PATTERN, 'must match format "uri"');
const dateTime = () => text().regex(DATE_TIME_PATTERN, 'must match format "date-time"');
const truncatedDateTime = () =>
  text().regex(TRUNCATED_DATE_TIME_PATTERN, 'must match a (truncated) date-time');
const urgency = () => integer().min(1, 'must be >= 1').max(9, 'must be <= 9');
const score = () => integer().min(0, 'must be >= 0').max(100, 'must be <= 100');

const PUB_STATUSES = ['usable', 'withheld', 'canceled'] as const;
const NEWS_OBJECT_TYPES = [
  'text',
  'audio',
  'video',
  'picture',
  'graphic',
  'composite',
  'component',
  'event',
  'planning',
] as const;
export type NinjsPubStatus = (typeof PUB_STATUSES)[number];
export type NinjsObjectType = (typeof NEWS_OBJECT_TYPES)[number];

const contactInfo = object({
  type: text().optional(),
  role: text().optional(),
  lang: text().optional(),
  name: text().optional(),
  value: text().optional(),
  address: object({
    lines: list(text()).optional(),
    locality: text().optional(),
    area: text().optional(),
    postalCode: text().optional(),
    country: text().optional(),
  }).optional(),
}).refine((info) => (info.value === undefined) !== (info.address === undefined), {
  message: 'must have exactly one of "value" and "address"',
});

const organisation = object({
  name: text().optional(),
  rel: text().optional(),
  uri: uri().optional(),
  literal: text().optional(),
  symbols: list(
    object({
      exchange: text().optional(),
      symbolType: uri().optional(),
      symbol: text().optional(),
    }),
  ).optional(),
  contactInfo: list(contactInfo).optional(),
});

const rendition = object({
  name: text(),
  href: uri().optional(),
  contentType: text().optional(),
  title: text().optional(),
  width: integer().optional(),
  height: integer().optional(),
  sizeInBytes: integer().optional(),
  duration: number().optional(),
  format: text().optional(),
  aspectRatio: text().optional(),
  videoCodec: text().optional(),
  frameRate: number().optional(),
  poi: object({ x: integer().optional(), y: integer().optional() }).optional(),
  transportProtocol: text().optional(),
  scanType: oneOf(['progressive', 'interlaced']).optional(),
  bitrate: text().optional(),
});
export type NinjsRendition = z.infer<typeof rendition>;

const dates = object({
  startDate: dateTime().optional(),
  endDate: dateTime().optional(),
  expectedStartDate: truncatedDateTime().optional(),
  expectedEndDate: truncatedDateTime().optional(),
  expectedDuration: text().optional(),
  recurrence: object({
    recurrenceDates: list(truncatedDateTime()).optional(),
    recurrenceRules: list(
      object({
        frequency: oneOf([
          'secondly',
          'minutely',
          'hourly',
          'daily',
          'weekly',
          'monthly',
          'yearly',
        ]).optional(),
        interval: integer().optional(),
        until: dateTime().optional(),
        count: integer().optional(),
      }),
    ).optional(),
  }).optional(),
}).refine(
  (value) =>
    (value.startDate === undefined) !== (value.expectedStartDate === undefined) ||
    (value.endDate === undefined) !== (value.expectedEndDate === undefined),
  { message: 'must have a start date or an end date (exact or expected)' },
);

/** A GeoJSON object: checked for its type only (the geometry itself Galley never reads). */
const geoJson = z
  .looseObject(
    {
      type: oneOf([
        'Point',
        'LineString',
        'Polygon',
        'MultiPoint',
        'MultiLineString',
        'MultiPolygon',
        'GeometryCollection',
        'Feature',
        'FeatureCollection',
      ]),
    },
    { error: expected('object') },
  )
  .refine(
    (value) =>
      value.type === 'GeometryCollection'
        ? Array.isArray(value['geometries'])
        : value.type === 'Feature'
          ? 'geometry' in value
          : value.type === 'FeatureCollection'
            ? Array.isArray(value['features'])
            : Array.isArray(value['coordinates']),
    { message: 'must be a GeoJSON object with its coordinates' },
  );

const textItem = object({ role: text().optional(), contentType: text().optional(), value: text() });
const named = {
  name: text().optional(),
  rel: text().optional(),
  uri: uri().optional(),
  literal: text().optional(),
};

/** Every property of a ninjs object (the root document and each association). */
function ninjsShape(version: NinjsVersion) {
  return {
    uri: uri(),
    type: oneOf(NEWS_OBJECT_TYPES).optional(),
    representationType: oneOf(['full', 'partial']).optional(),
    profile: text().optional(),
    version: text().optional(),
    firstCreated: dateTime().optional(),
    versionCreated: dateTime().optional(),
    contentCreated: dateTime().optional(),
    embargoedUntil: dateTime().optional(),
    pubStatus: oneOf(PUB_STATUSES).optional(),
    urgency: urgency().optional(),
    copyrightHolder: text().optional(),
    copyrightNotice: text().optional(),
    usageTerms: text().optional(),
    edNote: text().optional(),
    language: text().optional(),
    descriptions: list(textItem).optional(),
    bodies: list(
      object({
        role: text().optional(),
        contentType: text().optional(),
        charCount: integer().optional(),
        wordCount: integer().optional(),
        value: text(),
      }),
    ).optional(),
    headlines: list(textItem).optional(),
    people: list(object({ ...named, contactInfo: list(contactInfo).optional() })).optional(),
    organisations: list(organisation).optional(),
    places: list(
      object({ ...named, contactInfo: list(contactInfo).optional(), geoJSON: geoJson.optional() }),
    ).optional(),
    subjects: list(
      object({
        ...named,
        creator: text().optional(),
        relevance: score().optional(),
        confidence: score().optional(),
      }),
    ).optional(),
    events: list(object({ id: text().optional(), ...named })).optional(),
    eventDetails: object({
      eventStatus: uri().optional(),
      plannedCoverageStatus: uri().optional(),
      dates: dates.optional(),
      organiser: organisation.optional(),
    }).optional(),
    plannedCoverage: list(
      object({
        uri: uri().optional(),
        title: text().optional(),
        pubStatus: oneOf(PUB_STATUSES).optional(),
        type: oneOf(NEWS_OBJECT_TYPES).optional(),
        commissioned: object({
          by: text().optional(),
          on: dateTime().optional(),
          references: list(
            object({ name: text().optional(), value: text().optional() }),
          ).optional(),
        }).optional(),
        dates: dates.optional(),
        audiences: list(
          object({ audience: text().optional(), significance: integer().optional() }),
        ).optional(),
        exclAudience: list(text()).optional(),
        edNote: text().optional(),
        urgency: urgency().optional(),
        language: text().optional(),
        itemCount: object({
          rangeFrom: integer().optional(),
          rangeTo: integer().optional(),
        }).optional(),
        wordCount: integer().optional(),
        renditions: list(rendition).optional(),
      }),
    ).optional(),
    objects: list(object(named)).optional(),
    infoSources: list(
      object({
        name: text().optional(),
        role: text().optional(),
        uri: uri().optional(),
        literal: text().optional(),
        contactInfo: list(contactInfo).optional(),
      }),
    ).optional(),
    title: text().optional(),
    by: text().optional(),
    slugline: text().optional(),
    located: text().optional(),
    renditions: list(rendition).optional(),
    altIds: list(object({ role: text().optional(), value: text().optional() })).optional(),
    trustIndicators: list(
      object({ role: uri().optional(), title: text().optional(), href: uri().optional() }),
    ).optional(),
    standard: object({
      name: text().optional(),
      version: text().optional(),
      schema: uri().optional(),
    }).optional(),
    genres: list(
      object({ name: text().optional(), uri: text().optional(), literal: text().optional() }),
    ).optional(),
    expires: dateTime().optional(),
    rightsInfo: object({
      langId: uri().optional(),
      linkedRights: uri().optional(),
      encodedRights: text().optional(),
    })
      .refine((info) => (info.linkedRights === undefined) !== (info.encodedRights === undefined), {
        message: 'must have exactly one of "linkedRights" and "encodedRights"',
      })
      .optional(),
    ...(version === '3.1' && {
      digitalSourceType: object({
        name: text().optional(),
        uri: uri().optional(),
        literal: text().optional(),
      }).optional(),
    }),
  };
}

/** The properties Galley reads, typed; the rest of a valid document is kept but not typed. */
export interface NinjsObject {
  uri: string;
  type?: NinjsObjectType;
  version?: string;
  firstCreated?: string;
  versionCreated?: string;
  contentCreated?: string;
  embargoedUntil?: string;
  pubStatus?: NinjsPubStatus;
  copyrightHolder?: string;
  language?: string;
  descriptions?: { role?: string; contentType?: string; value: string }[];
  bodies?: { role?: string; contentType?: string; value: string }[];
  headlines?: { role?: string; contentType?: string; value: string }[];
  people?: { name?: string; rel?: string; uri?: string; literal?: string }[];
  subjects?: { name?: string; rel?: string; uri?: string; literal?: string }[];
  genres?: { name?: string; uri?: string; literal?: string }[];
  infoSources?: { name?: string; role?: string }[];
  by?: string;
  title?: string;
  renditions?: NinjsRendition[];
  associations?: NinjsAssociation[];
  standard?: { name?: string; version?: string; schema?: string };
}

export interface NinjsAssociation extends NinjsObject {
  name: string;
  rel?: string;
}

function documentSchema(version: NinjsVersion): z.ZodType<NinjsObject> {
  const shape = ninjsShape(version);
  const association = object({ ...shape, name: text(), rel: text().optional() });
  return object({ ...shape, associations: list(association).optional() });
}

const SCHEMAS: Record<NinjsVersion, z.ZodType<NinjsObject>> = {
  '3.0': documentSchema('3.0'),
  '3.1': documentSchema('3.1'),
};

/**
 * Which ninjs the document says it is: `standard.version` or the schema URI it names (3.0 or
 * 3.1); a document that does not say is read as 3.1, the newer and more permissive of the two.
 */
export function declaredNinjsVersion(json: unknown): NinjsVersion {
  if (typeof json !== 'object' || json === null) return '3.1';
  const standard = (json as { standard?: unknown }).standard;
  if (typeof standard !== 'object' || standard === null) return '3.1';
  const { version, schema } = standard as { version?: unknown; schema?: unknown };
  if (typeof version === 'string' && /^3\.0(\.|$)/.test(version)) return '3.0';
  if (typeof schema === 'string' && /ninjs-schema_3\.0\.json/.test(schema)) return '3.0';
  return '3.1';
}

export type NinjsParse =
  | { ok: true; document: NinjsObject; version: NinjsVersion }
  | { ok: false; path: string; message: string; version: NinjsVersion };

const pointer = (path: readonly PropertyKey[]): string =>
  path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') || '/';

/** Checks a document against the ninjs version it declares, naming the first value at fault. */
export function parseNinjs(json: unknown): NinjsParse {
  const version = declaredNinjsVersion(json);
  const parsed = SCHEMAS[version].safeParse(json);
  if (parsed.success) return { ok: true, document: parsed.data, version };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, path: '/', message: 'is not a ninjs document', version };
  if (issue.code === 'unrecognized_keys')
    return {
      ok: false,
      path: pointer([...issue.path, issue.keys[0] ?? '']),
      message: `is not a ninjs ${version} property (must NOT have additional properties)`,
      version,
    };
  return { ok: false, path: pointer(issue.path), message: issue.message, version };
}
