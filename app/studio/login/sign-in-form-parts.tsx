'use client';
// What the studio's two sign-in forms (signing in, creating the first admin) share: a
// labelled field, the announced error with the submit button, and the post that, once the
// answer has set the session cookie, moves on to the studio.
import { useState, type InputHTMLAttributes } from 'react';
import { useRouter } from 'next/navigation';
import textField from '@/components/studio/text-field.module.css';
import styles from './login.module.css';

/** A required input under its label. */
export function SignInField({ label, ...input }: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className={styles.field}>
      <span className={styles.label}>{label}</span>
      <input className={`${textField.textField} ${styles.input}`} required {...input} />
    </label>
  );
}

interface SignInFormEndProps {
  error: string | null;
  /** The error line's id, for fields that point at it with aria-describedby. */
  errorId?: string;
  pending: boolean;
  submit: string;
  submitting: string;
}

/** The error line (announced to screen readers) and the submit button, busy while posting. */
export function SignInFormEnd({ error, errorId, pending, submit, submitting }: SignInFormEndProps) {
  return (
    <>
      <p id={errorId} className={styles.error} role="alert" aria-live="assertive">
        {error}
      </p>
      <button className={styles.submit} type="submit" disabled={pending} aria-busy={pending}>
        {pending ? submitting : submit}
      </button>
    </>
  );
}

/**
 * Posts a sign-in form's body as JSON. On success the session cookie is set: on to the studio.
 * Otherwise the error is `errorFor(response)`, or `failed` when the request itself fails.
 */
export function useSignInPost(failed: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function post(url: string, body: unknown, errorFor: (response: Response) => string | Promise<string>): Promise<void> {
    setPending(true);
    setError(null);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      if (response.ok) {
        router.replace('/studio');
        router.refresh();
        return;
      }
      setError(await errorFor(response));
    } catch {
      setError(failed);
    }
    setPending(false);
  }

  return { pending, error, setError, post };
}
