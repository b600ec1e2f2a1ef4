/**
 * How the body editor shows its two atoms. A video: its poster (or how far processing got), its
 * caption and credit, and the autoplay choice. An embed: a compact card of the quoted post with
 * Edit and Remove. Both are selectable and deletable like any atom, and their controls are
 * ordinary buttons and checkboxes, reached by Tab.
 */
import { NodeViewWrapper, ReactNodeViewRenderer } from '@tiptap/react';
import type { NodeViewProps } from '@tiptap/react';
import { createContext, useContext } from 'react';
import { NOT_A_VIDEO, useVideo } from '../components/useVideo.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatDuration, isProcessing, posterThumbnailUrl } from '../media.ts';
import { NETWORK_NAMES } from '../types.ts';
import type { EmbedNetwork } from '../types.ts';
import type { BodyEmbedAttrs, BodyNodeViews, BodyVideoAttrs } from './body-extensions.ts';

/** What the node views ask of the editor around them. */
export interface BodyNodeActions {
  /** Opens the embed form on these words; `save` puts the edited ones back. */
  editEmbed: (attrs: BodyEmbedAttrs, save: (attrs: BodyEmbedAttrs) => void) => void;
}

export const BodyNodeActionsContext = createContext<BodyNodeActions | null>(null);

export function networkName(network: string): string {
  return NETWORK_NAMES[network as EmbedNetwork] ?? network;
}

/** Deletes the atom and leaves the focus in the text where it was, not on the page. */
function removeNode({ editor, getPos, node }: NodeViewProps) {
  const pos = getPos();
  if (typeof pos !== 'number') return;
  editor
    .chain()
    .focus()
    .deleteRange({ from: pos, to: pos + node.nodeSize })
    .run();
}

export function VideoNodeView(props: NodeViewProps) {
  const { t } = useI18n();
  const attrs = props.node.attrs as BodyVideoAttrs;
  const { video, error } = useVideo(attrs.mediaId);
  const poster = video ? posterThumbnailUrl(video) : null;
  const status = video?.processing.status;

  return (
    <NodeViewWrapper
      as="figure"
      className={`body-video-node${props.selected ? ' is-selected' : ''}`}
      data-media-id={attrs.mediaId}
    >
      <p className="node-label">
        {t('videoNodeLabel', { id: attrs.mediaId })}
        {video?.durationMs ? ` · ${formatDuration(video.durationMs)}` : ''}
      </p>
      {poster && status === 'ready' && <img className="node-poster" src={poster} alt="" />}
      {video && isProcessing(video) && (
        <p className="node-processing">
          <progress
            max={100}
            value={video.processing.progress}
            aria-label={t('processingLabel', { id: attrs.mediaId })}
          />{' '}
          {t('processingPercent', { percent: video.processing.progress })}
        </p>
      )}
      {status === 'failed' && (
        <p className="error">{t('processingFailed', { message: video?.processing.error ?? '' })}</p>
      )}
      {error && (
        <p className="error">
          {error === NOT_A_VIDEO ? t('notAVideo') : t('errorPrefix', { message: error })}
        </p>
      )}
      <figcaption>
        {attrs.caption || <span className="subtle">{t('noVideoCaption')}</span>}
        {attrs.credit && <span className="credit"> {attrs.credit}</span>}
      </figcaption>
      <div className="node-tools">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={attrs.autoplay}
            onChange={(event) => props.updateAttributes({ autoplay: event.target.checked })}
          />
          <span>{t('autoplayMuted')}</span>
        </label>
        <button
          type="button"
          className="button small secondary"
          aria-label={t('removeVideoNamed', { id: attrs.mediaId })}
          onClick={() => removeNode(props)}
        >
          {t('remove')}
        </button>
      </div>
    </NodeViewWrapper>
  );
}

export function EmbedNodeView(props: NodeViewProps) {
  const { t } = useI18n();
  const actions = useContext(BodyNodeActionsContext);
  const attrs = props.node.attrs as BodyEmbedAttrs;
  const network = networkName(attrs.network);
  const author = [attrs.authorName, attrs.authorHandle].filter(Boolean).join(' ');

  return (
    <NodeViewWrapper
      as="figure"
      className={`body-embed-node${props.selected ? ' is-selected' : ''}`}
      data-network={attrs.network}
    >
      <p className="node-label">{t('embedNodeLabel', { network })}</p>
      {attrs.text && <blockquote>{attrs.text}</blockquote>}
      <figcaption>
        {author || <span className="subtle">{t('embedNoAuthor')}</span>}
        {attrs.publishedAt && <span className="subtle"> · {attrs.publishedAt.slice(0, 10)}</span>}
        <span className="embed-node-url">{attrs.url}</span>
      </figcaption>
      <div className="node-tools">
        {actions && (
          <button
            type="button"
            className="button small secondary"
            aria-label={t('editEmbedNamed', { network })}
            onClick={() => actions.editEmbed(attrs, (next) => props.updateAttributes({ ...next }))}
          >
            {t('edit')}
          </button>
        )}
        <button
          type="button"
          className="button small secondary"
          aria-label={t('removeEmbedNamed', { network })}
          onClick={() => removeNode(props)}
        >
          {t('remove')}
        </button>
      </div>
    </NodeViewWrapper>
  );
}

/** The node views, made once: TipTap compares extensions by identity between renders. */
export const BODY_NODE_VIEWS: BodyNodeViews = {
  video: ReactNodeViewRenderer(VideoNodeView),
  embed: ReactNodeViewRenderer(EmbedNodeView),
};
