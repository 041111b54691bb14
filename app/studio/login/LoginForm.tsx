'use client';
// The sign-in form: posts to /api/studio/auth/login and, once the session cookie is
// set, moves on to /studio. Errors are announced to screen readers.
import type { FormEvent } from 'react';
import { SignInField, SignInFormEnd, useSignInPost } from './sign-in-form-parts';
import styles from './login.module.css';

export interface LoginFormTexts {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  invalid: string;
  /** Has a {seconds} placeholder. */
  throttled: string;
  failed: string;
}

const ERROR_ID = 'studio-login-error';

export function LoginForm({ texts }: { texts: LoginFormTexts }) {
  const { pending, error, post } = useSignInPost(texts.failed);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    void post('/api/studio/auth/login', body, (response) => messageFor(response, texts));
  }

  const invalid = { 'aria-invalid': error !== null, 'aria-describedby': error !== null ? ERROR_ID : undefined };
  return (
    <form className={styles.form} onSubmit={submit}>
      <SignInField label={texts.email} type="email" name="email" autoComplete="username" inputMode="email" maxLength={254} {...invalid} />
      <SignInField label={texts.password} type="password" name="password" autoComplete="current-password" maxLength={1024} {...invalid} />
      <SignInFormEnd error={error} errorId={ERROR_ID} pending={pending} submit={texts.submit} submitting={texts.submitting} />
    </form>
  );
}

function messageFor(response: Response, texts: LoginFormTexts): string {
  if (response.status === 401) return texts.invalid;
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return texts.throttled.replace('{seconds}', String(Number.isFinite(seconds) && seconds > 0 ? seconds : 60));
  }
  return texts.failed;
}
