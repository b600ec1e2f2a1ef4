/**
 * A list a screen loads from the newsroom API: loaded again when `reload` is called, the request
 * abandoned when the screen goes away, and the error to show if loading (or an action) failed.
 */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, get } from '../api.ts';

export function useAsyncList<Response, Item>(
  path: string,
  pick: (response: Response) => Item[],
): {
  items: Item[] | null;
  error: string | null;
  setError: (error: string | null) => void;
  reload: () => void;
} {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  // Only the path decides what is loaded; `pick` is a fresh arrow on every render.
  const [picker] = useState(() => pick);

  useEffect(() => {
    const controller = new AbortController();
    get<Response>(path, controller.signal).then(
      (result) => setItems(picker(result)),
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      },
    );
    return () => controller.abort();
  }, [path, picker, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { items, error, setError, reload };
}
