/**
 * Escaping by construction. Every interpolation into an `html` template is escaped unless it is
 * already `SafeHtml` (the output of another `html` template, or of a renderer that escaped its
 * own input). There is no other way to put a string into a page.
 *
 * @example
 * html`<h1>${headline}</h1>${html`<p>${dek}</p>`}` // headline and dek are escaped once each
 */
export class SafeHtml {
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
  "'": '&#39;',
};
const ESCAPE_PATTERN = /[&<>"']/g;

/** Escapes text for use in element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most strings need no escaping; a plain search first avoids building a new string on the
  // hot path. (`search` rather than `test`: a global regex's `test` keeps state between calls.)
  return text.search(ESCAPE_PATTERN) === -1
    ? text
    : text.replace(ESCAPE_PATTERN, (char) => ESCAPES[char] as string);
}

/** What a template may interpolate: trusted markup, text to escape, nothing, or a list of these. */
export type Interpolation<Safe> =
  Safe | string | number | null | undefined | false | Interpolation<Safe>[];

/**
 * Makes an escaping template tag for one markup language: values of the `Safe` class (trusted
 * markup) go in as they are, everything else through `escape`. `null`, `undefined` and `false`
 * render as nothing; arrays are joined. The `html` tag here and the `xml` tag (feeds/xml.ts)
 * are made by it, so both escape by the same rules.
 */
export function escapingTag<Safe extends { readonly value: string }>(
  SafeClass: new (value: string) => Safe,
  escape: (text: string) => string,
): (strings: TemplateStringsArray, ...values: Interpolation<Safe>[]) => Safe {
  const render = (value: Interpolation<Safe>): string => {
    if (value === null || value === undefined || value === false) return '';
    if (value instanceof SafeClass) return value.value;
    if (Array.isArray(value)) return value.map(render).join('');
    return escape(String(value));
  };
  return (strings, ...values) => {
    let out = strings[0] as string;
    for (let index = 0; index < values.length; index++) {
      out += render(values[index] as Interpolation<Safe>) + (strings[index + 1] as string);
    }
    return new SafeClass(out);
  };
}

/** The template tag for HTML. */
export const html = escapingTag(SafeHtml, escapeHtml);

/** Marks a string produced by trusted code (never user input) as HTML. */
export function trustedHtml(value: string): SafeHtml {
  return new SafeHtml(value);
}
