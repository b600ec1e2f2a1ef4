import { describe, expect, it } from 'vitest';
import { bylineNames, planNinjsImport } from './ninjs-import-plan.js';

describe('planNinjsImport', () => {
  it('reads bylines: people credited as authors, else the by line, else one fallback', () => {
    expect(bylineNames({ uri: 'urn:x', by: 'By Ana Ruiz and Tomás Herrera, Wire' })).toEqual([
      'Ana Ruiz',
      'Tomás Herrera',
      'Wire',
    ]);
    expect(bylineNames({ uri: 'urn:x', by: 'Von Christian Hollmann, dpa' })).toEqual([
      'Christian Hollmann',
      'dpa',
    ]);
    expect(
      bylineNames({
        uri: 'urn:x',
        by: 'ignored',
        people: [{ name: 'Rita Gómez', rel: 'author' }, { name: 'A source' }],
      }),
    ).toEqual(['Rita Gómez']);
    expect(bylineNames({ uri: 'http://tt.se/media/1', copyrightHolder: 'TT' })).toEqual(['TT']);
    expect(bylineNames({ uri: 'http://tt.se/media/1' })).toEqual(['tt.se']);
  });

  it('takes the type from genres, the dek from a subheadline, and a featured lead image', () => {
    const plan = planNinjsImport({
      uri: 'urn:x',
      genres: [{ uri: 'http://cv.iptc.org/newscodes/genre/Opinion' }],
      headlines: [
        { role: 'main', value: 'Keep the ferry public' },
        { role: 'subheadline', value: 'A harbour needs its boats' },
      ],
      bodies: [{ contentType: 'text/plain', value: 'We think so.' }],
      associations: [
        {
          name: 'thumb',
          uri: 'urn:a',
          type: 'picture',
          renditions: [{ name: 'r', href: 'https://w.example/a.jpg', width: 200 }],
        },
        {
          name: 'featureimage',
          uri: 'urn:b',
          type: 'picture',
          by: 'Ana Ruiz',
          renditions: [
            { name: 's', href: 'https://w.example/b-800.jpg', width: 800 },
            { name: 'l', href: 'https://w.example/b-2000.jpg', width: 2000 },
            { name: 'xl', href: 'https://w.example/b-5000.jpg', width: 5000 },
          ],
        },
      ],
    });
    expect(plan).toMatchObject({
      type: 'opinion',
      dek: 'A harbour needs its boats',
      headline: 'Keep the ferry public',
    });
    expect(plan.leadImage).not.toBeNull();
    expect(plan.images[plan.leadImage ?? -1]).toMatchObject({
      name: 'featureimage',
      href: 'https://w.example/b-2000.jpg',
      credit: 'Ana Ruiz',
    });
  });

  it('hashes equal documents equally, whatever the key order', () => {
    const a = planNinjsImport({ uri: 'urn:x', headlines: [{ value: 'H', role: 'main' }] });
    const b = planNinjsImport({ headlines: [{ role: 'main', value: 'H' }], uri: 'urn:x' });
    const c = planNinjsImport({ uri: 'urn:x', headlines: [{ role: 'main', value: 'H2' }] });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });
});
