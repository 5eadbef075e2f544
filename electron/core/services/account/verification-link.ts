/** The plan service's verification tokens (shared/plan-api/accounts.ts verifyEmailRequest). */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The token in what the user pasted from the verification e-mail: the web link
 * (`<plan service>/verify?token=…`), the app link (`groupdesk://verify?token=…`), or the token
 * alone. Null for anything else. Only the token is used — it goes to the service the user chose,
 * never to the link's host — but a link with other parameters or several tokens is still refused,
 * so a mangled paste fails here with a clear message rather than at the service.
 */
export function verificationToken(pasted: string): string | null {
  const text = pasted.trim();
  if (TOKEN.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const web = (url.protocol === 'https:' || url.protocol === 'http:') && /\/verify\/?$/.test(url.pathname);
  // A non-special scheme keeps its host as typed: groupdesk://Verify is the same link.
  const app = url.protocol === 'groupdesk:' && url.hostname.toLowerCase() === 'verify' && (url.pathname === '' || url.pathname === '/');
  if (!web && !app) return null;
  if ([...url.searchParams.keys()].some((name) => name !== 'token')) return null;
  const tokens = url.searchParams.getAll('token');
  const token = tokens[0];
  return tokens.length === 1 && token !== undefined && TOKEN.test(token) ? token : null;
}
