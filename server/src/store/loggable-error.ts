/** What the log may say about an error: never its message, stack or cause's text. */
export interface LoggableError {
  name: string;
  /** PostgreSQL's SQLSTATE (`23505`), or Node's (`ECONNRESET`) or Fastify's code; not `code`, which the logger redacts (codes typed by users). */
  errorCode?: string;
  /** The constraint a PostgreSQL error names, such as `members_ssn_fingerprint_key`. */
  constraint?: string;
}

const MAX_CAUSES = 5;

/**
 * The error's name, code and constraint, taken from the first error in its cause chain that has
 * them. Messages and stacks stay out: a Drizzle query error's message is the SQL with its parameters
 * (names, birth dates, addresses, e-mail addresses, password hashes), a driver error's `detail`
 * quotes the row, and a mail server's refusal quotes the address.
 */
export function loggableError(error: unknown): LoggableError {
  // A result of this function passes through unchanged: the logger's `err` serializer runs it again.
  const named = typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string';
  const name = named ? (error as { name: string }).name : typeof error;
  const found: LoggableError = { name };
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSES && typeof current === 'object' && current !== null; depth++) {
    const { code, errorCode, constraint, cause } = current as { code?: unknown; errorCode?: unknown; constraint?: unknown; cause?: unknown };
    const anyCode = code ?? errorCode;
    if (found.errorCode === undefined && typeof anyCode === 'string') found.errorCode = anyCode;
    if (found.constraint === undefined && typeof constraint === 'string') found.constraint = constraint;
    current = cause;
  }
  return found;
}
