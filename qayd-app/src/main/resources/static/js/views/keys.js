// API keys of the current environment: create (shown once), list masked, revoke, default EGS unit.
import { del, get, patch, post, query } from '../api.js';
import { announce, clearProblem, confirmDialog, emptyState, field, h, onSubmit, showProblem, statusBadge, table, time } from '../dom.js';
import { t } from '../i18n.js';
import { state } from '../state.js';
import { showNewKey } from './auth.js';

export async function list(main) {
  const env = state.env;
  const heading = h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, t('keys_title')),
      h('p', { class: 'lede' }, t('keys_lede', { env: t(`${env}_word`) }))));
  const createForm = onSubmit(h('form', { class: 'card inline-form', novalidate: true, id: 'create-key-form' },
    h('h2', {}, t('create_key')),
    h('div', { class: 'inline-fields' },
      field({ name: 'name', label: t('key_name'), required: true, hint: t('key_name_hint'), maxlength: 100 }),
      h('button', { type: 'submit', class: 'button primary' }, t('create_key_button', { env: t(`${env}_word`) })))),
  async (body) => {
    const key = await post('/v1/api-keys', { name: body.name ?? '', environment: env });
    createForm.reset();
    await showNewKey(key);
    await refresh();
    announce(t('key_created', { name: key.name }));
  });
  const listing = h('section', { 'aria-labelledby': 'keys-list-title' }, h('h2', { id: 'keys-list-title' }, t('keys_list_title', { env: t(env) })));
  const body = h('div', { class: 'list-body' }, h('p', { class: 'loading' }, t('loading')));
  listing.append(body);
  main.append(heading, createForm, listing);

  async function refresh() {
    const [keys, units] = await Promise.all([
      get(`/v1/api-keys${query({ environment: env })}`),
      get(`/v1/egs${query({ environment: env })}`),
    ]);
    body.replaceChildren(render(keys.data, units.data));
  }

  function render(keys, units) {
    if (!keys.length) return emptyState(t('no_keys'), t('no_keys_text'));
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return table({
      caption: t('keys_list_title', { env: t(env) }),
      rows: keys,
      rowAttrs: (key) => ({ dataset: { keyId: key.id, status: key.status } }),
      columns: [
        { label: t('key_name'), cell: (key) => h('span', { class: 'strong' }, key.name) },
        { label: t('key'), cell: (key) => h('code', { class: 'masked', dir: 'ltr' }, key.masked_key) },
        { label: t('status'), cell: (key) => statusBadge(key.status) },
        { label: t('created'), cell: (key) => time(key.created_at) },
        {
          label: t('default_unit'),
          className: 'cell-default',
          cell: (key) => (key.status === 'active' ? defaultUnitForm(key, units) : (unitName.get(key.default_egs_unit_id) || '—')),
        },
        {
          label: t('actions'),
          className: 'cell-actions',
          cell: (key) => (key.status === 'active'
            ? h('button', { type: 'button', class: 'button danger small revoke', onclick: () => revoke(key) }, t('revoke'),
              h('span', { class: 'visually-hidden' }, ` ${key.name}`))
            : time(key.revoked_at)),
        },
      ],
    });
  }

  /** Only units of the key's own environment are offered (the listing is already scoped to it). */
  function defaultUnitForm(key, units) {
    const options = [['', t('no_default_unit')], ...units.map((u) => [u.id, `${u.name} (${t(`status_${u.onboarding_status}`)})`])];
    const select = field({ name: 'default_egs_unit_id', label: t('default_unit_for', { name: key.name }), options, value: key.default_egs_unit_id || '' });
    select.querySelector('label').classList.add('visually-hidden');
    const form = h('form', { class: 'default-unit-form', novalidate: true },
      select,
      h('button', { type: 'submit', class: 'button secondary small' }, t('save'),
        h('span', { class: 'visually-hidden' }, ` ${t('default_unit_for', { name: key.name })}`)));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearProblem(form);
      const unitId = form.elements.default_egs_unit_id.value || null;
      try {
        await patch(`/v1/api-keys/${key.id}`, { default_egs_unit_id: unitId });
        key.default_egs_unit_id = unitId;
        const message = unitId
          ? t('default_set', { name: key.name, unit: units.find((u) => u.id === unitId)?.name })
          : t('default_cleared', { name: key.name });
        form.dataset.saved = unitId || 'none';
        announce(message);
        flash(form, t('saved'));
      } catch (error) {
        showProblem(form, error);
      }
    });
    return form;
  }

  async function revoke(key) {
    const confirmed = await confirmDialog({
      title: t('revoke_title', { name: key.name }),
      message: t('revoke_text'),
      confirmLabel: t('revoke'),
    });
    if (!confirmed) return;
    try {
      await del(`/v1/api-keys/${key.id}`);
      announce(t('key_revoked', { name: key.name }));
      await refresh();
    } catch (error) {
      announce(error.detail);
      body.prepend(h('div', { class: 'form-error', role: 'alert' }, error.detail));
    }
  }

  await refresh();
}

function flash(form, message) {
  form.querySelector('.saved')?.remove();
  const note = h('span', { class: 'saved' }, '✓ ', message);
  form.append(note);
  setTimeout(() => note.remove(), 4000);
}
