/**
 * Escaping by construction, for XML (feeds, sitemaps). Like the `html` tag (lib/html.ts): every
 * value interpolated into an `xml` template is escaped unless it is already `SafeXml`, the output
 * of another `xml` template. XML adds one rule HTML does not have: some characters may not appear
 * at all, escaped or not (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF); one of them
 * in a headline would make the whole document unreadable, so they are dropped.
 *
 * @example
 * xmlDocument(xml`<rss version="2.0"><channel><title>${name}</title></channel></rss>`)
 */
import { escapingTag } from '../lib/html.js';
import type { Interpolation } from '../lib/html.js';

export class SafeXml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
const ESCAPE_PATTERN = /[&<>"']/g;

/**
 * Characters outside XML 1.0's `Char` production: C0 controls except tab, LF and CR; surrogate
 * halves without a partner; U+FFFE and U+FFFF.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  // `search` before `replace`: most strings need nothing, and then no new string is built.
  const clean = text.search(NOT_XML_CHAR) === -1 ? text : text.replace(NOT_XML_CHAR, '');
  return clean.search(ESCAPE_PATTERN) === -1
    ? clean
    : clean.replace(ESCAPE_PATTERN, (char) => ESCAPES[char] as string);
}

export type XmlInterpolation = Interpolation<SafeXml>;

/** The template tag for XML, made like `html` (lib/html.ts). */
export const xml = escapingTag(SafeXml, escapeXml);

/** A complete document: the XML declaration (UTF-8), the root element, a final newline. */
export function xmlDocument(root: SafeXml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.value}\n`;
}
