import { useEffect, useState } from 'react';
import { dropDraft, peekDraft } from '@/lib/form-draft';

/**
 * The values a form kept when its save met an expired session (see form-draft), read
 * once when the page mounts after sign-in and then forgotten, so a reload does not
 * bring them back a second time.
 */
export function useRestoredDraft<T>(form: string): T | null {
  const [draft] = useState(() => peekDraft<T>(form));
  useEffect(() => {
    if (draft) dropDraft(form);
  }, [draft, form]);
  return draft;
}
