/**
 * The social networks an article may quote, and what readers see them called. Posts are stored
 * as words (content/body-schema.ts `embed`), never as a network's markup.
 */
export const EMBED_NETWORKS = [
  'x',
  'youtube',
  'vimeo',
  'instagram',
  'facebook',
  'bluesky',
  'mastodon',
  'tiktok',
] as const;

export type EmbedNetwork = (typeof EMBED_NETWORKS)[number];

/** The network's name as readers know it, the same in both languages. */
export const NETWORK_NAMES: Record<EmbedNetwork, string> = {
  x: 'X',
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  instagram: 'Instagram',
  facebook: 'Facebook',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  tiktok: 'TikTok',
};
