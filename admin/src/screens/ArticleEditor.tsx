/**
 * The article editor: every field, the body, autosave, the lead image and lead video,
 * publishing checks and workflow buttons, preview, translations and revisions.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { API_BASE, ApiError, del, errorMessage, get, post } from '../api.ts';
import { BodyField, bodyImageOf } from '../components/BodyField.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { AlertRegion, ArticleTypeOptions, Field, SectionOptions } from '../components/Field.tsx';
import { Link } from '../components/Link.tsx';
import { MediaDetails } from '../components/MediaDetails.tsx';
import { MediaPicker } from '../components/MediaPicker.tsx';
import { VideoPicker } from '../components/VideoPicker.tsx';
import type { VideoUse } from '../components/VideoPicker.tsx';
import { ScreenHeading } from '../components/ScreenHeading.tsx';
import { clearLocalDraft, readLocalDraft, useAutosave } from '../editor/autosave.ts';
import type { LocalDraft, SaveState } from '../editor/autosave.ts';
import type { BodyImageAttrs, BodyVideoAttrs } from '../editor/body-extensions.ts';
import { bodyImages, isoToLocal, localToIso } from '../editor/body-utils.ts';
import { videoChecks } from '../editor/video-checks.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Translate } from '../i18n/index.tsx';
import { mediaText, thumbnailUrl } from '../media.ts';
import { tagName, useReferenceData } from '../reference-data.ts';
import type { ReferenceData } from '../reference-data.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { fieldsOf } from '../types.ts';
import type {
  Article,
  ArticleFields,
  ArticleType,
  Locale,
  Media,
  User,
  VideoMedia,
} from '../types.ts';
import { LeadVideo } from './LeadVideo.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { NotesPanel } from './NotesPanel.tsx';
import { RecommendedPanel } from './RecommendedPanel.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import { TranslationsPanel } from './TranslationsPanel.tsx';
import { TrustFields } from './TrustFields.tsx';

interface Loaded {
  article: Article;
  fields: ArticleFields;
  leadMedia: Media | null;
  /** Changes kept on this computer that were not saved, and whether they were applied. */
  localDraft: { draft: LocalDraft; applied: boolean } | null;
}

async function loadArticle(id: number): Promise<Loaded> {
  const { article } = await get<{ article: Article }>(`/articles/${id}`);
  const draft = readLocalDraft(id);
  const applies = draft !== null && draft.baseVersion === article.version;
  return {
    article,
    fields: applies ? { ...fieldsOf(article), ...draft.fields } : fieldsOf(article),
    leadMedia: article.leadMedia,
    localDraft: draft ? { draft, applied: applies } : null,
  };
}

export function ArticleEditor({ id }: { id: number }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadCount, setLoadCount] = useState(0);

  const reload = useCallback(() => {
    setError(null);
    loadArticle(id).then(
      (result) => {
        setLoaded(result);
        setLoadCount((n) => n + 1);
      },
      (caught: unknown) => setError(caught),
    );
  }, [id]);

  useEffect(() => reload(), [reload]);

  if (error)
    return (
      <>
        <ScreenHeading title={t('editArticle')} />
        <p role="alert" className="error">
          {t('errorPrefix', { message: errorMessage(error) })}
        </p>
        <p>
          <Link to="/">{t('backToArticles')}</Link>
        </p>
      </>
    );
  if (!loaded)
    return (
      <>
        <ScreenHeading title={t('editArticle')} />
        <p role="status">{t('loading')}</p>
      </>
    );
  return (
    <EditorScreen
      key={loadCount}
      loaded={loaded}
      onReload={() => {
        clearLocalDraft(id);
        reload();
      }}
    />
  );
}

const ROLE_RANK: Record<User['role'], number> = { contributor: 0, author: 1, editor: 2, admin: 3 };

type Action = 'submit' | 'return-to-draft' | 'publish' | 'unpublish' | 'schedule';

/** The transitions this user may try on this article (the server has the last word). */
function allowedActions(user: User, article: Article): Action[] {
  const isEditor = ROLE_RANK[user.role] >= ROLE_RANK.editor;
  const isOwn = article.createdByUserId === user.id;
  const mayPublish = isEditor || (user.role === 'author' && isOwn);
  switch (article.status) {
    case 'draft':
      return ['submit', ...(mayPublish ? (['publish', 'schedule'] as const) : [])];
    case 'in_review':
      return isEditor ? ['publish', 'schedule', 'return-to-draft'] : [];
    case 'scheduled':
      return [
        ...(mayPublish ? (['publish'] as const) : []),
        ...(isEditor ? (['return-to-draft'] as const) : []),
      ];
    case 'published':
      return isEditor ? ['unpublish'] : [];
    case 'unpublished':
      return [
        ...(mayPublish ? (['publish'] as const) : []),
        ...(isEditor ? (['return-to-draft'] as const) : []),
        'submit',
      ];
  }
}

