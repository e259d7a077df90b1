// Fields with their labels, hints and error slots, and the error summary that takes the focus.
// A field's id is "f-" and its JSON pointer's segments joined by "-", so the API's problem
// (errors[].pointer) finds the field it names.
import { h } from '../dom.js';
import { t } from '../i18n.js';

export const fieldId = pointer => `f${pointer.replaceAll('/', '-')}`;

export function field(pointer, label, control, hint) {
  const id = fieldId(pointer);
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.id = id;
  control.setAttribute('aria-describedby', described);
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'error', id: `${id}-error` }),
    control);
}

export function checkbox(pointer, label, checked) {
  const id = fieldId(pointer);
  return h('div', { class: 'field' },
    h('p', { class: 'error', id: `${id}-error` }),
    h('div', { class: 'check' },
      h('input', { type: 'checkbox', id, checked: !!checked, 'aria-describedby': `${id}-error` }),
      h('label', { for: id }, label)));
}

export function select(options, placeholder) {
  const el = h('select', {});
  if (placeholder) el.append(h('option', { value: '' }, placeholder));
  for (const [value, text] of options) el.append(h('option', { value }, text));
  return el;
}

export function clearErrors(form, summary) {
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.error').forEach(el => { el.textContent = ''; });
  summary.replaceChildren();
  summary.hidden = true;
}

/**
 * Shows each error next to its field and lists them in the summary, which takes the focus.
 * @param errors [{pointer, detail}]
 */
export function showErrors(form, summary, errors, title) {
  clearErrors(form, summary);
  const items = [];
  for (const error of errors) {
    const id = fieldId(error.pointer || '');
    const control = error.pointer ? document.getElementById(id) : null;
    const slot = control ? document.getElementById(`${id}-error`) : null;
    if (control && slot) {
      control.setAttribute('aria-invalid', 'true');
      slot.textContent = error.detail;
      const label = form.querySelector(`label[for="${id}"]`)?.textContent || error.pointer;
      items.push(h('li', {}, h('a', { href: `#${id}`, onclick: e => { e.preventDefault(); control.focus(); } }, `${label} : ${error.detail}`)));
    } else {
      items.push(h('li', {}, error.detail));
    }
  }
  summary.hidden = false;
  summary.replaceChildren(h('h2', {}, title || t('summaryTitle', errors.length)), h('ul', {}, items));
  summary.focus();
}

export function errorSummary() {
  return h('div', { class: 'summary', id: 'summary', tabindex: '-1', role: 'alert', hidden: true });
}
