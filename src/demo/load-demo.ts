/**
 * Loads the demo publication (La Marea) into an empty database. Every row goes through the core
 * operations, as a newsroom's writes would: the demo is validated like any other content.
 */
import sharp from 'sharp';
import { systemActor } from '../core/actor.js';
import { runOperation } from '../core/operation.js';
import type { Core } from '../core/operation.js';
import {
  addArticleNote,
  createArticle,
  createAuthor,
  createImage,
  createSection,
  createStaffUser,
  createTag,
  publishArticle,
  setUpPublication,
  updateArticle,
  updatePolicyPage,
} from '../core/operations/index.js';
import { consoleLogger } from '../lib/log.js';
import type { Logger } from '../lib/log.js';
import type { VideoToolsFound } from '../media/ffmpeg.js';
import { writeRenditions } from '../media/image-renditions.js';
import type { LocalMediaStore } from '../media/media-store.js';
import { videoSettingsFrom } from '../media/video-settings.js';
import { loadDemoVideo } from './load-demo-video.js';
import { demoContent } from './content/index.js';
import type { DemoContent, DemoImage } from './demo-content-types.js';
import { demoImageSvg } from './demo-images.js';

const actor = systemActor('demo');

/**
 * One demo account per role, so every part of the newsroom can be tried. These passwords are in
 * the README: they are for the demo database only.
 */
export const DEMO_ACCOUNTS = [
  {
    role: 'admin',
    email: 'admin@galley.example',
    name: 'Ada Admin',
    password: 'galley-demo-admin',
  },
  {
    role: 'editor',
    email: 'editor@galley.example',
    name: 'Eli Editor',
    password: 'galley-demo-editor',
  },
  {
    role: 'author',
    email: 'author@galley.example',
    name: 'Ana Author',
    password: 'galley-demo-author',
  },
  {
    role: 'contributor',
    email: 'contributor@galley.example',
    name: 'Cruz Contributor',
    password: 'galley-demo-contributor',
  },
] as const;
const HOUR_MS = 3_600_000;

