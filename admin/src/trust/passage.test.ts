import { describe, expect, it } from 'vitest';
import { findPassage } from './passage.ts';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

describe('findPassage', () => {
  it('finds the passage in its paragraph, cut around it', () => {
    const body = doc('First paragraph.', 'The bridge opened in 1998 after six years of work.');
    expect(findPassage(body, 'opened in 1998')).toEqual({
      before: 'The bridge ',
      match: 'opened in 1998',
      after: ' after six years of work.',
    });
  });

  it('ignores case, spacing, curly quotes and the quote marks a reader put around it', () => {
    const body = doc('El alcalde dijo: “no habrá  cortes” en agosto.');
    const found = findPassage(body, '"No habrá cortes"');
    expect(found?.match).toBe('no habrá  cortes');
    expect(found?.before).toBe('El alcalde dijo: “');
  });

  it('finds a passage across two paragraphs in the whole text', () => {
    const body = doc('It ends here.', 'And starts there.');
    expect(findPassage(body, 'here. And starts')?.match).toBe('here. And starts');
  });

  it('says null when the text no longer has it, or there is nothing to find', () => {
    const body = doc('Nothing to see.');
    expect(findPassage(body, 'the old wording')).toBeNull();
    expect(findPassage(body, '   ')).toBeNull();
  });
});
