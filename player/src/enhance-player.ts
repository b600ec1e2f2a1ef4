/**
 * What we add to Media Chrome on each player the server rendered (src/site/templates/
 * video-player.ts): the native controls go once Media Chrome's are there, the shortcuts hint and
 * dialog come alive, `c` shows and hides the captions in the page's language, and autoplay
 * happens only when the editor chose it, muted, and never for readers who prefer reduced motion.
 */

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Keys typed into these are text, never shortcuts. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function captionTracks(video: HTMLVideoElement): TextTrack[] {
  return [...video.textTracks].filter(
    (track) => track.kind === 'captions' || track.kind === 'subtitles',
  );
}

export function enhancePlayer(player: HTMLElement): void {
  const controller = player.querySelector('media-controller');
  const video = player.querySelector('video');
  if (!controller || !video) return;
  const dialog = player.querySelector('dialog');
  const shortcutsButton = player.querySelector<HTMLButtonElement>('.video-shortcuts-button');
  const hint = player.querySelector<HTMLElement>('.visually-hidden');
  const pageLanguage = document.documentElement.lang.split('-')[0] ?? 'en';

  // Media Chrome's controls now drive the video; without this script the native ones stay.
  video.removeAttribute('controls');
  const reducedMotion = window.matchMedia(REDUCED_MOTION).matches;
  // The control bar fades out while a video plays; for readers who reduce motion it stays put.
  if (reducedMotion) controller.setAttribute('autohide', '-1');
  // Media Chrome names every player "video player"; a page may have several, so each says which.
  if (player.dataset['label']) controller.setAttribute('aria-label', player.dataset['label']);
  // The time display is plain text here (`notoggle`: not a button); a name on it would hide the
  // time it shows ("playback time" instead of "0:12 / 1:26"). The time range says it in words.
  for (const display of player.querySelectorAll('media-time-display'))
    display.removeAttribute('aria-label');
  if (hint) {
    hint.hidden = false;
    controller.setAttribute('aria-describedby', hint.id);
  }

  let returnFocus: HTMLElement | null = null;
  const openShortcuts = () => {
    if (!dialog || dialog.open) return;
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  };
  // Esc, the Close button or the form's dialog method close it; the reader is back where they were.
  dialog?.addEventListener('close', () => {
    returnFocus?.focus();
    returnFocus = null;
  });
  if (shortcutsButton && dialog) {
    shortcutsButton.hidden = false;
    shortcutsButton.addEventListener('click', openShortcuts);
  }

  let lastShown: TextTrack | null = null;
  const toggleCaptions = () => {
    const tracks = captionTracks(video);
    const showing = tracks.filter((track) => track.mode === 'showing');
    if (showing.length > 0) {
      lastShown = showing[0] ?? null;
      // Hidden, not disabled: the cues keep loading, so turning them back on is instant.
      for (const track of showing) track.mode = 'hidden';
      return;
    }
    const next = lastShown ?? tracks.find((track) => track.language === pageLanguage) ?? tracks[0];
    if (next) next.mode = 'showing';
  };

  // Media Chrome handles play/pause, mute, fullscreen, seeking and volume on the controller;
  // these are the two it does differently from what readers are told (see MEDIA_CHROME_HOTKEYS_OFF).
  player.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextField(event.target)) return;
    if (dialog?.contains(event.target as Node)) return;
    if (event.key === '?' || (event.shiftKey && event.key === '/')) {
      event.preventDefault();
      openShortcuts();
    } else if (event.key === 'c' && !event.shiftKey) {
      event.preventDefault();
      toggleCaptions();
    }
  });

  if (player.hasAttribute('data-autoplay') && !reducedMotion) {
    // Browsers allow autoplay only without sound, and readers should not be startled by it.
    video.muted = true;
    video.play().catch(() => {
      // The browser refused (a data saver, a site setting): the reader presses play.
    });
  }
}