/** True when the database has no publication yet, so the demo may be loaded. */
export async function isDatabaseEmpty(core: Core): Promise<boolean> {
  const row = await core.db.selectFrom('publications').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

async function loadImage(core: Core, store: LocalMediaStore, image: DemoImage): Promise<number> {
  const isPortrait = image.motif === 'portrait';
  let source = await sharp(demoImageSvg(image)).png().toBuffer();
  // Portraits are square: the middle 900 x 900 of the scene.
  if (isPortrait)
    source = await sharp(source)
      .extract({ left: 350, top: 0, width: 900, height: 900 })
      .png()
      .toBuffer();
  const renditions = await writeRenditions(store, source, {
    keyPrefix: `demo/${image.key}`,
    widths: isPortrait ? [240, 480] : [480, 960, 1600],
  });
  const largest = renditions.at(-1);
  if (!largest) throw new Error(`no renditions made for demo image ${image.key}`);
  const { id } = await runOperation(core, createImage, actor, {
    ...largest,
    variants: renditions,
    sourceAgency: image.sourceAgency,
    translations: { en: image.en, es: image.es },
  });
  return id;
}

export async function loadDemo(
  core: Core,
  store: LocalMediaStore,
  content: DemoContent = demoContent,
  now = new Date(),
  options: {
    logger?: Logger;
    /** ffmpeg for the video story; left out, looked for on PATH. */
    videoTools?: Promise<VideoToolsFound>;
  } = {},
): Promise<{ articles: number }> {
  const { publication } = content;
  await runOperation(core, setUpPublication, actor, {
    name: publication.name,
    timeZone: publication.timeZone,
    defaultLocale: 'en',
    contactEmail: 'newsroom@galley.example',
    translations: { en: publication.en, es: publication.es },
  });

  for (const account of DEMO_ACCOUNTS) await runOperation(core, createStaffUser, actor, account);

  const sectionIds = new Map<string, number>();
  for (const [position, section] of content.sections.entries()) {
    const { id } = await runOperation(core, createSection, actor, {
      position,
      translations: { en: section.en, es: section.es },
    });
    sectionIds.set(section.key, id);
  }
  const tagIds = new Map<string, number>();
  for (const tag of content.tags) {
    const { id } = await runOperation(core, createTag, actor, {
      translations: { en: tag.en, es: tag.es },
    });
    tagIds.set(tag.key, id);
  }
  const imageIds = new Map<string, number>();
  for (const image of content.images) imageIds.set(image.key, await loadImage(core, store, image));
  const authorIds = new Map<string, number>();
  for (const author of content.authors) {
    const { id } = await runOperation(core, createAuthor, actor, {
      slug: author.slug,
      name: author.name,
      email: author.email,
      links: author.links,
      photoMediaId: author.photo ? lookup(imageIds, author.photo, 'image') : null,
      translations: { en: author.en, es: author.es },
    });
    authorIds.set(author.slug, id);
  }

  let articles = 0;
  /** Article ids by story key and locale, for the notes added after all stories exist. */
  const articleIds = new Map<string, number>();
  for (const story of content.stories) {
    const publishedAt = new Date(now.getTime() - story.publishedHoursAgo * HOUR_MS);
    let firstVersionId: number | null = null;
    for (const locale of ['en', 'es'] as const) {
      const version = story[locale];
      if (!version) continue;
      const trust = content.trust?.[story.key]?.[locale];
      const created: { id: number } = await runOperation(
        core,
        createArticle,
        actor,
        {
          locale,
          translationOf: firstVersionId,
          headline: version.headline,
          dek: version.dek,
          slug: version.slug,
          body: version.body,
          type: story.type,
          sectionId: lookup(sectionIds, story.section, 'section'),
          authorIds: story.authors.map((slug) => lookup(authorIds, slug, 'author')),
          tagIds: story.tags.map((key) => lookup(tagIds, key, 'tag')),
          leadMediaId: story.leadImage ? lookup(imageIds, story.leadImage, 'image') : null,
          dateline: trust?.dateline ?? '',
          backstory: trust?.backstory ?? '',
          sources: trust?.sources ?? [],
        },
        { now: publishedAt },
      );
      const id = created.id;
      articleIds.set(`${story.key}:${locale}`, id);
      firstVersionId ??= id;
      await runOperation(core, publishArticle, actor, { id }, { now: publishedAt });
      if (story.updatedHoursAgo !== undefined) {
        const updatedAt = new Date(now.getTime() - story.updatedHoursAgo * HOUR_MS);
        // An edit at that time, as a newsroom would make one: it bumps the version and the
        // "Updated" time the page shows.
        await runOperation(
          core,
          updateArticle,
          actor,
          { id, dek: version.dek },
          { now: updatedAt },
        );
      }
      articles++;
    }
  }

  // The video story needs ffmpeg; without it (or if it fails) the rest of the demo still loads.
  const logger = options.logger ?? consoleLogger;
  const videoTools = await (options.videoTools ?? videoSettingsFrom({}).tools);
  if (!videoTools.ok) logger.error(`the demo loads without its video story: ${videoTools.reason}`);
  else
    try {
      articles += await loadDemoVideo(
        core,
        store,
        { core, store, tools: videoTools.tools },
        { sections: sectionIds, authors: authorIds, tags: tagIds },
        now,
      );
    } catch (error) {
      logger.error(`the demo loads without its video story: ${(error as Error).message}`);
    }

  for (const note of content.notes ?? []) {
    const notedAt = new Date(now.getTime() - note.hoursAgo * HOUR_MS);
    await runOperation(
      core,
      addArticleNote,
      actor,
      {
        articleId: lookup(articleIds, `${note.story}:${note.locale}`, 'story version'),
        type: note.type,
        text: note.text,
        isProminent: note.isProminent,
      },
      { now: notedAt },
    );
  }
  for (const policy of content.policies ?? [])
    for (const locale of ['en', 'es'] as const)
      await runOperation(core, updatePolicyPage, actor, {
        kind: policy.kind,
        locale,
        ...policy[locale],
      });
  return { articles };
}

function lookup(ids: Map<string, number>, key: string, kind: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`demo content names an unknown ${kind} "${key}"`);
  return id;
}
