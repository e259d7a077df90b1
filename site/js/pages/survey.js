// The survey: the questionnaire of GET /surveys/{token}, in the registrant's language, posted once.
// The token comes from the path (links already sent) or from the fragment (kept out of logs).
import { call, ApiError } from '../api.js';
import { h, show, liveRegion, say } from '../dom.js';
import { t, setLang } from '../i18n.js';
import { failure, guard, requestFailure } from './common.js';
import { field, showErrors, clearErrors, errorSummary, fieldId } from './form.js';

let languageApplied = false;

export async function render({ token }) {
  const secret = token || (location.hash.length > 1 ? location.hash.slice(1) : null);
  if (!secret) { show(h('h1', {}, t('surveyTitle')), h('p', { role: 'alert' }, t('surveyInvalid'))); return; }
  let q;
  try {
    q = (await call('GET', `/surveys/${encodeURIComponent(secret)}`)).data;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      show(h('h1', {}, t('surveyTitle')), h('p', { class: 'notice warn', role: 'alert', id: 'survey-invalid' }, t('surveyInvalid')));
    } else failure(e);
    return;
  }
  if (!languageApplied) {
    // The invitation was written in the registrant's language: the page starts in it too.
    languageApplied = true;
    if (!localStorage.getItem('salon-ess:lang')) { setLang(q.language, false); document.querySelectorAll('#langs button').forEach(b => b.setAttribute('aria-pressed', String(b.lang === q.language))); }
  }
  document.title = `${t('surveyTitle')} · ${q.fair.name}`;
  if (q.answered) {
    show(h('h1', {}, `${t('surveyTitle')} · ${q.fair.name}`), h('p', { class: 'notice', id: 'survey-answered' }, t('surveyAnswered')));
    return;
  }
  const summary = errorSummary();
  const status = liveRegion('survey-status');
  const submit = h('button', { type: 'submit', class: 'primary', id: 'survey-send' }, t('surveySend'));
  const form = h('form', { novalidate: true, id: 'survey-form' }, summary, q.questions.map(question), status, submit);
  form.addEventListener('submit', guard(submit, async () => {
    const answers = collect(q.questions);
    const missing = q.questions.filter(x => x.required && answers[x.id] === undefined)
      .map(x => ({ pointer: `/${x.id}`, detail: t('required') }));
    if (missing.length) { showErrors(form, summary, missing); return; }
    clearErrors(form, summary);
    try {
      await call('POST', `/surveys/${encodeURIComponent(secret)}`, { body: answers });
      show(h('h1', {}, t('surveyTitle')), h('p', { class: 'notice', id: 'survey-thanks' }, t('surveyThanks')));
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        show(h('h1', {}, t('surveyTitle')), h('p', { class: 'notice', id: 'survey-answered' }, t('surveyAnswered')));
      } else if (e instanceof ApiError && e.status === 400 && Array.isArray(e.problem.errors)) {
        showErrors(form, summary, e.problem.errors);
      } else {
        say(status, requestFailure(e) || e.problem?.detail || t('serverError'), 'notice warn');
      }
    }
  }));
  show(h('h1', {}, `${t('surveyTitle')} · ${q.fair.name}`), form);
}

function choices(name, options, labelledBy) {
  return h('div', { class: 'scale', role: 'radiogroup', 'aria-labelledby': labelledBy },
    options.map(([value, text]) => h('label', {}, h('input', { type: 'radio', name, value }), text)));
}

function question(x) {
  const id = fieldId(`/${x.id}`);
  const label = x.required ? x.label : `${x.label} ${t('optional')}`;
  if (x.type === 'scale' || x.type === 'boolean') {
    const options = x.type === 'scale'
      ? Array.from({ length: (x.max || 5) - (x.min || 1) + 1 }, (_, i) => [String((x.min || 1) + i), String((x.min || 1) + i)])
      : [['true', t('yes')], ['false', t('no')]];
    return h('fieldset', { id, tabindex: '-1', 'aria-describedby': `${id}-error` }, h('legend', { id: `${id}-legend` }, label),
      h('p', { class: 'error', id: `${id}-error` }), choices(x.id, options, `${id}-legend`));
  }
  if (x.type === 'integer') return field(`/${x.id}`, label, h('input', { type: 'number', min: x.min ?? 0, max: x.max, inputmode: 'numeric' }));
  if (x.type === 'text') return field(`/${x.id}`, label, h('textarea', { rows: 4, maxlength: x.maxLength || 2000 }));
  if (x.type === 'workshops') {
    return h('fieldset', { id }, h('legend', {}, label), (x.workshops || []).map(w => h('div', { class: 'card', 'data-workshop': w.workshopId },
      h('p', {}, h('strong', {}, w.title)),
      h('div', { class: 'check' }, h('input', { type: 'checkbox', id: `att-${w.workshopId}` }), h('label', { for: `att-${w.workshopId}` }, t('attended'))),
      h('div', { class: 'field' }, h('label', { for: `use-${w.workshopId}` }, t('usefulness')),
        h('select', { id: `use-${w.workshopId}` }, h('option', { value: '' }, '—'), [1, 2, 3, 4, 5].map(n => h('option', { value: String(n) }, String(n))))))));
  }
  return h('p', {}, label);
}

function collect(questions) {
  const answers = {};
  for (const x of questions) {
    if (x.type === 'scale') {
      const v = document.querySelector(`input[name="${x.id}"]:checked`)?.value;
      if (v) answers[x.id] = Number(v);
    } else if (x.type === 'boolean') {
      const v = document.querySelector(`input[name="${x.id}"]:checked`)?.value;
      if (v) answers[x.id] = v === 'true';
    } else if (x.type === 'integer') {
      const v = document.getElementById(fieldId(`/${x.id}`)).value;
      if (v !== '') answers[x.id] = Number(v);
    } else if (x.type === 'text') {
      const v = document.getElementById(fieldId(`/${x.id}`)).value.trim();
      if (v) answers[x.id] = v;
    } else if (x.type === 'workshops') {
      const list = (x.workshops || []).map(w => {
        const attended = document.getElementById(`att-${w.workshopId}`).checked;
        const use = document.getElementById(`use-${w.workshopId}`).value;
        return attended ? { workshopId: w.workshopId, attended, ...(use ? { usefulness: Number(use) } : {}) } : { workshopId: w.workshopId, attended };
      });
      if (list.length) answers[x.id] = list;
    }
  }
  return answers;
}
