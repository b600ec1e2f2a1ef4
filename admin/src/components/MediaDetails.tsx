/**
 * Alt text, caption and credit (per language) and the source agency of one image; for a video,
 * its description (its accessible name on the page) in place of the alt text.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, patch } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { largestUrl, mediaText } from '../media.ts';
import type { Locale, Media, MediaText } from '../types.ts';

export function MediaDetails({
  media,
  locales,
  prefill,
  submitLabel,
  onSaved,
  idPrefix,
  kind = 'image',
}: {
  media: Media;
  kind?: 'image' | 'video';
  locales: readonly Locale[];
  /** Suggestions from the file's IPTC/EXIF data, used where the image has no text yet. */
  prefill?: Partial<MediaText> & { sourceAgency?: string | null };
  submitLabel?: string;
  onSaved: (media: Media) => void;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const [texts, setTexts] = useState<Record<Locale, MediaText>>(() => {
    const initial = {} as Record<Locale, MediaText>;
    for (const locale of ['en', 'es'] as const) {
      const text = mediaText(media, locale);
      initial[locale] = {
        alt: text.alt || prefill?.alt || '',
        caption: text.caption || prefill?.caption || '',
        credit: text.credit || prefill?.credit || '',
      };
    }
    return initial;
  });
  const [sourceAgency, setSourceAgency] = useState(
    media.sourceAgency ?? prefill?.sourceAgency ?? '',
  );
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const translations: Partial<Record<Locale, MediaText>> = {};
      for (const locale of locales) translations[locale] = texts[locale];
      const result = await patch<{ media: Media }>(`/media/${media.id}`, {
        sourceAgency: sourceAgency.trim() || null,
        translations,
      });
      setStatus({
        kind: 'ok',
        text: kind === 'video' ? t('videoDetailsSaved') : t('imageDetailsSaved'),
      });
      onSaved(result.media);
    } catch (error) {
      setStatus({ kind: 'error', text: t('errorPrefix', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  }

  const size = largestUrl(media);
  const multi = locales.length > 1;
  return (
    <form className="media-details" onSubmit={save}>
      {size.width && size.height && (
        <p className="subtle">{t('dimensions', { width: size.width, height: size.height })}</p>
      )}
      {locales.map((locale) => {
        const fields = (
          <>
            {(['alt', 'caption', 'credit'] as const).map((name) => {
              const id = `${idPrefix}-${locale}-${name}`;
              const altLabel = kind === 'video' ? t('videoDescription') : t('altText');
              const label =
                name === 'alt' ? altLabel : name === 'caption' ? t('caption') : t('credit');
              return (
                <div className="field" key={name}>
                  <label htmlFor={id}>{label}</label>
                  {name === 'caption' ? (
                    <textarea
                      id={id}
                      rows={2}
                      lang={locale}
                      value={texts[locale][name]}
                      onChange={(event) =>
                        setTexts({
                          ...texts,
                          [locale]: { ...texts[locale], [name]: event.target.value },
                        })
                      }
                    />
                  ) : (
                    <input
                      id={id}
                      lang={locale}
                      value={texts[locale][name]}
                      aria-describedby={name === 'alt' ? `${id}-help` : undefined}
                      onChange={(event) =>
                        setTexts({
                          ...texts,
                          [locale]: { ...texts[locale], [name]: event.target.value },
                        })
                      }
                    />
                  )}
                  {name === 'alt' && (
                    <p className="help" id={`${id}-help`}>
                      {kind === 'video' ? t('videoDescriptionHelp') : t('altHelp')}
                      {!texts[locale].alt && kind === 'image' && (
                        <strong> {t('missingAltWarning')}</strong>
                      )}
                    </p>
                  )}
                </div>
              );
            })}
          </>
        );
        return multi ? (
          <fieldset key={locale}>
            <legend>{t(`locale_${locale}`)}</legend>
            {fields}
          </fieldset>
        ) : (
          <div key={locale}>
            <p className="help">{t('perLocaleNote', { language: t(`locale_${locale}`) })}</p>
            {fields}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={`${idPrefix}-agency`}>{t('sourceAgency')}</label>
        <input
          id={`${idPrefix}-agency`}
          value={sourceAgency}
          onChange={(event) => setSourceAgency(event.target.value)}
        />
      </div>
      <button type="submit" className="button primary" disabled={busy}>
        {submitLabel ?? (kind === 'video' ? t('saveVideoDetails') : t('saveImageDetails'))}
      </button>
      <div role="status">
        {status && <p className={status.kind === 'error' ? 'error' : 'success'}>{status.text}</p>}
      </div>
    </form>
  );
}
