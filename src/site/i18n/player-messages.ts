/**
 * The reader site's strings for the video player: what the server renders around Media Chrome
 * (the shortcuts hint, button and dialog, the no-JavaScript fallback). Media Chrome names its own
 * controls from its language files, set to the page's language by the player script.
 */
import type { Locale } from '../../db/schema.js';

export interface PlayerMessages {
  /** The player's region label, before the video's own description. */
  video: string;
  /** Read to screen-reader users inside the player. */
  shortcutsHint: string;
  /** The control-bar button that opens the dialog, and the dialog's heading. */
  keyboardShortcuts: string;
  close: string;
  /** Each shortcut: the keys (as `<kbd>` pieces joined by "or") and what they do. */
  shortcuts: { keys: string[]; action: string }[];
  or: string;
  /** Inside `<video>`, for browsers that cannot play it. */
  cannotPlay: string;
  download: string;
}

export const playerMessages: Record<Locale, PlayerMessages> = {
  en: {
    video: 'Video',
    shortcutsHint: 'Press shift question mark to access a list of keyboard shortcuts',
    keyboardShortcuts: 'Keyboard shortcuts',
    close: 'Close',
    shortcuts: [
      { keys: ['Space', 'K'], action: 'Play or pause' },
      { keys: ['M'], action: 'Mute or unmute' },
      { keys: ['F'], action: 'Full screen on or off' },
      { keys: ['C'], action: 'Captions on or off' },
      { keys: ['Left arrow'], action: 'Back 5 seconds' },
      { keys: ['Right arrow'], action: 'Forward 5 seconds' },
      { keys: ['Up arrow'], action: 'Volume up' },
      { keys: ['Down arrow'], action: 'Volume down' },
      { keys: ['Shift + ?'], action: 'Show this list' },
    ],
    or: 'or',
    cannotPlay: 'Your browser cannot play this video.',
    download: 'Download the video',
  },
  es: {
    video: 'Vídeo',
    shortcutsHint:
      'Pulsa mayúsculas y signo de interrogación para acceder a una lista de atajos de teclado',
    keyboardShortcuts: 'Atajos de teclado',
    close: 'Cerrar',
    shortcuts: [
      { keys: ['Espacio', 'K'], action: 'Reproducir o pausar' },
      { keys: ['M'], action: 'Silenciar o reactivar el sonido' },
      { keys: ['F'], action: 'Activar o salir de pantalla completa' },
      { keys: ['C'], action: 'Activar o desactivar subtítulos' },
      { keys: ['Flecha izquierda'], action: 'Retroceder 5 segundos' },
      { keys: ['Flecha derecha'], action: 'Avanzar 5 segundos' },
      { keys: ['Flecha arriba'], action: 'Subir el volumen' },
      { keys: ['Flecha abajo'], action: 'Bajar el volumen' },
      { keys: ['Mayús + ?'], action: 'Mostrar esta lista' },
    ],
    or: 'o',
    cannotPlay: 'Tu navegador no puede reproducir este vídeo.',
    download: 'Descargar el vídeo',
  },
};
