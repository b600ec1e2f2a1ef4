/**
 * Search, upload and pick images: the media library screen and the editor's image dialog share
 * it. Selecting an image shows its details for editing.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, get, query } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { mediaText, thumbnailUrl } from '../media.ts';
import type { UploadResult } from '../media.ts';
import type { Locale, Media, Paged } from '../types.ts';
import { MediaDetails } from './MediaDetails.tsx';
import { UploadZone } from './UploadZone.tsx';

export function MediaBrowser({
  locales,
  headingLevel,
  onUse,
  idPrefix,
  kind,
}: {
  /** The languages whose texts are edited: both on the library screen, the article's in the picker. */
  locales: readonly Locale[];
  headingLevel: 2 | 3;
  /** With this, the details form saves and then hands the image over ("Use this image"). */
  onUse?: (media: Media) => void;
  idPrefix: string;
  /** Only images (the picker and the library's images tab); videos have their own screens. */
  kind?: 'image';
}) {
  const { t, locale: uiLocale } = useI18n();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<Paged<Media> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<{
    media: Media;
    prefill?: UploadResult['prefill'];
  } | null>(null);
  const [reloads, setReloads] = useState(0);
  const textLocale = locales[0] ?? uiLocale;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    const controller = new AbortController();
    get<Paged<Media>>(`/media${query({ q: search, page, kind })}`, controller.signal).then(
      (result) => {
        setList(result);
        setError(null);
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [search, page, reloads, kind]);

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setPage(1);
    setSearch(q.trim());
  }

  function onUploaded(result: UploadResult) {
    setSelected({ media: result.media, prefill: result.prefill });
    setReloads((n) => n + 1);
  }

  return (
    <div className="media-browser">
      <form role="search" className="inline-form" onSubmit={onSearch}>
        <label htmlFor={`${idPrefix}-q`}>{t('mediaSearch')}</label>
        <input
          id={`${idPrefix}-q`}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
        <button type="submit" className="button secondary">
          {t('mediaSearch')}
        </button>
      </form>
      <UploadZone id={`${idPrefix}-file`} locale={textLocale} onUploaded={onUploaded} />
      {error && (
        <p role="alert" className="error">
          {t('errorPrefix', { message: error })}
        </p>
      )}
      <div className="media-layout">
        <div>
          {list && list.items.length === 0 && <p>{t('noMedia')}</p>}
          {list && list.items.length > 0 && (
            <ul className="media-grid">
              {list.items.map((media) => {
                const alt = mediaText(media, textLocale).alt;
                return (
                  <li key={media.id}>
                    <button
                      type="button"
                      className="media-tile"
                      aria-pressed={selected?.media.id === media.id}
                      onClick={() => setSelected({ media })}
                    >
                      <img src={thumbnailUrl(media)} alt="" loading="lazy" />
                      <span>{t('mediaItem', { id: media.id, alt: alt || t('noAlt') })}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {list && list.pageCount > 1 && (
            <div className="pagination">
              <button
                type="button"
                className="button secondary"
                disabled={list.page <= 1}
                onClick={() => setPage(list.page - 1)}
              >
                {t('previousPage')}
              </button>
              <span>{t('pageOf', { page: list.page, pageCount: list.pageCount })}</span>
              <button
                type="button"
                className="button secondary"
                disabled={list.page >= list.pageCount}
                onClick={() => setPage(list.page + 1)}
              >
                {t('nextPage')}
              </button>
            </div>
          )}
        </div>
        {selected && (
          <section className="media-selected card" aria-labelledby={`${idPrefix}-details`}>
            <Heading id={`${idPrefix}-details`}>{t('editMedia')}</Heading>
            <img
              className="media-preview"
              src={thumbnailUrl(selected.media)}
              alt={mediaText(selected.media, textLocale).alt}
            />
            <MediaDetails
              key={selected.media.id}
              media={selected.media}
              locales={locales}
              idPrefix={`${idPrefix}-m${selected.media.id}`}
              {...(selected.prefill ? { prefill: selected.prefill } : {})}
              {...(onUse ? { submitLabel: t('useImage') } : {})}
              onSaved={(media) => {
                setSelected({ media });
                setReloads((n) => n + 1);
                onUse?.(media);
              }}
            />
          </section>
        )}
      </div>
    </div>
  );
}