interface Check {
  level: 'error' | 'warning';
  text: string;
}

function publishingChecks(
  fields: ArticleFields,
  leadMedia: Media | null,
  locale: Locale,
  t: Translate,
): Check[] {
  const checks: Check[] = [];
  if (fields.leadMediaId !== null && leadMedia) {
    const text = mediaText(leadMedia, locale);
    if (!text.alt.trim())
      checks.push({ level: 'error', text: t('checkMissingAlt', { image: t('leadImageName') }) });
    if (!text.caption.trim())
      checks.push({
        level: 'warning',
        text: t('checkMissingCaption', { image: t('leadImageName') }),
      });
  }
  for (const image of bodyImages(fields.body)) {
    const name = t('bodyImageName', { n: image.index });
    if (!image.alt.trim())
      checks.push({ level: 'error', text: t('checkMissingAlt', { image: name }) });
    if (!image.caption.trim())
      checks.push({ level: 'warning', text: t('checkMissingCaption', { image: name }) });
  }
  return checks;
}

function EditorScreen({ loaded, onReload }: { loaded: Loaded; onReload: () => void }) {
  const { t, formatDate } = useI18n();
  const { user } = useSession();
  const { data: refs } = useReferenceData();
  const [article, setArticle] = useState(loaded.article);
  const [fields, setFields] = useState(loaded.fields);
  const [leadMedia, setLeadMedia] = useState<Media | null>(loaded.leadMedia);
  const [localDraft, setLocalDraft] = useState(loaded.localDraft);
  const [picker, setPicker] = useState<{ onPick: (media: Media) => void } | null>(null);
  const [videoPicker, setVideoPicker] = useState<{
    withUseFields: boolean;
    onPick: (video: VideoMedia, use: VideoUse) => void;
  } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [checks, setChecks] = useState<{ list: Check[]; confirm: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [scheduleAt, setScheduleAt] = useState(isoToLocal(article.scheduledFor));
  const [bodyKey, setBodyKey] = useState(0);
  const [revisionsKey, setRevisionsKey] = useState(0);
  const [deleting, setDeleting] = useState<'asking' | 'busy' | null>(null);
  const locale = article.locale;
  const autosave = useAutosave(article.id, article.version, (saved) => {
    setArticle(saved);
    setRevisionsKey((n) => n + 1);
  });

  // Changes restored from this computer: save them now.
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !loaded.localDraft?.applied) return;
    applied.current = true;
    autosave.change(loaded.localDraft.draft.fields);
  }, [autosave, loaded.localDraft]);

  const update = (patch: Partial<ArticleFields>) => {
    setFields((current) => ({ ...current, ...patch }));
    autosave.change(patch);
  };

  const serverField = autosave.state.kind === 'error' ? autosave.state.field : undefined;
  const fieldError = (name: string) =>
    serverField &&
    (serverField === name ||
      serverField.startsWith(`${name}.`) ||
      serverField.startsWith(`${name}[`))
      ? autosave.state.kind === 'error'
        ? autosave.state.message
        : null
      : null;

  async function runAction(action: Action, confirmed = false) {
    setMessage(null);
    if (action === 'publish' || action === 'schedule') {
      // The videos' state is asked of the server; the buttons wait meanwhile (no double click).
      setBusy(true);
      const fromVideos = await videoChecks(fields, locale, t);
      setBusy(false);
      const list = [...publishingChecks(fields, leadMedia, locale, t), ...fromVideos];
      const errors = list.filter((check) => check.level === 'error');
      if (errors.length > 0) {
        setChecks({ list, confirm: false });
        setMessage({ kind: 'error', text: t('cannotPublish') });
        return;
      }
      if (list.length > 0 && !confirmed && action === 'publish') {
        setChecks({ list, confirm: true });
        return;
      }
    }
    setChecks(null);
    setBusy(true);
    try {
      if (!(await autosave.flush())) {
        setMessage({ kind: 'error', text: t('cannotPublish') });
        return;
      }
      let result: { article: Article };
      if (action === 'schedule') {
        const at = localToIso(scheduleAt);
        if (!at) {
          setMessage({
            kind: 'error',
            text: t('refused', { message: `${t('scheduleAt')}: ${t('required')}` }),
          });
          return;
        }
        result = await post<{ article: Article }>(`/articles/${article.id}/schedule`, { at });
      } else result = await post<{ article: Article }>(`/articles/${article.id}/${action}`);
      setArticle(result.article);
      autosave.setVersion(result.article.version);
      setRevisionsKey((n) => n + 1);
      setMessage({
        kind: 'ok',
        text: t('actionDone', { status: t(`status_${result.article.status}`) }),
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.field === 'expectedVersion')
        onReload();
      setMessage({ kind: 'error', text: t('refused', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  }

  async function deleteArticle() {
    setDeleting('busy');
    try {
      await autosave.flush();
      await del(`/articles/${article.id}`);
      clearLocalDraft(article.id);
      autosave.reset(article.version);
      navigate('/');
    } catch (error) {
      setDeleting(null);
      setMessage({ kind: 'error', text: t('refused', { message: errorMessage(error) }) });
    }
  }

  const requestImage = (insert: (attrs: BodyImageAttrs) => void) =>
    setPicker({
      onPick: (media) => insert(bodyImageOf(media, locale)),
    });

  const requestVideo = (insert: (attrs: BodyVideoAttrs) => void) =>
    setVideoPicker({
      withUseFields: true,
      onPick: (video, use) => insert({ mediaId: video.id, ...use }),
    });

  const actions = allowedActions(user, article);
  const isEditor = ROLE_RANK[user.role] >= ROLE_RANK.editor;
  const actionLabel: Record<Action, string> = {
    submit: t('submit'),
    'return-to-draft': t('returnToDraft'),
    publish: t('publish'),
    unpublish: t('unpublish'),
    schedule: t('schedule'),
  };

  return (
    <div className="editor-screen">
      <div className="screen-header">
        <ScreenHeading title={t('editorFor', { headline: fields.headline })}>
          <span className="subtle">{t('editArticle')}: </span>
          <span lang={locale}>{fields.headline}</span>
        </ScreenHeading>
        <SaveStatus state={autosave.state} onReload={onReload} />
      </div>

      {localDraft && (
        <div className="notice" role="status">
          {localDraft.applied ? (
            <p>{t('localDraftApplied')}</p>
          ) : (
            <>
              <p>{t('localDraftFound')}</p>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setFields((current) => ({ ...current, ...localDraft.draft.fields }));
                  autosave.change(localDraft.draft.fields);
                  setBodyKey((n) => n + 1);
                  setLocalDraft(null);
                }}
              >
                {t('applyLocalDraft')}
              </button>{' '}
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  clearLocalDraft(article.id);
                  setLocalDraft(null);
                }}
              >
                {t('discardLocalDraft')}
              </button>
            </>
          )}
        </div>
      )}

      <div className="editor-columns">
        <div className="editor-main">
          <TextField
            id="headline"
            label={t('headline')}
            value={fields.headline}
            lang={locale}
            error={fieldError('headline')}
            onChange={(value) => update({ headline: value })}
            big
          />
          <TextField
            id="dek"
            label={t('dek')}
            value={fields.dek}
            lang={locale}
            error={fieldError('dek')}
            multiline
            onChange={(value) => update({ dek: value })}
          />
          <BodyField
            key={bodyKey}
            label={t('body')}
            error={fieldError('body')}
            initial={fields.body}
            locale={locale}
            onChange={(body) => update({ body })}
            onRequestImage={requestImage}
            onRequestVideo={requestVideo}
            withEmbeds
          />
          <PreviewPanel articleId={article.id} beforeOpen={() => autosave.flush()} />
          <TrustFields fields={fields} locale={locale} update={update} fieldError={fieldError} />
        </div>

        <div className="editor-side">
          <section className="card" aria-labelledby="workflow-title">
            <h2 id="workflow-title">{t('workflow')}</h2>
            <p>
              <span className={`badge status-${article.status}`}>
                {t('currentStatus', { status: t(`status_${article.status}`) })}
              </span>
              {article.status === 'scheduled' && article.scheduledFor && (
                <> {t('scheduledFor', { date: formatDate(article.scheduledFor) })}</>
              )}
            </p>
            {article.path && article.status === 'published' && (
              <p>
                {t('publicUrl')}:{' '}
                <a href={article.path} target="_blank" rel="noopener">
                  {article.path}
                </a>
              </p>
            )}
            {actions.includes('schedule') && (
              <div className="field">
                <label htmlFor="schedule-at">{t('scheduleAt')}</label>
                <input
                  id="schedule-at"
                  type="datetime-local"
                  value={scheduleAt}
                  onChange={(event) => setScheduleAt(event.target.value)}
                />
              </div>
            )}
            <div className="button-row">
              {actions.map((action) => (
                <button
                  key={action}
                  type="button"
                  className={`button ${action === 'publish' ? 'primary' : 'secondary'}`}
                  disabled={busy || (action === 'schedule' && !scheduleAt)}
                  onClick={() => void runAction(action)}
                >
                  {actionLabel[action]}
                </button>
              ))}
            </div>
            {checks && (
              <div className="checks" aria-labelledby="checks-title">
                <h3 id="checks-title">{t('checksTitle')}</h3>
                <ul>
                  {checks.list.map((check) => (
                    <li key={check.text} className={check.level === 'error' ? 'error' : 'warning'}>
                      <strong>{check.level === 'error' ? '✖ ' : '⚠ '}</strong>
                      {check.text}
                    </li>
                  ))}
                </ul>
                {checks.confirm && (
                  <>
                    <p>{t('captionWarning')}</p>
                    <button
                      type="button"
                      className="button primary"
                      onClick={() => void runAction('publish', true)}
                    >
                      {t('publishAnyway')}
                    </button>{' '}
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => setChecks(null)}
                    >
                      {t('cancel')}
                    </button>
                  </>
                )}
              </div>
            )}
            <AlertRegion message={message?.kind === 'error' ? message.text : null} />
            <div role="status">
              {message?.kind === 'ok' && <p className="success">{message.text}</p>}
            </div>
            <p className="export-link">
              <a
                href={`${API_BASE}/articles/${article.id}/ninjs`}
                download={`article-${article.id}.ninjs.json`}
                aria-describedby="export-ninjs-help"
              >
                {t('exportNinjs')}
              </a>{' '}
              <span className="help" id="export-ninjs-help">
                {t('exportNinjsHelp')}
              </span>
            </p>
            {isEditor && (
              <button type="button" className="button danger" onClick={() => setDeleting('asking')}>
                {t('deleteArticle')}
              </button>
            )}
          </section>

          <LeadImage
            locale={locale}
            media={leadMedia}
            onChoose={() =>
              setPicker({
                onPick: (media) => {
                  setLeadMedia(media);
                  update({ leadMediaId: media.id });
                },
              })
            }
            onRemove={() => {
              setLeadMedia(null);
              update({ leadMediaId: null });
            }}
            onSaved={setLeadMedia}
            error={fieldError('leadMediaId')}
          />

          <LeadVideo
            locale={locale}
            videoId={fields.leadVideoId}
            autoplay={fields.leadVideoAutoplay}
            onChoose={() =>
              setVideoPicker({
                withUseFields: false,
                onPick: (video) => update({ leadVideoId: video.id }),
              })
            }
            onRemove={() => update({ leadVideoId: null, leadVideoAutoplay: false })}
            onAutoplay={(autoplay) => update({ leadVideoAutoplay: autoplay })}
            error={fieldError('leadVideoId') ?? fieldError('leadVideoAutoplay')}
          />

          <MetadataFields
            fields={fields}
            locale={locale}
            refs={refs}
            update={update}
            fieldError={fieldError}
          />

          <section className="card" aria-labelledby="seo-title">
            <h2 id="seo-title">{t('seo')}</h2>
            <p className="help" id="seo-help">
              {t('seoHelp')}
            </p>
            <TextField
              id="seoTitle"
              label={t('seoTitle')}
              value={fields.seoTitle}
              lang={locale}
              describedBy="seo-help"
              error={fieldError('seoTitle')}
              onChange={(value) => update({ seoTitle: value })}
            />
            <TextField
              id="seoDescription"
              label={t('seoDescription')}
              value={fields.seoDescription}
              lang={locale}
              multiline
              describedBy="seo-help"
              error={fieldError('seoDescription')}
              onChange={(value) => update({ seoDescription: value })}
            />
          </section>

          <section className="card" aria-labelledby="publishing-title">
            <h2 id="publishing-title">{t('publishing')}</h2>
            <Field
              id="embargo"
              label={t('embargo')}
              help={t('embargoHelp')}
              error={fieldError('embargoUntil')}
            >
              {(control) => (
                <input
                  {...control}
                  type="datetime-local"
                  value={isoToLocal(fields.embargoUntil)}
                  onChange={(event) => update({ embargoUntil: localToIso(event.target.value) })}
                />
              )}
            </Field>
            {fields.embargoUntil && (
              <button
                type="button"
                className="button secondary"
                onClick={() => update({ embargoUntil: null })}
              >
                {t('clearEmbargo')}
              </button>
            )}
          </section>

          <NotesPanel
            article={article}
            mayEdit={isEditor}
            beforeChange={() => autosave.flush()}
            afterChange={async () => {
              const { article: current } = await get<{ article: Article }>(
                `/articles/${article.id}`,
              );
              setArticle(current);
              autosave.setVersion(current.version);
              setRevisionsKey((n) => n + 1);
            }}
          />
          <TranslationsPanel article={article} beforeCreate={() => autosave.flush()} />
          <RecommendedPanel article={article} />
          <RevisionsPanel
            key={revisionsKey}
            article={article}
            onRestored={(restored) => {
              autosave.reset(restored.version);
              setArticle(restored);
              setFields(fieldsOf(restored));
              setBodyKey((n) => n + 1);
            }}
          />
        </div>
      </div>

      {picker && (
        <MediaPicker locale={locale} onPick={picker.onPick} onClose={() => setPicker(null)} />
      )}
      {videoPicker && (
        <VideoPicker
          locale={locale}
          withUseFields={videoPicker.withUseFields}
          onPick={videoPicker.onPick}
          onClose={() => setVideoPicker(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteArticle')}
          message={t('confirmDelete')}
          confirmLabel={t('deleteConfirm')}
          busy={deleting === 'busy'}
          onConfirm={() => void deleteArticle()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}

function SaveStatus({ state, onReload }: { state: SaveState; onReload: () => void }) {
  const { t } = useI18n();
  let text = '';
  switch (state.kind) {
    case 'idle':
      text = '';
      break;
    case 'dirty':
      text = t('unsavedChanges');
      break;
    case 'saving':
      text = t('saving');
      break;
    case 'saved':
      text = t('allSaved');
      break;
    case 'offline':
      text = t('offlineKept');
      break;
    case 'conflict':
      text = t('conflict', { version: state.currentVersion ?? '?' });
      break;
    case 'error':
      text = t('saveFailed', {
        message: state.field ? `${state.field}: ${state.message}` : state.message,
      });
      break;
  }
  return (
    <div className={`save-status save-${state.kind}`}>
      <p aria-live="polite" aria-atomic="true" className="save-text" data-testid="save-status">
        <span className="visually-hidden">{t('saveStatus')}: </span>
        {text}
      </p>
      {state.kind === 'conflict' && (
        <button type="button" className="button primary" onClick={onReload}>
          {t('reloadCurrent')}
        </button>
      )}
    </div>
  );
}

function TextField({
  id,
  label,
  value,
  onChange,
  lang,
  error,
  multiline,
  help,
  describedBy,
  big,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  lang?: string;
  error?: string | null;
  multiline?: boolean;
  help?: string;
  /** Help shared with other fields, shown once above them. */
  describedBy?: string;
  big?: boolean;
}) {
  return (
    <Field id={id} label={label} help={help} error={error} describedBy={describedBy}>
      {(control) =>
        multiline ? (
          <textarea
            {...control}
            value={value}
            lang={lang}
            rows={3}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            value={value}
            lang={lang}
            className={big ? 'big' : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

function LeadImage({
  locale,
  media,
  onChoose,
  onRemove,
  onSaved,
  error,
}: {
  locale: Locale;
  media: Media | null;
  onChoose: () => void;
  onRemove: () => void;
  onSaved: (media: Media) => void;
  error: string | null;
}) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="lead-title">
      <h2 id="lead-title">{t('leadImage')}</h2>
      {media ? (
        <>
          <img
            className="lead-thumb"
            src={thumbnailUrl(media)}
            alt={mediaText(media, locale).alt}
          />
          <MediaDetails
            key={media.id}
            media={media}
            locales={[locale]}
            idPrefix="lead"
            onSaved={onSaved}
          />
        </>
      ) : (
        <p className="subtle">{t('noLeadImage')}</p>
      )}
      {error && <p className="error">{error}</p>}
      <div className="button-row">
        <button type="button" className="button secondary" onClick={onChoose}>
          {t('chooseImage')}
        </button>
        {media && (
          <button type="button" className="button secondary" onClick={onRemove}>
            {t('removeImage')}
          </button>
        )}
      </div>
    </section>
  );
}

function MetadataFields({
  fields,
  locale,
  refs,
  update,
  fieldError,
}: {
  fields: ArticleFields;
  locale: Locale;
  refs: ReferenceData | null;
  update: (patch: Partial<ArticleFields>) => void;
  fieldError: (name: string) => string | null;
}) {
  const { t } = useI18n();
  const [authorToAdd, setAuthorToAdd] = useState('');
  const authorName = (id: number) =>
    refs?.authors.find((author) => author.id === id)?.name ?? `#${id}`;
  const moveAuthor = (index: number, by: -1 | 1) => {
    const next = [...fields.authorIds];
    const [moved] = next.splice(index, 1);
    if (moved === undefined) return;
    next.splice(index + by, 0, moved);
    update({ authorIds: next });
  };
  const errorText = (name: string) =>
    fieldError(name) ? (
      <p className="error" id={`${name}-error`}>
        {fieldError(name)}
      </p>
    ) : null;

  return (
    <section className="card" aria-labelledby="meta-title">
      <h2 id="meta-title">{t('details')}</h2>
      <Field id="slug" label={t('slug')} help={t('slugHelp')} error={fieldError('slug')}>
        {(control) => (
          <input
            {...control}
            value={fields.slug}
            onChange={(event) => update({ slug: event.target.value })}
          />
        )}
      </Field>
      <Field id="sectionId" label={t('section')} error={fieldError('sectionId')}>
        {(control) => (
          <select
            {...control}
            value={fields.sectionId}
            onChange={(event) => update({ sectionId: Number(event.target.value) })}
          >
            {!refs && <option value={fields.sectionId}>#{fields.sectionId}</option>}
            <SectionOptions sections={refs?.sections} locale={locale} />
          </select>
        )}
      </Field>
      <Field id="type" label={t('articleType')}>
        {(control) => (
          <select
            {...control}
            value={fields.type}
            onChange={(event) => update({ type: event.target.value as ArticleType })}
          >
            <ArticleTypeOptions />
          </select>
        )}
      </Field>
      <fieldset className="field">
        <legend>{t('tags')}</legend>
        {refs && refs.tags.length === 0 && <p className="subtle">{t('noTags')}</p>}
        <div className="checkbox-list">
          {refs?.tags.map((tag) => (
            <label key={tag.id} className="checkbox">
              <input
                type="checkbox"
                checked={fields.tagIds.includes(tag.id)}
                onChange={(event) =>
                  update({
                    tagIds: event.target.checked
                      ? [...fields.tagIds, tag.id]
                      : fields.tagIds.filter((id) => id !== tag.id),
                  })
                }
              />
              <span lang={locale}>{tagName(tag, locale)}</span>
            </label>
          ))}
        </div>
        {errorText('tagIds')}
      </fieldset>
      <fieldset className="field">
        <legend>{t('authors')}</legend>
        <ol className="author-list">
          {fields.authorIds.map((id, index) => (
            <li key={id}>
              <span className="author-name">{authorName(id)}</span>
              <span className="author-tools">
                <button
                  type="button"
                  className="button small"
                  aria-label={t('moveUp', { name: authorName(id) })}
                  disabled={index === 0}
                  onClick={() => moveAuthor(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('moveDown', { name: authorName(id) })}
                  disabled={index === fields.authorIds.length - 1}
                  onClick={() => moveAuthor(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small"
                  aria-label={t('removeAuthor', { name: authorName(id) })}
                  disabled={fields.authorIds.length === 1}
                  onClick={() =>
                    update({ authorIds: fields.authorIds.filter((other) => other !== id) })
                  }
                >
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
        <div className="inline-form">
          <label htmlFor="add-author">{t('addAuthor')}</label>
          <select
            id="add-author"
            value={authorToAdd}
            onChange={(event) => setAuthorToAdd(event.target.value)}
          >
            <option value="">{t('chooseAuthor')}</option>
            {refs?.authors
              .filter((author) => !fields.authorIds.includes(author.id))
              .map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name}
                </option>
              ))}
          </select>
          <button
            type="button"
            className="button secondary"
            disabled={!authorToAdd}
            onClick={() => {
              update({ authorIds: [...fields.authorIds, Number(authorToAdd)] });
              setAuthorToAdd('');
            }}
          >
            {t('addAuthor')}
          </button>
        </div>
        {errorText('authorIds')}
      </fieldset>
    </section>
  );
}
