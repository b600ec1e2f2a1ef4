/**
 * Which stored rendition of an image to name when a consumer takes one file, or one format: the
 * reader page's `<img>` fallback, feeds, sitemaps and the Content API all choose the same way.
 */

/** What every rendition records (media `variants`). */
export interface StoredRendition {
  path: string;
  width: number;
  mime: string;
}

/** The JPEG renditions when there are any (every client decodes JPEG), else all of them. */
export function universalRenditions<R extends StoredRendition>(renditions: R[]): R[] {
  const jpeg = renditions.filter((rendition) => rendition.mime === 'image/jpeg');
  return jpeg.length > 0 ? jpeg : renditions;
}

/** The widest of the universal renditions (the first on a tie), or undefined when there are none. */
export function largestRendition<R extends StoredRendition>(renditions: R[]): R | undefined {
  return universalRenditions(renditions).reduce<R | undefined>(
    (widest, rendition) => (widest && widest.width >= rendition.width ? widest : rendition),
    undefined,
  );
}
