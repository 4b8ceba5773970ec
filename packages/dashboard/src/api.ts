import { HeraldClient } from '@herald/webhooks/client';

/** The operator's tenant choice (admin sessions act on one tenant and environment at a time). */
export interface TenantChoice {
  tenant_id: string;
  environment: 'test' | 'live';
}

const CHOICE_KEY = 'herald.tenant';

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
