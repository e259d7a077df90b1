// What the browser keeps, per fair: the registration id and its access token (never in a URL),
// and the registrant's workshop signups as the API last answered them.
const key = (fairId, what) => `salon-ess:${what}:${fairId}`;

function read(k) {
  try { return JSON.parse(localStorage.getItem(k) || 'null'); } catch { return null; }
}
function write(k, value) {
  try { value === null ? localStorage.removeItem(k) : localStorage.setItem(k, JSON.stringify(value)); } catch { /* private mode */ }
}

export const access = {
  get: fairId => read(key(fairId, 'access')),
  set: (fairId, registrationId, accessToken) => write(key(fairId, 'access'), { registrationId, accessToken }),
  clear: fairId => { write(key(fairId, 'access'), null); write(key(fairId, 'agenda'), null); },
};

export const agenda = {
  get: fairId => read(key(fairId, 'agenda')) || {},
  put: (fairId, signup) => { const a = agenda.get(fairId); a[signup.workshopId] = signup; write(key(fairId, 'agenda'), a); },
  remove: (fairId, workshopId) => { const a = agenda.get(fairId); delete a[workshopId]; write(key(fairId, 'agenda'), a); },
};
