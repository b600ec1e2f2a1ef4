/**
 * The reader site's video player: only the Media Chrome elements the markup uses, each from its
 * own entry point, and our additions. The language is set first, before any element is defined.
 */
import './language.js';
import 'media-chrome/media-controller.js';
import 'media-chrome/media-control-bar.js';
import 'media-chrome/media-play-button.js';
import 'media-chrome/media-mute-button.js';
import 'media-chrome/media-volume-range.js';
import 'media-chrome/media-time-range.js';
import 'media-chrome/media-time-display.js';
import 'media-chrome/media-playback-rate-button.js';
import 'media-chrome/media-fullscreen-button.js';
import 'media-chrome/menu/media-captions-menu.js';
import 'media-chrome/menu/media-captions-menu-button.js';
import { enhancePlayer } from './enhance-player.js';

// The script is deferred: the whole page is parsed, and every player is in it.
for (const player of document.querySelectorAll<HTMLElement>('[data-video-player]'))
  enhancePlayer(player);
