// My registration: my data, my badge (until READY, then its download), the programme to sign up
// and cancel, my agenda with places in line, and erasing my data after a confirmation step.
import { call, download, ApiError } from '../api.js';
import { h, show, link, liveRegion, say } from '../dom.js';
import { t, local, NAMES } from '../i18n.js';
import { access, agenda } from '../store.js';
import { loadFair, fairHeader, workshopItem } from './fair.js';
import { failure, guard, requestFailure } from './common.js';
import { accessForm } from './access.js';

let badgeTimer = null;

export async function render({ fairId, registrationId }) {
  clearTimeout(badgeTimer);
  let fair;
  try {
    fair = await loadFair(fairId);
  } catch (e) {
    failure(e, t('fairNotFound'));
    return;
  }
  const mine = access.get(fairId);
  if (!mine || mine.registrationId !== registrationId) {
    noAccess(fair);
    return;
  }
  let registration;
  let programme;
  try {
    [registration, programme] = await Promise.all([
      call('GET', `/fairs/${fairId}/registrations/${registrationId}`, { token: mine.accessToken }).then(r => r.data),
      call('GET', `/fairs/${fairId}/workshops`).then(r => r.data.workshops)]);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 404)) {
      // A token retired by an access link, or a registration erased elsewhere.
      access.clear(fairId);
      noAccess(fair);
    } else {
      failure(e);
    }
    return;
  }
  const flash = sessionStorage.getItem('salon-ess:flash');
  sessionStorage.removeItem('salon-ess:flash');
  const announce = liveRegion('status');
  const badge = h('div', { id: 'badge', 'aria-live': 'polite' });
  const agendaList = h('div', { id: 'agenda' });
  const programmeList = h('ul', { class: 'programme', id: 'programme' });
  const token = mine.accessToken;

  function drawBadge(b) {
    if (b.status === 'READY' && b.url) {
      badge.replaceChildren(h('p', { class: 'status' }, t('badgeReady')),
        h('p', {}, h('a', { class: 'button', href: b.url, id: 'badge-download', download: `badge-${registrationId}.pdf`, rel: 'noreferrer' }, t('downloadBadge'))));
    } else {
      badge.replaceChildren(h('p', { class: 'status' }, t('badgePending')));
      // Until READY: ask again, a little less often each time.
      let delay = 2000;
      const poll = async () => {
        try {
          const again = await call('GET', `/fairs/${fairId}/registrations/${registrationId}`, { token });
          if (again.data.badge.status === 'READY') { drawBadge(again.data.badge); return; }
        } catch { /* a weak network: keep trying */ }
        delay = Math.min(delay * 1.5, 30000);
        badgeTimer = setTimeout(poll, delay);
      };
      badgeTimer = setTimeout(poll, delay);
    }
  }

  function statusText(signup) {
    return signup.status === 'WAITLISTED' ? t('waitlisted', signup.waitlistPosition) : t('confirmed');
  }

  function drawAgenda() {
    const mineNow = agenda.get(fairId);
    const held = programme.filter(w => mineNow[w.workshopId]);
    agendaList.replaceChildren(held.length === 0 ? h('p', {}, t('agendaEmpty'))
      : h('ul', {}, held.map(w => h('li', {}, h('strong', {}, local(w.title)), ' — ', statusText(mineNow[w.workshopId]),
        certificate(w, mineNow[w.workshopId])))));
    programmeList.replaceChildren(...programme.map(w => workshopItem(w, fair.timeZone, control(w, mineNow[w.workshopId]))));
  }

  async function refreshProgramme() {
    programme = (await call('GET', `/fairs/${fairId}/workshops`)).data.workshops;
  }

  // After a workshop held with a seat, its certificate of attendance (the API says if the door counted us in).
  function certificate(w, signup) {
    if (signup.status !== 'CONFIRMED' || new Date(w.endsAt) > new Date()) return null;
    const button = h('button', { type: 'button', class: 'secondary certificate' }, t('certificate'));
    button.setAttribute('aria-label', `${t('certificate')} : ${local(w.title)}`);
    button.addEventListener('click', guard(button, async () => {
      try {
        const pdf = await download(`/fairs/${fairId}/registrations/${registrationId}/certificates/${w.workshopId}`, token);
        const url = URL.createObjectURL(pdf);
        const a = h('a', { href: url, download: `certificate-${w.workshopId}.pdf`, hidden: true });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      } catch (e) {
        const notAttended = e instanceof ApiError && e.status === 404 && e.problem.type?.endsWith('not-attended');
        say(announce, notAttended ? t('certificateNone') : (requestFailure(e) || t('serverError')), 'notice warn');
      }
    }));
    return h('span', {}, ' ', button);
  }

  function control(w, signup) {
    const button = h('button', { type: 'button', class: signup ? 'secondary' : 'primary' }, signup ? t('cancel') : t('signUp'));
    button.setAttribute('aria-label', `${signup ? t('cancel') : t('signUp')} : ${local(w.title)}`);
    button.addEventListener('click', guard(button, async () => {
      try {
        if (signup) {
          await call('DELETE', `/fairs/${fairId}/workshops/${w.workshopId}/signups/${registrationId}`, { token });
          agenda.remove(fairId, w.workshopId);
          say(announce, `${local(w.title)} : ${t('cancel')} ✓`);
        } else {
          const { data } = await call('POST', `/fairs/${fairId}/workshops/${w.workshopId}/signups`, { token, body: { registrationId } });
          agenda.put(fairId, data);
          say(announce, `${local(w.title)} : ${statusText(data)}`);
        }
        await refreshProgramme();
        drawAgenda();
        document.querySelector(`#w-${w.workshopId} button`)?.focus();
      } catch (e) {
        let message = requestFailure(e);
        if (!message && e instanceof ApiError && e.problem.conflictingWorkshopTitle) message = t('overlap', local(e.problem.conflictingWorkshopTitle));
        else if (!message && e instanceof ApiError && e.problem.code === 'waitlist-full') message = t('waitlistFull');
        say(announce, message || e.problem?.detail || t('serverError'), 'notice warn');
      }
    }));
    return h('p', {}, signup ? h('span', { class: 'status' }, statusText(signup), ' ') : null, button);
  }

  // The agenda as the API knows it: a sign-up again is idempotent and answers the existing signup
  // (200) with today's place in line, so places moved up since the last visit show.
  await Promise.all(Object.keys(agenda.get(fairId)).map(async workshopId => {
    try {
      const { data } = await call('POST', `/fairs/${fairId}/workshops/${workshopId}/signups`, { token, body: { registrationId } });
      agenda.put(fairId, data);
    } catch { /* keep what was known */ }
  }));

  const confirmBox = h('div', { id: 'erase-confirm', hidden: true, class: 'card', role: 'alertdialog', 'aria-labelledby': 'erase-warning' });
  const eraseButton = h('button', { type: 'button', class: 'danger', id: 'erase' }, t('erase'));
  const yes = h('button', { type: 'button', class: 'danger', id: 'erase-yes' }, t('eraseYes'));
  const no = h('button', { type: 'button', class: 'secondary', id: 'erase-no' }, t('eraseNo'));
  confirmBox.append(h('p', { id: 'erase-warning' }, t('eraseWarning')), h('div', { class: 'actions' }, yes, no));
  eraseButton.addEventListener('click', () => { confirmBox.hidden = false; eraseButton.hidden = true; yes.focus(); });
  no.addEventListener('click', () => { confirmBox.hidden = true; eraseButton.hidden = false; eraseButton.focus(); });
  yes.addEventListener('click', guard(yes, async () => {
    try {
      await call('DELETE', `/fairs/${fairId}/registrations/${registrationId}`, { token });
      access.clear(fairId);
      clearTimeout(badgeTimer);
      show(h('h1', {}, t('erased')), h('p', {}, link(`/fairs/${fairId}`, t('back'))));
    } catch (e) {
      say(announce, requestFailure(e) || t('serverError'), 'notice warn');
    }
  }));

  const r = registration;
  const facts = [[t('firstName'), r.firstName], [t('lastName'), r.lastName], [t('arabicName'), r.arabicName],
    [t('email'), r.email], [t('phone'), r.phone], [t('role'), t('roles')[r.role]], [t('language'), NAMES[r.language]],
    [t('orgName'), r.organisation?.name], [t('region'), r.organisation?.region && t('regions')[r.organisation.region]]]
    .filter(([, v]) => v);
  drawBadge(r.badge);
  drawAgenda();
  show(
    ...fairHeader(fair).slice(0, 1),
    flash ? h('p', { class: 'notice', role: 'status' }, flash) : null,
    announce,
    h('h2', {}, t('badge')), badge,
    h('h2', {}, t('agenda')), agendaList,
    h('h2', {}, t('yourData')),
    h('dl', { class: 'facts card', id: 'my-data' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('h2', {}, t('programme')), programmeList,
    h('h2', {}, t('erase')), eraseButton, confirmBox,
    h('p', {}, link(`/fairs/${fairId}`, t('back'))));
  document.title = `${t('myRegistration')} · ${local(fair.name)}`;
}

function noAccess(fair) {
  document.title = `${t('myRegistration')} · ${local(fair.name)}`;
  show(h('h1', {}, t('myRegistration')), h('p', {}, t('noAccess')), accessForm(fair.fairId));
}
