// Getting back in. With a link's #secret: redeem it at once (the fragment never reaches a server,
// and leaves the address bar before anything else happens), keep the new token for this fair, and
// open the registration. Without: ask for a link by email.
import { call, ApiError } from '../api.js';
import { h, show, liveRegion, say, link } from '../dom.js';
import { t, local } from '../i18n.js';
import { access } from '../store.js';
import { loadFair } from './fair.js';
import { failure, guard, requestFailure } from './common.js';
import { field, showErrors, clearErrors, errorSummary } from './form.js';

export function accessForm(fairId) {
  const summary = errorSummary();
  const status = liveRegion('access-status');
  const email = h('input', { type: 'email', autocomplete: 'email', maxlength: 254, inputmode: 'email', required: true });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'send-link' }, t('sendLink'));
  const form = h('form', { novalidate: true, id: 'access-form' },
    summary, h('p', {}, t('accessIntro')), field('/email', t('email'), email), status, submit);
  form.addEventListener('submit', guard(submit, async () => {
    const address = email.value.trim();
    if (!address) { showErrors(form, summary, [{ pointer: '/email', detail: t('required') }]); return; }
    clearErrors(form, summary);
    try {
      await call('POST', `/fairs/${fairId}/access-links`, { body: { email: address } });
      say(status, t('linkSent'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.problem.errors)) {
        showErrors(form, summary, e.problem.errors);
      } else if (e instanceof ApiError && e.status === 429) {
        say(status, t('tooMany', Math.max(1, Math.ceil(Number(e.retryAfter || 3600) / 60))), 'notice warn');
      } else {
        say(status, requestFailure(e) || e.problem?.detail || t('serverError'), 'notice warn');
      }
    }
  }));
  return form;
}

let pendingSecret = null;

export async function render({ fairId }) {
  const secret = location.hash.length > 1 ? location.hash.slice(1) : null;
  if (secret) {
    pendingSecret = secret;
    history.replaceState(null, '', location.pathname);
  }
  let fair;
  try {
    fair = await loadFair(fairId);
  } catch (e) {
    failure(e, t('fairNotFound'));
    return;
  }
  document.title = `${t('accessTitle')} · ${local(fair.name)}`;
  if (pendingSecret) {
    const once = pendingSecret;
    pendingSecret = null;
    show(h('h1', {}, t('accessTitle')), h('p', { role: 'status' }, t('redeeming')));
    try {
      const { data } = await call('POST', `/fairs/${fairId}/access-links/redeem`, { body: { secret: once } });
      access.set(fairId, data.registrationId, data.accessToken);
      location.replace(`/fairs/${fairId}/registrations/${data.registrationId}`);
      return;
    } catch (e) {
      const message = e instanceof ApiError && e.status === 410 ? t('linkUsed')
        : e instanceof ApiError && (e.status === 404 || e.status === 400) ? t('linkInvalid')
          : requestFailure(e) || t('serverError');
      show(h('h1', {}, t('accessTitle')), h('p', { class: 'notice warn', role: 'alert', id: 'link-problem' }, message),
        accessForm(fairId), h('p', {}, link(`/fairs/${fairId}`, t('back'))));
      return;
    }
  }
  show(h('h1', {}, t('accessTitle')), accessForm(fairId), h('p', {}, link(`/fairs/${fairId}`, t('back'))));
}
