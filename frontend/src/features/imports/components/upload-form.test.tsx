import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UploadForm } from '@/features/imports/components/upload-form';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, withProviders } from '@/test/mock-client';

/** A stand-in for XMLHttpRequest that the test drives: upload progress, then the answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.last = this;
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const job = importJob({ fileSize: 2048, dryRun: true });

describe('upload flow', () => {
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    document.cookie = 'csrftoken=test-csrf-token';
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.last = null;
  });

  it('uploads per the multipart spec with CSRF, shows upload progress, then hands over the queued job', async () => {
    const onQueued = vi.fn();
    const { client } = createMockClient(() => ({}));
    render(withProviders(<UploadForm onQueued={onQueued} />, client));
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Start import' })).toBeDisabled();

    const file = new File(['sku,name\nA,Apple\n'], 'products.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('CSV file'), file);
    expect(screen.getByText('products.csv')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Dry run'));
    await user.click(screen.getByRole('button', { name: 'Start dry run' }));

    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/graphql/');
    expect(xhr.headers['X-CSRFToken']).toBe('test-csrf-token');
    const operations = JSON.parse(String(xhr.body!.get('operations')));
    expect(operations.query).toContain('mutation ImportProducts');
    expect(operations.variables).toEqual({ dryRun: true, file: null });
    expect(JSON.parse(String(xhr.body!.get('map')))).toEqual({ '0': ['variables.file'] });
    expect((xhr.body!.get('0') as File).name).toBe('products.csv');

    act(() => xhr.progress(512, 2048));
    const bar = screen.getByRole('progressbar', { name: 'Upload' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByRole('button', { name: 'Cancel upload' })).toBeEnabled();

    act(() => xhr.respond(200, { data: { importProducts: job } }));
    await waitFor(() =>
      expect(onQueued).toHaveBeenCalledWith(expect.objectContaining({ id: job.id, status: 'PENDING' })),
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says why the server refused the file', async () => {
    const { client } = createMockClient(() => ({}));
    render(withProviders(<UploadForm onQueued={vi.fn()} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['x'], 'big.csv'));
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() =>
      FakeXhr.last!.respond(200, {
        data: {
          importProducts: {
            __typename: 'OperationInfo',
            messages: [
              { kind: 'VALIDATION', field: 'file', code: null, message: 'The file is 2 GB; the limit is 1 GB.' },
            ],
          },
        },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is 2 GB; the limit is 1 GB.');
  });

  it('cancels an upload in flight', async () => {
    const onQueued = vi.fn();
    const { client } = createMockClient(() => ({}));
    render(withProviders(<UploadForm onQueued={onQueued} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['x'], 'a.csv'));
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel upload' }));
    // The person's own choice: a neutral notice (role="status"), never a red error.
    const notice = await screen.findByText('Upload cancelled: nothing was imported.');
    expect(notice).toHaveAttribute('role', 'status');
    expect(notice).toHaveClass('notice-info');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onQueued).not.toHaveBeenCalled();
  });

  it('keeps a ticked "Dry run" with the file sent to "Check columns"', async () => {
    const onStaged = vi.fn();
    const { client } = createMockClient(() => ({}));
    render(withProviders(<UploadForm onQueued={vi.fn()} onStaged={onStaged} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['sku,name\nA,B\n'], 'german.csv'));
    await user.click(screen.getByLabelText('Dry run'));
    await user.click(screen.getByRole('button', { name: 'Check columns' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const operations = JSON.parse(String(FakeXhr.last!.body!.get('operations')));
    expect(operations.query).toContain('mutation StageImport');
    expect(operations.variables).toEqual({ dryRun: true, file: null });
    const staged = { ...importJob({ status: 'STAGED', dryRun: true }), __typename: 'ImportJob' };
    act(() => FakeXhr.last!.respond(200, { data: { stageImport: staged } }));
    await waitFor(() => expect(onStaged).toHaveBeenCalledWith(expect.objectContaining({ dryRun: true })));
  });

  it('"Start import" on a file whose columns are not recognised opens the mapping instead of failing', async () => {
    const onStaged = vi.fn();
    const onQueued = vi.fn();
    const { client, operations } = createMockClient(() => ({}));
    render(withProviders(<UploadForm onQueued={onQueued} onStaged={onStaged} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['Code;Text\nA;B\n'], 'odd.csv'));
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    expect(JSON.parse(String(FakeXhr.last!.body!.get('operations'))).query).toContain('mutation StageImport');
    const problem = { __typename: 'ImportMappingProblem', field: 'mapping.sku', code: 'required', message: 'No sku.' };
    const staged = { ...importJob({ status: 'STAGED' }), mappingProblem: problem };
    act(() => FakeXhr.last!.respond(200, { data: { stageImport: staged } }));
    await waitFor(() => expect(onStaged).toHaveBeenCalledWith(expect.objectContaining({ mappingProblem: problem })));
    expect(onQueued).not.toHaveBeenCalled();
    expect(operations.some((o) => o.kind === 'mutation')).toBe(false); // nothing started
  });

  it('"Start import" on a file whose columns are recognised starts it at once', async () => {
    const onStaged = vi.fn();
    const onQueued = vi.fn();
    const staged = { ...importJob({ status: 'STAGED' }), mappingProblem: null };
    const { client, operations } = createMockClient(() => ({ startImport: { ...staged, status: 'PENDING' } }));
    render(withProviders(<UploadForm onQueued={onQueued} onStaged={onStaged} />, client));
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('CSV file'), new File(['sku,name\nA,B\n'], 'ok.csv'));
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.respond(200, { data: { stageImport: staged } }));
    await waitFor(() => expect(onQueued).toHaveBeenCalledWith(expect.objectContaining({ status: 'PENDING' })));
    expect(onStaged).not.toHaveBeenCalled();
    expect(operations.at(-1)!.variables).toEqual({ id: staged.id, dryRun: false });
  });
});
