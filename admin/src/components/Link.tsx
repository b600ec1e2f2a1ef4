import type { AnchorHTMLAttributes } from 'react';
import { BASE, linkClick } from '../router.ts';

/** An in-app link: a real <a href> (open in a new tab works), navigated without a reload. */
export function Link({ to, ...props }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a href={`${BASE}${to}`} onClick={linkClick} {...props} />;
}
