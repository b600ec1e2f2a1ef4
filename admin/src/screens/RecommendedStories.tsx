/**
 * The pieces of the Recommended panel that show and choose one story: its line (headline in its
 * own language, the language named, why readers miss it), the buttons that pin, exclude and undo
 * either, and the story search.
 */
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { errorMessage, get, query } from '../api.ts';
import { AlertRegion, Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { ArticleListItem, ArticleStatus, ChosenStory, Locale, Paged } from '../types.ts';

/** Results shown at once: a person refines the words rather than pages through a picker. */
const SHOWN_RESULTS = 10;

/** A story's headline in its own language, the language named, and why readers miss it. */
export function StoryLine({
  story,
  children,
}: {
  story: { headline: string; locale: Locale; status: ArticleStatus };
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <span className="rec-line">
      <span lang={story.locale} className="rec-headline">
        {story.headline}
      </span>{' '}
      <span className="rec-language">({t(`locale_${story.locale}`)})</span>
      {story.status !== 'published' && (
        <span className="rec-status">
          {' '}
          {t('recNotShown', { status: t(`status_${story.status}`) })}
        </span>
      )}
      {children && <> {children}</>}
    </span>
  );
}

/** A button whose name carries the story's headline (in its language) after its visible verb. */
export function ActionButton({
  id,
  label,
  story,
  onClick,
}: {
  id: string;
  label: string;
  story: { headline: string; locale: Locale };
  onClick: () => void;
}) {
  return (
    <button type="button" id={id} className="button small" onClick={onClick}>
      {label}
      <span className="visually-hidden">
        {' '}
        <span lang={story.locale}>{story.headline}</span>
      </span>
    </button>
  );
}

export type Choose = (story: ChosenStory, focusId: string) => void;

/**
 * Pin/Exclude for a story not chosen yet, or the way back (Unpin, Allow again) for one that is.
 * After each, the focus stays on the story, on the button that undoes what was just done. Search
 * results mark what is chosen; the block marks what the server says instead.
 */
export function ChoiceButtons({
  story,
  place,
  isPinned,
  isExcluded,
  onPin,
  onUnpin,
  onExclude,
  onAllow,
}: {
  story: ChosenStory;
  place: 'block' | 'result';
  isPinned: boolean;
  isExcluded: boolean;
  onPin: Choose;
  onUnpin: Choose;
  onExclude: Choose;
  onAllow: Choose;
}) {
  const { t } = useI18n();
  const id = (action: string) => `rec-${place}-${action}-${story.id}`;
  const canPin = story.status === 'published';
  return (
    <span className="rec-tools">
      {isPinned && (
        <>
          {place === 'result' && <span className="badge">{t('recPinnedMark')}</span>}
          <ActionButton
            id={id('unpin')}
            label={t('recUnpin')}
            story={story}
            onClick={() => onUnpin(story, id('pin'))}
          />
        </>
      )}
      {isExcluded && (
        <>
          {place === 'result' && <span className="badge">{t('recExcludedMark')}</span>}
          <ActionButton
            id={id('allow')}
            label={t('recAllowAgain')}
            story={story}
            onClick={() => onAllow(story, id('exclude'))}
          />
        </>
      )}
      {!isPinned && !isExcluded && (
        <>
          {canPin && (
            <ActionButton
              id={id('pin')}
              label={t('recPin')}
              story={story}
              onClick={() => onPin(story, id('unpin'))}
            />
          )}
          <ActionButton
            id={id('exclude')}
            label={t('recExclude')}
            story={story}
            onClick={() => onExclude(story, id('allow'))}
          />
        </>
      )}
    </span>
  );
}

/** Finds stories in either language, drafts too (they can be excluded), through the list API. */
export function StorySearch({
  isOffLimits,
  renderChoices,
}: {
  isOffLimits: (id: number) => boolean;
  renderChoices: (story: ChosenStory) => ReactNode;
}) {
  const { t } = useI18n();
  const [words, setWords] = useState('');
  const [found, setFound] = useState<{ items: ArticleListItem[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);

  async function search(event: FormEvent) {
    event.preventDefault();
    if (!words.trim()) return;
    setSearching(true);
    setError(null);
    try {
      const page = await get<Paged<ArticleListItem>>(`/articles${query({ q: words })}`);
      const items = page.items.filter((item) => !isOffLimits(item.id));
      setFound({ items, total: page.total - (page.items.length - items.length) });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSearching(false);
    }
  }

  const shown = found?.items.slice(0, SHOWN_RESULTS) ?? [];
  return (
    <div className="rec-search">
      <h3 id="rec-search-title">{t('recFindTitle')}</h3>
      <form
        role="search"
        aria-labelledby="rec-search-title"
        onSubmit={(event) => void search(event)}
        className="inline-form"
      >
        <Field id="rec-search" label={t('recSearchLabel')} help={t('recSearchHelp')}>
          {(control) => (
            <input
              {...control}
              type="search"
              value={words}
              onChange={(event) => setWords(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button secondary" disabled={searching}>
          {t('recSearchDo')}
        </button>
      </form>
      <AlertRegion message={error} />
      <div role="status">
        {found && (
          <p className="subtle">
            {found.total === 0
              ? t('recNoResults')
              : t('recResultCount', { shown: shown.length, total: found.total })}
          </p>
        )}
      </div>
      {shown.length > 0 && (
        <ul className="rec-list" aria-labelledby="rec-search-title">
          {shown.map((item) => (
            <li key={item.id} className="rec-story">
              <StoryLine story={item} />
              {renderChoices({
                id: item.id,
                headline: item.headline,
                locale: item.locale,
                status: item.status,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
