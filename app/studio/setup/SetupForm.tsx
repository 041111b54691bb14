'use client';
// The first-admin form behind the one-time setup link: posts to /api/studio/setup and,
// signed in by the answer, moves on to the studio.
import type { FormEvent } from 'react';
import { SignInField, SignInFormEnd, useSignInPost } from '../login/sign-in-form-parts';
import styles from '../login/login.module.css';

export interface SetupFormTexts {
  email: string;
  password: string;
  repeat: string;
  submit: string;
  submitting: string;
  mismatch: string;
  expired: string;
  adminExists: string;
  failed: string;
}

interface ErrorBody {
  error?: { message?: string; issues?: Array<{ message: string }> };
}

export function SetupForm({ token, texts }: { token: string; texts: SetupFormTexts }) {
  const { pending, error, setError, post } = useSignInPost(texts.failed);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? '')) {
      setError(texts.mismatch);
      return;
    }
    void post('/api/studio/setup', { token, email: String(form.get('email') ?? ''), password }, (response) => messageFor(response, texts));
  }

  const newPassword = { type: 'password', autoComplete: 'new-password', minLength: 12, maxLength: 1024 } as const;
  return (
    <form className={styles.form} onSubmit={submit}>
      <SignInField label={texts.email} type="email" name="email" autoComplete="username" inputMode="email" maxLength={254} />
      <SignInField label={texts.password} name="password" {...newPassword} />
      <SignInField label={texts.repeat} name="repeat" {...newPassword} />
      <SignInFormEnd error={error} pending={pending} submit={texts.submit} submitting={texts.submitting} />
    </form>
  );
}

async function messageFor(response: Response, texts: SetupFormTexts): Promise<string> {
  if (response.status === 403) return texts.expired;
  if (response.status === 409) return texts.adminExists;
  if (response.status === 400) {
    // The password policy's reasons are specific; show them.
    const body = (await response.json().catch(() => ({}))) as ErrorBody;
    return body.error?.issues?.map((issue) => issue.message).join(' ') || body.error?.message || texts.failed;
  }
  return texts.failed;
}
