/**
 * The article's Recommended block in the editor: the block as last computed (stories an editor
 * pinned are marked), the pinned stories in their order, and the excluded ones. An editor pins a
 * story found by searching or shown in the block, orders the pins, excludes a story (and allows
 * it again), then saves them all at once; the server computes the block again within seconds.
 *
 * The choices are not part of the article's version, so saving them never conflicts with the
 * editor's autosave.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { errorMessage, get, put } from '../api.ts';
import { AlertRegion, focusLater } from '../components/Field.tsx';
import { StatusRegion } from '../components/FormParts.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import type { Article, ChosenStory, Recommendations, User } from '../types.ts';
import { ActionButton, ChoiceButtons, StoryLine, StorySearch } from './RecommendedStories.tsx';

/** The server's limits (core/operations/recommendation-choices.ts). */
const MAX_PINS = 3;
const MAX_EXCLUDES = 50;
/** After a save, how often and how many times to look for the block the job computes. */
const BLOCK_POLL_MS = 1500;
const BLOCK_POLLS = 6;

/** `list` without `story`. */
function without(list: ChosenStory[], story: ChosenStory): ChosenStory[] {
  return list.filter((other) => other.id !== story.id);
}

/** Mirrors the server: whoever may edit the article's fields may choose its recommendations. */
function mayChoose(user: User, article: Article): boolean {
  if (user.role === 'editor' || user.role === 'admin') return true;
  if (article.createdByUserId !== user.id) return false;
  return user.role === 'author' || article.status === 'draft';
}

/**
 * One of the panel's lists under its heading, which names it: a line saying it is empty when it
 * is, nothing while the block loads (`stories` undefined).
 */
function StoryListSection<Story extends { id: number }>({
  titleId,
  title,
  note,
  stories,
  empty,
  isOrdered = false,
  children,
}: {
  titleId: string;
  title: string;
  /** Shown under the heading, before the list. */
  note?: ReactNode;
  stories: readonly Story[] | undefined;
  empty: string;
  /** The order means something (the block's, the pins'): an <ol>, else a <ul>. */
  isOrdered?: boolean;
  /** The contents of a story's list item. */
  children: (story: Story, index: number) => ReactNode;
}) {
  const List = isOrdered ? 'ol' : 'ul';
  return (
    <>
      <h3 id={titleId}>{title}</h3>
      {note}
      {stories && stories.length === 0 && <p className="subtle">{empty}</p>}
      {stories && stories.length > 0 && (
        <List className="rec-list" aria-labelledby={titleId}>
          {stories.map((story, index) => (
            <li key={story.id} className="rec-story">
              {children(story, index)}
            </li>
          ))}
        </List>
      )}
    </>
  );
}

