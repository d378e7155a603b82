import { act, renderHook } from '@testing-library/react';
import type { TypedDocumentNode } from '@urql/core';
import { parse } from 'graphql';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadError, uploadWithProgress, type UploadOptions } from '@/lib/upload';
import { useUpload } from '@/lib/use-upload';

vi.mock('@/lib/upload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/upload')>()),
  uploadWithProgress: vi.fn(),
}));

type Answer = {
  importProducts:
    { __typename: 'ImportJob'; id: string } | { __typename: 'OperationInfo'; messages: { message: string }[] };
};
const document = parse(
  'mutation ImportProducts($file: Upload!, $dryRun: Boolean) { importProducts(file: $file, dryRun: $dryRun) { __typename } }',
) as TypedDocumentNode<Answer, { file: unknown; dryRun: boolean }>;
const file = new File(['sku,name\n'], 'products.csv', { type: 'text/csv' });
const upload = vi.mocked(uploadWithProgress);

function sendWith(result: ReturnType<typeof renderHook<ReturnType<typeof useUpload>, unknown>>['result']) {
  return result.current.send({ document, variables: { dryRun: true }, file, payload: (data) => data.importProducts });
}

describe('useUpload', () => {
  beforeEach(() => {
    upload.mockReset();
  });

  it('reports the upload progress, then resolves with what the mutation made', async () => {
    let finish: (answer: Answer) => void = () => undefined;
    upload.mockImplementation((options: UploadOptions<unknown>) => {
      options.onProgress?.({ loaded: 5, total: 10 });
      return new Promise((resolve) => (finish = resolve as (answer: Answer) => void));
    });
    const { result } = renderHook(() => useUpload());
    let sent: Promise<unknown> = Promise.resolve();
    act(() => {
      sent = sendWith(result);
    });
    await vi.waitFor(() =>
      expect(result.current.state).toEqual({ phase: 'uploading', progress: { loaded: 5, total: 10 } }),
    );
    expect(upload.mock.calls[0][0]).toMatchObject({ variables: { dryRun: true }, file });
    await act(async () => finish({ importProducts: { __typename: 'ImportJob', id: 'job-1' } }));
    await expect(sent).resolves.toEqual({ __typename: 'ImportJob', id: 'job-1' });
    expect(result.current.state).toEqual({ phase: 'idle' });
  });

  it('says why the server refused the file, and resolves with nothing', async () => {
    upload.mockResolvedValue({
      importProducts: {
        __typename: 'OperationInfo',
        messages: [{ message: 'The file is 2 GB;' }, { message: 'the limit is 1 GB.' }],
      },
    });
    const { result } = renderHook(() => useUpload());
    let job: unknown;
    await act(async () => {
      job = await sendWith(result);
    });
    expect(job).toBeNull();
    expect(result.current.state).toEqual({ phase: 'failed', message: 'The file is 2 GB; the limit is 1 GB.' });
  });

  it('tells a cancelled upload from a failed one', async () => {
    upload.mockImplementation(
      (options: UploadOptions<unknown>) =>
        new Promise((_, reject) =>
          options.signal?.addEventListener('abort', () =>
            reject(new UploadError('Upload cancelled: nothing was imported.', { cancelled: true })),
          ),
        ),
    );
    const { result } = renderHook(() => useUpload());
    let sent: Promise<unknown> = Promise.resolve();
    act(() => {
      sent = sendWith(result);
    });
    await act(async () => {
      result.current.cancel();
      await sent;
    });
    expect(result.current.state).toEqual({ phase: 'cancelled', message: 'Upload cancelled: nothing was imported.' });

    upload.mockRejectedValue(new UploadError('The upload failed: the server could not be reached.'));
    await act(async () => {
      await sendWith(result);
    });
    expect(result.current.state).toEqual({
      phase: 'failed',
      message: 'The upload failed: the server could not be reached.',
    });
    act(() => result.current.reset());
    expect(result.current.state).toEqual({ phase: 'idle' });
  });
});
