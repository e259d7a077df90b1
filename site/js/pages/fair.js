// The fair page: name, dates, city and venue, and the programme with seats left and the
// waiting list's length; links to register, to one's registration, and to get access back.
import { call } from '../api.js';
import { h, show, link } from '../dom.js';
import { t, local, formatDate, formatTime, formatDateTime } from '../i18n.js';
import { access } from '../store.js';
import { failure } from './common.js';

export async function loadFair(fairId) {
  return (await call('GET', `/fairs/${fairId}`)).data;
}

export function fairHeader(fair) {
  document.title = `${local(fair.name)} · Salon ESS`;
  return [
    h('h1', {}, local(fair.name)),
    h('dl', { class: 'facts card' },
      h('dt', {}, t('dates')), h('dd', {}, fair.startDate === fair.endDate ? formatDate(fair.startDate)
        : `${formatDate(fair.startDate)} – ${formatDate(fair.endDate)}`),
      h('dt', {}, t('city')), h('dd', {}, fair.city),
      h('dt', {}, t('venue')), h('dd', {}, fair.venue)),
  ];
}

/** One workshop of the programme; `extra` adds the registrant's own controls. */
export function workshopItem(w, timeZone, extra) {
  const waiting = t('waiting', w.waitlistLength);
  return h('li', { id: `w-${w.workshopId}` },
    h('h3', {}, local(w.title)),
    h('p', {}, h('time', { datetime: w.startsAt }, formatDateTime(w.startsAt, timeZone)), ' – ',
      h('time', { datetime: w.endsAt }, formatTime(w.endsAt, timeZone)), ` · ${t('room')} ${w.room}`),
    w.description ? h('p', { class: 'muted' }, local(w.description)) : null,
    h('p', {}, h('span', { class: 'seats' }, t('seatsLeft', w.seatsLeft)), waiting ? ` · ${waiting}` : '',
      ' · ', h('span', { class: 'muted' }, `${t('inLanguage')}: ${w.language.toUpperCase()}`)),
    extra || null);
}

export async function render({ fairId }) {
  try {
    const [fair, programme] = await Promise.all([loadFair(fairId), call('GET', `/fairs/${fairId}/workshops`)]);
    const mine = access.get(fairId);
    const workshops = programme.data.workshops;
    show(
      ...fairHeader(fair),
      h('div', { class: 'actions' },
        mine ? link(`/fairs/${fairId}/registrations/${mine.registrationId}`, t('myRegistration'), 'button')
          : link(`/fairs/${fairId}/register`, t('register'), 'button'),
        link(`/fairs/${fairId}/access`, t('lostAccess'), 'button secondary')),
      h('h2', {}, t('programme')),
      workshops.length === 0 ? h('p', {}, t('noWorkshops'))
        : h('ul', { class: 'programme' }, workshops.map(w => workshopItem(w, fair.timeZone))));
  } catch (e) {
    failure(e, t('fairNotFound'));
  }
}
