/**
 * The social networks an article may quote, and what readers see them called. Posts are stored
 * as words (content/body-schema.ts `embed`), never as a network's markup.
 *
 * `parseEmbedUrl` finds the network and the post in a pasted address and gives it back in one
 * canonical form (https, no tracking parameters); `embedFrameUrl` names the network's own player
 * page, which the reader site loads only when the reader asks for it.
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

/** Networks whose posts are videos: their cards say "video", their players need a 16:9 frame. */
export const VIDEO_NETWORKS: ReadonlySet<EmbedNetwork> = new Set(['youtube', 'vimeo', 'tiktok']);

/** A post found in a pasted address. */
export interface EmbedPost {
  network: EmbedNetwork;
  /** The post's address in canonical form: https, the network's main host, no tracking. */
  url: string;
  /** The network's id of the post or video (for Bluesky the record key). */
  id: string;
  /** The author's handle when the address carries it (`@name`, or the Bluesky handle or DID). */
  handle: string | null;
  /** Mastodon: the instance; otherwise the network's own host. */
  host: string;
}

export type EmbedUrlResult = { ok: true; post: EmbedPost } | { ok: false; message: string };

const KNOWN = 'a post on X, YouTube, Vimeo, Instagram, Facebook, Bluesky, Mastodon or TikTok';

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,25}$/;
const HANDLE = /^[A-Za-z0-9_.-]{1,64}$/;
/** A DNS name with at least one dot and a letter TLD; IP literals are no Mastodon instance. */
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Strips `www.`/`m.`/`mobile.` so each network is matched by its bare domain. */
const bareHost = (host: string) => host.replace(/^(www|m|mobile)\./, '');

const segmentsOf = (url: URL): string[] => url.pathname.split('/').filter((part) => part !== '');

const found = (post: EmbedPost): EmbedUrlResult => ({ ok: true, post });
const refused = (message: string): EmbedUrlResult => ({ ok: false, message });

/** "1m30s", "90s" or "90" as whole seconds; anything else null. */
function startSeconds(raw: string | null): number | null {
  if (raw === null) return null;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(raw);
  if (!match || raw === '') return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 && total < 86_400 ? total : null;
}

function xPost(url: URL): EmbedUrlResult {
  const [first, second, third, fourth] = segmentsOf(url);
  // /user/status/ID (also /statuses/), or /i/web/status/ID when the address names no one.
  if (first === 'i' && second === 'web' && third === 'status' && fourth && DIGITS.test(fourth))
    return found({
      network: 'x',
      url: `https://x.com/i/status/${fourth}`,
      id: fourth,
      handle: null,
      host: 'x.com',
    });
  if (
    first &&
    HANDLE.test(first) &&
    (second === 'status' || second === 'statuses') &&
    third &&
    DIGITS.test(third)
  )
    return found({
      network: 'x',
      url: `https://x.com/${first}/status/${third}`,
      id: third,
      handle: first === 'i' ? null : `@${first}`,
      host: 'x.com',
    });
  return refused('an X address must point at one post: https://x.com/NAME/status/NUMBER');
}

function youtubeVideo(url: URL, host: string): EmbedUrlResult {
  const segments = segmentsOf(url);
  let id: string | undefined;
  let isShort = false;
  if (host === 'youtu.be') id = segments[0];
  else if (segments[0] === 'watch' && segments.length === 1) id = url.searchParams.get('v') ?? '';
  else if (['shorts', 'embed', 'live', 'v'].includes(segments[0] ?? '') && segments.length === 2) {
    id = segments[1];
    isShort = segments[0] === 'shorts';
  }
  if (!id || !YOUTUBE_ID.test(id))
    return refused(
      'a YouTube address must point at one video: youtube.com/watch?v=ID, youtu.be/ID or youtube.com/shorts/ID',
    );
  const start = startSeconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
  const canonical = isShort
    ? `https://www.youtube.com/shorts/${id}`
    : `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`;
  return found({ network: 'youtube', url: canonical, id, handle: null, host: 'www.youtube.com' });
}

function vimeoVideo(url: URL, host: string): EmbedUrlResult {
  const segments = segmentsOf(url);
  // vimeo.com/ID, vimeo.com/ID/HASH (unlisted), vimeo.com/channels/NAME/ID, player.vimeo.com/video/ID
  let index = segments.findIndex((part) => DIGITS.test(part));
  if (host === 'player.vimeo.com' && segments[0] !== 'video') index = -1;
  const id = index === -1 ? undefined : segments[index];
  if (!id) return refused('a Vimeo address must point at one video: https://vimeo.com/NUMBER');
  const next = segments[index + 1];
  const hash = (next && /^[0-9a-f]{6,20}$/.test(next) ? next : null) ?? url.searchParams.get('h');
  const unlisted = hash && /^[0-9a-f]{6,20}$/.test(hash) ? `/${hash}` : '';
  return found({
    network: 'vimeo',
    url: `https://vimeo.com/${id}${unlisted}`,
    id,
    handle: null,
    host: 'vimeo.com',
  });
}

