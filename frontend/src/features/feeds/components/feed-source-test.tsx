import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { formatBytes } from '@/lib/format';
import type { FeedSourceTest } from '@/features/feeds/api/test-feed-source';

export interface FeedSourceTestResultProps {
  test: FeedSourceTest;
  /** The host key in the form now ('' when none is pinned). */
  pinnedHostKey: string;
  /** Put the key the server presented into the form's "Host key". */
  onPinHostKey?: (key: string) => void;
}

/** What "Test source" found: reached or not, and what the server said and presented. */
export function FeedSourceTestResult({ test, pinnedHostKey, onPinHostKey }: FeedSourceTestResultProps) {
  const facts = [
    test.httpStatus != null && `HTTP ${test.httpStatus}`,
    test.size != null && formatBytes(test.size),
    test.contentType,
  ].filter(Boolean);
  const presented = test.hostKey && test.hostKey !== pinnedHostKey.trim() ? test.hostKey : null;
  return (
    <div className="source-test">
      {test.ok ? (
        <Notice tone="success">
          Reached the source{facts.length ? `: ${facts.join(' · ')}` : ''}. Check its columns below.
        </Notice>
      ) : (
        <Notice tone="error">
          {test.message ?? 'The source could not be reached.'}
          {test.code && <span className="muted"> ({test.code})</span>}
        </Notice>
      )}
      {presented && (
        <div className="card host-key-offer">
          <p>
            {pinnedHostKey.trim()
              ? 'The server presented another host key than the one pinned:'
              : 'The server presented this host key; the first run records it, or pin it now:'}
          </p>
          <p className="mono host-key">{presented}</p>
          {onPinHostKey && (
            <Button size="sm" onClick={() => onPinHostKey(presented)}>
              {pinnedHostKey.trim() ? 'Use this key instead' : 'Pin this key'}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
