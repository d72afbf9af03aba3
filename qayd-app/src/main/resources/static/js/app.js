// Boot and routing: hash routes, the session check, the environment and language switches.
import { del, get, onUnauthorized } from './api.js';
import { announce } from './dom.js';
import { applyStaticText, lang, setLang, t } from './i18n.js';
import { navigate, setEnv, state } from './state.js';
import * as auth from './views/auth.js';
import * as invoices from './views/invoices.js';
import * as keys from './views/keys.js';
import * as units from './views/units.js';

const routes = [
  { pattern: /^#\/login$/, view: auth.login, open: true },
  { pattern: /^#\/signup$/, view: auth.signup, open: true },
  { pattern: /^#\/keys$/, view: keys.list, section: 'keys' },
  { pattern: /^#\/units$/, view: units.list, section: 'units' },
  { pattern: /^#\/units\/new$/, view: units.create, section: 'units' },
  { pattern: /^#\/units\/([0-9a-f-]{36})$/, view: units.detail, section: 'units', detail: true },
  { pattern: /^#\/invoices$/, view: invoices.list, section: 'invoices' },
  { pattern: /^#\/invoices\/([0-9a-f-]{36})$/, view: invoices.detail, section: 'invoices', detail: true },
];

const main = document.getElementById('main');
let cleanup = null;
let lastHash = null;

async function render() {
  const hash = location.hash || '#/';
  const route = routes.find((r) => r.pattern.test(hash));
  if (!route) {
    navigate(state.session ? '#/keys' : '#/login');
    return;
  }
  if (!route.open && !state.session) {
    sessionStorage.setItem('qayd.after-login', hash);
    navigate('#/login');
    return;
  }
  if (route.open && state.session) {
    navigate('#/keys');
    return;
  }
  if (cleanup) cleanup();
  cleanup = null;
  updateChrome(route);
  const params = hash.match(route.pattern).slice(1);
  const fresh = hash !== lastHash;
  lastHash = hash;
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    cleanup = (await route.view(main, ...params)) || null;
  } finally {
    main.removeAttribute('aria-busy');
  }
  const heading = main.querySelector('h1');
  document.title = `${heading ? heading.textContent : 'Qayd'} · Qayd`;
  if (fresh && heading && document.activeElement === document.body) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function updateChrome(route) {
  const loggedIn = Boolean(state.session);
  document.getElementById('nav').hidden = !loggedIn;
  document.getElementById('env-switch').hidden = !loggedIn;
  document.getElementById('logout').hidden = !loggedIn;
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.route === route.section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  for (const button of document.querySelectorAll('#env-switch button')) {
    button.setAttribute('aria-pressed', String(button.dataset.env === state.env));
  }
  document.body.dataset.env = loggedIn ? state.env : '';
  const banner = document.getElementById('env-banner');
  banner.hidden = !loggedIn;
  banner.textContent = state.env === 'production' ? t('banner_production') : t('banner_sandbox');
}

function endSession() {
  state.session = null;
  sessionStorage.removeItem('qayd.email');
  navigate('#/login');
}

document.getElementById('env-switch').addEventListener('click', (event) => {
  const button = event.target.closest('button[data-env]');
  if (!button || button.dataset.env === state.env) return;
  setEnv(button.dataset.env);
  announce(t('env_switched', { env: t(state.env) }));
  // a unit or invoice belongs to one environment: go back to the list of the new one
  const route = routes.find((r) => r.pattern.test(location.hash));
  if (route?.detail) navigate(`#/${route.section}`);
  else render();
});

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang() === 'ar' ? 'en' : 'ar');
  applyStaticText();
  render();
});

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await del('/v1/session');
  } catch {
    // the session may already be gone; either way we are logged out
  }
  endSession();
  announce(t('logged_out'));
});

onUnauthorized(() => {
  if (state.session) {
    sessionStorage.setItem('qayd.after-login', location.hash);
    endSession();
  }
});

window.addEventListener('hashchange', render);

async function boot() {
  applyStaticText();
  try {
    const session = await get('/v1/session');
    state.session = { ...session, email: sessionStorage.getItem('qayd.email') };
  } catch {
    state.session = null;
  }
  render();
}

boot();
