/* Galley reader site: first-party analytics (src/analytics/ holds the server side). Sends
   nothing under Do Not Track or Global Privacy Control; no cookies, no storage. Events go to
   /api/beacon via sendBeacon as text/plain JSON {v:1, path, locale, article?, events}:
   view (referring site's host, utm_campaign); engaged (a second counts when the tab is visible
   and the reader acted in the last 15 s; sent per 5 s, the rest on leaving); scroll quarters,
   once each; rec_impression (a Recommended link half visible for 2 s, once) and rec_click. */
/* global document, window, navigator, location, URLSearchParams, IntersectionObserver */
(() => {
  'use strict';

  if (
    navigator.doNotTrack === '1' ||
    window.doNotTrack === '1' ||
    navigator.globalPrivacyControl === true ||
    !navigator.sendBeacon
  ) {
    return;
  }

  const IDLE_AFTER_MS = 15000;
  const HEARTBEAT_SECONDS = 5;
  const HOLD_MS = 2000;
  const MAX_EVENTS = 20;
  const body = document.body;
  const article = Number(body.dataset.analyticsArticle) || undefined;
  let queue = [];
  let flushTimer = 0;

  function flush() {
    window.clearTimeout(flushTimer);
    flushTimer = 0;
    while (queue.length > 0) {
      const events = queue.splice(0, MAX_EVENTS);
      navigator.sendBeacon(
        '/api/beacon',
        JSON.stringify({
          v: 1,
          path: location.pathname,
          locale: body.dataset.analyticsLocale,
          article,
          events,
        }),
      );
    }
  }

  // Events that happen together (a scroll passing two quarters) share one request.
  function send(event) {
    queue.push(event);
    if (!flushTimer) flushTimer = window.setTimeout(flush, 1000);
  }

  // The view.
  let referrer = '';
  try {
    referrer = document.referrer ? new URL(document.referrer).hostname : '';
  } catch {
    // An unreadable referrer is no referrer.
  }
  send({
    kind: 'view',
    referrer: referrer === location.hostname ? '' : referrer,
    campaign: (new URLSearchParams(location.search).get('utm_campaign') || '').slice(0, 100),
  });
  flush();

  // Engaged time.
  let lastActiveAt = Date.now();
  let engaged = 0;
  const active = () => {
    lastActiveAt = Date.now();
  };
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'scroll', 'wheel', 'touchstart']) {
    window.addEventListener(type, active, { passive: true, capture: true });
  }
  window.setInterval(() => {
    if (document.visibilityState !== 'visible' || Date.now() - lastActiveAt > IDLE_AFTER_MS) {
      return;
    }
    engaged += 1;
    if (engaged === HEARTBEAT_SECONDS) {
      engaged = 0;
      send({ kind: 'engaged', seconds: HEARTBEAT_SECONDS });
      flush();
    }
  }, 1000);

  // Scroll depth.
  let quarters = 0;
  let scrollPending = false;
  function measureScroll() {
    scrollPending = false;
    const root = document.documentElement;
    const seen = (window.scrollY + window.innerHeight) / Math.max(1, root.scrollHeight);
    const reached = Math.min(4, Math.floor(seen * 4 + 0.01));
    while (quarters < reached) {
      quarters += 1;
      send({ kind: 'scroll', quarter: quarters });
    }
  }
  window.addEventListener(
    'scroll',
    () => {
      if (!scrollPending) {
        scrollPending = true;
        window.setTimeout(measureScroll, 200);
      }
    },
    { passive: true },
  );
  measureScroll();

  // The Recommended block: impressions and clicks.
  const targetOf = (link) => Number(link.dataset.recTarget);
  const links = document.querySelectorAll('[data-rec-block] [data-rec-target]');
  if (links.length > 0 && window.IntersectionObserver) {
    const holds = new Map();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const link = entry.target;
          if (entry.isIntersecting && entry.intersectionRatio >= 0.5) {
            if (!holds.has(link)) {
              holds.set(
                link,
                window.setTimeout(() => {
                  observer.unobserve(link);
                  send({ kind: 'rec_impression', target: targetOf(link) });
                }, HOLD_MS),
              );
            }
          } else {
            window.clearTimeout(holds.get(link));
            holds.delete(link);
          }
        }
      },
      { threshold: 0.5 },
    );
    links.forEach((link) => observer.observe(link));
  }
  document.addEventListener(
    'click',
    (event) => {
      const link =
        event.target.closest && event.target.closest('[data-rec-block] [data-rec-target]');
      if (link) {
        send({ kind: 'rec_click', target: targetOf(link) });
        flush();
      }
    },
    { capture: true },
  );

  // Leaving: what is left of the engaged time, and anything queued.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      if (engaged > 0) send({ kind: 'engaged', seconds: engaged });
      engaged = 0;
      flush();
    }
  });
  window.addEventListener('pagehide', flush);
})();
