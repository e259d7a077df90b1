// What every page does with a failure it has no better words for.
import { ApiError, NetworkError } from '../api.js';
import { h, show } from '../dom.js';
import { t } from '../i18n.js';

export function failure(e, notFoundText) {
  if (e instanceof ApiError && e.status === 404) {
    show(h('h1', {}, notFoundText || t('notFound')));
  } else if (e instanceof NetworkError) {
    show(h('h1', {}, 'Salon ESS'), h('p', { class: 'notice warn', role: 'alert' }, t('network')));
  } else {
    show(h('h1', {}, 'Salon ESS'), h('p', { class: 'notice warn', role: 'alert' }, t('serverError')));
    if (!(e instanceof ApiError)) console.error(e);
  }
}

/** The message for a failed request on a form, or null when the page handles the status itself. */
export function requestFailure(e) {
  if (e instanceof NetworkError) return t('network');
  if (e instanceof ApiError && e.status === 503) return t('busy');
  if (e instanceof ApiError && e.status >= 500) return t('serverError');
  return null;
}

/**
 * A button that says it is sending and cannot send twice while a request is in flight:
 * `run` is called at most once at a time.
 */
export function guard(button, run) {
  let busy = false;
  return async event => {
    event?.preventDefault();
    if (busy) return;
    busy = true;
    const label = button.textContent;
    button.textContent = t('sending');
    button.setAttribute('aria-disabled', 'true');
    button.disabled = true;
    try {
      await run();
    } finally {
      busy = false;
      if (button.isConnected) {
        button.textContent = label;
        button.disabled = false;
        button.removeAttribute('aria-disabled');
      }
    }
  };
}
