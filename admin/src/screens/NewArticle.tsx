/** A new draft: language, headline, slug, section and first author; then the full editor. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, errorMessage, post } from '../api.ts';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { slugify } from '../editor/body-utils.ts';
import { useI18n } from '../i18n/index.tsx';
import { sectionName, useReferenceData } from '../reference-data.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { ARTICLE_TYPES, EMPTY_BODY, LOCALES } from '../types.ts';
import type { Article, ArticleType, Locale } from '../types.ts';

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
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);

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
      setError({
        field: caught instanceof ApiError ? caught.field : undefined,
        message: errorMessage(caught),
      });
      setBusy(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? true : undefined);
  const describedBy = (field: string, help?: string) =>
    [help, error?.field === field ? 'new-error' : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <ScreenHeading title={t('newArticleTitle')} />
      {refsError !== null && (
        <p role="alert" className="error">
          {t('errorPrefix', { message: errorMessage(refsError) })}
        </p>
      )}
      <form className="card narrow-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="new-locale">{t('articleLocale')}</label>
          <select
            id="new-locale"
            value={locale}
            onChange={(event) => setLocale(event.target.value as Locale)}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {t(`locale_${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-headline">
            {t('headline')} <span className="subtle">{t('required')}</span>
          </label>
          <input
            id="new-headline"
            required
            lang={locale}
            value={headline}
            aria-invalid={invalid('headline')}
            aria-describedby={describedBy('headline')}
            onChange={(event) => {
              setHeadline(event.target.value);
              if (!slugTouched) setSlug(slugify(event.target.value));
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="new-slug">{t('slug')}</label>
          <input
            id="new-slug"
            value={slug}
            aria-invalid={invalid('slug')}
            aria-describedby={describedBy('slug', 'new-slug-help')}
            onChange={(event) => {
              setSlugTouched(true);
              setSlug(event.target.value);
            }}
          />
          <p id="new-slug-help" className="help">
            {t('slugHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="new-section">
            {t('section')} <span className="subtle">{t('required')}</span>
          </label>
          <select
            id="new-section"
            required
            value={sectionId}
            aria-invalid={invalid('sectionId')}
            aria-describedby={describedBy('sectionId')}
            onChange={(event) => setSectionId(event.target.value)}
          >
            <option value="">{t('chooseSection')}</option>
            {refs?.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {sectionName(section, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-type">{t('articleType')}</label>
          <select
            id="new-type"
            value={type}
            onChange={(event) => setType(event.target.value as ArticleType)}
          >
            {ARTICLE_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(`type_${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="new-author">
            {t('filterAuthor')} <span className="subtle">{t('required')}</span>
          </label>
          <select
            id="new-author"
            value={chosenAuthor}
            aria-invalid={invalid('authorIds')}
            aria-describedby={describedBy('authorIds')}
            onChange={(event) => setAuthorId(event.target.value)}
          >
            <option value="">{t('chooseAuthor')}</option>
            {refs?.authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </div>
        <div role="alert" className="alert-region">
          {error && (
            <p id="new-error" className="error">
              {t('errorPrefix', { message: error.message })}
            </p>
          )}
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('creating') : t('create')}
        </button>
      </form>
    </>
  );
}
