'use client';
// Ends the studio session and returns to the sign-in page.
import { useState } from 'react';

export function SignOutButton({ label, className }: { label: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    await fetch('/api/studio/auth/logout', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    window.location.assign('/studio/login');
  }
  return (
    <button type="button" className={className} onClick={signOut} disabled={busy} data-testid="sign-out">
      {label}
    </button>
  );
}
