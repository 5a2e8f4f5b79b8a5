import { signInWithEmailAndPassword, type Auth } from 'firebase/auth';
import { h } from '../dom';
import { describeError } from '../errors';
import { t } from '../i18n';

export function renderSignIn(root: HTMLElement, auth: Auth, message: string | null, onSwitchLocale: () => void): void {
  const email = h('input', {
    testid: 'signin-email', attrs: { type: 'email', name: 'email', autocomplete: 'username', required: true, id: 'signin-email' },
  });
  const password = h('input', {
    testid: 'signin-password',
    attrs: { type: 'password', name: 'password', autocomplete: 'current-password', required: true, id: 'signin-password' },
  });
  const error = h('p', { class: 'form-error', testid: 'signin-error', attrs: { role: 'alert', hidden: message === null } }, message ?? '');
  const submit = h('button', { class: 'primary', testid: 'signin-submit', attrs: { type: 'submit' } }, t('signIn'));
  const form = h('form', {
    class: 'card signin',
    on: {
      submit: (ev) => {
        ev.preventDefault();
        submit.disabled = true;
        submit.textContent = t('signingIn');
        error.hidden = true;
        signInWithEmailAndPassword(auth, email.value.trim(), password.value).catch((err: unknown) => {
          error.textContent = describeError(err);
          error.hidden = false;
          submit.disabled = false;
          submit.textContent = t('signIn');
        });
      },
    },
  },
  h('h1', {}, t('signInTitle')),
  h('label', { attrs: { for: 'signin-email' } }, t('email')), email,
  h('label', { attrs: { for: 'signin-password' } }, t('password')), password,
  error,
  submit);
  root.replaceChildren(h('div', { class: 'signin-page' },
    h('div', { class: 'signin-brand' },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, '回'),
      h('div', {}, h('div', { class: 'brand-name' }, t('appName')), h('div', { class: 'brand-tagline' }, t('appTagline'))),
      h('button', { class: 'link-button', testid: 'lang-switch', attrs: { type: 'button' }, on: { click: onSwitchLocale } }, t('otherLanguage'))),
    form));
  email.focus();
}
