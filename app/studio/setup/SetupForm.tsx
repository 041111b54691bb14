'use client';
// The first-admin form behind the one-time setup link: posts to /api/studio/setup and,
// signed in by the answer, moves on to the studio.
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
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
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    if (password !== String(form.get('repeat') ?? '')) {
      setError(texts.mismatch);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/studio/setup', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token, email: String(form.get('email') ?? ''), password }),
        credentials: 'same-origin',
      });
      if (response.ok) {
        router.replace('/studio');
        router.refresh();
        return;
      }
      if (response.status === 403) setError(texts.expired);
      else if (response.status === 409) setError(texts.adminExists);
      else if (response.status === 400) {
        // The password policy's reasons are specific; show them.
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        setError(body.error?.issues?.map((issue) => issue.message).join(' ') || body.error?.message || texts.failed);
      } else setError(texts.failed);
    } catch {
      setError(texts.failed);
    }
    setPending(false);
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label className={styles.field}>
        <span className={styles.label}>{texts.email}</span>
        <input className={styles.input} type="email" name="email" autoComplete="username" inputMode="email" required maxLength={254} />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>{texts.password}</span>
        <input
          className={styles.input}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={1024}
        />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>{texts.repeat}</span>
        <input
          className={styles.input}
          type="password"
          name="repeat"
          autoComplete="new-password"
          required
          minLength={12}
          maxLength={1024}
        />
      </label>
      <p className={styles.error} role="alert" aria-live="assertive">
        {error}
      </p>
      <button className={styles.submit} type="submit" disabled={pending} aria-busy={pending}>
        {pending ? texts.submitting : texts.submit}
      </button>
    </form>
  );
}
