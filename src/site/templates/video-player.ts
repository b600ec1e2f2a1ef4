/**
 * The video player's markup: Media Chrome around a native `<video controls>`. Without
 * JavaScript (or before the player script runs) the native player with its caption tracks is all
 * there is, and it works; the script defines Media Chrome's elements, removes the native controls
 * and adds the keyboard shortcuts and the dialog that lists them (player/src/).
 */
import { largestRendition } from '../../core/reader/renditions.js';
import type { VideoView } from '../../core/reader/reader-types.js';
import { BODY_VIDEO_FIGURE } from '../../content/video-node.js';
import type { Locale } from '../../db/schema.js';
import { html, trustedHtml } from '../../lib/html.js';
import type { SafeHtml } from '../../lib/html.js';
import { languageTag } from '../i18n/index.js';
import { playerMessages } from '../i18n/player-messages.js';
import { mediaUrl } from './fragments.js';

/** Seconds the arrow keys seek, and the volume step of the up and down arrows (0 to 1). */
const SEEK_SECONDS = 5;
const VOLUME_STEP = 0.1;

/**
 * Media Chrome's hotkeys we turn off: its Shift+? dialog (ours is server-rendered in the page's
 * language), its `c` (it picks the browser's language; ours the page's, showing/hiding the track),
 * and the keys the issue does not list (j, l, p, <, >), so the dialog tells the whole truth.
 */
const MEDIA_CHROME_HOTKEYS_OFF = 'noshift+/ noc noj nol nop no< no>';

export interface VideoPlayerOptions {
  locale: Locale;
  /** The editor chose autoplay: the script starts it muted, unless motion is reduced. */
  autoplay: boolean;
  /** Makes the player's ids unique on the page (the same video may appear twice). */
  instance: number;
}

/** The poster's URL: the widest JPEG rendition, which every browser decodes. */
export function posterPath(video: VideoView): string | null {
  if (!video.poster) return null;
  return mediaUrl(largestRendition(video.poster.variants)?.path ?? video.poster.path);
}

/** The MP4 rendition every browser plays; `loadVideos` keeps only videos that have one. */
export function mp4Source(video: VideoView): VideoView['sources'][number] | undefined {
  return video.sources.find((source) => source.mime === 'video/mp4');
}

/**
 * One player: the shortcuts hint, Media Chrome's controller and control bar, and the shortcuts
 * dialog. The hint and the dialog's button stay hidden until the script that makes them true runs.
 */
export function videoPlayer(video: VideoView, options: VideoPlayerOptions): SafeHtml {
  const t = playerMessages[options.locale];
  const mp4 = mp4Source(video);
  if (!mp4) return html``;
  const id = `video-${video.id}-${options.instance}`;
  const label = video.alt ? `${t.video}: ${video.alt}` : t.video;
  const poster = posterPath(video);
  // Media Chrome turns on the track marked default; make it the page's language when there is one.
  const defaultLocale = video.captions.some((c) => c.locale === options.locale)
    ? options.locale
    : null;
  const tracks = video.captions.map(
    (captions) =>
      html`<track kind="captions" srclang="${languageTag[captions.locale]}" label="${captions.label}" src="${mediaUrl(captions.path)}"${captions.locale === defaultLocale ? html` default` : null}>`,
  );
  const shortcuts = t.shortcuts.map(
    (shortcut) =>
      html`<dt>${shortcut.keys.map((key, index) => html`${index > 0 ? html` ${t.or} ` : null}<kbd>${key}</kbd>`)}</dt><dd>${shortcut.action}</dd>`,
  );
  return html`<div class="video-player" id="${id}" data-video-player${options.autoplay ? html` data-autoplay` : null} data-label="${label}">
<p class="visually-hidden" id="${id}-hint" hidden>${t.shortcutsHint}</p>
<media-controller lang="${languageTag[options.locale]}" hotkeys="${MEDIA_CHROME_HOTKEYS_OFF}" keyboardforwardseekoffset="${SEEK_SECONDS}" keyboardbackwardseekoffset="${SEEK_SECONDS}" keyboardupvolumestep="${VOLUME_STEP}" keyboarddownvolumestep="${VOLUME_STEP}">
<video slot="media" controls preload="metadata" playsinline width="${video.width}" height="${video.height}"${poster ? html` poster="${poster}"` : null}>
<source src="${mediaUrl(mp4.path)}" type="video/mp4">
${tracks}
<p>${t.cannotPlay} <a href="${mediaUrl(mp4.path)}" download>${t.download}</a></p>
</video>
<media-captions-menu hidden anchor="auto"></media-captions-menu>
<media-control-bar class="video-seek">
<media-time-range></media-time-range>
</media-control-bar>
<media-control-bar class="video-buttons">
<media-play-button></media-play-button>
<media-mute-button></media-mute-button>
<media-volume-range></media-volume-range>
<media-time-display showduration notoggle></media-time-display>
<span class="video-spacer"></span>
<media-captions-menu-button></media-captions-menu-button>
<media-playback-rate-button rates="0.5 0.75 1 1.25 1.5 2"></media-playback-rate-button>
<media-fullscreen-button></media-fullscreen-button>
</media-control-bar>
</media-controller>
<p class="video-tools"><button type="button" class="video-shortcuts-button" aria-haspopup="dialog" aria-controls="${id}-shortcuts" hidden>${t.keyboardShortcuts}</button></p>
<dialog class="video-shortcuts" id="${id}-shortcuts" aria-labelledby="${id}-shortcuts-title">
<h2 id="${id}-shortcuts-title">${t.keyboardShortcuts}</h2>
<dl>${shortcuts}</dl>
<form method="dialog"><button type="submit">${t.close}</button></form>
</dialog>
</div>`;
}

/**
 * The stored body with each video's figure made whole: the player above its figcaption, or,
 * for a video that is not ready (or no longer in the library), nothing at all.
 */
export function bodyWithVideos(
  bodyHtml: string,
  videos: ReadonlyMap<number, VideoView>,
  locale: Locale,
  firstInstance = 1,
): SafeHtml {
  let instance = firstInstance;
  return trustedHtml(
    bodyHtml.replace(
      BODY_VIDEO_FIGURE,
      (_figure, id: string, autoplay: string | undefined, figcaption: string) => {
        const video = videos.get(Number(id));
        if (!video) return '';
        const player = videoPlayer(video, {
          locale,
          autoplay: autoplay !== undefined,
          instance: instance++,
        });
        // The figcaption was escaped by the body renderer when the article was saved.
        return `<figure class="body-video">${player.value}${figcaption}</figure>`;
      },
    ),
  );
}
