interface PrintableDocument {
  fileName: string;
  contentType: string;
  base64: string;
}

function toBlob({ base64, contentType }: PrintableDocument): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: contentType });
}

/** Saves a document (a worksheet to fill in, not to read on screen) under its own file name. */
export function downloadDocument(doc: PrintableDocument, win: Window = window): void {
  const url = URL.createObjectURL(toBlob(doc));
  clickDownload(url, doc.fileName, win);
  win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function clickDownload(url: string, fileName: string, win: Window) {
  const link = win.document.createElement('a');
  link.href = url;
  link.download = fileName;
  win.document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Shows a PDF from the core in a new window (the browser's viewer prints it); where new windows are
 * refused (Electron denies them, pop-up blockers), it is downloaded under its own file name instead.
 */
export function openDocument(doc: PrintableDocument, win: Window = window): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(toBlob(doc));
  const opened = win.open(url, '_blank');
  let outcome: 'opened' | 'downloaded' = 'opened';
  if (!opened) {
    clickDownload(url, doc.fileName, win);
    outcome = 'downloaded';
  }
  // The new window or the download needs the URL a little longer than this call.
  win.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return outcome;
}
