/* Galley reader site: the optional "Found a mistake?" enhancement. Article pages load it;
   everything works without it (the footer link opens the same form on the contact page, a plain
   HTML form).

   With it, the link opens the form in place under the article, the passage the reader had
   selected is filled in, and the form is sent with fetch: the thank-you message appears where
   the form was, and the reader never leaves the article. */
/* global document, window, fetch, DOMParser, FormData, URLSearchParams */
(() => {
  'use strict';

  const link = document.querySelector('.report-error a');
  const article = document.querySelector('article[data-article-id]');
  if (!link || !article) return;

  const PASSAGE_MAX = 2000;
  // A click on the link clears the selection before the click event: remember the last one.
  let selectedText = '';
  document.addEventListener('selectionchange', () => {
    const selection = window.getSelection();
    const text = selection ? String(selection).trim() : '';
    if (text !== '' && selection.anchorNode && article.contains(selection.anchorNode)) {
      selectedText = text.slice(0, PASSAGE_MAX);
    }
  });

  let panel = null;

  link.addEventListener('click', async (event) => {
    // New tab, new window: the browser's business.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (panel) {
      fillPassage(panel.querySelector('form'));
      focusFirstField(panel.querySelector('form'));
      return;
    }
    try {
      const response = await fetch(link.href, { headers: { accept: 'text/html' } });
      if (!response.ok) throw new Error(String(response.status));
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const form = page.querySelector('form.report-form');
      const title = page.querySelector('h1');
      if (!form || !title) throw new Error('no form');
      panel = document.createElement('section');
      panel.className = 'report-inline';
      panel.setAttribute('aria-labelledby', 'report-inline-heading');
      const heading = document.createElement('h2');
      heading.id = 'report-inline-heading';
      heading.textContent = title.textContent;
      panel.append(heading, document.adoptNode(form));
      link.closest('.report-error').after(panel);
      const inline = panel.querySelector('form');
      inline.addEventListener('submit', (submitEvent) => {
        submitEvent.preventDefault();
        void send(inline);
      });
      fillPassage(inline);
      focusFirstField(inline);
    } catch {
      // Whatever went wrong, the plain page still works.
      window.location.assign(link.href);
    }
  });

  function fillPassage(form) {
    const passage = form.elements.namedItem('passage');
    if (passage && selectedText !== '' && passage.value.trim() === '') {
      passage.value = selectedText;
    }
  }

  function focusFirstField(form) {
    form.elements.namedItem('whatIsWrong').focus();
  }

  async function send(form) {
    const button = form.querySelector('button[type="submit"]');
    const status = form.querySelector('.form-status');
    for (const field of form.querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
    }
    button.disabled = true;
    status.textContent = form.dataset.sending;
    let answer = null;
    let response = null;
    try {
      response = await fetch(form.action, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
      });
      answer = await response.json();
    } catch {
      // Offline, or an answer that is not JSON: the message below says to try again.
    }
    button.disabled = false;
    if (response && response.ok && answer) {
      showThanks(answer);
      return;
    }
    const error = answer && answer.error ? answer.error : { message: form.dataset.failed };
    if (answer && typeof answer.formToken === 'string') {
      form.elements.namedItem('formToken').value = answer.formToken;
    }
    status.textContent = error.message;
    const field = error.field ? form.elements.namedItem(error.field) : null;
    if (field && field.type !== 'hidden') {
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
  }

  function showThanks(answer) {
    const heading = document.createElement('h2');
    heading.id = 'report-inline-heading';
    heading.tabIndex = -1;
    heading.textContent = answer.title;
    const text = document.createElement('p');
    text.setAttribute('role', 'status');
    text.textContent = answer.message;
    panel.replaceChildren(heading, text);
    heading.focus();
  }
})();
