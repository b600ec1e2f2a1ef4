/**
 * Galley's ninjs model against the official IPTC JSON Schemas (draft 2020-12, run by ajv): every
 * IPTC example passes both, and broken documents fail both, at the same place.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { testdataPath } from '../../test/testdata.js';
import { declaredNinjsVersion, parseNinjs } from './ninjs-document.js';
import type { NinjsVersion } from './ninjs-document.js';

// ajv-formats is CommonJS: its default export is the module itself under some loaders.
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
  formatsPlugin) as unknown as (ajv: Ajv2020) => Ajv2020;

/** The first item of a list in a test document (which the test just built, so it exists). */
function first(list: unknown): Record<string, unknown> {
  const item: unknown = Array.isArray(list) ? list[0] : undefined;
  if (typeof item !== 'object' || item === null) throw new Error('expected a list of objects');
  return item as Record<string, unknown>;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function officialValidator(version: NinjsVersion): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: false, strict: false });
  addFormats(ajv);
  ajv.addSchema(readJson(testdataPath('ninjs/specification/GeoJSON-schema.json')) as object);
  return ajv.compile(
    readJson(testdataPath(`ninjs/specification/ninjs-schema_${version}.json`)) as object,
  );
}
const official = { '3.0': officialValidator('3.0'), '3.1': officialValidator('3.1') };

/** Where ajv says the problem is, as a JSON Pointer to the value (or the missing property). */
function officialPath(error: ErrorObject): string {
  const missing = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    unevaluatedProperty?: string;
  };
  const property =
    missing.missingProperty ?? missing.additionalProperty ?? missing.unevaluatedProperty;
  return `${error.instancePath}${property === undefined ? '' : `/${property}`}` || '/';
}

const examplesFolder = testdataPath('ninjs/examples/3.0');
const examples = readdirSync(examplesFolder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ name, json: readJson(join(examplesFolder, name)) }));

const simpleStory = () => ({
  uri: 'urn:example:wire:2024:0001',
  type: 'text',
  version: '2',
  language: 'en',
  headlines: [{ role: 'main', value: 'Harbour crane returns to service' }],
  bodies: [{ contentType: 'text/html', value: '<p>The crane lifted its first box.</p>' }],
  associations: [
    {
      name: 'featureimage',
      uri: 'urn:example:wire:2024:0001:image',
      type: 'picture',
      renditions: [{ name: 'large', href: 'https://wire.example/crane.jpg', width: 1600 }],
    },
  ],
});

describe('ninjs documents', () => {
  it('accepts every IPTC 3.0 example, as the official 3.0 and 3.1 schemas do', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
    for (const { name, json } of examples) {
      const parsed = parseNinjs(json);
      expect(parsed.ok, `${name}: ${parsed.ok ? '' : `${parsed.path}: ${parsed.message}`}`).toBe(
        true,
      );
      expect(official['3.1'](json), name).toBe(true);
    }
  });

  it('reads the version a document declares', () => {
    expect(
      declaredNinjsVersion({ uri: 'urn:x', standard: { name: 'ninjs', version: '3.0' } }),
    ).toBe('3.0');
    expect(
      declaredNinjsVersion({
        uri: 'urn:x',
        standard: { schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' },
      }),
    ).toBe('3.0');
    expect(declaredNinjsVersion({ uri: 'urn:x' })).toBe('3.1');
    // digitalSourceType is new in 3.1: a document that says 3.0 may not carry it.
    const withSource = { uri: 'urn:x', digitalSourceType: { name: 'digital capture' } };
    expect(parseNinjs(withSource).ok).toBe(true);
    const as30 = { ...withSource, standard: { version: '3.0' } };
    expect(parseNinjs(as30)).toMatchObject({ ok: false, path: '/digitalSourceType' });
    expect(official['3.0'](as30)).toBe(false);
  });

  const broken: [string, (doc: Record<string, unknown>) => void, string, RegExp][] = [
    [
      'a headline that is a number',
      (d) => ((first(d['headlines']) as { value: unknown }).value = 42),
      '/headlines/0/value',
      /must be string/,
    ],
    ['no uri', (d) => delete d['uri'], '/uri', /required/],
    ['a uri without a scheme', (d) => (d['uri'] = 'not a uri'), '/uri', /format "uri"/],
    ['a misspelt property', (d) => (d['headline'] = 'Oops'), '/headline', /additional properties/],
    ['urgency 10', (d) => (d['urgency'] = 10), '/urgency', /<= 9/],
    ['an unknown pubStatus', (d) => (d['pubStatus'] = 'live'), '/pubStatus', /allowed values/],
    [
      'a date without a time zone',
      (d) => (d['versionCreated'] = '2024-05-17T10:00:00'),
      '/versionCreated',
      /date-time/,
    ],
    [
      'an association without a name',
      (d) => delete first(d['associations'])['name'],
      '/associations/0/name',
      /required/,
    ],
    [
      'a rendition width in text',
      (d) => (first(first(d['associations'])['renditions'])['width'] = '1600'),
      '/associations/0/renditions/0/width',
      /must be integer/,
    ],
    ['bodies as an object', (d) => (d['bodies'] = { value: 'x' }), '/bodies', /must be array/],
  ];
  it.each(broken)('refuses %s where the official schema does', (_, breakIt, path, message) => {
    const document = simpleStory() as Record<string, unknown>;
    expect(parseNinjs(document).ok).toBe(true);
    breakIt(document);
    const ours = parseNinjs(document);
    expect(ours.ok).toBe(false);
    if (ours.ok) return;
    expect(ours.path).toBe(path);
    expect(ours.message).toMatch(message);
    const validate = official[ours.version];
    expect(validate(document)).toBe(false);
    expect(validate.errors?.map(officialPath)).toContain(path);
  });
});
