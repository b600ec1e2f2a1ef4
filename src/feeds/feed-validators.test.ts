/**
 * The feed checkers must be able to fail: each is shown a document that breaks one rule and must
 * name it, and the JSON Feed check must pass the specification's own examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdataPath } from '../test/testdata.js';
import {
  atomProblems,
  evaluateXPath,
  isRfc3339,
  isRfc822,
  jsonFeedProblems,
  rssProblems,
} from './feed-validators.test-support.js';

const GOOD_RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbor Notes</title><link>https://harbor.example/</link><description>Tides and ferries</description>
<language>en</language><lastBuildDate>Tue, 10 Nov 2026 08:00:00 GMT</lastBuildDate>
<atom:link rel="self" type="application/rss+xml" href="https://harbor.example/feed.xml"/>
<item><title>Ferry back on schedule</title><link>https://harbor.example/ferry</link>
<guid isPermaLink="false">tag:harbor.example,2026-11-10:1</guid><pubDate>Tue, 10 Nov 2026 07:00:00 +0000</pubDate>
<dc:creator>Ana Ruiz</dc:creator><category>Transport</category>
<media:content url="https://harbor.example/ferry.jpg" medium="image" width="1200" height="800"><media:description type="plain">A ferry</media:description></media:content>
<content:encoded>&lt;p&gt;Running again.&lt;/p&gt;</content:encoded></item>
</channel></rss>`;

const GOOD_ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://harbor.example/feed.atom</id><title>Harbor Notes</title>
<updated>2026-11-10T08:00:00Z</updated><link rel="self" href="https://harbor.example/feed.atom"/>
<entry><id>tag:harbor.example,2026-11-10:1</id><title>Ferry back</title><updated>2026-11-10T07:00:00.000Z</updated>
<author><name>Ana Ruiz</name></author><link rel="alternate" type="text/html" href="https://harbor.example/ferry"/>
<content type="html">&lt;p&gt;Running again.&lt;/p&gt;</content></entry></feed>`;

describe('date checks', () => {
  it('tell RFC 822 and RFC 3339 dates from look-alikes', () => {
    expect(isRfc822('Tue, 10 Nov 2026 08:00:00 GMT')).toBe(true);
    expect(isRfc822('10 Nov 2026 08:00 -0500')).toBe(true);
    expect(isRfc822('Mon, 10 Nov 2026 08:00:00 GMT')).toBe(false); // 10 Nov 2026 is a Tuesday
    expect(isRfc822('2026-11-10T08:00:00Z')).toBe(false);
    expect(isRfc822('Tue, 10 November 2026 08:00:00 GMT')).toBe(false);
    expect(isRfc3339('2026-11-10T08:00:00.123Z')).toBe(true);
    expect(isRfc3339('2026-11-10T08:00:00+01:00')).toBe(true);
    expect(isRfc3339('2026-11-10 08:00:00Z')).toBe(false);
    expect(isRfc3339('2026-11-10T08:00:00')).toBe(false); // no offset
    expect(isRfc3339('2026-13-10T08:00:00Z')).toBe(false);
  });
});

describe('evaluateXPath', () => {
  it('matches prefixed names by namespace and returns whole UTF-8 strings', () => {
    const [creator, count, missing] = evaluateXPath(
      GOOD_RSS.replace('Ana Ruiz', 'Ana Ruiz Núñez &amp; Co'),
      ['string(//dc:creator)', 'count(//atom:link)', 'string(//dc:subject)'],
    );
    expect(creator).toBe('Ana Ruiz Núñez & Co');
    expect(count).toBe('1');
    expect(missing).toBe('');
  });
});

describe('rssProblems', () => {
  it('passes a correct feed', () => {
    expect(rssProblems(GOOD_RSS)).toEqual([]);
  });

  it.each([
    [
      'a missing channel title',
      (x: string) => x.replace('<title>Harbor Notes</title>', ''),
      /exactly one <title>/,
    ],
    [
      'a bad pubDate',
      (x: string) => x.replace('Tue, 10 Nov 2026 07:00:00 +0000', '2026-11-10'),
      /not an RFC 822 date/,
    ],
    [
      'an item without guid',
      (x: string) => x.replace(/<guid[^>]*>[^<]*<\/guid>/, ''),
      /every item must have a <guid>/,
    ],
    [
      'a dc: prefix bound to the wrong URI',
      (x: string) => x.replace('http://purl.org/dc/elements/1.1/', 'http://purl.org/dc/terms/'),
      /namespace other than/,
    ],
    [
      'an unknown element',
      (x: string) => x.replace('<category>', '<tag>x</tag><category>'),
      /not one RSS 2.0 defines/,
    ],
    [
      'markup inside content:encoded',
      (x: string) => x.replace('&lt;p&gt;Running again.&lt;/p&gt;', '<p>Running again.</p>'),
      /escaped HTML text/,
    ],
    [
      'a relative link',
      (x: string) => x.replace('<link>https://harbor.example/ferry</link>', '<link>/ferry</link>'),
      /absolute http/,
    ],
    [
      'a media:content without url',
      (x: string) => x.replace('url="https://harbor.example/ferry.jpg" ', ''),
      /media:content needs a url/,
    ],
    ['a broken document', (x: string) => x.replace('</channel>', ''), /parser error/],
  ])('names %s', (_, breakIt, expected) => {
    const problems = rssProblems(breakIt(GOOD_RSS));
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('atomProblems', () => {
  it('passes a correct feed', () => {
    expect(atomProblems(GOOD_ATOM)).toEqual([]);
  });

  it.each([
    [
      'a second feed id',
      (x: string) => x.replace('<title>Harbor', '<id>urn:x:2</id><title>Harbor'),
      /exactly one atom:id/,
    ],
    [
      'an entry without updated',
      (x: string) => x.replace(/<updated>2026-11-10T07[^<]*<\/updated>/, ''),
      /every atom:entry must contain exactly one atom:updated/,
    ],
    [
      'a date without offset',
      (x: string) => x.replace('2026-11-10T08:00:00Z', '2026-11-10T08:00:00'),
      /not an RFC 3339 date-time/,
    ],
    [
      'no author anywhere',
      (x: string) => x.replace('<author><name>Ana Ruiz</name></author>', ''),
      /must contain atom:author/,
    ],
    [
      'a relative id',
      (x: string) => x.replace('tag:harbor.example,2026-11-10:1', 'ferry-1'),
      /not an absolute IRI/,
    ],
    [
      'no self link',
      (x: string) => x.replace('<link rel="self" href="https://harbor.example/feed.atom"/>', ''),
      /rel="self"/,
    ],
    [
      'markup inside html content',
      (x: string) => x.replace('&lt;p&gt;Running again.&lt;/p&gt;', '<p>Running again.</p>'),
      /no child elements/,
    ],
    [
      'a bad content type',
      (x: string) => x.replace('<content type="html">', '<content type="markdown">'),
      /MIME type/,
    ],
    [
      'two alternates of one type',
      (x: string) =>
        x.replace(
          '<content',
          '<link rel="alternate" type="text/html" href="https://harbor.example/f2"/><content',
        ),
      /share type and hreflang/,
    ],
    [
      'an Atom 0.3 namespace',
      (x: string) => x.replace('http://www.w3.org/2005/Atom', 'http://purl.org/atom/ns#'),
      /root element must be atom:feed/,
    ],
  ])('names %s', (_, breakIt, expected) => {
    expect(atomProblems(breakIt(GOOD_ATOM)).join('\n')).toMatch(expected);
  });
});

describe('jsonFeedProblems', () => {
  const schema = testdataPath('jsonfeed/schema-v1.1.json');

  it("passes the specification's own 1.1 examples", () => {
    const folder = testdataPath('jsonfeed/examples/v1.1');
    const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const document: unknown = JSON.parse(readFileSync(join(folder, file), 'utf8'));
      expect(jsonFeedProblems(document, schema), file).toEqual([]);
    }
  });

  it('names what is wrong', () => {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbor Notes',
      items: [{ id: '1', url: 'not a url', date_published: 'yesterday' }],
    };
    const problems = jsonFeedProblems(feed, schema).join('\n');
    expect(problems).toMatch(/\/items\/0\/url must match format "uri"/);
    expect(problems).toMatch(/\/items\/0\/date_published must match format "date-time"/);
    expect(problems).toMatch(/content_html|content_text/);
  });
});
