/**
 * What the sandbox worker says when the embedded service fails: a fixed sentence plus the error's
 * kind (its class and a system code such as ENOSPC or EACCES). Never the error's text: a database
 * error can quote a row ("Key (member_id)=(…)"), and the message is logged and shown.
 */
export function failureMessage(error: unknown): string {
  const kind = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? `${kind} ${code}` : kind;
  return `The sandbox plan service is not running (${detail}). Restart GroupDesk to try again; your data is kept.`;
}
