// EGS units of the current environment: register with an OTP, watch onboarding live, renew, restart.
import { get, post, query } from '../api.js';
import { announce, emptyState, field, h, onSubmit, statusBadge, table, time } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { navigate, state } from '../state.js';

const POLL_MS = 1500;
/** Units registered in this page: the read side may take a moment to show them. */
const justRegistered = new Set();

export async function list(main) {
  const env = state.env;
  main.append(h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, t('units_title')),
      h('p', { class: 'lede' }, t('units_lede', { env: t(`${env}_word`) }))),
    h('a', { class: 'button primary', href: '#/units/new', id: 'new-unit' }, t('register_unit'))));
  const body = h('div', { class: 'list-body' }, h('p', { class: 'loading' }, t('loading')));
  main.append(body);

  const seen = new Map();
  let timer = null;
  async function refresh() {
    const units = (await get(`/v1/egs${query({ environment: env })}`)).data;
    for (const unit of units) {
      const before = seen.get(unit.id);
      if (before && before !== unit.onboarding_status) announceStatus(unit);
      seen.set(unit.id, unit.onboarding_status);
    }
    body.replaceChildren(units.length ? render(units) : emptyState(t('no_units'), t('no_units_text', { env: t(`${env}_word`) }),
      h('a', { class: 'button primary', href: '#/units/new' }, t('register_unit'))));
    if (units.some((u) => u.onboarding_status === 'pending')) timer = setTimeout(poll, POLL_MS);
  }
  async function poll() {
    try {
      await refresh();
    } catch {
      timer = setTimeout(poll, POLL_MS * 2);
    }
  }
  await refresh();
  return () => clearTimeout(timer);
}

function render(units) {
  return table({
    caption: t('units_title'),
    rows: units,
    rowAttrs: (unit) => ({ dataset: { unitId: unit.id, status: unit.onboarding_status } }),
    columns: [
      { label: t('unit_name'), cell: (u) => h('a', { href: `#/units/${u.id}`, class: 'strong' }, u.name) },
      { label: t('onboarding_status'), cell: (u) => statusBadge(u.onboarding_status) },
      { label: t('invoice_types'), cell: (u) => t(`types_${u.invoice_types}`) },
      { label: t('branch'), cell: (u) => u.branch },
      { label: t('serial_number'), cell: (u) => h('code', { dir: 'ltr', class: 'wrap' }, u.serial_number) },
      { label: t('created'), cell: (u) => time(u.created_at) },
    ],
  });
}

function announceStatus(unit) {
  const reason = failureReason(unit);
  announce(t(`unit_now_${unit.onboarding_status}`, { name: unit.name }) + (reason ? ` ${reason}` : ''));
}

/** ZATCA's reason for a failed onboarding, in whichever shape the API gives it. */
function failureReason(unit) {
  const failure = unit.onboarding_failure || unit.failure || null;
  return unit.failure_reason || failure?.reason || null;
}

function failureMessages(unit) {
  const failure = unit.onboarding_failure || unit.failure || null;
  return failure?.messages || unit.zatca_messages || [];
}