function instagramPost(url: URL): EmbedUrlResult {
  const segments = segmentsOf(url);
  // /p/CODE/, /reel/CODE/, and the same under a user's name: /NAME/p/CODE/.
  const offset = segments[0] === 'p' || segments[0] === 'reel' || segments[0] === 'tv' ? 0 : 1;
  const kind = segments[offset];
  const code = segments[offset + 1];
  if (
    !(kind === 'p' || kind === 'reel' || kind === 'tv') ||
    !code ||
    !/^[A-Za-z0-9_-]{5,40}$/.test(code)
  )
    return refused(
      'an Instagram address must point at one post: instagram.com/p/CODE or /reel/CODE',
    );
  const path = kind === 'reel' ? 'reel' : 'p';
  return found({
    network: 'instagram',
    url: `https://www.instagram.com/${path}/${code}/`,
    id: code,
    handle: null,
    host: 'www.instagram.com',
  });
}

function facebookPost(url: URL, host: string): EmbedUrlResult {
  const segments = segmentsOf(url);
  const refuse = () =>
    refused(
      'a Facebook address must point at one post or video: facebook.com/NAME/posts/ID, facebook.com/NAME/videos/ID or facebook.com/watch/?v=ID',
    );
  const post = (path: string, id: string, handle: string | null) =>
    found({
      network: 'facebook',
      url: `https://www.facebook.com/${path}`,
      id,
      handle,
      host: 'www.facebook.com',
    });
  if (host === 'fb.watch') return refuse();
  const [first, second, third] = segments;
  if (first === 'watch') {
    const v = url.searchParams.get('v');
    return v && DIGITS.test(v) ? post(`watch/?v=${v}`, v, null) : refuse();
  }
  if (first === 'permalink.php' || first === 'story.php') {
    const story = url.searchParams.get('story_fbid');
    const owner = url.searchParams.get('id');
    return story && owner && /^[A-Za-z0-9]{1,80}$/.test(story) && DIGITS.test(owner)
      ? post(`permalink.php?story_fbid=${story}&id=${owner}`, story, null)
      : refuse();
  }
  if (
    first &&
    /^[A-Za-z0-9.]{1,80}$/.test(first) &&
    (second === 'posts' || second === 'videos') &&
    third &&
    /^[A-Za-z0-9]{1,80}$/.test(third)
  )
    return post(`${first}/${second}/${third}`, third, first);
  return refuse();
}

function blueskyPost(url: URL): EmbedUrlResult {
  const [first, handle, third, key] = segmentsOf(url);
  if (
    first !== 'profile' ||
    !handle ||
    !(/^did:(plc|web):[A-Za-z0-9._:-]{1,200}$/.test(handle) || DOMAIN.test(handle.toLowerCase())) ||
    third !== 'post' ||
    !key ||
    !/^[a-z2-7]{13}$/.test(key)
  )
    return refused('a Bluesky address must point at one post: bsky.app/profile/HANDLE/post/ID');
  const who = handle.startsWith('did:') ? handle : handle.toLowerCase();
  return found({
    network: 'bluesky',
    url: `https://bsky.app/profile/${who}/post/${key}`,
    id: key,
    handle: who.startsWith('did:') ? null : `@${who}`,
    host: 'bsky.app',
  });
}

function tiktokVideo(url: URL): EmbedUrlResult {
  const [user, kind, id] = segmentsOf(url);
  if (
    !user?.startsWith('@') ||
    !HANDLE.test(user.slice(1)) ||
    kind !== 'video' ||
    !id ||
    !DIGITS.test(id)
  )
    return refused('a TikTok address must point at one video: tiktok.com/@NAME/video/NUMBER');
  return found({
    network: 'tiktok',
    url: `https://www.tiktok.com/${user}/video/${id}`,
    id,
    handle: user,
    host: 'www.tiktok.com',
  });
}

/** Any other host: a Mastodon post is `/@user/ID` (or `/users/user/statuses/ID`) on its instance. */
function mastodonPost(url: URL, host: string): EmbedUrlResult | null {
  const segments = segmentsOf(url);
  let user: string | undefined;
  let id: string | undefined;
  if (segments.length === 2 && segments[0]?.startsWith('@'))
    [user, id] = [segments[0].slice(1), segments[1]];
  else if (segments.length === 4 && segments[0] === 'users' && segments[2] === 'statuses')
    [user, id] = [segments[1], segments[3]];
  if (!user || !id || !/^[A-Za-z0-9_]{1,30}$/.test(user) || !DIGITS.test(id)) return null;
  if (!DOMAIN.test(host))
    return refused('a Mastodon instance is named by its domain, such as mastodon.social');
  return found({
    network: 'mastodon',
    url: `https://${host}/@${user}/${id}`,
    id,
    handle: `@${user}@${host}`,
    host,
  });
}

