import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A screen's h1. When the screen opens, focus moves to it (so screen readers announce the new
 * screen and the keyboard starts from the top of it) and the document title follows it.
 */
export function ScreenHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Galley`;
  }, [title]);
  useEffect(() => {
    // Not on the very first load: then the skip link should be the first stop.
    if (document.body.dataset['navigated'] === 'yes') ref.current?.focus();
    document.body.dataset['navigated'] = 'yes';
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-title">
      {children ?? title}
    </h1>
  );
}
