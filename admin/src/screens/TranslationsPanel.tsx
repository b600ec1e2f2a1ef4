/** The story's other-language version: its status and a link, or a button that creates it. */
import { useState } from 'react';
import { ApiError, errorMessage, post } from '../api.ts';
import { AlertRegion } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import type { Article } from '../types.ts';

export function TranslationsPanel({
  article,
  beforeCreate,
}: {
  article: Article;
  beforeCreate: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const translations = (article.translations ?? []).filter((other) => other.id !== article.id);
  const other = article.locale === 'en' ? 'es' : 'en';
  const hasOther = translations.some((translation) => translation.locale === other);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      await beforeCreate();
      const { article: created } = await post<{ article: Article }>(
        `/articles/${article.id}/translations`,
      );
      navigate(`/articles/${created.id}`);
    } catch (caught) {
      const existing = caught instanceof ApiError ? caught.details['articleId'] : undefined;
      if (typeof existing === 'number') navigate(`/articles/${existing}`);
      else setError(t('refused', { message: errorMessage(caught) }));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('translations')}</h2>
      {translations.length === 0 && <p className="subtle">{t('noTranslations')}</p>}
      <ul>
        {translations.map((translation) => (
          <li key={translation.id}>
            <Link to={`/articles/${translation.id}`}>
              {t('translationLine', {
                language: t(`locale_${translation.locale}`),
                headline: translation.headline,
                status: t(`status_${translation.status}`),
              })}
            </Link>
          </li>
        ))}
      </ul>
      {!hasOther && (
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => void create()}
        >
          {other === 'es' ? t('createSpanish') : t('createEnglish')}
        </button>
      )}
      <AlertRegion message={error} />
    </section>
  );
}
