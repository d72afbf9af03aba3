// Log in and sign up. Sign-up creates the account and its first key, shows the key once, then logs in.
import { post } from '../api.js';
import { copyText, field, h, onSubmit, openDialog, announce } from '../dom.js';
import { t } from '../i18n.js';
import { setEnv, startSession } from '../state.js';

async function logIn(email, password) {
  const session = await post('/v1/session', { email, password });
  sessionStorage.setItem('qayd.email', email.trim().toLowerCase());
  startSession({ ...session, email: email.trim().toLowerCase() });
}

export function login(main) {
  const form = onSubmit(h('form', { class: 'card auth-form', novalidate: true, id: 'login-form' },
    field({ name: 'email', label: t('email'), type: 'email', required: true, autocomplete: 'username', dir: 'ltr' }),
    field({ name: 'password', label: t('password'), type: 'password', required: true, autocomplete: 'current-password', dir: 'ltr' }),
    h('button', { type: 'submit', class: 'button primary wide' }, t('log_in'))),
  (body) => logIn(body.email || '', body.password || ''));
  main.append(h('section', { class: 'auth' },
    h('h1', {}, t('log_in_title')),
    h('p', { class: 'lede' }, t('log_in_lede')),
    form,
    h('p', { class: 'switch-auth' }, t('no_account'), ' ', h('a', { href: '#/signup' }, t('sign_up')))));
}

export function signup(main) {
  const form = onSubmit(h('form', { class: 'card auth-form', novalidate: true, id: 'signup-form' },
    field({ name: 'company_name', label: t('company_name'), required: true, autocomplete: 'organization' }),
    field({ name: 'vat_number', label: t('vat_number'), required: true, hint: t('vat_number_hint'), inputmode: 'numeric', maxlength: 15, dir: 'ltr' }),
    field({ name: 'email', label: t('email'), type: 'email', required: true, autocomplete: 'username', dir: 'ltr' }),
    field({ name: 'password', label: t('password'), type: 'password', required: true, autocomplete: 'new-password', hint: t('password_hint'), dir: 'ltr' }),
    field({ name: 'environment', label: t('first_key_environment'), options: [['sandbox', t('sandbox')], ['production', t('production')]], value: 'sandbox' }),
    h('button', { type: 'submit', class: 'button primary wide' }, t('create_account'))),
  async (body) => {
    const account = await post('/v1/onboard', body);
    announce(t('account_created'));
    await showNewKey(account.api_key);
    setEnv(account.api_key.environment);
    await logIn(body.email, body.password);
  });
  main.append(h('section', { class: 'auth' },
    h('h1', {}, t('sign_up_title')),
    h('p', { class: 'lede' }, t('sign_up_lede')),
    form,
    h('p', { class: 'switch-auth' }, t('have_account'), ' ', h('a', { href: '#/login' }, t('log_in')))));
}

/** The whole key, once, with a copy button. Resolves when the dialog is closed. */
export function showNewKey(key) {
  const inputId = 'new-key-value';
  const status = h('p', { class: 'copy-status', role: 'status' });
  const input = h('input', { id: inputId, class: 'key-value', readonly: true, value: key.key, dir: 'ltr', spellcheck: 'false' });
  const copy = h('button', {
    type: 'button', class: 'button secondary', id: 'copy-key',
    onclick: async () => {
      const copied = await copyText(key.key);
      status.textContent = copied ? t('copied') : t('copy_failed');
      if (!copied) input.select();
    },
  }, t('copy'));
  return openDialog({
    title: t('new_key_title', { name: key.name }),
    className: 'new-key-dialog',
    body: h('div', {},
      h('p', { class: 'warning' }, t('new_key_once')),
      h('label', { for: inputId }, t('api_key_label', { env: t(key.environment) })),
      h('div', { class: 'copy-row' }, input, copy),
      status),
    actions: [h('button', { value: 'done', class: 'button primary', id: 'new-key-done' }, t('key_saved'))],
  });
}
