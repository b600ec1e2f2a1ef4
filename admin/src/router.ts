/** A tiny router over the History API: every screen has its own address under /admin/. */
import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';

export const BASE = '/admin';

export type Route =
  | { name: 'list'; params: URLSearchParams }
  | { name: 'new' }
  | { name: 'editor'; id: number }
  | { name: 'media'; params: URLSearchParams }
  | { name: 'tokens' }
  | { name: 'users' }
  | { name: 'taxonomy' }
  | { name: 'webhooks' }
  | { name: 'contentKeys' }
  | { name: 'import' }
  | { name: 'reports'; params: URLSearchParams }
  | { name: 'report'; id: number }
  | { name: 'policies'; params: URLSearchParams }
  | { name: 'analytics'; params: URLSearchParams }
  | { name: 'notFound' };

export function parseRoute(pathname: string, search: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const trimmed = path.replace(/\/+$/, '') || '/';
  if (trimmed === '/' || trimmed === '/articles')
    return { name: 'list', params: new URLSearchParams(search) };
  if (trimmed === '/articles/new') return { name: 'new' };
  const editor = /^\/articles\/([1-9]\d{0,9})$/.exec(trimmed);
  if (editor?.[1]) return { name: 'editor', id: Number(editor[1]) };
  if (trimmed === '/media') return { name: 'media', params: new URLSearchParams(search) };
  if (trimmed === '/tokens') return { name: 'tokens' };
  if (trimmed === '/users') return { name: 'users' };
  if (trimmed === '/taxonomy') return { name: 'taxonomy' };
  if (trimmed === '/webhooks') return { name: 'webhooks' };
  if (trimmed === '/content-keys') return { name: 'contentKeys' };
  if (trimmed === '/import') return { name: 'import' };
  if (trimmed === '/reports') return { name: 'reports', params: new URLSearchParams(search) };
  const report = /^\/reports\/([1-9]\d{0,9})$/.exec(trimmed);
  if (report?.[1]) return { name: 'report', id: Number(report[1]) };
  if (trimmed === '/policies') return { name: 'policies', params: new URLSearchParams(search) };
  if (trimmed === '/analytics') return { name: 'analytics', params: new URLSearchParams(search) };
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = to.startsWith(BASE) ? to : `${BASE}${to}`;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const listener of listeners) listener();
}

export function useLocation(): { pathname: string; search: string } {
  const [location, setLocation] = useState(() => ({
    pathname: window.location.pathname,
    search: window.location.search,
  }));
  useEffect(() => {
    const update = () =>
      setLocation({ pathname: window.location.pathname, search: window.location.search });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

/** onClick for an <a href> inside the app: a plain click navigates without a reload. */
export function linkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.currentTarget;
  if (anchor.target && anchor.target !== '_self') return;
  const url = new URL(anchor.href);
  if (url.origin !== window.location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(`${url.pathname}${url.search}`);
}
