import { describe, expect, it, vi } from 'vitest';
import { downloadCoreFile, pickAndUpload } from './browser-files';

const TOKEN = 'launch-token';

describe('files in the browser host', () => {
  it('downloads an export from /files with the token and the file’s name', () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const result = downloadCoreFile(TOKEN, { fileId: '0f8fad5b-d9cb-469f-a165-70867728950e', fileName: 'roster 100234.csv' });
    expect(result).toEqual({ ok: true, value: { savedAs: 'roster 100234.csv' } });
    expect(clicked[0]?.getAttribute('href')).toBe('/files/0f8fad5b-d9cb-469f-a165-70867728950e?token=launch-token&name=roster%20100234.csv');
    expect(clicked[0]?.download).toBe('roster 100234.csv');
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });

  it('uploads the picked file with the bearer token and answers its id under the picked name', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: { fileId: 'f-1', bytes: 5 } })));
    const pick = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      expect(this.accept).toBe('.834,.csv,.xlsx');
      Object.defineProperty(this, 'files', { value: [new File(['a,b\n'], 'enroll.csv')] });
      this.dispatchEvent(new Event('change'));
    });
    await expect(pickAndUpload(TOKEN, { extensions: ['834', 'csv', 'xlsx'] }, fetchImpl as unknown as typeof fetch)).resolves.toEqual({ ok: true, value: { fileId: 'f-1', bytes: 5, fileName: 'enroll.csv' } });
    expect(fetchImpl).toHaveBeenCalledWith('/files', expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ Authorization: 'Bearer launch-token' }) }));
    pick.mockRestore();
  });

  it('answers null when the picker is cancelled, and passes the host’s refusal through', async () => {
    const cancel = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    await expect(pickAndUpload(TOKEN, { extensions: ['csv'] })).resolves.toEqual({ ok: true, value: null });
    cancel.mockRestore();

    const tooLarge = vi.fn(async () => new Response(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'The file is larger than 512 MB.' } }), { status: 413 }));
    const pick = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File(['x'], 'huge.834')] });
      this.dispatchEvent(new Event('change'));
    });
    await expect(pickAndUpload(TOKEN, { extensions: ['834'] }, tooLarge as unknown as typeof fetch)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    pick.mockRestore();
  });
});
