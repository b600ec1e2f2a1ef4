/**
 * Social embeds in the Admin API: from a pasted address, the fields of an embed node, pre-filled
 * from the network's oEmbed answer where it gives one. The network is found from the address
 * alone, so an unreachable provider (this machine may have no internet) still yields a node the
 * editor completes by hand: 200 with `prefilled: false` and a message saying why.
 *
 * A thumbnail in the answer is copied into the media library through the image intake, and the
 * node names that copy (a site path): readers' browsers never ask the network for it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { runOperation } from '../../core/operation.js';
import type { Core } from '../../core/operation.js';
import type { Actor } from '../../core/actor.js';
import { createImage } from '../../core/operations/index.js';
import { NETWORK_NAMES, parseEmbedUrl } from '../../content/embeds/networks.js';
import {
  DEFAULT_OEMBED_SETTINGS,
  fetchOEmbed,
  fetchOptionsFor,
  isPrivatePostHost,
} from '../../content/embeds/oembed.js';
import type { EmbedFields, OEmbedSettings } from '../../content/embeds/oembed.js';
import { fetchImage } from '../../content/ninjs/fetch-image.js';
import { ImageRejectedError, intakeImage, storedImageFiles } from '../../media/image-intake.js';
import type { LocalMediaStore } from '../../media/media-store.js';
import { jsonObject } from './admin-route.js';
import type { AdminRoute } from './admin-route.js';

const previewBody = z.object({
  url: z.string().trim().min(1, 'paste the address of the post').max(2000),
});

export interface EmbedPreview {
  embed: EmbedFields;
  prefilled: boolean;
  message?: string;
}

/** The thumbnail copied into the library, as a site path; or why it was not. */
async function copyThumbnail(
  deps: { core: Core; mediaStore: LocalMediaStore; actor: Actor },
  href: string,
  fields: Omit<EmbedFields, 'thumbnail'>,
  settings: OEmbedSettings,
): Promise<{ path: string } | { reason: string }> {
  let options;
  try {
    options = fetchOptionsFor(href, settings, settings.maxThumbnailBytes);
  } catch {
    return { reason: 'its address is not a valid URL' };
  }
  if ('refused' in options) return { reason: options.refused };
  const fetched = await fetchImage(href, options);
  if (!fetched.ok) return { reason: fetched.reason.replace(/^the agency/, 'the network') };
  const now = new Date();
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  let intake;
  try {
    intake = await intakeImage(deps.mediaStore, fetched.bytes, {
      keyPrefix: `embeds/${now.getUTCFullYear()}/${month}/${randomUUID()}`,
      widths: [480, 960],
    });
  } catch (error) {
    if (error instanceof ImageRejectedError) return { reason: error.message };
    throw error;
  }
  const network = NETWORK_NAMES[fields.network];
  const who = fields.authorName ?? fields.authorHandle;
  // The card shows it as decoration beside the quote; the library still says what it is.
  const words = {
    en: `Thumbnail of a ${network} post${who ? ` by ${who}` : ''}`,
    es: `Miniatura de una publicación de ${network}${who ? ` de ${who}` : ''}`,
  };
  await runOperation(deps.core, createImage, deps.actor, {
    ...storedImageFiles(intake),
    sourceAgency: network,
    translations: {
      en: { alt: words.en.slice(0, 400), caption: '', credit: who ?? network },
      es: { alt: words.es.slice(0, 400), caption: '', credit: who ?? network },
    },
  });
  // The card is small: the narrowest JPEG (every browser decodes it), else the original.
  const jpeg = intake.variants.find((variant) => variant.mime === 'image/jpeg');
  return { path: `/media/${jpeg?.key ?? intake.original.key}` };
}

export const embedRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/embeds/preview',
    policy: createImage.policy,
    summary:
      "The fields of an embed node for a pasted post address (X, YouTube, Vimeo, Instagram, Facebook, Bluesky, Mastodon, TikTok), pre-filled from the network's oEmbed where it answers; 422 for an address of no known network",
    requestBody: previewBody,
    async handle(c, context) {
      const settings = context.oembed ?? DEFAULT_OEMBED_SETTINGS;
      const body = await jsonObject(c);
      if (body instanceof Response) return body;
      const input = previewBody.safeParse(body);
      if (!input.success)
        throw new ValidationError('url', input.error.issues[0]?.message ?? 'invalid');
      const parsed = parseEmbedUrl(input.data.url);
      if (!parsed.ok) throw new ValidationError('url', parsed.message);
      const post = parsed.post;
      if (isPrivatePostHost(post))
        throw new ValidationError('url', `${post.host} is a private or local address`);

      const empty: EmbedFields = {
        url: post.url,
        network: post.network,
        authorName: null,
        authorHandle: post.handle,
        publishedAt: null,
        text: null,
        thumbnail: null,
      };
      const name = NETWORK_NAMES[post.network];
      const answer = await fetchOEmbed(post, settings);
      if (!answer.ok) {
        const preview: EmbedPreview = {
          embed: empty,
          prefilled: false,
          message: `Could not pre-fill from ${name} (${answer.reason}). Type the author, date and text yourself.`,
        };
        return c.json(preview);
      }
      let thumbnail: string | null = null;
      let message: string | undefined;
      if (answer.thumbnailUrl) {
        const copied = await copyThumbnail(
          { core: context.core, mediaStore: context.mediaStore, actor: context.actor },
          answer.thumbnailUrl,
          answer.fields,
          settings,
        );
        if ('path' in copied) thumbnail = copied.path;
        else message = `Filled from ${name}; its thumbnail was not copied (${copied.reason}).`;
      }
      const preview: EmbedPreview = {
        embed: { ...answer.fields, thumbnail },
        prefilled: true,
        ...(message && { message }),
      };
      return c.json(preview);
    },
  },
];