/**
 * The post a pasted address points at, or why it points at none that Galley can quote.
 *
 * @example
 * parseEmbedUrl('https://twitter.com/puertoclaro/status/1790000000000000001?s=20&t=abc')
 * // { ok: true, post: { network: 'x', url: 'https://x.com/puertoclaro/status/1790000000000000001', ... } }
 */
export function parseEmbedUrl(input: string): EmbedUrlResult {
  const trimmed = input.trim();
  if (trimmed === '' || trimmed.length > 2000) return refused(`paste the address of ${KNOWN}`);
  // A pasted "x.com/..." without its scheme is still an address.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refused(`that is not a web address; paste the address of ${KNOWN}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return refused('only web addresses (https://) can be quoted');
  if (url.username || url.password || url.port)
    return refused('the address must not carry a user name, password or port');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const bare = bareHost(host);
  switch (bare) {
    case 'x.com':
    case 'twitter.com':
      return xPost(url);
    case 'youtube.com':
    case 'youtube-nocookie.com':
    case 'youtu.be':
      return youtubeVideo(url, bare);
    case 'vimeo.com':
    case 'player.vimeo.com':
      return vimeoVideo(url, bare);
    case 'instagram.com':
      return instagramPost(url);
    case 'facebook.com':
    case 'fb.watch':
      return facebookPost(url, bare);
    case 'bsky.app':
      return blueskyPost(url);
    case 'tiktok.com':
      return tiktokVideo(url);
  }
  return (
    mastodonPost(url, host) ??
    refused(`Galley cannot quote posts from ${host}; paste the address of ${KNOWN}`)
  );
}

/** What the reader site needs to load a network's player once the reader asks for it. */
export interface EmbedFrame {
  /** The player page's address. */
  src: string;
  /** Its origin, for the page's `frame-src`. */
  origin: string;
  /** The iframe's `sandbox`: only what the network's player needs to run. */
  sandbox: string;
  /** The iframe's `allow` (permissions policy): video players only. */
  allow: string;
}

const POST_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
const VIDEO_SANDBOX = `${POST_SANDBOX} allow-presentation`;
const VIDEO_ALLOW = 'encrypted-media; picture-in-picture; fullscreen';

function frame(network: EmbedNetwork, src: string): EmbedFrame {
  const isVideo = VIDEO_NETWORKS.has(network);
  return {
    src,
    origin: new URL(src).origin,
    sandbox: isVideo ? VIDEO_SANDBOX : POST_SANDBOX,
    allow: isVideo ? VIDEO_ALLOW : '',
  };
}

/**
 * The network's own embed page for a post, or null when none can be built from the address
 * (a Bluesky post named by handle needs its DID; the card then keeps only the link).
 */
export function embedFrameFor(post: EmbedPost): EmbedFrame | null {
  const id = encodeURIComponent(post.id);
  switch (post.network) {
    case 'x':
      // The page X's own widgets.js frames for a post; dnt asks it not to personalise.
      return frame('x', `https://platform.twitter.com/embed/Tweet.html?id=${id}&dnt=true`);
    case 'youtube': {
      const start = /[?&]t=(\d+)s/.exec(post.url)?.[1];
      return frame(
        'youtube',
        `https://www.youtube-nocookie.com/embed/${id}${start ? `?start=${start}` : ''}`,
      );
    }
    case 'vimeo': {
      const hash = /^https:\/\/vimeo\.com\/\d+\/([0-9a-f]+)$/.exec(post.url)?.[1];
      return frame(
        'vimeo',
        `https://player.vimeo.com/video/${id}?dnt=1${hash ? `&h=${hash}` : ''}`,
      );
    }
    case 'instagram':
      return frame('instagram', `${post.url}embed/`);
    case 'facebook': {
      const plugin = /\/videos\/|\/watch\//.test(post.url) ? 'video' : 'post';
      return frame(
        'facebook',
        `https://www.facebook.com/plugins/${plugin}.php?href=${encodeURIComponent(post.url)}`,
      );
    }
    case 'bluesky': {
      const did = /^https:\/\/bsky\.app\/profile\/(did:[^/]+)\/post\//.exec(post.url)?.[1];
      return did
        ? frame('bluesky', `https://embed.bsky.app/embed/${did}/app.bsky.feed.post/${id}`)
        : null;
    }
    case 'mastodon':
      return frame('mastodon', `${post.url}/embed`);
    case 'tiktok':
      // TikTok's Embed Player; its older embed/v2 page is being retired (developers.tiktok.com).
      return frame('tiktok', `https://www.tiktok.com/player/v1/${id}`);
  }
}

/** The player page for a stored node's URL, if the URL is one of that network's posts. */
export function embedFrameForUrl(network: string, url: string): EmbedFrame | null {
  const parsed = parseEmbedUrl(url);
  return parsed.ok && parsed.post.network === network ? embedFrameFor(parsed.post) : null;
}
