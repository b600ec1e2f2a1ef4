/**
 * Issue 5's whole loop in a real Chromium, with the reader's JavaScript on and off: a reader
 * reports an error on a Spanish article (quoting a passage), an editor finds it in the newsroom
 * app's queue with the passage highlighted, takes it, and resolves it with a correction; the
 * correction then shows on the article and on /es/correcciones, in Spanish, with its date, and in
 * the article's JSON-LD. Also: the editor's notes panel (add, amend, history), the trust fields
 * (dateline, backstory, sources), and axe-core on the queue, the report and the editor's new
 * panels in both interface languages.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BodyNodeJson } from '../../content/body-schema.js';
import { formatDateTime } from '../../site/i18n/index.js';
import { expectNoAxeViolations } from './axe.js';
import { createStory, demoAccount, setUpNewsroom, tabTo } from './newsroom-support.js';
import type { UiLocale } from './newsroom-support.js';

const newsroom = setUpNewsroom();
const db = () => newsroom.site.galley.db;
const url = (path: string) => newsroom.url(path);

const { signedIn } = newsroom;

interface SpanishStory {
  id: number;
  path: string;
  /** Six words from one text run of its body: what the reader quotes. */
  passage: string;
}

/** Published Spanish demo stories whose body has a text run long enough to quote from. */
async function spanishStories(): Promise<SpanishStory[]> {
  const rows = await db()
    .selectFrom('articles as a')
    .innerJoin('section_translations as st', (join) =>
      join.onRef('st.section_id', '=', 'a.section_id').onRef('st.locale', '=', 'a.locale'),
    )
    .select(['a.id', 'a.slug', 'a.body', 'st.slug as section'])
    .where('a.locale', '=', 'es')
    .where('a.status', '=', 'published')
    .orderBy('a.id')
    .execute();
  const stories: SpanishStory[] = [];
  for (const row of rows) {
    const runs: string[] = [];
    const walk = (node: BodyNodeJson) => {
      if (node.type === 'paragraph')
        for (const child of node.content ?? [])
          if (child.type === 'text' && !child.marks?.length && child.text) runs.push(child.text);
      if (node.type !== 'blockquote') for (const child of node.content ?? []) walk(child);
    };
    walk(JSON.parse(row.body) as BodyNodeJson);
    const words = runs.map((text) => text.split(/\s+/)).find((list) => list.length >= 10);
    if (words)
      stories.push({
        id: row.id,
        path: `/es/${row.section}/${row.slug}`,
        passage: words.slice(2, 8).join(' '),
      });
  }
  return stories;
}

/** Selects `text` inside the article body, as a reader dragging over it would. */
async function selectInArticle(page: Page, text: string): Promise<void> {
  const selected = await page.evaluate<string>(`(() => {
    const text = ${JSON.stringify(text)};
    const root = document.querySelector('article[data-article-id]');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return String(selection);
    }
    return '';
  })()`);
  expect(selected).toBe(text);
}

