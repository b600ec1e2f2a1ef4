import { describe, expect, it } from 'vitest';
import { demoContent } from '../demo/content/index.js';
import { b, doc, h2, link, p, quote } from './body-builders.js';
import { validateBody } from './validate-body.js';

describe('validateBody', () => {
  it('accepts a well-formed body and fills in defaults', () => {
    const result = validateBody(
      doc(
        h2('Why'),
        p('Text with ', b('bold'), ' and ', link('a link', '/en/city/')),
        quote('Quoted.', 'A source'),
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.doc.content[0]).toEqual({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: 'Why' }],
      });
  });

  it('accepts every body of the demo content', () => {
    for (const story of demoContent.stories) {
      for (const version of [story.en, story.es]) {
        if (!version) continue;
        const result = validateBody(version.body);
        expect(result, version.slug).toMatchObject({ ok: true });
      }
    }
  });

  const refusals: [string, unknown, string, RegExp][] = [
    ['not a document', { type: 'paragraph' }, 'body', /must be a document/],
    ['an empty document', { type: 'doc', content: [] }, 'body (doc)', /doc cannot contain nothing/],
    [
      'an unknown node',
      doc(p('ok'), { type: 'script', content: [] }),
      'body.content[1]',
      /unknown node type "script"/,
    ],
    [
      'a heading at level 1',
      doc({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'x' }] }),
      'body.content[0] (heading)',
      /level must be one of 2, 3, 4/,
    ],
    [
      'a javascript: link',
      doc(p(link('click', 'javascript:alert(1)'))),
      'body.content[0].content[0].marks[0]',
      /href must be/,
    ],
    [
      'a heading inside a list item',
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [h2('no')] }] }),
      'body.content[0].content[0] (listItem)',
      /listItem cannot contain heading/,
    ],
    [
      'empty text',
      doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] }),
      'body.content[0].content[0] (text)',
      /non-empty text/,
    ],
    [
      'marks on a block',
      doc({ type: 'paragraph', marks: [{ type: 'bold' }], content: [] }),
      'body.content[0] (paragraph)',
      /only text can carry marks/,
    ],
    [
      'an unknown attribute',
      doc({ type: 'paragraph', attrs: { onclick: 'x' }, content: [] }),
      'body.content[0] (paragraph)',
      /no attribute "onclick"/,
    ],
    [
      'an image without a safe src',
      doc({ type: 'image', attrs: { src: 'data:text/html,x', alt: 'x' } }),
      'body.content[0] (image)',
      /src must be/,
    ],
    [
      'an image without alt',
      doc({ type: 'image', attrs: { src: '/media/a.webp' } }),
      'body.content[0] (image)',
      /needs attribute "alt"/,
    ],
    [
      'an unknown mark',
      doc({
        type: 'paragraph',
        content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }],
      }),
      'body.content[0].content[0].marks[0]',
      /unknown mark "blink"/,
    ],
  ];

  it.each(refusals)('refuses %s and names the node', (_label, body, path, message) => {
    const result = validateBody(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe(path);
      expect(result.message).toMatch(message);
    }
  });

  it('refuses bodies nested too deep instead of overflowing the stack', () => {
    let node: Record<string, unknown> = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'deep' }],
    };
    for (let depth = 0; depth < 40; depth++) node = { type: 'blockquote', content: [node] };
    const result = validateBody({ type: 'doc', content: [node] });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/nesting deeper/) });
  });
});
