// Invoices of the current environment: filtered list with cursor paging, detail with status history,
// ZATCA messages and links to the PDF and the signed XML.
import { get, query } from '../api.js';
import { emptyState, field, h, statusBadge, table, time } from '../dom.js';
import { formatMoney, t } from '../i18n.js';
import { navigate, state } from '../state.js';
import { facts, zatcaMessage } from './units.js';

const STATUSES = ['pending_reporting', 'reporting_deadline_near', 'reporting_overdue', 'reported', 'pending_clearance', 'cleared', 'rejected', 'failed'];
const PAGE_SIZE = 25;
/** The last filters used, per environment, kept while the page is open. */
const remembered = { sandbox: {}, production: {} };

export async function list(main) {
  const env = state.env;
  const filters = remembered[env];
  main.append(h('div', { class: 'page-head' },
    h('div', {},
      h('h1', {}, t('invoices_title')),
      h('p', { class: 'lede' }, t('invoices_lede', { env: t(`${env}_word`) })))));

  let units = [];
  try {
    units = (await get(`/v1/egs${query({ environment: env })}`)).data;
  } catch {
    // the filter then offers no units; the list still works
  }
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const form = h('form', { class: 'card filters', id: 'invoice-filters', role: 'search', 'aria-label': t('filters') },
    h('div', { class: 'filter-grid' },
      field({ name: 'egs_unit_id', label: t('unit'), value: filters.egs_unit_id, options: [['', t('all_units')], ...units.map((u) => [u.id, u.name])] }),
      field({ name: 'kind', label: t('kind'), value: filters.kind, options: [['', t('all_kinds')], ['simplified', t('kind_simplified')], ['standard', t('kind_standard')]] }),
      field({ name: 'document_type', label: t('document_type'), value: filters.document_type, options: [['', t('all_documents')], ['invoice', t('doc_invoice')], ['credit_note', t('doc_credit_note')], ['debit_note', t('doc_debit_note')], ['prepayment_invoice', t('doc_prepayment_invoice')]] }),
      field({ name: 'status', label: t('status'), value: filters.status, options: [['', t('all_statuses')], ...STATUSES.map((s) => [s, t(`status_${s}`)])] }),
      field({ name: 'from', label: t('date_from'), type: 'date', value: filters.from }),
      field({ name: 'to', label: t('date_to'), type: 'date', value: filters.to })),
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button secondary', onclick: () => { Object.keys(filters).forEach((k) => delete filters[k]); navigate('#/invoices'); } }, t('clear_filters')),
      h('button', { type: 'submit', class: 'button primary' }, t('apply_filters'))));
  const body = h('div', { class: 'list-body', id: 'invoice-list' });
  main.append(form, body);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const element of form.elements) {
      if (element.name) filters[element.name] = element.value;
    }
    load();
  });

  let rows = [];
  async function load(cursor) {
    const params = { environment: env, limit: PAGE_SIZE, cursor, ...filters };
    let page;
    try {
      page = await get(`/v1/invoices${query(params)}`);
    } catch (error) {
      if (error.status === 404 || error.status === 405) {
        body.replaceChildren(emptyState(t('invoices_unavailable'), t('invoices_unavailable_text')));
      } else {
        body.replaceChildren(h('div', { class: 'form-error', role: 'alert' }, error.detail || t('error_generic')));
      }
      return;
    }
    rows = cursor ? rows.concat(page.data) : page.data;
    const next = page.next_cursor;
    if (!rows.length) {
      body.replaceChildren(emptyState(t('no_invoices'), Object.values(filters).some(Boolean) ? t('no_invoices_filtered') : t('no_invoices_text')));
      return;
    }
    body.replaceChildren(
      h('p', { class: 'muted count', role: 'status' }, t('invoices_shown', { count: rows.length })),
      render(rows, unitName),
      ...(next ? [h('button', { type: 'button', class: 'button secondary more-button', id: 'load-more', onclick: () => load(next) }, t('load_more'))] : []));
  }
  await load();
}

