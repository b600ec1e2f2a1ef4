/**
 * The article body: a TipTap editor on the server's schema, with a toolbar (a single tab stop;
 * arrow keys move between buttons; toggles report aria-pressed), keyboard shortcuts, a link
 * field, and fields for the selected image, video or quote. Where the caller allows them, videos
 * of the library and embedded posts (their dialog lives here).
 */
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { NodeSelection } from '@tiptap/pm/state';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseEmbedUrl } from '../../../src/content/embeds/networks.ts';
import type { KeyboardEvent, ReactNode } from 'react';
import { EmbedDialog } from '../components/EmbedDialog.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { BodyDoc, Locale } from '../types.ts';
import { bodyExtensions, HEADING_LEVELS, SAFE_URL } from './body-extensions.ts';
import type { BodyEmbedAttrs, BodyImageAttrs, BodyVideoAttrs } from './body-extensions.ts';
import { BODY_NODE_VIEWS, BodyNodeActionsContext } from './BodyNodeViews.tsx';
import type { BodyNodeActions } from './BodyNodeViews.tsx';

export interface BodyEditorProps {
  initial: BodyDoc;
  /** The article's language: the editable text is marked with it. */
  locale: Locale;
  onChange: (doc: BodyDoc) => void;
  /** Opens the media picker; `insert` puts the chosen image at the cursor. */
  onRequestImage: (insert: (attrs: BodyImageAttrs) => void) => void;
  /** Opens the video dialog; `insert` puts the chosen video at the cursor. None: no videos. */
  onRequestVideo?: (insert: (attrs: BodyVideoAttrs) => void) => void;
  /** Offer "Embed a post". */
  withEmbeds?: boolean;
}

/** The embed form: a new post, or the words of one in the body and where they go back. */
type EmbedEditing = {
  initial: BodyEmbedAttrs | null;
  pastedUrl?: string;
  save: (attrs: BodyEmbedAttrs) => void;
};

export function BodyEditor({
  initial,
  locale,
  onChange,
  onRequestImage,
  onRequestVideo,
  withEmbeds = false,
}: BodyEditorProps) {
  const { t } = useI18n();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [linkOpen, setLinkOpen] = useState(false);
  const [embedEditing, setEmbedEditing] = useState<EmbedEditing | null>(null);
  const nodeActions = useMemo<BodyNodeActions>(
    () => ({ editEmbed: (attrs, save) => setEmbedEditing({ initial: attrs, save }) }),
    [],
  );

  // The editor is configured once; what a paste may do follows the current props through this.
  const pasteRef = useRef<(text: string) => boolean>(() => false);
  pasteRef.current = (text) => {
    if (!withEmbeds || !/^https:\/\/\S+$/.test(text) || !parseEmbedUrl(text).ok) return false;
    const { $from, empty } = editor.state.selection;
    if (!empty || $from.parent.type.name !== 'paragraph' || $from.parent.content.size > 0)
      return false;
    setEmbedEditing({
      initial: null,
      pastedUrl: text,
      save: (attrs) => editor.chain().focus().insertBodyEmbed(attrs).run(),
    });
    return true;
  };

  const editor = useEditor({
    extensions: bodyExtensions({ nodeViews: BODY_NODE_VIEWS }),
    content: initial,
    injectCSS: false,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        id: 'body-editor',
        class: 'prose body-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': 'body-label',
        'aria-describedby': 'body-shortcuts',
        lang: locale,
        spellcheck: 'true',
      },
      // A post's bare address pasted into an empty paragraph offers the embed form for it.
      handlePaste: (_view, event) => {
        const text = event.clipboardData?.getData('text/plain').trim() ?? '';
        return text !== '' && pasteRef.current(text);
      },
    },
    onUpdate: ({ editor: changed }) => onChangeRef.current(changed.getJSON() as BodyDoc),
  });

  function onKeyDown(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      setLinkOpen(true);
    }
  }

  return (
    <BodyNodeActionsContext.Provider value={nodeActions}>
      <div className="body-editor-wrap" onKeyDown={onKeyDown}>
        <Toolbar
          editor={editor}
          onLink={() => setLinkOpen(true)}
          onImage={() =>
            onRequestImage((attrs) => editor.chain().focus().insertBodyImage(attrs).run())
          }
          onVideo={
            onRequestVideo
              ? () => onRequestVideo((attrs) => editor.chain().focus().insertBodyVideo(attrs).run())
              : null
          }
          onEmbed={
            withEmbeds
              ? () =>
                  setEmbedEditing({
                    initial: null,
                    save: (attrs) => editor.chain().focus().insertBodyEmbed(attrs).run(),
                  })
              : null
          }
        />
        {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
        <SelectionFields editor={editor} />
        <EditorContent editor={editor} />
        <p id="body-shortcuts" className="help">
          {t('shortcuts')}
        </p>
        {embedEditing && (
          <EmbedDialog
            initial={embedEditing.initial}
            pastedUrl={embedEditing.pastedUrl}
            onSave={embedEditing.save}
            onClose={() => setEmbedEditing(null)}
          />
        )}
      </div>
    </BodyNodeActionsContext.Provider>
  );
}