export function create(main) {
  const env = state.env;
  const form = onSubmit(h('form', { class: 'card unit-form', novalidate: true, id: 'unit-form' },
    h('fieldset', {},
      h('legend', {}, t('unit_section_basics')),
      h('div', { class: 'grid' },
        field({ name: 'name', label: t('unit_name'), required: true, hint: t('unit_name_hint'), maxlength: 200 }),
        field({
          name: 'otp', label: t('otp'), required: true, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code', dir: 'ltr',
          hint: env === 'sandbox' ? t('otp_hint_sandbox') : t('otp_hint_production'),
        }),
        field({ name: 'invoice_types', label: t('invoice_types'), required: true, value: 'both',
          options: [['both', t('types_both')], ['standard', t('types_standard')], ['simplified', t('types_simplified')]] }),
        field({ name: 'serial_number', label: t('serial_number'), required: true, hint: t('serial_number_hint'), dir: 'ltr', maxlength: 64 }),
        field({ name: 'model', label: t('model'), required: true, maxlength: 64 }),
        field({ name: 'branch', label: t('branch'), required: true, hint: t('branch_hint'), maxlength: 64 }),
        field({ name: 'commercial_registration_number', label: t('crn'), required: true, inputmode: 'numeric', maxlength: 10, hint: t('crn_hint'), dir: 'ltr' }),
        field({ name: 'location', label: t('location'), required: true, hint: t('location_hint'), maxlength: 64 }),
        field({ name: 'industry', label: t('industry'), required: true, maxlength: 64 }))),
    h('fieldset', {},
      h('legend', {}, t('unit_section_address')),
      h('div', { class: 'grid' },
        field({ name: 'address.street', label: t('street'), required: true, autocomplete: 'address-line1' }),
        field({ name: 'address.building_number', label: t('building_number'), required: true, inputmode: 'numeric', maxlength: 4, dir: 'ltr' }),
        field({ name: 'address.district', label: t('district'), required: true }),
        field({ name: 'address.city', label: t('city'), required: true, autocomplete: 'address-level2' }),
        field({ name: 'address.postal_code', label: t('postal_code'), required: true, inputmode: 'numeric', maxlength: 5, autocomplete: 'postal-code', dir: 'ltr' }),
        field({ name: 'address.country', label: t('country'), required: true, value: 'SA', maxlength: 2, dir: 'ltr' }))),
    h('details', { class: 'more' },
      h('summary', {}, t('unit_section_optional')),
      h('div', { class: 'grid' },
        field({ name: 'organisation_name', label: t('organisation_name'), hint: t('organisation_name_hint'), maxlength: 64 }),
        field({ name: 'vat_number', label: t('vat_number'), hint: t('unit_vat_hint'), inputmode: 'numeric', maxlength: 15, dir: 'ltr' }),
        field({ name: 'solution_name', label: t('solution_name'), hint: t('solution_name_hint'), maxlength: 64 }))),
    h('div', { class: 'form-actions' },
      h('a', { href: '#/units', class: 'button secondary' }, t('cancel')),
      h('button', { type: 'submit', class: 'button primary' }, t('register_unit_in', { env: t(`${env}_word`) })))),
  async (body) => {
    const unit = await post('/v1/egs', { ...body, environment: env });
    justRegistered.add(unit.id);
    announce(t('unit_registered', { name: unit.name }));
    navigate(`#/units/${unit.id}`);
  });
  main.append(h('div', { class: 'page-head' },
    h('div', {},
      h('p', { class: 'crumbs' }, h('a', { href: '#/units' }, t('units_title'))),
      h('h1', {}, t('register_unit_title', { env: t(`${env}_word`) })),
      h('p', { class: 'lede' }, t('register_unit_lede')))),
  form);
}

