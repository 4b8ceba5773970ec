import type { OutgoingEvent } from '../delivery/build-request.js';
import type { SendRequest, SendResult } from '../delivery/sender.js';

const MAX_CODE_BLOCK = 2800; // Slack caps a section's text at 3000 characters.

/**
 * Slack reads `&`, `<` and `>` as control characters in message text (`<!channel>` pings everyone,
 * `<https://x|label>` is a link), in code blocks too. Its documented escapes make a payload print
 * as itself.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Slack's incoming-webhook errors (a plain-text code in the body) that no retry fixes. The webhook
 * was revoked, its channel archived or deleted, its workspace disabled: the endpoint is disabled.
 * The message itself was refused: this delivery ends.
 */
const SLACK_GONE = new Set(['no_service', 'invalid_token', 'channel_not_found', 'channel_is_archived', 'team_disabled', 'no_team', 'action_prohibited', 'posting_to_general_channel_denied']);
const SLACK_REFUSED = new Set(['invalid_payload', 'no_text', 'too_many_attachments', 'user_not_found', 'no_active_hooks']);

export function classifySlack(result: SendResult): SendResult {
  if (result.ok || result.status === null || result.status < 400 || result.status >= 500) return result;
  const code = (result.bodyExcerpt ?? '').trim().slice(0, 64);
  if (SLACK_GONE.has(code)) return { ...result, permanent: 'disable', errorMessage: `Slack answered ${result.status} ${code}: the webhook no longer posts anywhere` };
  if (SLACK_REFUSED.has(code)) return { ...result, permanent: 'end', errorMessage: `Slack answered ${result.status} ${code}: the message was refused` };
  return result;
}

/**
 * Slack incoming-webhook message for an event: a header, the event's type, id and time as
 * fields, and the payload as a code block (cut to fit). Slack does not verify signatures, so
 * none are sent; the URL is the secret.
 */
export function buildSlackRequest(event: OutgoingEvent, url: string, timeoutMs: number, userAgent: string): SendRequest {
  const pretty = escapeMrkdwn(JSON.stringify(JSON.parse(event.payload), null, 2));
  const code = pretty.length > MAX_CODE_BLOCK ? pretty.slice(0, MAX_CODE_BLOCK).replace(/&[a-z]*$/, '') + '\n…' : pretty;
  const when = new Date(event.createdAt).toISOString();
  const type = escapeMrkdwn(event.type);
  const id = escapeMrkdwn(event.id);
  const body = {
    text: `${type} (${id})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: event.type.slice(0, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Event*\n\`${type}\`` },
          { type: 'mrkdwn', text: `*Id*\n\`${id}\`` },
          { type: 'mrkdwn', text: `*Published*\n${when}` },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '```' + code + '```' } },
    ],
  };
  return { url, headers: { 'content-type': 'application/json', 'user-agent': userAgent }, body: JSON.stringify(body), timeoutMs };
}
