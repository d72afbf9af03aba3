// What the whole dashboard shares: the session and the environment being looked at.
const ENVIRONMENTS = ['sandbox', 'production'];

export const state = {
  /** {account_id, email} once logged in, else null */
  session: null,
  env: ENVIRONMENTS.includes(localStorage.getItem('qayd.env')) ? localStorage.getItem('qayd.env') : 'sandbox',
};

export function setEnv(env) {
  if (!ENVIRONMENTS.includes(env)) return;
  state.env = env;
  localStorage.setItem('qayd.env', env);
}

export function navigate(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** After log-in: back to where the visitor was sent away from, else the keys. */
export function startSession(session) {
  state.session = session;
  const next = sessionStorage.getItem('qayd.after-login');
  sessionStorage.removeItem('qayd.after-login');
  navigate(next && !next.startsWith('#/login') && !next.startsWith('#/signup') ? next : '#/keys');
}