function render(invoices, unitName) {
  return table({
    caption: t('invoices_title'),
    rows: invoices,
    rowAttrs: (invoice) => ({ dataset: { invoiceId: invoice.id, status: invoice.status } }),
    columns: [
      { label: t('invoice_number'), cell: (i) => h('a', { href: `#/invoices/${i.id}`, class: 'strong', dir: 'ltr' }, i.invoice_number || i.id.slice(0, 8)) },
      { label: t('kind'), cell: (i) => `${t(`kind_${i.kind}`, {}, i.kind)}${i.document_type && i.document_type !== 'invoice' ? ` · ${t(`doc_${i.document_type}`, {}, i.document_type)}` : ''}` },
      { label: t('status'), cell: (i) => statusBadge(i.status) },
      { label: t('unit'), cell: (i) => unitName.get(i.egs_unit_id) || '—' },
      { label: t('total'), className: 'num', cell: (i) => formatMoney(i.amounts?.payable ?? i.amounts?.tax_inclusive ?? i.total, i.amounts?.currency ?? i.currency) },
      { label: t('issued'), cell: (i) => time(i.issued_at) },
    ],
  });
}

export async function detail(main, id) {
  let invoice;
  try {
    invoice = await get(`/v1/invoices/${id}`);
  } catch (error) {
    main.append(h('h1', {}, t('invoice_not_found')), h('p', {}, error.status === 404 ? t('invoice_not_found_text') : error.detail),
      h('a', { href: '#/invoices' }, t('back_to_invoices')));
    return;
  }
  if (invoice.environment && invoice.environment !== state.env) {
    navigate('#/invoices');
    return;
  }
  let unitLabel = invoice.egs_unit_name || invoice.egs_unit_id;
  if (!invoice.egs_unit_name && invoice.egs_unit_id) {
    try {
      unitLabel = (await get(`/v1/egs/${invoice.egs_unit_id}`)).name;
    } catch {
      // keep the id
    }
  }
  const amounts = invoice.amounts || {};
  const currency = amounts.currency || invoice.currency;
  const details = invoice.details || {};
  // a full history when the API gives one; else what the view knows: issued, and the current status since when
  const history = invoice.status_history || [
    { status: 'issued', at: invoice.issued_at },
    ...(invoice.status_changed_at && invoice.status_changed_at !== invoice.issued_at
      ? [{ status: invoice.status, at: invoice.status_changed_at }] : []),
  ];
  const submission = invoice.submission;
  const messages = invoice.zatca_messages || [];
  main.append(
    h('div', { class: 'page-head' },
      h('div', {},
        h('p', { class: 'crumbs' }, h('a', { href: '#/invoices' }, t('invoices_title'))),
        h('h1', {}, t(`doc_${invoice.document_type || 'invoice'}`, {}, t('invoice')), ' ', h('span', { dir: 'ltr' }, invoice.invoice_number || '')),
        h('p', { class: 'lede' }, statusBadge(invoice.status))),
      h('div', { class: 'doc-links' },
        h('a', { class: 'button primary', id: 'open-pdf', href: invoice.pdf_url || `/v1/invoices/${id}/pdf`, target: '_blank', rel: 'noopener' },
          t('open_pdf'), h('span', { class: 'visually-hidden' }, ` ${t('new_tab')}`)),
        h('a', { class: 'button secondary', id: 'open-xml', href: invoice.signed_xml_url || `/v1/invoices/${id}/xml`, target: '_blank', rel: 'noopener' },
          t('open_xml'), h('span', { class: 'visually-hidden' }, ` ${t('new_tab')}`)))),
    h('div', { class: 'two-col' },
      h('section', { class: 'card', 'aria-labelledby': 'inv-facts' },
        h('h2', { id: 'inv-facts' }, t('invoice_details')),
        facts([
          [t('kind'), t(`kind_${invoice.kind}`, {}, invoice.kind)],
          [t('unit'), invoice.egs_unit_id ? h('a', { href: `#/units/${invoice.egs_unit_id}` }, unitLabel) : null],
          [t('issued'), time(invoice.issued_at)],
          [t('icv'), invoice.icv],
          [t('uuid'), invoice.uuid && h('code', { dir: 'ltr', class: 'wrap' }, invoice.uuid)],
          [t('invoice_hash'), invoice.invoice_hash && h('code', { dir: 'ltr', class: 'wrap' }, invoice.invoice_hash)],
          [t('buyer'), details.buyer?.name],
          [t('billing_reference'), details.billing_reference],
          [t('reason'), details.reason],
          [t('submission_attempts'), submission?.delayed_attempts ? String(submission.delayed_attempts) : null],
          [t('next_attempt'), submission?.next_attempt_at ? time(submission.next_attempt_at) : null],
          [t('last_delay_reason'), submission?.last_delay_reason],
        ])),
      h('section', { class: 'card', 'aria-labelledby': 'inv-amounts' },
        h('h2', { id: 'inv-amounts' }, t('amounts')),
        facts([
          [t('amount_tax_exclusive'), formatMoney(amounts.tax_exclusive, currency)],
          [t('amount_allowances'), Number(amounts.allowance_total) ? formatMoney(amounts.allowance_total, currency) : null],
          [t('amount_charges'), Number(amounts.charge_total) ? formatMoney(amounts.charge_total, currency) : null],
          [t('amount_vat'), formatMoney(amounts.tax_total, currency)],
          [t('amount_vat_sar'), currency !== 'SAR' && amounts.tax_total_sar != null ? formatMoney(amounts.tax_total_sar, 'SAR') : null],
          [t('exchange_rate'), amounts.exchange_rate != null ? h('span', { dir: 'ltr' }, `1 ${currency} = ${amounts.exchange_rate} SAR`) : null],
          [t('amount_prepaid'), Number(amounts.prepaid_amount) ? formatMoney(amounts.prepaid_amount, currency) : null],
          [t('amount_rounding'), Number(amounts.payable_rounding_amount) ? formatMoney(amounts.payable_rounding_amount, currency) : null],
          [t('amount_payable'), h('strong', {}, formatMoney(amounts.payable ?? amounts.tax_inclusive, currency))],
        ]))),
    ...[content(details, currency)].filter(Boolean),
    h('section', { class: 'card', 'aria-labelledby': 'inv-history' },
      h('h2', { id: 'inv-history' }, t('status_history')),
      history.length
        ? h('ol', { class: 'timeline', id: 'status-history' }, history.map((entry) => h('li', {},
          entry.status === 'issued' ? h('span', { class: 'badge' }, t('issued_event')) : statusBadge(entry.status), ' ', time(entry.at || entry.occurred_at || entry.changed_at || entry.timestamp),
          entry.detail || entry.reason ? h('p', { class: 'muted' }, entry.detail || entry.reason) : null)))
        : h('p', { class: 'muted' }, t('no_history'))),
    h('section', { class: 'card', 'aria-labelledby': 'inv-messages' },
      h('h2', { id: 'inv-messages' }, t('zatca_messages')),
      messages.length ? h('ul', { class: 'messages', id: 'zatca-messages' }, messages.map(zatcaMessage)) : h('p', { class: 'muted' }, t('no_messages'))));
}

