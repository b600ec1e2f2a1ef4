/**
 * Media Chrome names its controls and speaks times ("0 seconds of 1 minute, 26 seconds") in one
 * language for the whole page. Imported before any of its elements, so each is built in the
 * page's language from the start (its default is the browser's language, not the page's).
 */
import { addTranslation, setLanguage } from 'media-chrome/utils/i18n.js';
import { En } from 'media-chrome/lang/en.js';
import { Es } from 'media-chrome/lang/es.js';

// The playback-rate button shows "1.5x"; its name must contain what it shows (WCAG 2.5.3, "Label
// in Name"), and Media Chrome's says "Playback rate 1.5".
addTranslation('en', { ...En, 'Playback rate {playbackRate}': 'Playback rate {playbackRate}x' });
addTranslation('es', {
  ...Es,
  'Playback rate {playbackRate}': 'Velocidad de reproducción {playbackRate}x',
});

setLanguage(document.documentElement.lang || 'en');
