/* Galley reader site: social embeds, loaded only when the reader asks. Article pages with an
   embed load this script; without it each card is complete (the quote, who and when, a link to
   the original) and nothing is ever requested from the network.

   With it, each card shows "Load content from X": pressing it puts the network's own player in
   place of the quote, keeping the caption and its link. "Always load content from X on this
   device" remembers the choice for that network in localStorage (a list of network names, the
   only thing stored); cards of a remembered network then load at once. All words come from the
   card itself (content/embeds/embed-card.ts), in the article's language. */
/* global document, window */
(() => {
  'use strict';

  const STORAGE_KEY = 'galley.embeds.alwaysLoad';
  const cards = Array.from(document.querySelectorAll('.embed[data-embed-src]'));
  if (cards.length === 0) return;

  /** Private browsing or a full quota can make storage throw: then nothing is remembered. */
  function remembered() {
    try {
      const value = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || '[]');
      return Array.isArray(value) ? value.filter((name) => typeof name === 'string') : [];
    } catch {
      return [];
    }
  }

  function remember(network, isOn) {
    const networks = remembered().filter((name) => name !== network);
    if (isOn) networks.push(network);
    try {
      if (networks.length === 0) window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, JSON.stringify(networks));
    } catch {
      // Not remembered; this page still does what the reader asked.
    }
  }

  /** Replaces the card's quote with the network's player; returns the frame. */
  function load(card) {
    const existing = card.querySelector('iframe.embed-frame');
    if (existing) return existing;
    const frame = document.createElement('iframe');
    frame.className = 'embed-frame';
    frame.title = card.dataset.embedTitle || '';
    frame.setAttribute('sandbox', card.dataset.embedSandbox || '');
    if (card.dataset.embedAllow) frame.setAttribute('allow', card.dataset.embedAllow);
    if (card.classList.contains('embed-video')) frame.setAttribute('allowfullscreen', '');
    // YouTube and others refuse to play without a Referer; the origin alone identifies the site.
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.setAttribute('loading', 'lazy');
    frame.src = card.dataset.embedSrc;
    const content = card.querySelector('.embed-content');
    content.replaceChildren(frame);
    content.classList.add('embed-loaded');
    const button = card.querySelector('.embed-load');
    if (button) button.hidden = true;
    return frame;
  }

  const alwaysLoad = new Set(remembered());

  cards.forEach((card, index) => {
    const network = card.dataset.network;
    const actions = card.querySelector('.embed-actions');
    const button = card.querySelector('.embed-load');
    const checkbox = card.querySelector('.embed-always input');
    const caption = card.querySelector('figcaption');
    if (!actions || !button || !checkbox) return;
    // Two cards from one network have the same button: the caption (who, when) tells them apart.
    if (caption) {
      caption.id = caption.id || `embed-caption-${index + 1}`;
      button.setAttribute('aria-describedby', caption.id);
    }
    actions.hidden = false;
    checkbox.checked = alwaysLoad.has(network);

    button.addEventListener('click', () => {
      const frame = load(card);
      // The button is gone; the reader asked to see the post, so the keyboard goes to it.
      frame.focus();
    });

    checkbox.addEventListener('change', () => {
      remember(network, checkbox.checked);
      // Every card of that network on this page follows the same choice.
      for (const other of cards) {
        if (other.dataset.network !== network) continue;
        const box = other.querySelector('.embed-always input');
        if (box) box.checked = checkbox.checked;
        if (checkbox.checked) load(other);
      }
    });

    if (alwaysLoad.has(network)) load(card);
  });
})();
