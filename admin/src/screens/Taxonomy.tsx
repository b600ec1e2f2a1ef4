/**
 * Sections and tags, for editors and admins: every one with its name and slug in both editions,
 * and a form to add one. Sections and tags are alike (a name and a slug per edition; a section
 * also has a description), so one panel serves both.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { errorMessage, formError, get, post } from '../api.ts';
import type { FormError } from '../api.ts';
import { AlertRegion, Field, focusLater } from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { slugify } from '../editor/body-utils.ts';
import { useI18n } from '../i18n/index.tsx';
import { reloadReferenceData } from '../reference-data.ts';
import { LOCALES } from '../types.ts';
import type { Locale, Section, Tag } from '../types.ts';

export function Taxonomy() {
  const { t } = useI18n();
  return (
    <>
      <ScreenHeading title={t('taxonomyTitle')} />
      <TaxonomyPanel kind="section" />
      <TaxonomyPanel kind="tag" />
    </>
  );
}

type Kind = 'section' | 'tag';
type Item = Section | Tag;
type Words = { name: string; slug: string; description: string };
type Draft = Record<Locale, Words> & { slugTouched: Record<Locale, boolean> };

const TEXT = {
  section: {
    plural: 'sections',
    title: 'sectionsTitle',
    add: 'addSection',
    added: 'sectionAdded',
    none: 'noSections',
  },
  tag: { plural: 'tags', title: 'tagsTitle', add: 'addTag', added: 'tagAdded', none: 'noTags' },
} as const;

const emptyDraft = (): Draft => ({
  en: { name: '', slug: '', description: '' },
  es: { name: '', slug: '', description: '' },
  slugTouched: { en: false, es: false },
});

/** The fields of the form the server may name in an error: `translations.es.slug`. */
const FIELD_PATTERN = /^translations\.(en|es)\.(name|slug|description)$/;

/** The control for an API field such as `translations.es.slug`. */
const controlId = (kind: Kind, locale: Locale, name: keyof Words) => `${kind}-${locale}-${name}`;

function TaxonomyPanel({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  const text = TEXT[kind];
  const withDescription = kind === 'section';
  const [items, setItems] = useState<Item[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<FormError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    get<Record<string, Item[]>>(`/${text.plural}`, controller.signal).then(
      (result) => setItems(result[text.plural] ?? []),
      (caught: unknown) => {
        if (!controller.signal.aborted) setLoadError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [text.plural, reloads]);

  const change = (locale: Locale, name: keyof Words, value: string) =>
    setDraft((current) => {
      const words = { ...current[locale], [name]: value };
      // The slug follows the name until someone edits it.
      if (name === 'name' && !current.slugTouched[locale]) words.slug = slugify(value);
      const slugTouched =
        name === 'slug' ? { ...current.slugTouched, [locale]: true } : current.slugTouched;
      return { ...current, [locale]: words, slugTouched };
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStatus(null);
    const words = (locale: Locale) => {
      const { name, slug, description } = draft[locale];
      return withDescription ? { name, slug, description } : { name, slug };
    };
    try {
      await post(`/${text.plural}`, { translations: { en: words('en'), es: words('es') } });
      setStatus(t(text.added, { name: draft.en.name.trim() }));
      setDraft(emptyDraft());
      setReloads((n) => n + 1);
      // The article screens' pickers list the new one too.
      void reloadReferenceData().catch(() => undefined);
    } catch (caught) {
      const found = formError(caught);
      setError(found);
      const [, locale, name] = FIELD_PATTERN.exec(found.field ?? '') ?? [];
      if (locale && name) focusLater(controlId(kind, locale as Locale, name as keyof Words));
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (locale: Locale, name: keyof Words) =>
    error?.field === `translations.${locale}.${name}` ? error.message : undefined;
  const shownBesideField = FIELD_PATTERN.test(error?.field ?? '');
  const titleId = `${kind}-title`;
  const addTitleId = `${kind}-add-title`;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(text.title)}</h2>
      <AlertRegion message={loadError} />
      {items && items.length === 0 && <p className="subtle">{t(text.none)}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t(text.title)}</caption>
            <thead>
              <tr>
                {LOCALES.map((locale) => (
                  <th key={locale} scope="col">
                    {t(`locale_${locale}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  {LOCALES.map((locale) => {
                    const words = item.translations[locale];
                    const description = words && 'description' in words ? words.description : '';
                    return (
                      <td key={locale} lang={locale}>
                        {words?.name} {words && <span className="subtle">/{words.slug}</span>}
                        {description && <p className="help">{description}</p>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 id={addTitleId}>{t(text.add)}</h3>
      <form aria-labelledby={addTitleId} onSubmit={submit} noValidate>
        <div className="locale-columns">
          {LOCALES.map((locale) => (
            <fieldset key={locale}>
              <legend>{t('inLanguage', { language: t(`locale_${locale}`) })}</legend>
              <Field
                id={controlId(kind, locale, 'name')}
                label={t('name')}
                required
                error={fieldError(locale, 'name')}
              >
                {(control) => (
                  <input
                    {...control}
                    lang={locale}
                    required
                    value={draft[locale].name}
                    onChange={(event) => change(locale, 'name', event.target.value)}
                  />
                )}
              </Field>
              <Field
                id={controlId(kind, locale, 'slug')}
                label={t('slug')}
                required
                help={t('slugHelp')}
                error={fieldError(locale, 'slug')}
              >
                {(control) => (
                  <input
                    {...control}
                    required
                    value={draft[locale].slug}
                    onChange={(event) => change(locale, 'slug', event.target.value)}
                  />
                )}
              </Field>
              {withDescription && (
                <Field
                  id={controlId(kind, locale, 'description')}
                  label={t('description')}
                  error={fieldError(locale, 'description')}
                >
                  {(control) => (
                    <textarea
                      {...control}
                      lang={locale}
                      rows={2}
                      value={draft[locale].description}
                      onChange={(event) => change(locale, 'description', event.target.value)}
                    />
                  )}
                </Field>
              )}
            </fieldset>
          ))}
        </div>
        <AlertRegion
          message={error && !shownBesideField ? t('errorPrefix', { message: error.message }) : null}
        />
        <div role="status">{status && <p className="success">{status}</p>}</div>
        <button type="submit" className="button primary" disabled={busy}>
          {t(text.add)}
        </button>
      </form>
    </section>
  );
}
