/**
 * Validates an article body against the body schema, and says exactly which node is wrong.
 * ProseMirror's own `check()` would catch structural errors too, but its messages do not say
 * where in a long document the problem is; editors and API clients need the path.
 */
import { Fragment } from 'prosemirror-model';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { bodySchema, HEADING_LEVELS } from './body-schema.js';
import type { BodyDoc } from './body-schema.js';
import { EMBED_NETWORKS } from './embeds/networks.js';

export type BodyValidation =
  { ok: true; doc: BodyDoc } | { ok: false; path: string; message: string };

const MAX_DEPTH = 16;
const MAX_NODES = 20_000;

class BodyError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;
const SITE_PATH = /^\/(?!\/)/;
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attribute checks beyond "is it declared": the values the renderer relies on. */
function checkAttrs(type: string, attrs: Record<string, unknown>, path: string): void {
  const fail = (message: string): never => {
    throw new BodyError(path, `${type}: ${message}`);
  };
  const optionalText = (name: string) => {
    const value = attrs[name];
    if (value !== undefined && value !== null && typeof value !== 'string')
      fail(`attribute "${name}" must be text`);
  };
  switch (type) {
    case 'heading':
      if (!HEADING_LEVELS.includes(attrs['level'] as 2 | 3 | 4))
        fail(`level must be one of ${HEADING_LEVELS.join(', ')} (the headline is the only h1)`);
      break;
    case 'orderedList': {
      const start = attrs['start'] ?? 1;
      if (!Number.isInteger(start) || (start as number) < 0) fail('start must be a whole number');
      break;
    }
    case 'blockquote':
      optionalText('attribution');
      break;
    case 'image':
      if (typeof attrs['src'] !== 'string' || !SAFE_URL.test(attrs['src']))
        fail('src must be an http(s) URL or a site path');
      if (typeof attrs['alt'] !== 'string')
        fail('alt text is required (it may be empty only for decoration)');
      optionalText('caption');
      optionalText('credit');
      for (const name of ['width', 'height']) {
        const value = attrs[name];
        if (
          value !== undefined &&
          value !== null &&
          !(Number.isInteger(value) && (value as number) > 0)
        )
          fail(`${name} must be a positive whole number`);
      }
      break;
    case 'video':
      if (!Number.isInteger(attrs['mediaId']) || (attrs['mediaId'] as number) <= 0)
        fail('mediaId must be the id of a video in the media library');
      optionalText('caption');
      optionalText('credit');
      if (typeof attrs['autoplay'] !== 'boolean') fail('autoplay must be true or false');
      break;
    case 'embed': {
      const url = attrs['url'];
      if (
        typeof url !== 'string' ||
        !/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/i.test(url) ||
        url.length > 2000
      )
        fail('url must be the https address of the post');
      if (!(EMBED_NETWORKS as readonly unknown[]).includes(attrs['network']))
        fail(`network must be one of ${EMBED_NETWORKS.join(', ')}`);
      for (const name of ['authorName', 'authorHandle', 'text']) optionalText(name);
      const publishedAt = attrs['publishedAt'];
      if (
        publishedAt !== null &&
        (typeof publishedAt !== 'string' || !DATE_OR_TIME.test(publishedAt))
      )
        fail('publishedAt must be a date (YYYY-MM-DD) or an ISO-8601 time');
      const thumbnail = attrs['thumbnail'];
      if (thumbnail !== null && (typeof thumbnail !== 'string' || !SITE_PATH.test(thumbnail)))
        fail('thumbnail must be a path on this site (a copy in the media library)');
      break;
    }
  }
}

function buildMarks(json: unknown, path: string): Mark[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw new BodyError(path, 'marks must be a list');
  return json.map((markJson: unknown, index) => {
    const markPath = `${path}.marks[${index}]`;
    if (!isRecord(markJson) || typeof markJson['type'] !== 'string')
      throw new BodyError(markPath, 'a mark needs a type');
    const markType = bodySchema.marks[markJson['type']];
    if (!markType) throw new BodyError(markPath, `unknown mark "${markJson['type']}"`);
    const attrs = isRecord(markJson['attrs']) ? markJson['attrs'] : {};
    if (markType.name === 'link') {
      if (typeof attrs['href'] !== 'string' || !SAFE_URL.test(attrs['href']))
        throw new BodyError(
          markPath,
          'link: href must be an http(s) or mailto: URL, or a site path',
        );
    }
    return markType.create(attrs);
  });
}

function buildNode(
  json: unknown,
  path: string,
  depth: number,
  budget: { nodes: number },
): ProseMirrorNode {
  if (--budget.nodes < 0) throw new BodyError(path, `the body has more than ${MAX_NODES} nodes`);
  if (depth > MAX_DEPTH) throw new BodyError(path, `nesting deeper than ${MAX_DEPTH} levels`);
  if (!isRecord(json) || typeof json['type'] !== 'string')
    throw new BodyError(path, 'each node needs a "type"');
  const typeName = json['type'];
  const nodeType = bodySchema.nodes[typeName];
  if (!nodeType || (typeName === 'doc' && depth > 0))
    throw new BodyError(path, `unknown node type "${typeName}"`);
  const nodePath = `${path} (${typeName})`;

  if (typeName === 'text') {
    if (typeof json['text'] !== 'string' || json['text'] === '')
      throw new BodyError(nodePath, 'a text node needs non-empty text');
    return bodySchema.text(json['text'], buildMarks(json['marks'], path));
  }

  const givenAttrs = json['attrs'] === undefined ? {} : json['attrs'];
  if (!isRecord(givenAttrs)) throw new BodyError(nodePath, 'attrs must be an object');
  const attrSpecs = nodeType.spec.attrs ?? {};
  for (const name of Object.keys(givenAttrs)) {
    if (!(name in attrSpecs))
      throw new BodyError(nodePath, `${typeName} has no attribute "${name}"`);
  }
  const attrs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(attrSpecs)) {
    const value = givenAttrs[name] ?? spec.default;
    if (value === undefined) throw new BodyError(nodePath, `${typeName} needs attribute "${name}"`);
    attrs[name] = value;
  }
  checkAttrs(typeName, attrs, nodePath);

  const contentJson = json['content'] ?? [];
  if (!Array.isArray(contentJson)) throw new BodyError(nodePath, 'content must be a list');
  const children = contentJson.map((child, index) =>
    buildNode(child, `${path}.content[${index}]`, depth + 1, budget),
  );
  const fragment = Fragment.fromArray(children);
  if (!nodeType.validContent(fragment)) {
    const found = children.map((child) => child.type.name).join(', ') || 'nothing';
    throw new BodyError(
      nodePath,
      `${typeName} cannot contain ${found} (allowed: ${nodeType.spec.content ?? 'no content'})`,
    );
  }
  if (json['marks'] !== undefined) throw new BodyError(nodePath, 'only text can carry marks');
  return nodeType.create(attrs, fragment);
}

/**
 * Checks a body and returns it in canonical JSON form (defaults filled in, unknown keys dropped).
 *
 * @example
 * validateBody({ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 } }] })
 * // { ok: false, path: 'body.content[0] (heading)', message: 'heading: level must be one of 2, 3, 4 ...' }
 */
export function validateBody(json: unknown): BodyValidation {
  try {
    if (!isRecord(json) || json['type'] !== 'doc')
      throw new BodyError(
        'body',
        'the body must be a document: { "type": "doc", "content": [...] }',
      );
    const node = buildNode(json, 'body', 0, { nodes: MAX_NODES });
    return { ok: true, doc: node.toJSON() as BodyDoc };
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, path: error.path, message: error.message };
    throw error;
  }
}
