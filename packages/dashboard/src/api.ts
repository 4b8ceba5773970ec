import { HeraldClient } from '@herald/webhooks/client';

/** The operator's tenant choice (admin sessions act on one tenant and environment at a time). */
export interface TenantChoice {
  tenant_id: string;
  environment: 'test' | 'live';
}

const CHOICE_KEY = 'herald.tenant';
const PORTAL_KEY = 'herald.portal';

/**
 * The portal authenticates with its link's token in a header rather than a cookie, so it also
 * works embedded in the tenant's app (a third-party iframe gets no SameSite=Strict cookies). The
 * token is kept in memory and, where the browser allows it, in this tab's sessionStorage (so a
 * reload keeps working); third-party frames often get no storage at all.
 */
let portalTokenInMemory: string | null = null;
export function setPortalToken(token: string): void {
  portalTokenInMemory = token;
  try {
    sessionStorage.setItem(PORTAL_KEY, token);
  } catch {
    // storage blocked in this (third-party) frame: memory only
  }
}
export function portalToken(): string | null {
  if (portalTokenInMemory) return portalTokenInMemory;
  try {
    return sessionStorage.getItem(PORTAL_KEY);
  } catch {
    return null;
  }
}

export function loadChoice(): TenantChoice | null {
  try {
    return JSON.parse(localStorage.getItem(CHOICE_KEY) ?? 'null') as TenantChoice | null;
  } catch {
    return null;
  }
}

export function saveChoice(choice: TenantChoice | null): void {
  if (choice) localStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
  else localStorage.removeItem(CHOICE_KEY);
}

/** Same-origin client: the session cookie authenticates, the client adds the CSRF token. */
export const api = new HeraldClient({
  headers: (): Record<string, string> => {
    const portal = location.pathname.startsWith('/portal') ? portalToken() : null;
    if (portal) return { authorization: `Portal ${portal}` };
    const c = loadChoice();
    return c ? { 'x-herald-tenant': c.tenant_id, 'x-herald-environment': c.environment } : {};
  },
});

export function describeError(err: unknown): string {
  if (err && typeof err === 'object' && 'problem' in err) {
    const p = (err as { problem: { title: string; detail?: string; errors?: { field: string; message: string }[] } }).problem;
    const fields = p.errors?.length ? ` (${p.errors.map((e) => `${e.field} ${e.message}`).join('; ')})` : '';
    return `${p.title}${p.detail ? `: ${p.detail}` : ''}${fields}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