export function RecommendedPanel({ article }: { article: Article }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const mayEdit = mayChoose(user, article);
  const [view, setView] = useState<Recommendations | null>(null);
  const [pins, setPins] = useState<ChosenStory[]>([]);
  const [excludes, setExcludes] = useState<ChosenStory[]>([]);
  const [isDirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const polling = useRef(0);

  const load = useCallback(
    () =>
      get<Recommendations>(`/articles/${article.id}/recommendations`).then(
        (result) => {
          setView(result);
          setPins(result.choices.pins);
          setExcludes(result.choices.excludes);
          setDirty(false);
        },
        (caught: unknown) => setError(errorMessage(caught)),
      ),
    [article.id],
  );
  useEffect(() => {
    void load();
    return () => {
      polling.current += 1;
    };
  }, [load]);

  const isPinned = (id: number) => pins.some((story) => story.id === id);
  const isExcluded = (id: number) => excludes.some((story) => story.id === id);

  /** A local change: shown at once, announced, and sent with the next save. */
  function change(
    next: { pins?: ChosenStory[]; excludes?: ChosenStory[] },
    said: string,
    focusId: string,
  ) {
    setError(null);
    if (next.pins) setPins(next.pins);
    if (next.excludes) setExcludes(next.excludes);
    setDirty(true);
    setStatus(said);
    focusLater(focusId);
  }

  /** Whether `list` already holds `max` stories; if so, says that instead of adding one. */
  function isFull(list: ChosenStory[], max: number, limitMessage: MessageKey) {
    if (list.length < max) return false;
    setStatus(null);
    setError(t(limitMessage, { max }));
    return true;
  }

  function pin(story: ChosenStory, focusId: string) {
    if (isPinned(story.id) || isFull(pins, MAX_PINS, 'recPinLimit')) return;
    change(
      { pins: [...pins, story], excludes: without(excludes, story) },
      t('recPinnedNow', { headline: story.headline }),
      focusId,
    );
  }

  function exclude(story: ChosenStory, focusId: string) {
    if (isExcluded(story.id) || isFull(excludes, MAX_EXCLUDES, 'recExcludeLimit')) return;
    change(
      { pins: without(pins, story), excludes: [...excludes, story] },
      t('recExcludedNow', { headline: story.headline }),
      focusId,
    );
  }

  function unpin(story: ChosenStory, focusId: string) {
    change(
      { pins: without(pins, story) },
      t('recUnpinnedNow', { headline: story.headline }),
      focusId,
    );
  }

  function allow(story: ChosenStory, focusId: string) {
    change(
      { excludes: without(excludes, story) },
      t('recAllowedNow', { headline: story.headline }),
      focusId,
    );
  }

  function move(index: number, by: -1 | 1) {
    const next = [...pins];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    const to = index + by;
    next.splice(to, 0, moved);
    // Keep the focus on the same arrow, unless the story reached the end it was moving to:
    // that arrow is now disabled, so the focus goes to the other one.
    const isAtEnd = by < 0 ? to === 0 : to === next.length - 1;
    const direction = by < 0 !== isAtEnd ? 'up' : 'down';
    change(
      { pins: next },
      t('recMovedNow', { headline: moved.headline, position: to + 1 }),
      `rec-pin-${direction}-${moved.id}`,
    );
  }

  async function save() {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const saved = await put<Recommendations>(`/articles/${article.id}/recommendations`, {
        pins: pins.map((story) => story.id),
        excludes: excludes.map((story) => story.id),
      });
      setView(saved);
      setPins(saved.choices.pins);
      setExcludes(saved.choices.excludes);
      setDirty(false);
      setStatus(t('recSaved'));
      void followBlock(saved.computedAt);
    } catch (caught) {
      setError(t('refused', { message: errorMessage(caught) }));
    } finally {
      setBusy(false);
    }
  }

  /** The block is computed by a job after the save: show it when it lands (a few tries). */
  async function followBlock(computedBefore: string | null) {
    const run = ++polling.current;
    for (let attempt = 0; attempt < BLOCK_POLLS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, BLOCK_POLL_MS));
      if (run !== polling.current) return;
      try {
        const latest = await get<Recommendations>(`/articles/${article.id}/recommendations`);
        if (run !== polling.current) return;
        if (latest.computedAt !== computedBefore) {
          // Only the block: choices changed here since the save stay as they are.
          setView(
            (current) =>
              current && { ...current, block: latest.block, computedAt: latest.computedAt },
          );
          return;
        }
      } catch {
        return;
      }
    }
  }

  /** Pin, unpin, exclude or allow a story, wherever it is listed. */
  const choiceButtons = (story: ChosenStory, place: 'block' | 'result') => (
    <ChoiceButtons
      story={story}
      place={place}
      isPinned={isPinned(story.id)}
      isExcluded={isExcluded(story.id)}
      onPin={pin}
      onUnpin={unpin}
      onExclude={exclude}
      onAllow={allow}
    />
  );

  const translationIds = new Set((article.translations ?? []).map((other) => other.id));
  const isOffLimits = (id: number) => id === article.id || translationIds.has(id);

  return (
    <section className="card recommended-panel" aria-labelledby="recommended-title">
      <h2 id="recommended-title">{t('recTitle')}</h2>
      <p className="help">{t('recHelp', { max: MAX_PINS })}</p>
      <StatusRegion message={status} />
      <AlertRegion message={error} />

      <StoryListSection
        titleId="rec-block-title"
        title={t('recBlockNow')}
        note={
          view &&
          view.computedAt && (
            <p className="subtle">{t('recComputedAt', { date: formatDate(view.computedAt) })}</p>
          )
        }
        stories={view?.block}
        empty={t('recBlockEmpty')}
        isOrdered
      >
        {(story) => (
          <>
            <StoryLine story={story}>
              {story.reason === 'pin' && <span className="badge">{t('recPinnedMark')}</span>}
              {isExcluded(story.id) && <span className="badge">{t('recExcludedMark')}</span>}
            </StoryLine>
            {mayEdit && choiceButtons(story, 'block')}
          </>
        )}
      </StoryListSection>

      <StoryListSection
        titleId="rec-pins-title"
        title={t('recPinnedTitle')}
        stories={pins}
        empty={t('recNoPins')}
        isOrdered
      >
        {(story, index) => (
          <>
            <StoryLine story={story} />
            {mayEdit && (
              <span className="rec-tools">
                <button
                  type="button"
                  id={`rec-pin-up-${story.id}`}
                  className="button small"
                  aria-label={t('moveUp', { name: story.headline })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  id={`rec-pin-down-${story.id}`}
                  className="button small"
                  aria-label={t('moveDown', { name: story.headline })}
                  disabled={index === pins.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <ActionButton
                  id={`rec-pin-remove-${story.id}`}
                  label={t('recUnpin')}
                  story={story}
                  onClick={() =>
                    unpin(
                      story,
                      pins[index + 1] ? `rec-pin-remove-${pins[index + 1]?.id}` : 'rec-search',
                    )
                  }
                />
              </span>
            )}
          </>
        )}
      </StoryListSection>

      <StoryListSection
        titleId="rec-excludes-title"
        title={t('recExcludedTitle')}
        stories={excludes}
        empty={t('recNoExcludes')}
      >
        {(story, index) => (
          <>
            <StoryLine story={story} />
            {mayEdit && (
              <ActionButton
                id={`rec-excluded-allow-${story.id}`}
                label={t('recAllowAgain')}
                story={story}
                onClick={() =>
                  allow(
                    story,
                    excludes[index + 1]
                      ? `rec-excluded-allow-${excludes[index + 1]?.id}`
                      : 'rec-search',
                  )
                }
              />
            )}
          </>
        )}
      </StoryListSection>

      {mayEdit && (
        <StorySearch
          isOffLimits={isOffLimits}
          renderChoices={(story) => choiceButtons(story, 'result')}
        />
      )}

      {mayEdit && (
        <div className="button-row rec-save">
          <button
            type="button"
            id="rec-save"
            className="button primary"
            disabled={busy}
            onClick={() => void save()}
          >
            {t('recSave')}
          </button>
          {isDirty && <span className="subtle">{t('unsavedChanges')}</span>}
        </div>
      )}
    </section>
  );
}
