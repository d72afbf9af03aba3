// Small DOM helpers: element building, forms with problem+json errors, dialogs, announcements.
import { t, formatDateTime } from './i18n.js';

/** h('p', {class: 'x', onclick: fn}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, value);
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let idSequence = 0;
export const uniqueId = (prefix) => `${prefix}-${++idSequence}`;

/** Tells screen-reader users about a change that happened elsewhere on the page. */
export function announce(message) {
  const live = document.getElementById('live');
  live.textContent = '';
  // a fresh text node so the same message twice is read twice
  setTimeout(() => { live.textContent = message; }, 50);
}

/**
 * A labelled form control. `name` is the API field (dotted for nested objects), which is also how
 * problem+json errors find their field.
 */
export function field({ name, label, type = 'text', required = false, hint, value, options, autocomplete,
  inputmode, pattern, maxlength, placeholder, dir }) {
  const id = uniqueId(`f-${name.replace(/\W/g, '-')}`);
  const hintId = hint ? `${id}-hint` : null;
  let control;
  if (options) {
    control = h('select', { id, name, required });
    for (const option of options) {
      const [optionValue, optionLabel] = Array.isArray(option) ? option : [option, option];
      control.append(h('option', { value: optionValue, selected: String(value ?? '') === String(optionValue) }, optionLabel));
    }
  } else {
    control = h('input', {
      id, name, type, required, autocomplete, inputmode, pattern, maxlength, placeholder, dir,
      value: value ?? undefined,
    });
  }
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

/** The form's named values as the API's JSON: "address.city" becomes {address: {city}}; empty optional fields are left out. */
export function formJson(form) {
  const body = {};
  for (const element of form.elements) {
    if (!element.name || element.disabled || element.type === 'submit') continue;
    const value = element.value.trim();
    if (value === '' && !element.required) continue;
    const path = element.name.split('.');
    let target = body;
    for (const part of path.slice(0, -1)) target = target[part] ??= {};
    target[path[path.length - 1]] = value;
  }
  return body;
}

/** Clears what showProblem put on the form. */
export function clearProblem(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((control) => {
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && !id.endsWith('-error')).join(' ');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  });
  const summary = form.querySelector('.form-error');
  if (summary) summary.replaceChildren();
}

/**
 * Shows an API error on a form: each errors[].field next to its control, the rest (and the
 * detail) in the form's summary; focus goes to the first invalid control.
 */
export function showProblem(form, error) {
  clearProblem(form);
  let summary = form.querySelector('.form-error');
  if (!summary) {
    summary = h('div', { class: 'form-error', role: 'alert' });
    form.prepend(summary);
  }
  const unplaced = [];
  let first = null;
  for (const { field: name, message } of error.errors || []) {
    const control = name ? form.querySelector(`[name="${CSS.escape(name)}"]`) : null;
    if (!control) {
      unplaced.push(name ? `${name}: ${message}` : message);
      continue;
    }
    const errorId = `${control.id}-error`;
    const existing = document.getElementById(errorId);
    if (existing) {
      existing.append(`; ${message}`);
      continue;
    }
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), errorId].filter(Boolean).join(' '));
    control.after(h('p', { class: 'field-error', id: errorId }, message));
    first ??= control;
  }
  summary.append(h('p', {}, error.detail || t('error_generic')));
  if (unplaced.length) summary.append(h('ul', {}, unplaced.map((m) => h('li', {}, m))));
  // focus the first invalid control in reading order, not in the order the API listed them
  first = form.querySelector('[aria-invalid="true"]') || first;
  if (first) {
    first.focus();
  } else {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
}

/** Runs an async submit with the button disabled and errors shown on the form. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[type=submit]');
    if (button?.disabled) return;
    clearProblem(form);
    if (button) button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      await action(formJson(form));
    } catch (error) {
      if (error && 'status' in error) showProblem(form, error);
      else throw error;
    } finally {
      if (button) button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
  return form;
}

/**
 * A modal <dialog>: focus moves into it, Escape closes it, focus returns to where it was.
 * Resolves with the dialog's returnValue.
 */
export function openDialog({ title, body, actions, className }) {
  const titleId = uniqueId('dialog-title');
  const dialog = h('dialog', { class: `dialog ${className || ''}`, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    body,
    h('form', { method: 'dialog', class: 'dialog-actions' }, actions));
  const opener = document.activeElement;
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && document.contains(opener)) opener.focus();
      resolve(dialog.returnValue);
    });
  });
}

/** Asks before something that cannot be undone. Resolves true when confirmed. */
export async function confirmDialog({ title, message, confirmLabel, danger = true }) {
  const answer = await openDialog({
    title,
    body: h('p', {}, message),
    actions: [
      h('button', { value: 'cancel', class: 'button secondary', autofocus: true }, t('cancel')),
      h('button', { value: 'confirm', class: `button ${danger ? 'danger' : ''}` }, confirmLabel),
    ],
  });
  return answer === 'confirm';
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', { class: 'visually-hidden' });
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, dataset: { status } }, t(`status_${status}`, {}, status));
}

export function time(instant) {
  if (!instant) return '—';
  return h('time', { datetime: instant }, formatDateTime(instant));
}

export function emptyState(title, text, ...actions) {
  return h('div', { class: 'empty' }, h('p', { class: 'empty-title' }, title), text ? h('p', {}, text) : null, actions);
}

/** A table that turns into stacked cards on a phone; each cell is labelled with its column. */
export function table({ caption, columns, rows, rowAttrs }) {
  return h('div', { class: 'table-wrap' },
    h('table', { class: 'data' },
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {},
        columns.map((c) => h('td', { 'data-label': c.label, class: c.className }, c.cell(row))))))));
}