const TRANSACTIONS = ['third_party', 'nominal', 'export', 'summary', 'self_billed'];

/** What the document says beyond its lines and totals; shown only when it says something. */
function content(details, currency) {
  const flags = TRANSACTIONS.filter((flag) => details.transaction?.[flag]).map((flag) => t(`transaction_${flag}`));
  const period = details.invoice_period;
  const buyerId = details.buyer?.identification;
  const entries = (list) => (list?.length ? h('ul', {}, list.map((entry) => h('li', {},
    `${entry.reason || ''}${entry.reason_code ? ` (${entry.reason_code})` : ''} · ${entry.vat_category} ${entry.vat_rate}% · `,
    formatMoney(entry.amount, currency)))) : null);
  const pairs = [
    [t('transaction'), flags.length ? flags.join(' · ') : null],
    [t('buyer_vat'), details.buyer?.vat_number && h('span', { dir: 'ltr' }, details.buyer.vat_number)],
    [t('buyer_id'), buyerId && h('span', { dir: 'ltr' }, `${buyerId.scheme} ${buyerId.value}`)],
    [t('supply_date'), details.supply_date && h('span', { dir: 'ltr' }, details.supply_date)],
    [t('supply_end_date'), details.supply_end_date && h('span', { dir: 'ltr' }, details.supply_end_date)],
    [t('invoice_period'), period && h('span', { dir: 'ltr' }, `${period.start_date || ''} – ${period.end_date || ''}`)],
    [t('purchase_order'), details.purchase_order_reference],
    [t('contract'), details.contract_reference],
    [t('payment_means'), details.payment_means],
    [t('note'), details.note],
    [t('document_allowances'), entries(details.allowances)],
    [t('document_charges'), entries(details.charges)],
    [t('prepayments'), details.prepayments?.length ? h('ul', {}, details.prepayments.map((p) => h('li', {},
      h('span', { dir: 'ltr' }, `${p.invoice_number} · ${p.issue_date}`), ` · ${p.vat_category} ${p.vat_rate}% · `,
      formatMoney(p.taxable_amount, currency)))) : null],
  ].filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (!pairs.length) return null;
  return h('section', { class: 'card', id: 'invoice-content', 'aria-labelledby': 'inv-content' },
    h('h2', { id: 'inv-content' }, t('invoice_content')), facts(pairs));
}
