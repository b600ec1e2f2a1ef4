/**
 * The article's trust indicators, edited with the rest of its fields (and saved by autosave):
 * the dateline (where it was reported), "How we reported this" (the backstory) and its sources,
 * each with a name, an optional link and a note, in the order readers see them.
 */
import { useState } from 'react';
import { Field, focusLater } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { ArticleFields, ArticleSource, Locale } from '../types.ts';

const EMPTY_SOURCE: ArticleSource = { name: '', url: '', note: '' };

export function TrustFields({
  fields,
  locale,
  update,
  fieldError,
}: {
  fields: ArticleFields;
  locale: Locale;
  update: (patch: Partial<ArticleFields>) => void;
  fieldError: (name: string) => string | null;
}) {
  const { t } = useI18n();
  const [adding, setAdding] = useState<ArticleSource>(EMPTY_SOURCE);
  const sources = fields.sources;
  const setSources = (next: ArticleSource[]) => update({ sources: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...sources];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    setSources(next);
    focusLater(`source-${index + by}-${by < 0 ? 'up' : 'down'}`);
  };
  const edit = (index: number, patch: Partial<ArticleSource>) =>
    setSources(sources.map((source, at) => (at === index ? { ...source, ...patch } : source)));
  const sourcesError = fieldError('sources');

  return (
    <section className="card" aria-labelledby="trust-title">
      <h2 id="trust-title">{t('trustTitle')}</h2>
      <Field
        id="dateline"
        label={t('dateline')}
        help={t('datelineHelp')}
        error={fieldError('dateline')}
      >
        {(control) => (
          <input
            {...control}
            lang={locale}
            maxLength={120}
            value={fields.dateline}
            onChange={(event) => update({ dateline: event.target.value })}
          />
        )}
      </Field>
      <Field
        id="backstory"
        label={t('backstory')}
        help={t('backstoryHelp')}
        error={fieldError('backstory')}
      >
        {(control) => (
          <textarea
            {...control}
            lang={locale}
            rows={5}
            maxLength={4000}
            value={fields.backstory}
            onChange={(event) => update({ backstory: event.target.value })}
          />
        )}
      </Field>

      <fieldset className="field">
        <legend>{t('sources')}</legend>
        {sources.length === 0 && <p className="subtle">{t('noSources')}</p>}
        <ol className="source-list">
          {sources.map((source, index) => {
            const label = source.name || t('sourceNumber', { n: index + 1 });
            return (
              <li key={index}>
                <div className="source-fields">
                  <Field id={`source-${index}-name`} label={t('sourceName')} required>
                    {(control) => (
                      <input
                        {...control}
                        lang={locale}
                        required
                        value={source.name}
                        onChange={(event) => edit(index, { name: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`source-${index}-url`} label={t('sourceUrl')}>
                    {(control) => (
                      <input
                        {...control}
                        type="url"
                        value={source.url}
                        onChange={(event) => edit(index, { url: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field id={`source-${index}-note`} label={t('sourceNote')}>
                    {(control) => (
                      <input
                        {...control}
                        lang={locale}
                        value={source.note}
                        onChange={(event) => edit(index, { note: event.target.value })}
                      />
                    )}
                  </Field>
                </div>
                <span className="author-tools">
                  <button
                    type="button"
                    id={`source-${index}-up`}
                    className="button small"
                    aria-label={t('moveUp', { name: label })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`source-${index}-down`}
                    className="button small"
                    aria-label={t('moveDown', { name: label })}
                    disabled={index === sources.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t('removeSource', { name: label })}
                    onClick={() => {
                      setSources(sources.filter((_, at) => at !== index));
                      focusLater('new-source-name');
                    }}
                  >
                    ✕
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        {sourcesError && (
          <p className="error" id="sources-error">
            {sourcesError}
          </p>
        )}
        <div className="add-source">
          <h3>{t('addSource')}</h3>
          <Field id="new-source-name" label={t('sourceName')}>
            {(control) => (
              <input
                {...control}
                lang={locale}
                value={adding.name}
                onChange={(event) => setAdding({ ...adding, name: event.target.value })}
              />
            )}
          </Field>
          <Field id="new-source-url" label={t('sourceUrl')} help={t('sourceUrlHelp')}>
            {(control) => (
              <input
                {...control}
                type="url"
                value={adding.url}
                onChange={(event) => setAdding({ ...adding, url: event.target.value })}
              />
            )}
          </Field>
          <Field id="new-source-note" label={t('sourceNote')}>
            {(control) => (
              <input
                {...control}
                lang={locale}
                value={adding.note}
                onChange={(event) => setAdding({ ...adding, note: event.target.value })}
              />
            )}
          </Field>
          <button
            type="button"
            className="button secondary"
            aria-disabled={!adding.name.trim()}
            onClick={() => {
              // Kept focusable while empty (a disabled button would drop the focus after adding).
              if (!adding.name.trim()) return;
              setSources([
                ...sources,
                { name: adding.name.trim(), url: adding.url.trim(), note: adding.note.trim() },
              ]);
              setAdding(EMPTY_SOURCE);
              focusLater('new-source-name');
            }}
          >
            {t('addSource')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