interface ToolState {
  bold: boolean;
  italic: boolean;
  heading: number | null;
  paragraph: boolean;
  blockquote: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

function Toolbar({
  editor,
  onLink,
  onImage,
  onVideo,
  onEmbed,
}: {
  editor: Editor;
  onLink: () => void;
  onImage: () => void;
  onVideo: (() => void) | null;
  onEmbed: (() => void) | null;
}) {
  const { t } = useI18n();
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      heading: HEADING_LEVELS.find((level) => current.isActive('heading', { level })) ?? null,
      paragraph: current.isActive('paragraph'),
      blockquote: current.isActive('blockquote'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const [focusIndex, setFocusIndex] = useState(0);
  const toolbarRef = useRef<HTMLDivElement>(null);

  const buttons: {
    key: string;
    label: string;
    pressed?: boolean;
    disabled?: boolean;
    run: () => void;
    shortcut?: string;
  }[] = [
    {
      key: 'bold',
      label: t('bold'),
      pressed: state.bold,
      shortcut: 'Control+B',
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('italic'),
      pressed: state.italic,
      shortcut: 'Control+I',
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    ...HEADING_LEVELS.map((level) => ({
      key: `h${level}`,
      label: t('heading', { level }),
      pressed: state.heading === level,
      shortcut: `Control+Alt+${level}`,
      run: () => editor.chain().focus().toggleHeading({ level }).run(),
    })),
    {
      key: 'paragraph',
      label: t('paragraph'),
      pressed: state.paragraph && state.heading === null,
      shortcut: 'Control+Alt+0',
      run: () => editor.chain().focus().setParagraph().run(),
    },
    {
      key: 'quote',
      label: t('quote'),
      pressed: state.blockquote,
      shortcut: 'Control+Shift+B',
      run: () => editor.chain().focus().toggleBlockquote().run(),
    },
    {
      key: 'bullets',
      label: t('bulletList'),
      pressed: state.bulletList,
      shortcut: 'Control+Shift+8',
      run: () => editor.chain().focus().toggleBodyBulletList().run(),
    },
    {
      key: 'numbers',
      label: t('orderedList'),
      pressed: state.orderedList,
      shortcut: 'Control+Shift+7',
      run: () => editor.chain().focus().toggleBodyOrderedList().run(),
    },
    { key: 'link', label: t('link'), pressed: state.link, shortcut: 'Control+K', run: onLink },
    {
      key: 'hr',
      label: t('horizontalRule'),
      run: () => editor.chain().focus().setHorizontalRule().run(),
    },
    { key: 'image', label: t('insertImage'), run: onImage },
    ...(onVideo ? [{ key: 'video', label: t('insertVideo'), run: onVideo }] : []),
    ...(onEmbed ? [{ key: 'embed', label: t('embedPost'), run: onEmbed }] : []),
    {
      key: 'undo',
      label: t('undo'),
      disabled: !state.canUndo,
      shortcut: 'Control+Z',
      run: () => editor.chain().focus().undo().run(),
    },
    {
      key: 'redo',
      label: t('redo'),
      disabled: !state.canRedo,
      shortcut: 'Control+Shift+Z',
      run: () => editor.chain().focus().redo().run(),
    },
  ];

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number | null = null;
    if (event.key in moves)
      next = (focusIndex + (moves[event.key] ?? 0) + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    toolbarRef.current?.querySelectorAll('button')[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={t('toolbar')}
      aria-controls="body-editor"
      className="toolbar"
      ref={toolbarRef}
      onKeyDown={onKeyDown}
    >
      {buttons.map((button, index) => (
        <button
          key={button.key}
          type="button"
          className="tool"
          tabIndex={index === focusIndex ? 0 : -1}
          aria-pressed={button.pressed === undefined ? undefined : button.pressed}
          aria-keyshortcuts={button.shortcut}
          aria-disabled={button.disabled ? true : undefined}
          onFocus={() => setFocusIndex(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!button.disabled) button.run();
          }}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}

function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useI18n();
  const [href, setHref] = useState(
    () => (editor.getAttributes('link')['href'] as string | undefined) ?? '',
  );
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  function apply() {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onClose();
      return;
    }
    if (!SAFE_URL.test(value)) {
      setError(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    onClose();
  }

  return (
    <div
      className="inline-form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onClose();
        } else if (event.key === 'Enter') {
          event.preventDefault();
          apply();
        }
      }}
    >
      <label htmlFor="link-href">{t('linkAddress')}</label>
      <input
        id="link-href"
        ref={inputRef}
        type="url"
        value={href}
        aria-invalid={error || undefined}
        aria-describedby={error ? 'link-error' : undefined}
        onChange={(event) => {
          setHref(event.target.value);
          setError(false);
        }}
      />
      <button type="button" className="button secondary" onClick={apply}>
        {t('applyLink')}
      </button>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run();
          onClose();
        }}
      >
        {t('removeLink')}
      </button>
      <button
        type="button"
        className="button link-button"
        onClick={() => {
          editor.commands.focus();
          onClose();
        }}
      >
        {t('cancel')}
      </button>
      {error && (
        <p id="link-error" className="error" role="alert">
          {t('invalidLink')}
        </p>
      )}
    </div>
  );
}

/**
 * Fields for what is selected: an image's alt text, caption and credit; a video's caption and
 * credit (for this use of it); a quote's attribution.
 */
function SelectionFields({ editor }: { editor: Editor }) {
  const { t } = useI18n();
  const selected = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const selection = current.state.selection;
      if (selection instanceof NodeSelection && selection.node.type.name === 'image')
        return {
          kind: 'image' as const,
          pos: selection.from,
          attrs: selection.node.attrs as BodyImageAttrs,
        };
      if (selection instanceof NodeSelection && selection.node.type.name === 'video')
        return {
          kind: 'video' as const,
          pos: selection.from,
          attrs: selection.node.attrs as BodyVideoAttrs,
        };
      const { $from } = selection;
      for (let depth = $from.depth; depth > 0; depth--) {
        const node = $from.node(depth);
        if (node.type.name === 'blockquote')
          return {
            kind: 'quote' as const,
            pos: $from.before(depth),
            attribution: (node.attrs['attribution'] as string | null) ?? '',
          };
      }
      return null;
    },
  });
  if (!selected) return null;

  const setAttr = (pos: number, name: string, value: unknown) =>
    editor
      .chain()
      .command(({ tr }) => {
        tr.setNodeAttribute(pos, name, value);
        return true;
      })
      .run();

  if (selected.kind === 'quote')
    return (
      <div className="selection-fields">
        <div className="field">
          <label htmlFor="quote-attribution">{t('quoteAttribution')}</label>
          <input
            id="quote-attribution"
            value={selected.attribution}
            onChange={(event) => setAttr(selected.pos, 'attribution', event.target.value || null)}
          />
        </div>
      </div>
    );

  if (selected.kind === 'video')
    return (
      <fieldset className="selection-fields">
        <legend>{t('videoSelected', { id: selected.attrs.mediaId })}</legend>
        {(['caption', 'credit'] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={`video-${name}`}>
              {name === 'caption' ? t('caption') : t('credit')}
            </label>
            <input
              id={`video-${name}`}
              value={selected.attrs[name] ?? ''}
              onChange={(event) => setAttr(selected.pos, name, event.target.value || null)}
            />
          </div>
        ))}
      </fieldset>
    );

  const field = (name: 'alt' | 'caption' | 'credit', label: string, extra?: ReactNode) => (
    <div className="field">
      <label htmlFor={`image-${name}`}>{label}</label>
      <input
        id={`image-${name}`}
        value={selected.attrs[name] ?? ''}
        aria-describedby={name === 'alt' ? 'image-alt-help' : undefined}
        aria-invalid={name === 'alt' && !selected.attrs.alt ? true : undefined}
        onChange={(event) =>
          setAttr(
            selected.pos,
            name,
            name === 'alt' ? event.target.value : event.target.value || null,
          )
        }
      />
      {extra}
    </div>
  );
  return (
    <fieldset className="selection-fields">
      <legend>{t('imageSelected')}</legend>
      {field(
        'alt',
        t('altText'),
        <p id="image-alt-help" className="help">
          {t('altHelp')}
        </p>,
      )}
      {field('caption', t('caption'))}
      {field('credit', t('credit'))}
    </fieldset>
  );
}
