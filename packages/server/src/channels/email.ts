import type { LookupFunction } from 'node:net';
import { lookup as systemLookup } from 'node:dns';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { OutgoingEvent } from '../delivery/build-request.js';
import type { NetworkPolicy } from '../delivery/network-policy.js';
import type { Deadline } from '../delivery/deadline.js';
import { classifyError, EXCERPT_BYTES, type SendResult } from '../delivery/sender.js';
import type { EmailChannelConfig } from '../store/types.js';

/**
 * Email channel: one message per event over SMTP. The relay's address passes the same network
 * policy as webhooks (resolved here, then dialled by IP with the hostname kept for TLS).
 */
export function makeMailer(deps: { box: SecretBox; policy: NetworkPolicy; lookup?: LookupFunction }) {
  const guarded = deps.policy.guardLookup(deps.lookup ?? (systemLookup as unknown as LookupFunction));
  const resolve = (host: string) =>
    new Promise<string>((ok, fail) => {
      if (isIP(host)) {
        try {
          deps.policy.checkLiteral(host);
          return ok(host);
        } catch (err) {
          return fail(err);
        }
      }
      guarded(host, { all: false }, (err, address) => (err ? fail(err) : ok(address as unknown as string)));
    });

  /** `deadline` ends the SMTP session wherever it is (nodemailer's per-step timeouts alone let a slow relay stretch one send far past it). */
  return async function sendEmail(config: EmailChannelConfig, event: OutgoingEvent, timeoutMs: number, deadline?: Deadline): Promise<SendResult & { request: { url: string; headers: Record<string, string>; body: string } }> {
    const subject = `${config.subject_prefix}${event.type}`;
    const text = `${event.type} (${event.id}) published ${new Date(event.createdAt).toISOString()}\n\n${JSON.stringify(JSON.parse(event.payload), null, 2)}\n`;
    const request = { url: `smtp://${config.smtp.host}:${config.smtp.port}`, headers: { from: config.from, to: config.to.join(', '), subject }, body: text };
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const address = await resolve(config.smtp.host);
      const transport = nodemailer.createTransport({
        host: address,
        port: config.smtp.port,
        secure: config.smtp.security === 'tls',
        requireTLS: config.smtp.security === 'starttls',
        ignoreTLS: config.smtp.security === 'none',
        auth: config.smtp.username ? { user: config.smtp.username, pass: config.smtp.sealed_password ? deps.box.open(config.smtp.sealed_password) : '' } : undefined,
        tls: { servername: isIP(config.smtp.host) ? undefined : config.smtp.host, rejectUnauthorized: config.smtp.reject_unauthorized },
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      } satisfies SMTPTransport.Options);
      try {
        const info = (await transport.sendMail({
          from: config.from,
          to: config.to,
          subject,
          text,
          headers: { 'X-Herald-Event-Id': event.id },
          ...(deadline ? { signal: deadline as unknown as AbortSignal } : {}),
        })) as { response?: string };
        const code = Number(info.response?.slice(0, 3)) || 250;
        return { ok: true, status: code, headers: null, bodyExcerpt: (info.response ?? '').slice(0, EXCERPT_BYTES), durationMs: elapsed(), errorClass: null, errorMessage: null, request };
      } finally {
        transport.close();
      }
    } catch (err) {
      const e = err as { responseCode?: number; response?: string; code?: string; message: string };
      const errorClass = e.responseCode || e.code === 'EAUTH' || e.code === 'EENVELOPE' || e.code === 'ETLS' ? (e.code === 'ETLS' ? 'tls' : 'smtp') : e.code === 'ETIMEDOUT' || e.code === 'EABORT' ? 'timeout' : classifyError(err);
      const errorMessage = errorClass === 'timeout' ? `No complete SMTP exchange within ${timeoutMs} ms` : e.message;
      // A 5xx reply is the relay's final word (unknown mailbox, relaying denied, bad credentials):
      // the same message would be refused again, so the delivery ends instead of retrying.
      const permanent = e.responseCode !== undefined && e.responseCode >= 500 ? ('end' as const) : undefined;
      return { ok: false, status: e.responseCode ?? null, headers: null, bodyExcerpt: e.response?.slice(0, EXCERPT_BYTES) ?? null, durationMs: elapsed(), errorClass, errorMessage, request, ...(permanent ? { permanent } : {}) };
    }
  };
}
export type SendEmail = ReturnType<typeof makeMailer>;
