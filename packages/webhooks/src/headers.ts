/** Headers as a Fetch `Headers`, a Node `IncomingHttpHeaders`, or a plain record (any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const lower = name.toLowerCase();
  const value = record[name] ?? record[lower] ?? Object.entries(record).find(([k]) => k.toLowerCase() === lower)?.[1];
  return Array.isArray(value) ? value.join(' ') : value;
}
