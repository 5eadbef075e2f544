/**
 * The password typed at registration, kept in this window's memory only (never stored, never sent
 * to the core until sign-in) so a verified registration signs in without asking for it again. It is
 * handed out once, for the same service and user ID, and forgotten.
 */
interface Registration {
  serviceUrl: string;
  userId: string;
  password: string;
}

let held: Registration | null = null;

/** The core may store the address as typed or normalized (a trailing slash): compare what they point at. */
function sameService(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

export function holdRegistrationPassword(registration: Registration): void {
  held = registration;
}

export function takeRegistrationPassword(serviceUrl: string, userId: string): string | null {
  const match = held !== null && sameService(held.serviceUrl, serviceUrl) && held.userId === userId.toLowerCase() ? held.password : null;
  held = null;
  return match;
}

export function forgetRegistrationPassword(): void {
  held = null;
}
