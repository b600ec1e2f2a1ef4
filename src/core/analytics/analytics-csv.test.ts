import { describe, expect, it } from 'vitest';
import { articlesCsv, csvCell, seriesCsv, toCsv } from './analytics-csv.js';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Tides, winds')).toBe('"Tides, winds"');
    expect(csvCell('The "big" tide')).toBe('"The ""big"" tide"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    expect(csvCell('+1 for the port')).toBe("'+1 for the port");
    expect(csvCell('-20% in tourism')).toBe("'-20% in tourism");
    expect(csvCell('@mayor replies')).toBe("'@mayor replies");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('writes per-article figures and the series with their headers', () => {
    expect(
      articlesCsv([
        {
          articleId: 7,
          headline: 'Mareas, "vivas"',
          locale: 'es',
          views: 3,
          visitors: 2,
          engagedSeconds: 100,
          engagedSecondsPerView: 100 / 3,
          recImpressions: 3,
          recClicks: 1,
          clickThroughRate: 1 / 3,
        },
        {
          articleId: 8,
          headline: null,
          locale: 'en',
          views: 0,
          visitors: 0,
          engagedSeconds: 0,
          engagedSecondsPerView: null,
          recImpressions: 0,
          recClicks: 0,
          clickThroughRate: null,
        },
      ]),
    ).toBe(
      'article_id,headline,locale,views,visitors,engaged_seconds,engaged_seconds_per_view,rec_impressions,rec_clicks,rec_click_through_rate\r\n' +
        '7,"Mareas, ""vivas""",es,3,2,100,33.3,3,1,0.3333\r\n' +
        '8,,en,0,0,0,,0,0,\r\n',
    );
    expect(seriesCsv([{ start: '2026-11-28T09:00:00.000Z', views: 10, visitors: 9 }])).toBe(
      'start_utc,views,visitors\r\n2026-11-28T09:00:00.000Z,10,9\r\n',
    );
  });
});