export async function detail(main, id) {
  let unit;
  try {
    unit = await readUnit(id);
  } catch (error) {
    main.append(h('h1', {}, t('unit_not_found')), h('p', {}, error.detail), h('a', { href: '#/units' }, t('back_to_units')));
    return null;
  }
  if (unit.environment !== state.env) {
    navigate('#/units');
    return null;
  }
  const statusSlot = h('span', { id: 'unit-status' });
  const failureSlot = h('div', { id: 'unit-failure' });
  const actionSlot = h('div', { id: 'unit-actions' });
  main.append(
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'crumbs' }, h('a', { href: '#/units' }, t('units_title'))),
        h('h1', {}, unit.name),
        h('p', { class: 'lede' }, t('onboarding_status'), ': ', statusSlot))),
    failureSlot,
    warningBox(unit) || '',
    h('section', { class: 'card', 'aria-labelledby': 'unit-facts' },
      h('h2', { id: 'unit-facts' }, t('unit_details')),
      facts([
        [t('environment'), t(unit.environment)],
        [t('invoice_types'), t(`types_${unit.invoice_types}`)],
        [t('serial_number'), h('code', { dir: 'ltr', class: 'wrap' }, unit.serial_number)],
        [t('model'), unit.model],
        [t('branch'), unit.branch],
        [t('organisation_name'), unit.organisation_name],
        [t('vat_number'), unit.vat_number && h('span', { dir: 'ltr' }, unit.vat_number)],
        [t('crn'), h('span', { dir: 'ltr' }, unit.commercial_registration_number)],
        [t('location'), unit.location],
        [t('industry'), unit.industry],
        [t('address'), formatAddress(unit.address)],
        [t('created'), time(unit.created_at)],
        [t('onboarded'), h('span', { id: 'unit-onboarded' }, time(unit.onboarded_at))],
        [t('certificate_serial'), h('code', { dir: 'ltr', class: 'wrap', id: 'unit-certificate' }, unit.certificate_serial || '—')],
        [t('certificate_expires'), h('span', { id: 'unit-certificate-expires' }, time(unit.certificate_expires_at))],
        [t('certificate_renewal'), h('span', { id: 'unit-renewal', role: 'status' }, renewalText(unit.certificate_renewal))],
        [t('unit_id'), h('code', { dir: 'ltr', class: 'wrap' }, unit.id)],
      ])),
    actionSlot);

  let timer = null;
  let shownStatus = null;
  let shownSerial = unit.certificate_serial;
  function showCertificate(current) {
    document.getElementById('unit-certificate').textContent = current.certificate_serial || '—';
    document.getElementById('unit-certificate-expires').replaceChildren(time(current.certificate_expires_at));
    document.getElementById('unit-renewal').textContent = renewalText(current.certificate_renewal);
    if (shownSerial && current.certificate_serial && current.certificate_serial !== shownSerial) {
      announce(t('renewed', { serial: current.certificate_serial, expires: formatDateTime(current.certificate_expires_at) }));
    }
    shownSerial = current.certificate_serial;
  }
  function show(current) {
    showCertificate(current);
    if (current.onboarding_status === shownStatus) return;
    // announce changes seen here, and the outcome of a unit registered a moment ago even if it came before the page did
    const settled = current.onboarding_status !== 'pending';
    if (shownStatus || (settled && justRegistered.has(id))) announceStatus(current);
    if (settled) justRegistered.delete(id);
    shownStatus = current.onboarding_status;
    statusSlot.replaceChildren(statusBadge(current.onboarding_status),
      ...(current.onboarding_status === 'pending' ? [h('span', { class: 'spinner', 'aria-hidden': 'true' })] : []));
    document.getElementById('unit-onboarded').replaceChildren(time(current.onboarded_at));
    failureSlot.replaceChildren(...(current.onboarding_status === 'failed' ? [failureBox(current)] : []));
    actionSlot.replaceChildren(...actions(current));
  }
  async function poll() {
    try {
      unit = await get(`/v1/egs/${id}`);
      show(unit);
    } catch {
      // keep watching; a blip should not stop the live status
    }
    if (waitingForZatca(unit)) timer = setTimeout(poll, POLL_MS);
  }
  show(unit);
  if (waitingForZatca(unit)) timer = setTimeout(poll, POLL_MS);

  function actions(current) {
    if (current.onboarding_status === 'active') {
      return [otpForm({
        id: 'renew-form', title: t('renew_title'), text: t('renew_text'), button: t('renew'),
        action: async (otp) => {
          await post(`/v1/egs/${id}/renew`, { otp });
          const message = t('renewal_requested');
          unit = { ...current, certificate_renewal: { status: 'pending' } };
          showCertificate(unit);
          announce(message);
          clearTimeout(timer);
          timer = setTimeout(poll, POLL_MS);
          return message;
        },
      })];
    }
    if (current.onboarding_status === 'failed') {
      return [otpForm({
        id: 'restart-form', title: t('restart_title'), text: t('restart_text'), button: t('restart'),
        action: async (otp) => {
          await post(`/v1/egs/${id}/onboarding`, { otp });
          announce(t('restarted', { name: current.name }));
          shownStatus = null;
          unit = { ...current, onboarding_status: 'pending' };
          show(unit);
          clearTimeout(timer);
          timer = setTimeout(poll, POLL_MS);
          return null;
        },
      })];
    }
    return [h('p', { class: 'card muted', id: 'pending-note' }, t('pending_note'))];
  }
  return () => clearTimeout(timer);
}

