'use client';
// The sign-in form: posts to /api/studio/auth/login and, once the session cookie is
// set, moves on to /studio. Errors are announced to screen readers.
import { useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
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

export function LoginForm({ texts }: { texts: LoginFormTexts }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/studio/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') }),
        credentials: 'same-origin',
      });
      if (response.ok) {
        router.replace('/studio');
        router.refresh();
        return;
      }
      setError(messageFor(response, texts));
    } catch {
      setError(texts.failed);
    }
    setPending(false);
  }

  return (
    <form className={styles.form} onSubmit={submit}>
      <label className={styles.field}>
        <span className={styles.label}>{texts.email}</span>
        <input
          className={styles.input}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          required
          maxLength={254}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'studio-login-error' : undefined}
        />
      </label>
      <label className={styles.field}>
        <span className={styles.label}>{texts.password}</span>
        <input
          className={styles.input}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'studio-login-error' : undefined}
        />
      </label>
      <p id="studio-login-error" className={styles.error} role="alert" aria-live="assertive">
        {error}
      </p>
      <button className={styles.submit} type="submit" disabled={pending} aria-busy={pending}>
        {pending ? texts.submitting : texts.submit}
      </button>
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
