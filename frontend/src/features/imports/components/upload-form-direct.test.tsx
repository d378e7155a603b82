import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadForm } from '@/features/imports/components/upload-form';
import { rememberUpload } from '@/features/imports/direct-upload/remembered';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

/** The object store: answers every part PUT with 200 and an ETag, and records what it got. */
class StoreXhr {
  static puts: { url: string; size: number }[] = [];
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  url = '';
  open(method: string, url: string) {
    expect(method).toBe('PUT');
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader(name: string) {
    return name === 'ETag' ? `"etag-${new URL(this.url).searchParams.get('part')}"` : null;
  }
  send(body: Blob) {
    StoreXhr.puts.push({ url: this.url, size: body.size });
    setTimeout(() => {
      this.status = 200;
      this.onload?.();
    }, 1);
  }
  abort() {
    this.onabort?.();
  }
}

const CONTENT = 'sku,name\nA-1,Apple\nA-2,Pear\n'; // 28 bytes: parts of 10, 10 and 8
const staged = { ...importJob({ status: 'STAGED', fileName: 'fruit.csv', fileSize: 28 }), __typename: 'ImportJob' };

function store(held: { partNumber: number; size: number; etag: string }[] = []) {
  return createMockClient((op) => {
    const variables = op.variables as Record<string, unknown>;
    switch (operationName(op)) {
      case 'UploadLimits':
        return { uploadLimits: { __typename: 'UploadLimits', directUploads: true, partSize: 10, maxBytes: 1e9 } };
      case 'CreateUpload':
        return { createUpload: { __typename: 'DirectUpload', id: 'RGlyZWN0VXBsb2FkOjE=', partSize: 10, partCount: 3 } };
      case 'UploadedParts':
        return { uploadedParts: held.map((p) => ({ __typename: 'UploadedPart', ...p })) };
      case 'UploadPartUrls':
        return {
          uploadPartUrls: (variables.partNumbers as number[]).map((n) => ({
            __typename: 'UploadPartUrl',
            partNumber: n,
            url: `http://store.test/bucket/key?part=${n}`,
          })),
        };
      case 'CompleteUpload':
        return { completeUpload: staged };
      default:
        return {};
    }
  });
}

describe('upload form with object storage', () => {
  beforeEach(() => {
    window.localStorage.clear();
    StoreXhr.puts = [];
    vi.stubGlobal('XMLHttpRequest', StoreXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the file straight to the store in parts and hands over the staged import', async () => {
    const onStaged = vi.fn();
    const { client, operations } = store();
    render(withProviders(<UploadForm onQueued={vi.fn()} onStaged={onStaged} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File([CONTENT], 'fruit.csv', { type: 'text/csv' }));
    await user.click(screen.getByLabelText('Dry run'));
    await user.click(screen.getByRole('button', { name: 'Check columns' }));

    await waitFor(() => expect(onStaged).toHaveBeenCalledWith(expect.objectContaining({ status: 'STAGED' })));
    expect(StoreXhr.puts.map((p) => p.size).sort()).toEqual([10, 10, 8]);
    const completed = operations.find((op) => operationName(op) === 'CompleteUpload')!;
    expect(completed.variables).toEqual({
      id: 'RGlyZWN0VXBsb2FkOjE=',
      dryRun: true,
      parts: [1, 2, 3].map((n) => ({ partNumber: n, etag: `"etag-${n}"` })),
    });
    expect(operations.some((op) => operationName(op) === 'StageImport')).toBe(false);
  });

  it('offers to resume an interrupted upload and sends only the missing parts', async () => {
    const file = new File([CONTENT], 'fruit.csv', { type: 'text/csv', lastModified: 1_700_000_000_000 });
    rememberUpload(file, 'RGlyZWN0VXBsb2FkOjE=', 10);
    const onStaged = vi.fn();
    const { client, operations } = store([{ partNumber: 1, size: 10, etag: '"etag-1"' }]);
    render(withProviders(<UploadForm onQueued={vi.fn()} onStaged={onStaged} />, client));
    const user = userEvent.setup();

    const offer = await screen.findByRole('button', { name: 'Resume upload of fruit.csv' });
    await user.click(offer);
    await user.upload(screen.getByLabelText('CSV file'), file);

    await waitFor(() => expect(onStaged).toHaveBeenCalled());
    expect(StoreXhr.puts.map((p) => new URL(p.url).searchParams.get('part')).sort()).toEqual(['2', '3']);
    expect(operations.some((op) => operationName(op) === 'CreateUpload')).toBe(false);
    expect(screen.queryByRole('button', { name: /Resume upload/ })).not.toBeInTheDocument();
  });
});