/** A unit registered a moment ago is "not found" until its view is written: wait for it a little. */
async function readUnit(id) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await get(`/v1/egs/${id}`);
    } catch (error) {
      if (error.status !== 404 || !justRegistered.has(id) || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Onboarding, or a certificate renewal, still with ZATCA: the page keeps watching. */
function waitingForZatca(unit) {
  return unit.onboarding_status === 'pending' || unit.certificate_renewal?.status === 'pending';
}

function renewalText(renewal) {
  if (!renewal) return '—';
  return renewal.status === 'pending' ? t('renewal_pending') : t('renewal_failed', { reason: renewal.reason || '—' });
}

function warningBox(unit) {
  const warnings = unit.warnings || [];
  if (!warnings.length) return null;
  return h('div', { class: 'alert warn', id: 'unit-warnings' },
    h('h2', {}, t('unit_warnings')),
    h('ul', {}, warnings.map((w) => h('li', {}, w.message))));
}

function failureBox(unit) {
  const reason = failureReason(unit);
  const messages = failureMessages(unit);
  const step = unit.onboarding_failure?.step;
  return h('div', { class: 'alert danger', role: 'alert', id: 'failure-box' },
    h('h2', {}, t('onboarding_failed_title')),
    step ? h('p', { class: 'failure-step' }, t('failed_step', { step: t(`step_${step}`, {}, step) }),
      unit.onboarding_failure.failed_at ? [' · ', time(unit.onboarding_failure.failed_at)] : null) : null,
    h('p', { id: 'failure-reason' }, reason || t('onboarding_failed_no_reason')),
    messages.length ? h('ul', { class: 'messages' }, messages.map(zatcaMessage)) : null);
}

export function zatcaMessage(m) {
  return h('li', { class: `message message-${(m.type || '').toLowerCase()}` },
    h('span', { class: 'badge' }, m.type || '—'), ' ',
    m.code ? h('code', { dir: 'ltr' }, m.code) : null, ' ',
    h('span', {}, m.message), m.status && m.status !== m.type ? h('span', { class: 'muted' }, ` (${m.status})`) : null);
}

function otpForm({ id, title, text, button, action }) {
  const result = h('p', { class: 'result', role: 'status' });
  const form = onSubmit(h('form', { class: 'card otp-form', id, novalidate: true },
    h('h2', {}, title),
    h('p', { class: 'muted' }, text),
    h('div', { class: 'inline-fields' },
      field({ name: 'otp', label: t('otp'), required: true, inputmode: 'numeric', maxlength: 6, autocomplete: 'one-time-code', dir: 'ltr',
        hint: state.env === 'sandbox' ? t('otp_hint_sandbox') : t('otp_hint_production') }),
      h('button', { type: 'submit', class: 'button primary' }, button)),
    result),
  async (body) => {
    result.textContent = '';
    const message = await action(body.otp ?? '');
    if (message && document.contains(result)) result.textContent = message;
    form.reset();
  });
  return form;
}

export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))));
}

function formatAddress(a) {
  if (!a) return '—';
  return [a.building_number && `${a.building_number} ${a.street}`, a.district, [a.postal_code, a.city].filter(Boolean).join(' '), a.country]
    .filter(Boolean).join(', ');
}
