/** A new draft: language, headline, slug, section and first author; then the full editor. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { errorFor, errorMessage, formError, post } from '../api.ts';
import type { FormError } from '../api.ts';
import {
  AlertRegion,
  ArticleTypeOptions,
  AuthorOptions,
  Field,
  focusLater,
  LocaleOptions,
  SectionOptions,
} from '../components/Field.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { slugify } from '../editor/body-utils.ts';
import { useI18n } from '../i18n/index.tsx';
import { useReferenceData } from '../reference-data.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { EMPTY_BODY } from '../types.ts';
import type { Article, ArticleType, Locale } from '../types.ts';

/** The controls that show the server's error about each field. */
const FIELD_IDS: Partial<Record<string, string>> = {
  headline: 'new-headline',
  slug: 'new-slug',
  sectionId: 'new-section',
  authorIds: 'new-author',
};

export function NewArticle() {
  const { t, locale: uiLocale } = useI18n();
  const { user } = useSession();
  const { data: refs, error: refsError } = useReferenceData();
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [headline, setHeadline] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [sectionId, setSectionId] = useState('');
  const [type, setType] = useState<ArticleType>('news');
  const [authorId, setAuthorId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);

  const ownAuthor = refs?.authors.find((author) => author.email === user.email);
  const chosenAuthor = authorId || (ownAuthor ? String(ownAuthor.id) : '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { article } = await post<{ article: Article }>('/articles', {
        locale,
        headline,
        dek: '',
        slug: slug || slugify(headline),
        sectionId: Number(sectionId),
        type,
        authorIds: chosenAuthor ? [Number(chosenAuthor)] : [],
        tagIds: [],
        leadMediaId: null,
        body: EMPTY_BODY,
        embargoUntil: null,
        revisionNote: null,
      });
      navigate(`/articles/${article.id}`);
    } catch (caught) {
      const found = formError(caught);
      const control = found.field === undefined ? undefined : FIELD_IDS[found.field];
      // An error about a field is shown beside it, and the field takes the focus so that it is
      // read out with its message; anything else goes to the alert region.
      setError(control ? found : { field: undefined, message: errorMessage(caught) });
      if (control) focusLater(control);
      setBusy(false);
    }
  }

  const fieldError = (field: string) => errorFor(error, field);

  return (
    <>
      <ScreenHeading title={t('newArticleTitle')} />
      {refsError !== null && (
        <p role="alert" className="error">
          {t('errorPrefix', { message: errorMessage(refsError) })}
        </p>
      )}
      <form className="card narrow-form" onSubmit={submit} noValidate>
        <Field id="new-locale" label={t('articleLocale')}>
          {(control) => (
            <select
              {...control}
              value={locale}
              onChange={(event) => setLocale(event.target.value as Locale)}
            >
              <LocaleOptions />
            </select>
          )}
        </Field>
        <Field id="new-headline" label={t('headline')} required error={fieldError('headline')}>
          {(control) => (
            <input
              {...control}
              required
              lang={locale}
              value={headline}
              onChange={(event) => {
                setHeadline(event.target.value);
                if (!slugTouched) setSlug(slugify(event.target.value));
              }}
            />
          )}
        </Field>
        <Field id="new-slug" label={t('slug')} help={t('slugHelp')} error={fieldError('slug')}>
          {(control) => (
            <input
              {...control}
              value={slug}
              onChange={(event) => {
                setSlugTouched(true);
                setSlug(event.target.value);
              }}
            />
          )}
        </Field>
        <Field id="new-section" label={t('section')} required error={fieldError('sectionId')}>
          {(control) => (
            <select
              {...control}
              required
              value={sectionId}
              onChange={(event) => setSectionId(event.target.value)}
            >
              <option value="">{t('chooseSection')}</option>
              <SectionOptions sections={refs?.sections} locale={locale} />
            </select>
          )}
        </Field>
        <Field id="new-type" label={t('articleType')}>
          {(control) => (
            <select
              {...control}
              value={type}
              onChange={(event) => setType(event.target.value as ArticleType)}
            >
              <ArticleTypeOptions />
            </select>
          )}
        </Field>
        <Field id="new-author" label={t('filterAuthor')} required error={fieldError('authorIds')}>
          {(control) => (
            <select
              {...control}
              value={chosenAuthor}
              onChange={(event) => setAuthorId(event.target.value)}
            >
              <option value="">{t('chooseAuthor')}</option>
              <AuthorOptions authors={refs?.authors} />
            </select>
          )}
        </Field>
        <AlertRegion
          message={error && !error.field ? t('errorPrefix', { message: error.message }) : null}
        />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </>
  );
}
