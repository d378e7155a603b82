import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useLogout } from '@/features/auth/api/logout';
import { useAuth } from '@/features/auth/components/auth-provider';

/** Shows who is signed in and signs them out (a full reload clears every cached answer). */
export function SignOutButton() {
  const { user } = useAuth();
  const [, logout] = useLogout();
  const [busy, setBusy] = useState(false);
  return (
    <div className="user-menu">
      <span className="muted" title="Signed in">
        {user?.username}
      </span>
      <Button
        size="sm"
        variant="ghost"
        busy={busy}
        onClick={async () => {
          setBusy(true);
          await logout({});
          window.location.assign('/login');
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
