/**
 * The editor's schema must be the server's: every node and mark with the same name, content
 * expression, groups and attributes. Runs in Node (getSchema needs no DOM).
 */
import { getSchema } from '@tiptap/core';
import type { MarkSpec, NodeSpec, Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { bodySchema } from '../../../src/content/body-schema.ts';
import { validateBody } from '../../../src/content/validate-body.ts';
import { bodyExtensions } from './body-extensions.ts';

const editorSchema = getSchema(bodyExtensions());

/** What must agree for a node: the parts that decide which documents are valid. */
function nodeShape(spec: NodeSpec) {
  return {
    content: spec.content ?? '',
    groups: (spec.group ?? '').split(' ').filter(Boolean).sort(),
    attrs: Object.keys(spec.attrs ?? {}).sort(),
    inline: spec.inline === true,
    atom: spec.atom === true,
    defining: spec.defining === true,
  };
}

function markShape(spec: MarkSpec) {
  return {
    attrs: Object.keys(spec.attrs ?? {}).sort(),
    inclusive: spec.inclusive !== false,
    excludes: spec.excludes,
    group: spec.group ?? '',
  };
}

const nodeNames = (schema: Schema) => Object.keys(schema.nodes).sort();
const markNames = (schema: Schema) => Object.keys(schema.marks).sort();

describe('the TipTap body schema', () => {
  it('has exactly the server schema’s nodes and marks', () => {
    expect(nodeNames(editorSchema)).toEqual(nodeNames(bodySchema));
    expect(markNames(editorSchema)).toEqual(markNames(bodySchema));
    expect(editorSchema.topNodeType.name).toBe(bodySchema.topNodeType.name);
  });

  for (const name of Object.keys(bodySchema.nodes)) {
    it(`has node "${name}" with the same content, groups and attributes`, () => {
      const editorNode = editorSchema.nodes[name];
      const serverNode = bodySchema.nodes[name];
      expect(editorNode, `the editor has no node "${name}"`).toBeDefined();
      expect(nodeShape(editorNode?.spec ?? {})).toEqual(nodeShape(serverNode?.spec ?? {}));
    });
  }

  for (const name of Object.keys(bodySchema.marks)) {
    it(`has mark "${name}" with the same attributes`, () => {
      const editorMark = editorSchema.marks[name];
      const serverMark = bodySchema.marks[name];
      expect(editorMark, `the editor has no mark "${name}"`).toBeDefined();
      expect(markShape(editorMark?.spec ?? {})).toEqual(markShape(serverMark?.spec ?? {}));
    });
  }

  it('accepts every document the server accepts, and the reverse (a sample with every node)', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'H' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'b',
              marks: [{ type: 'link', attrs: { href: '/x', title: null } }],
            },
          ],
        },
        {
          type: 'blockquote',
          attrs: { attribution: 'Someone' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'q' }] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'i' }] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
                },
              ],
            },
          ],
        },
        {
          type: 'image',
          attrs: { src: '/media/1.webp', alt: 'A', caption: 'C', credit: 'D', width: 4, height: 3 },
        },
        { type: 'horizontalRule' },
        { type: 'video', attrs: { mediaId: 7, caption: 'C', credit: 'D', autoplay: true } },
        {
          type: 'embed',
          attrs: {
            url: 'https://x.com/someone/status/1',
            network: 'x',
            authorName: 'Someone',
            authorHandle: '@someone',
            publishedAt: '2026-03-01',
            text: 'Words',
            thumbnail: '/media/t.webp',
          },
        },
      ],
    };
    const onServer = bodySchema.nodeFromJSON(doc);
    const inEditor = editorSchema.nodeFromJSON(doc);
    onServer.check();
    inEditor.check();
    expect(inEditor.toJSON()).toEqual(onServer.toJSON());
  });

  /** Each attribute's default, or REQUIRED when a node must say it. */
  const REQUIRED = Symbol('required');
  const attrDefaults = (schema: Schema, name: string) =>
    Object.fromEntries(
      Object.entries(schema.nodes[name]?.spec.attrs ?? {}).map(([attr, spec]) => [
        attr,
        'default' in spec ? spec.default : REQUIRED,
      ]),
    );

  // The image node predates this check (the editor gives src and alt defaults the server does
  // not); the atoms added with video and embeds are held to the server's defaults exactly.
  for (const name of ['video', 'embed']) {
    it(`gives node "${name}" the server’s defaults and required attributes`, () => {
      expect(attrDefaults(editorSchema, name)).toEqual(attrDefaults(bodySchema, name));
    });
  }

  it('keeps a video and an embed as they are, in the editor and on the server', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Before.' }] },
        { type: 'video', attrs: { mediaId: 12 } },
        {
          type: 'embed',
          attrs: {
            url: 'https://www.youtube.com/watch?v=abc',
            network: 'youtube',
            text: 'A river at dawn',
          },
        },
      ],
    };
    const inEditor = editorSchema.nodeFromJSON(doc);
    inEditor.check();
    const json = inEditor.toJSON() as unknown;
    expect(json).toEqual(bodySchema.nodeFromJSON(doc).toJSON());
    // The defaults filled in by the editor are what the server's validator accepts and keeps.
    expect(json).toMatchObject({
      content: [
        {},
        { attrs: { mediaId: 12, caption: null, credit: null, autoplay: false } },
        {
          attrs: {
            url: 'https://www.youtube.com/watch?v=abc',
            network: 'youtube',
            authorName: null,
            authorHandle: null,
            publishedAt: null,
            text: 'A river at dawn',
            thumbnail: null,
          },
        },
      ],
    });
    const validation = validateBody(json);
    expect(validation).toEqual({ ok: true, doc: json });
  });

  it('refuses, like the server, a video without its media id and an embed without its URL', () => {
    const video = { type: 'doc', content: [{ type: 'video', attrs: { caption: 'C' } }] };
    const embed = { type: 'doc', content: [{ type: 'embed', attrs: { network: 'x' } }] };
    for (const doc of [video, embed]) {
      expect(() => editorSchema.nodeFromJSON(doc)).toThrow(/No value supplied/);
      expect(() => bodySchema.nodeFromJSON(doc)).toThrow(/No value supplied/);
    }
  });
});
