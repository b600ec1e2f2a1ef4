/**
 * The body editor as a form field (its label is the "body-label" the editor is labelled by, and
 * the server's error about the body under it), and the image a picked media item becomes in it.
 * The article editor and the policy pages both write with it.
 */
import { BodyEditor } from '../editor/BodyEditor.tsx';
import type { BodyEditorProps } from '../editor/BodyEditor.tsx';
import type { BodyImageAttrs } from '../editor/body-extensions.ts';
import { largestUrl, mediaText } from '../media.ts';
import type { Locale, Media } from '../types.ts';

export function BodyField({
  label,
  error,
  ...editor
}: { label: string; error?: string | null | undefined } & BodyEditorProps) {
  return (
    <div className="field">
      <span className="label" id="body-label">
        {label}
      </span>
      <BodyEditor {...editor} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A picked image, in the largest size, with its alt text, caption and credit in `locale`. */
export function bodyImageOf(media: Media, locale: Locale): BodyImageAttrs {
  const text = mediaText(media, locale);
  const size = largestUrl(media);
  return {
    src: size.url,
    alt: text.alt,
    caption: text.caption || null,
    credit: text.credit || null,
    width: size.width,
    height: size.height,
  };
}