/** The reader's side: reports `whatIsWrong` about `story`, quoting its passage. */
async function reportAsReader(story: SpanishStory, whatIsWrong: string, javaScript: boolean) {
  const context = await newsroom.browser.newContext({
    locale: 'es-ES',
    javaScriptEnabled: javaScript,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.goto(url(story.path), { waitUntil: 'load' });
    if (javaScript) await selectInArticle(page, story.passage);
    await page.getByRole('link', { name: /Encontraste un error/ }).click();
    const whatField = page.getByLabel('¿Qué está mal? (obligatorio)');
    await whatField.waitFor();
    const openedAt = Date.now();
    const passageField = page.getByLabel('El pasaje en cuestión (opcional)');
    if (javaScript) {
      // The form opened in place, under the article, with the selection as the passage.
      expect(new URL(page.url()).pathname).toBe(story.path);
      expect(await passageField.inputValue()).toBe(story.passage);
    } else {
      expect(new URL(page.url()).pathname).toBe('/es/contacto');
      await passageField.fill(story.passage);
    }
    await whatField.fill(whatIsWrong);
    await page
      .getByLabel('Tu correo electrónico, si quieres una respuesta (opcional)')
      .fill('lectora@example.com');
    // A form sent faster than a person could fill it is dropped as a bot's.
    await page.waitForTimeout(Math.max(0, 3_300 - (Date.now() - openedAt)));
    await page.getByRole('button', { name: 'Enviar aviso' }).click();
    await page.getByText('Gracias por tu aviso').first().waitFor();
    if (javaScript) expect(new URL(page.url()).pathname).toBe(story.path);
  } finally {
    await context.close();
  }
}

/** What the reader sees of a note on its article page (and JSON-LD) and the corrections page. */
async function readerSees(story: SpanishStory, noteText: string) {
  const context = await newsroom.browser.newContext({ locale: 'es-ES', javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const article = await page.goto(url(story.path), { waitUntil: 'load' });
    expect(article?.status()).toBe(200);
    const onArticle = page.locator('.article-notes-top .article-note', { hasText: noteText });
    const articleNote = {
      count: await onArticle.count(),
      label: (await onArticle.locator('.note-label').textContent())?.trim() ?? '',
      datetime: await onArticle.locator('time').first().getAttribute('datetime'),
    };
    // One JSON-LD block: an object, or an array of them (the article and its breadcrumbs).
    const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents())
      .map((text) => JSON.parse(text) as unknown)
      .flat();
    const corrections = await page.goto(url('/es/correcciones'), { waitUntil: 'load' });
    expect(corrections?.status()).toBe(200);
    const entry = page.locator('.correction-entry', { hasText: noteText });
    return {
      articleNote,
      jsonLd,
      correctionsEntry: {
        label: (await entry.locator('.note-label').textContent())?.trim() ?? '',
        datetime: await entry.locator('time').first().getAttribute('datetime'),
        link: await entry.locator('.correction-article a').getAttribute('href'),
        heading: await page.locator('h1').textContent(),
      },
    };
  } finally {
    await context.close();
  }
}

/** The newsroom app's words the loop looks for, per interface language. */
const APP = {
  en: {
    assignTo: 'Assign to',
    assign: 'Assign',
    startWork: 'Start working on it',
    noteText: 'Text',
    prominent: 'Prominent: show it at the top of the article',
    resolve: 'Publish the note and resolve',
    resolved: /Correction of .+ published; the report is now “Corrected”\./,
    statusLine: 'Corrected',
  },
  es: {
    assignTo: 'Asignar a',
    assign: 'Asignar',
    startWork: 'Empezar a trabajar en él',
    noteText: 'Texto',
    prominent: 'Destacada: mostrarla al principio del artículo',
    resolve: 'Publicar la nota y resolver',
    resolved: /Corrección del .+ publicada; el aviso queda «Corregido»\./,
    statusLine: 'Corregido',
  },
} as const;

const stories: SpanishStory[] = [];

describe('from a reader’s report to a public correction', () => {
  const modes = [
    { javaScript: true, ui: 'en' as UiLocale },
    { javaScript: false, ui: 'es' as UiLocale },
  ];
  for (const [index, { javaScript, ui }] of modes.entries()) {
    it(`works with the reader’s JavaScript ${javaScript ? 'on' : 'off'} (newsroom in ${ui})`, async () => {
      if (stories.length === 0) stories.push(...(await spanishStories()));
      const story = stories[index];
      if (!story) throw new Error('the demo has too few Spanish stories to quote from');
      const words = APP[ui];
      const whatIsWrong = `El puente no abrió ese año (aviso ${index + 1}, ${Date.now()}).`;

      // 1. The reader reports it.
      await reportAsReader(story, whatIsWrong, javaScript);
      const stored = await db()
        .selectFrom('error_reports')
        .select(['id', 'status', 'locale', 'passage', 'article_id', 'reply_email'])
        .where('what_is_wrong', '=', whatIsWrong)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        status: 'new',
        locale: 'es',
        passage: story.passage,
        article_id: story.id,
        reply_email: 'lectora@example.com',
      });

      // 2. An editor sees it on the dashboard, finds it in the queue (Spanish, new), opens it.
      const errors: string[] = [];
      const { context, page } = await signedIn('editor', '/admin/', { locale: ui, errors });
      try {
        await page
          .locator('section[aria-labelledby="dash-reports"]')
          .getByRole('link', { name: whatIsWrong })
          .waitFor();
        await page.goto(url('/admin/reports?locale=es&status=new'), { waitUntil: 'load' });
        await page.getByRole('link', { name: whatIsWrong }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(`${stored.id}$`) }).waitFor();
        // The quoted passage, highlighted in the article's current text.
        await expect
          .poll(() => page.locator('.passage-context mark').textContent())
          .toBe(story.passage);
        const publicLink = await page
          .locator(`a[href^="${story.path}#:~:text="]`)
          .getAttribute('href');
        expect(decodeURIComponent(publicLink?.split('#:~:text=')[1] ?? '')).toBe(story.passage);

        // 3. Takes it, starts on it, and resolves it with a prominent correction.
        const editor = demoAccount('editor');
        await page
          .getByLabel(words.assignTo)
          .selectOption({ label: `${editor.name} (${ui === 'es' ? 'yo' : 'me'})` });
        await page.getByRole('button', { name: words.assign, exact: true }).click();
        await page.locator('.success', { hasText: editor.name }).waitFor();
        await page.getByRole('button', { name: words.startWork }).click();
        await page.locator('.badge.report-in_progress').first().waitFor();

        const correction = `Corrección ${index + 1}: el puente abrió en 1999, no en 1998.`;
        await page.locator('#resolve-text').fill(correction);
        await page.getByLabel(words.prominent).check();
        await page.getByRole('button', { name: words.resolve }).click();
        await page.getByText(words.resolved).waitFor();
        await page.locator('.badge.report-corrected').first().waitFor();
        expect(errors).toEqual([]);

        const note = await db()
          .selectFrom('article_notes')
          .select(['id', 'type', 'text', 'is_prominent', 'noted_at'])
          .where('article_id', '=', story.id)
          .where('text', '=', correction)
          .executeTakeFirstOrThrow();
        expect(note).toMatchObject({ type: 'correction', is_prominent: 1 });
        const resolved = await db()
          .selectFrom('error_reports')
          .select(['status', 'correction_id', 'assigned_to_user_id'])
          .where('id', '=', stored.id)
          .executeTakeFirstOrThrow();
        const editorRow = await db()
          .selectFrom('staff_users')
          .select('id')
          .where('email', '=', editor.email)
          .executeTakeFirstOrThrow();
        expect(resolved).toEqual({
          status: 'corrected',
          correction_id: note.id,
          assigned_to_user_id: editorRow.id,
        });
        // The history says who did what.
        await expect.poll(() => page.locator('.history-list li').count()).toBe(5);

        // 4. Readers see it on the article and on /es/correcciones, in Spanish, dated.
        const publication = await db()
          .selectFrom('publications')
          .select('time_zone')
          .executeTakeFirstOrThrow();
        const spanishDate = formatDateTime(note.noted_at, 'es', publication.time_zone);
        const seen = await readerSees(story, correction);
        expect(seen.articleNote).toEqual({
          count: 1,
          label: `Corrección · ${spanishDate}`,
          datetime: note.noted_at,
        });
        expect(seen.correctionsEntry).toEqual({
          label: `Corrección · ${spanishDate}`,
          datetime: note.noted_at,
          link: `${story.path}#note-${note.id}`,
          heading: 'Correcciones',
        });

        // 5. The article's JSON-LD carries it, as a CorrectionComment with its date.
        const article = seen.jsonLd.find(
          (
            item,
          ): item is { correction?: { '@type': string; text: string; datePublished: string }[] } =>
            typeof item === 'object' && item !== null && 'correction' in item,
        );
        const carried = article?.correction?.find((item) => item.text === correction);
        expect(carried?.['@type']).toBe('CorrectionComment');
        // To the second: JSON-LD dates carry no fractions.
        expect(Date.parse(carried?.datePublished ?? '')).toBe(
          Math.floor(Date.parse(note.noted_at) / 1000) * 1000,
        );
        expect(carried?.datePublished).toMatch(/[+-]\d{2}:\d{2}$/);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});

describe('public notes in the article editor', () => {
  it('adds an update, amends it with its history kept, and keeps autosave in step', async () => {
    const { id, path } = await createStory(newsroom.site.galley, {
      headline: `Notes ${Date.now()}`,
      publish: true,
    });
    const errors: string[] = [];
    const { context, page } = await signedIn('editor', `/admin/articles/${id}`, { errors });
    try {
      await page.locator('.ProseMirror').waitFor();
      const panel = page.locator('.notes-panel');
      await panel.getByText('No public notes on this article.').waitFor();
      await panel.getByRole('button', { name: 'Add a correction or note' }).click();
      // The form opens with the focus on its first field.
      await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe('note-type');
      await page.locator('#note-type').selectOption('update');
      await page.locator('#note-text').fill('The council has since published its budget.');
      await panel.getByRole('button', { name: 'Publish the note' }).click();
      await panel.getByText('Update published.').waitFor();
      // The form closed: the focus is back on the button that opened it.
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe('add-note-button');
      await panel.getByRole('heading', { name: /^Update, / }).waitFor();

      await panel.getByRole('button', { name: /^Amend Update/ }).click();
      await page
        .locator(`#amend-${await noteIdOf(id)}-text`)
        .fill('The council published its budget on Monday.');
      await panel.getByRole('button', { name: 'Save the amendment' }).click();
      await panel.getByText('Note amended.', { exact: false }).waitFor();
      await panel.getByText(/^Amended on /).waitFor();
      await panel.getByText('Earlier versions (1)').click();
      await panel
        .locator('.amendments blockquote', {
          hasText: 'The council has since published its budget.',
        })
        .waitFor();

      // The note moved the article's version: the next edit still saves, with no conflict.
      await page.getByLabel('Headline', { exact: true }).fill('Notes: the budget is out');
      await page
        .locator('[aria-live="polite"].save-text')
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 10_000 });
      const article = await db()
        .selectFrom('articles')
        .select('headline')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(article.headline).toBe('Notes: the budget is out');
      const amendments = await db()
        .selectFrom('article_note_amendments')
        .select('previous_text')
        .where('note_id', '=', await noteIdOf(id))
        .execute();
      expect(amendments).toEqual([
        { previous_text: 'The council has since published its budget.' },
      ]);
      expect(path).toMatch(/^\/en\//);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('offers no note form on a draft', async () => {
    const { id } = await createStory(newsroom.site.galley, { headline: `Draft ${Date.now()}` });
    const { context, page } = await signedIn('editor', `/admin/articles/${id}`);
    try {
      await page.getByText('Public notes can be added once the article is published.').waitFor();
      expect(await page.getByRole('button', { name: 'Add a correction or note' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

async function noteIdOf(articleId: number): Promise<number> {
  const row = await db()
    .selectFrom('article_notes')
    .select('id')
    .where('article_id', '=', articleId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('trust fields in the article editor', () => {
  it('saves a dateline, a backstory and sources added, reordered and removed', async () => {
    const { id } = await createStory(newsroom.site.galley, { headline: `Trust ${Date.now()}` });
    const { context, page } = await signedIn('editor', `/admin/articles/${id}`);
    try {
      await page.locator('.ProseMirror').waitFor();
      await page.getByLabel('Dateline').fill('Puerto Claro');
      await page
        .getByLabel('How we reported this')
        .fill('We read the minutes.\n\nWe called the port.');
      const addSource = async (name: string, link: string, note: string) => {
        await page.locator('#new-source-name').fill(name);
        await page.locator('#new-source-url').fill(link);
        await page.locator('#new-source-note').fill(note);
        await page.getByRole('button', { name: 'Add a source', exact: true }).click();
      };
      await addSource('Port authority minutes', 'https://port.example/minutes', 'March session');
      await addSource('Harbour master', '', 'Interviewed by phone');
      await addSource('Old chart', '', '');
      // The focus goes back to the name field, ready for the next source.
      await expect
        .poll(() => page.evaluate<string>('document.activeElement.id'))
        .toBe('new-source-name');
      await page.getByRole('button', { name: 'Move Harbour master up' }).click();
      await page.getByRole('button', { name: 'Remove Old chart' }).click();
      await page
        .locator('[aria-live="polite"].save-text')
        .filter({ hasText: /: Saved$/ })
        .waitFor({ timeout: 10_000 });
      const article = await db()
        .selectFrom('articles')
        .select(['dateline', 'backstory'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(article).toEqual({
        dateline: 'Puerto Claro',
        backstory: 'We read the minutes.\n\nWe called the port.',
      });
      const sources = await db()
        .selectFrom('article_sources')
        .select(['name', 'url', 'note'])
        .where('article_id', '=', id)
        .orderBy('position')
        .execute();
      expect(sources).toEqual([
        { name: 'Harbour master', url: '', note: 'Interviewed by phone' },
        {
          name: 'Port authority minutes',
          url: 'https://port.example/minutes',
          note: 'March session',
        },
      ]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('axe-core finds no violation on the corrections screens', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`the queue, a report, and the editor's notes and trust panels (${locale})`, async () => {
      const story = (await spanishStories())[2];
      if (!story) throw new Error('the demo has too few Spanish stories');
      const user = await db()
        .selectFrom('staff_users')
        .select('id')
        .where('email', '=', demoAccount('editor').email)
        .executeTakeFirstOrThrow();
      // A report stored directly: this test is about the screens, not the reader's form.
      const now = new Date().toISOString();
      const { id: reportId } = await db()
        .insertInto('error_reports')
        .values({
          article_id: story.id,
          locale: 'es',
          what_is_wrong: `Axe ${locale}: la cifra está mal.`,
          passage: story.passage,
          reply_email: null,
          client_key: 'axe-test',
          status: 'new',
          assigned_to_user_id: user.id,
          correction_id: null,
          reply_text: 'Gracias, lo revisamos.',
          replied_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { context, page } = await signedIn('editor', '/admin/', {
        locale,
        bypassCSP: true,
      });
      try {
        await page.locator('section[aria-labelledby="dash-reports"] li').first().waitFor();
        await page.locator('table.articles').waitFor();
        await expectNoAxeViolations(page, `article list with new reports (${locale})`);
        await page.goto(url('/admin/reports'), { waitUntil: 'load' });
        await page.locator('table.reports tbody tr').first().waitFor();
        await expectNoAxeViolations(page, `error report queue (${locale})`);
        await page.goto(url(`/admin/reports/${reportId}`), { waitUntil: 'load' });
        await page.locator('.passage-context mark').waitFor();
        await expectNoAxeViolations(page, `error report (${locale})`);

        await page.goto(url(`/admin/articles/${story.id}`), { waitUntil: 'load' });
        await page.locator('.ProseMirror').waitFor();
        await page.locator('.notes-panel h2').waitFor();
        await page.locator('#new-source-name').fill('Axe source');
        await page.locator('.add-source button').click();
        await page.locator('.notes-panel button').first().click();
        await page.locator('#note-text').waitFor();
        await expectNoAxeViolations(page, `editor with notes and sources (${locale})`);
      } finally {
        await context.close();
      }
    }, 90_000);
  }
});

describe('policy pages in the newsroom app', () => {
  it('an admin writes the Spanish corrections policy, and readers see it', async () => {
    const errors: string[] = [];
    const { context, page } = await signedIn('admin', '/admin/policies', { errors });
    try {
      await page
        .getByRole('link', { name: /^(Write|Edit)\s?: Corrections policy, Spanish$/ })
        .click();
      await page.getByRole('heading', { level: 2, name: 'Corrections policy, Spanish' }).waitFor();
      expect(new URL(page.url()).search).toBe('?kind=corrections&locale=es');
      const title = `Cómo corregimos ${Date.now()}`;
      await page.getByLabel('Title').fill(title);
      const body = page.locator('.ProseMirror');
      await body.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Publicamos cada corrección con su fecha.');
      await page.getByRole('button', { name: 'Save the page' }).click();
      await page.getByText('Corrections policy saved.', { exact: false }).waitFor();
      const row = await db()
        .selectFrom('policy_pages')
        .select(['title', 'body', 'updated_by_user_id'])
        .where('kind', '=', 'corrections')
        .where('locale', '=', 'es')
        .executeTakeFirstOrThrow();
      expect(row.title).toBe(title);
      expect(row.body).toContain('Publicamos cada corrección con su fecha.');
      expect(row.updated_by_user_id).not.toBeNull();

      // The table shows it written, and the public page says it.
      await page.locator('table.policies').getByText(title).waitFor();
      const path = await page.locator('.policy-editor a[target="_blank"]').getAttribute('href');
      if (!path) throw new Error('no public link for the written page');
      const reader = await fetch(url(path));
      expect(reader.status).toBe(200);
      const text = await reader.text();
      expect(text).toContain(title);
      expect(text).toContain('Publicamos cada corrección con su fecha.');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('is for admins only', async () => {
    const { context, page } = await signedIn('editor', '/admin/policies');
    try {
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      expect(await page.getByRole('link', { name: 'Policies' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);

  for (const locale of ['en', 'es'] as const) {
    it(`passes axe-core with a page open in the editor (${locale})`, async () => {
      const { context, page } = await signedIn('admin', '/admin/policies?kind=ethics&locale=en', {
        locale,
        bypassCSP: true,
      });
      try {
        await page.locator('.policy-editor .ProseMirror').waitFor();
        await expectNoAxeViolations(page, `policy pages (${locale})`);
      } finally {
        await context.close();
      }
    }, 60_000);
  }
});

describe('the error-report queue from the keyboard alone', () => {
  it('opens a report, assigns it and resolves it with a clarification', async () => {
    const story = (await spanishStories())[3];
    if (!story) throw new Error('the demo has too few Spanish stories');
    const now = new Date().toISOString();
    const whatIsWrong = `Teclado ${Date.now()}: el nombre está mal escrito.`;
    const { id: reportId } = await db()
      .insertInto('error_reports')
      .values({
        article_id: story.id,
        locale: 'es',
        what_is_wrong: whatIsWrong,
        passage: '',
        reply_email: null,
        client_key: 'keyboard-test',
        status: 'new',
        assigned_to_user_id: null,
        correction_id: null,
        reply_text: null,
        replied_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const errors: string[] = [];
    const { context, page } = await signedIn('editor', '/admin/reports?status=new', { errors });
    try {
      await page.locator('table.reports').waitFor();
      await tabTo(page, `a[href="/admin/reports/${reportId}"]`, 80);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Error report ${reportId}` }).waitFor();
      // The new screen's heading has the focus: the keyboard starts from the top of it.
      await expect.poll(() => page.evaluate<string>('document.activeElement.tagName')).toBe('H1');

      await tabTo(page, '#report-assignee', 80);
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#report-assignee ~ * button, form:has(#report-assignee) button', 80);
      await page.keyboard.press('Enter');
      await page.getByText('Assigned to Eli Editor.').waitFor();

      // The reader left no address: the reply is recorded for the file.
      await tabTo(page, '#report-reply', 80);
      await page.keyboard.type('Gracias: lo corregimos hoy.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Reply recorded.').waitFor();
      await page.getByText('Gracias: lo corregimos hoy.').waitFor();

      await page.keyboard.press('Shift+Tab');
      await tabTo(page, '#resolve-type', 120);
      await page.keyboard.press('ArrowDown');
      await tabTo(page, '#resolve-text', 3);
      await page.keyboard.type('Aclaración: el apellido se escribe con zeta.');
      await tabTo(page, 'form:has(#resolve-text) button[type="submit"]', 10);
      await page.keyboard.press('Enter');
      await page
        .getByText(/^Clarification of .+ published; the report is now “Clarified”\.$/)
        .waitFor();
      const report = await db()
        .selectFrom('error_reports')
        .select(['status', 'correction_id', 'assigned_to_user_id', 'reply_text'])
        .where('id', '=', reportId)
        .executeTakeFirstOrThrow();
      expect(report.status).toBe('clarified');
      expect(report.reply_text).toBe('Gracias: lo corregimos hoy.');
      expect(report.correction_id).not.toBeNull();
      expect(report.assigned_to_user_id).not.toBeNull();
      const note = await db()
        .selectFrom('article_notes')
        .select(['type', 'text', 'is_prominent'])
        .where('id', '=', report.correction_id ?? 0)
        .executeTakeFirstOrThrow();
      expect(note).toEqual({
        type: 'clarification',
        text: 'Aclaración: el apellido se escribe con zeta.',
        is_prominent: 0,
      });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
