/**
 * Autosave: changes are sent ~1.5 s after the last one, as a PATCH carrying the version they
 * were based on. A stale version (409) stops saving and reports a conflict: nothing is ever
 * overwritten silently. When the network is down the unsaved changes are kept in localStorage
 * (per article) and sent again when the browser is back online.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError, patch } from '../api.ts';
import type { Article, ArticleFields } from '../types.ts';

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'offline' }
  | { kind: 'conflict'; currentVersion: number | null }
  | { kind: 'error'; message: string; field: string | undefined };

export interface LocalDraft {
  baseVersion: number;
  fields: Partial<ArticleFields>;
  savedAt: string;
}

const draftKey = (id: number) => `galley-admin:draft:${id}`;

export function readLocalDraft(id: number): LocalDraft | null {
  try {
    const raw = localStorage.getItem(draftKey(id));
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return typeof draft.baseVersion === 'number' && draft.fields ? draft : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(id: number): void {
  try {
    localStorage.removeItem(draftKey(id));
  } catch {
    // Nothing kept, nothing to clear.
  }
}

function writeLocalDraft(id: number, draft: LocalDraft): void {
  try {
    localStorage.setItem(draftKey(id), JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the changes still live in memory.
  }
}

export interface Autosave {
  state: SaveState;
  /** Record changed fields; a save follows after the delay. */
  change: (fields: Partial<ArticleFields>) => void;
  /** Save now; resolves true when everything is saved. */
  flush: () => Promise<boolean>;
  /** After a workflow action or reload: the version the next save is based on. */
  setVersion: (version: number) => void;
  /** Drop unsaved changes (after loading the current version). */
  reset: (version: number) => void;
  hasPending: () => boolean;
}

export function useAutosave(
  articleId: number,
  initialVersion: number,
  onSaved: (article: Article) => void,
): Autosave {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(initialVersion);
  const pending = useRef<Partial<ArticleFields>>({});
  const baseVersion = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const persist = useCallback(() => {
    if (Object.keys(pending.current).length === 0) clearLocalDraft(articleId);
    else
      writeLocalDraft(articleId, {
        baseVersion: baseVersion.current,
        fields: pending.current,
        savedAt: new Date().toISOString(),
      });
  }, [articleId]);

  const send = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    const sending = pending.current;
    if (Object.keys(sending).length === 0) return true;
    pending.current = {};
    const restore = () => {
      pending.current = { ...sending, ...pending.current };
      persist();
    };
    // navigator.onLine is only a hint (some browsers report "offline" on machines without a
    // network interface that still reach this server): always try, and judge by the result.
    setState({ kind: 'saving' });
    try {
      const { article } = await patch<{ article: Article }>(`/articles/${articleId}`, {
        ...sending,
        expectedVersion: version.current,
      });
      version.current = article.version;
      baseVersion.current = article.version;
      onSavedRef.current(article);
      persist();
      if (Object.keys(pending.current).length > 0) {
        setState({ kind: 'dirty' });
        return false;
      }
      setState({ kind: 'saved' });
      return true;
    } catch (error) {
      restore();
      if (error instanceof NetworkError) setState({ kind: 'offline' });
      else if (
        error instanceof ApiError &&
        error.status === 409 &&
        error.field === 'expectedVersion'
      ) {
        blocked.current = true;
        const current = error.details['currentVersion'];
        setState({
          kind: 'conflict',
          currentVersion: typeof current === 'number' ? current : null,
        });
      } else if (error instanceof ApiError)
        setState({ kind: 'error', message: error.message, field: error.field });
      else setState({ kind: 'error', message: String(error), field: undefined });
      return false;
    }
  }, [articleId, persist]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time; changes made meanwhile go in the next one.
    while (inFlight.current) await inFlight.current;
    if (Object.keys(pending.current).length === 0) return !blocked.current;
    const running = send();
    inFlight.current = running;
    try {
      const ok = await running;
      if (!ok) return false;
    } finally {
      inFlight.current = null;
    }
    return Object.keys(pending.current).length === 0 ? true : flush();
  }, [send]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, AUTOSAVE_DELAY_MS);
  }, [flush]);

  const change = useCallback(
    (fields: Partial<ArticleFields>) => {
      if (Object.keys(pending.current).length === 0) baseVersion.current = version.current;
      pending.current = { ...pending.current, ...fields };
      persist();
      if (blocked.current) return;
      setState((current) => (current.kind === 'offline' ? current : { kind: 'dirty' }));
      schedule();
    },
    [persist, schedule],
  );

  // Back online: send what was kept.
  useEffect(() => {
    const retry = () => {
      if (Object.keys(pending.current).length > 0) void flush();
    };
    window.addEventListener('online', retry);
    // Offline with changes: try again now and then, in case the "online" event never comes.
    const interval = setInterval(() => {
      if (
        !inFlight.current &&
        Object.keys(pending.current).length > 0 &&
        !blocked.current &&
        !timer.current
      )
        retry();
    }, 15_000);
    return () => {
      window.removeEventListener('online', retry);
      clearInterval(interval);
    };
  }, [flush]);

  // Leaving the editor: send what is pending (it is in localStorage too).
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (Object.keys(pending.current).length > 0 && !blocked.current) void send();
    },
    [send],
  );

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  return {
    state,
    change,
    flush,
    setVersion: (next) => {
      version.current = next;
      if (Object.keys(pending.current).length === 0) baseVersion.current = next;
    },
    reset: (next) => {
      pending.current = {};
      blocked.current = false;
      version.current = next;
      baseVersion.current = next;
      clearLocalDraft(articleId);
      setState({ kind: 'idle' });
    },
    hasPending: () => Object.keys(pending.current).length > 0,
  };
}
