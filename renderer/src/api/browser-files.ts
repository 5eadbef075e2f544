import type { Result } from '@shared/contract';
import { fail } from '@shared/contract';

/**
 * Files in the browser host. An export is a download of `/files/<id>` (a link cannot carry a header,
 * so the token rides in the query, as for the event stream; the host serves it once). An import is
 * the browser's own file picker, then the file streamed to `/files` with the bearer token.
 */
export function downloadCoreFile(token: string, file: { fileId: string; fileName: string }, doc: Document = document): Result<{ savedAs: string }> {
  const link = doc.createElement('a');
  link.href = `/files/${encodeURIComponent(file.fileId)}?token=${encodeURIComponent(token)}&name=${encodeURIComponent(file.fileName)}`;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  return { ok: true, value: { savedAs: file.fileName } };
}

export function pickAndUpload(
  token: string,
  options: { extensions: readonly string[] },
  fetchImpl: typeof fetch = fetch,
  doc: Document = document,
): Promise<Result<{ fileId: string; fileName: string; bytes: number } | null>> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = options.extensions.map((extension) => `.${extension}`).join(',');
    input.addEventListener('cancel', () => resolve({ ok: true, value: null }));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file === undefined) return resolve({ ok: true, value: null });
      void upload(token, file, fetchImpl).then(resolve);
    });
    input.click();
  });
}

async function upload(token: string, file: File, fetchImpl: typeof fetch): Promise<Result<{ fileId: string; fileName: string; bytes: number }>> {
  let response: Response;
  try {
    response = await fetchImpl('/files', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' }, body: file });
  } catch {
    return fail('OFFLINE', 'GroupDesk cannot reach its data service. Check that GroupDesk is still running, then try again.');
  }
  const body = (await response.json().catch(() => null)) as Result<{ fileId: string; bytes: number }> | null;
  if (body === null || typeof body !== 'object' || !('ok' in body)) return fail('INTERNAL', `GroupDesk answered in an unexpected way (HTTP ${response.status}). Try again.`);
  return body.ok ? { ok: true, value: { ...body.value, fileName: file.name } } : body;
}
