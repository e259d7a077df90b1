// The registration form: exactly the API's fields, checked in the browser for what it can, then
// by the API, whose problem+json errors land next to the fields they name. One Idempotency-Key per
// body: a double tap or a retry after a network failure registers once; a corrected body gets a
// new key (the API refuses an old key with a different body).
import { call, newKey, apiBase, ApiError } from '../api.js';
import { h, show, link, liveRegion, say } from '../dom.js';
import { t, lang, local, LANGUAGES, NAMES } from '../i18n.js';
import { access } from '../store.js';
import { loadFair } from './fair.js';
import { failure, guard, requestFailure } from './common.js';
import { field, checkbox, select, showErrors, clearErrors, errorSummary } from './form.js';

const ROLES = ['VISITOR', 'EXHIBITOR', 'PARTICIPANT', 'SPEAKER', 'PRESS'];
const REGIONS = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

let attempt = { body: null, key: null };

export async function render({ fairId }) {
  let fair;
  let config;
  try {
    [fair, config] = await Promise.all([loadFair(fairId), apiBase()]);
  } catch (e) {
    failure(e, t('fairNotFound'));
    return;
  }
  document.title = `${t('registerTitle')} · ${local(fair.name)}`;
  const summary = errorSummary();
  const status = liveRegion('form-status');
  const text = (type, autocomplete, extra = {}) => h('input', { type, autocomplete, ...extra });
  const role = select(ROLES.map(r => [r, t('roles')[r]]));
  const language = select(LANGUAGES.map(l => [l, NAMES[l]]));
  language.value = lang();
  const orgFields = h('fieldset', { id: 'organisation' },
    h('legend', {}, t('organisation')),
    h('p', { class: 'hint' }, t('organisationHint')),
    field('/organisation/name', t('orgName'), text('text', 'organization', { maxlength: 200 })),
    field('/organisation/type', t('orgType'), select(Object.entries(t('orgTypes')), t('choose'))),
    field('/organisation/region', t('region'), select(REGIONS.map(r => [r, t('regions')[r]]), t('choose'))),
    field('/organisation/sector', t('sector'), select(Object.entries(t('sectors')), t('choose'))));
  const submit = h('button', { type: 'submit', class: 'primary', id: 'submit' }, t('register'));
  const contact = config.contact || 'privacy@salon-ess.example.org';
  const form = h('form', { novalidate: true, id: 'registration-form' },
    summary,
    field('/role', t('role'), role),
    h('div', { class: 'two' },
      field('/firstName', t('firstName'), text('text', 'given-name', { maxlength: 100, required: true })),
      field('/lastName', t('lastName'), text('text', 'family-name', { maxlength: 100, required: true }))),
    field('/arabicName', t('arabicName'), text('text', 'off', { maxlength: 150, dir: 'rtl', lang: 'ar' }), t('arabicNameHint')),
    field('/email', t('email'), text('email', 'email', { maxlength: 254, required: true, inputmode: 'email' })),
    field('/phone', t('phone'), text('tel', 'tel', { inputmode: 'tel' }), t('phoneHint')),
    field('/language', t('language'), language),
    orgFields,
    h('fieldset', {},
      h('legend', {}, t('consent')),
      h('details', {},
        h('summary', {}, t('privacyTitle', config.privacyNoticeVersion || '')),
        t('privacy').map(p => h('p', {}, p)),
        h('p', {}, `${t('contact')} : `, h('a', { href: `mailto:${contact}` }, contact))),
      checkbox('/consent/dataProcessing', t('consentData')),
      checkbox('/consent/photos', t('consentPhotos')),
      checkbox('/consent/shareWithExhibitors', t('consentShare')),
      checkbox('/consent/surveys', t('consentSurveys'))),
    status,
    submit);
  const value = id => document.getElementById(id).value.trim();
  const checked = id => document.getElementById(id).checked;

  function body() {
    const b = {
      role: role.value, firstName: value('f-firstName'), lastName: value('f-lastName'), email: value('f-email'),
      language: language.value,
      consent: { dataProcessing: checked('f-consent-dataProcessing'), photos: checked('f-consent-photos'),
        shareWithExhibitors: checked('f-consent-shareWithExhibitors'), surveys: checked('f-consent-surveys') },
    };
    if (value('f-arabicName')) b.arabicName = value('f-arabicName');
    if (value('f-phone')) b.phone = value('f-phone');
    const org = { name: value('f-organisation-name'), type: value('f-organisation-type'),
      region: value('f-organisation-region'), sector: value('f-organisation-sector') };
    if (role.value === 'EXHIBITOR' || Object.values(org).some(Boolean)) {
      b.organisation = Object.fromEntries(Object.entries(org).filter(([, v]) => v));
    }
    return b;
  }

  // What the browser can tell before asking: required fields, the email's shape, the consent.
  function check(b) {
    const errors = [];
    const need = (pointer, v) => { if (!v) errors.push({ pointer, detail: t('required') }); };
    need('/firstName', b.firstName);
    need('/lastName', b.lastName);
    if (!b.email) need('/email', b.email);
    else if (!EMAIL.test(b.email)) errors.push({ pointer: '/email', detail: t('invalidEmail') });
    if (b.role === 'EXHIBITOR') {
      ['name', 'type', 'region', 'sector'].forEach(k => need(`/organisation/${k}`, b.organisation && b.organisation[k]));
    }
    if (!b.consent.dataProcessing) errors.push({ pointer: '/consent/dataProcessing', detail: t('consentRequired') });
    return errors;
  }

  const send = guard(submit, async () => {
    const b = body();
    const errors = check(b);
    if (errors.length) { showErrors(form, summary, errors); return; }
    clearErrors(form, summary);
    say(status, '');
    const json = JSON.stringify(b);
    if (attempt.body !== json) attempt = { body: json, key: newKey() };
    try {
      const { data } = await call('POST', `/fairs/${fairId}/registrations`, { body: b, idempotencyKey: attempt.key });
      access.set(fairId, data.registrationId, data.accessToken);
      attempt = { body: null, key: null };
      sessionStorage.setItem('salon-ess:flash', t('registered'));
      location.assign(`/fairs/${fairId}/registrations/${data.registrationId}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && Array.isArray(e.problem.errors)) {
        showErrors(form, summary, e.problem.errors);
      } else if (e instanceof ApiError && e.status === 409) {
        showErrors(form, summary, [{ pointer: '/email', detail: t('alreadyRegistered') }]);
        summary.append(h('p', {}, link(`/fairs/${fairId}/access`, t('lostAccess'))));
      } else {
        const message = requestFailure(e) || e.problem?.detail || t('serverError');
        say(status, message, 'notice warn');
        status.querySelector('p')?.setAttribute('role', 'alert');
      }
    }
  });
  form.addEventListener('submit', send);
  const showOrg = () => { orgFields.hidden = !['EXHIBITOR', 'PARTICIPANT'].includes(role.value); };
  role.addEventListener('change', showOrg);
  showOrg();
  show(h('h1', {}, `${t('registerTitle')} · ${local(fair.name)}`),
    h('p', {}, link(`/fairs/${fairId}`, t('back'))),
    form);
}
