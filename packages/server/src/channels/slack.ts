import type { OutgoingEvent } from '../delivery/build-request.js';
import type { SendRequest } from '../delivery/sender.js';

const MAX_CODE_BLOCK = 2800; // Slack caps a section's text at 3000 characters.

/**
 * Slack incoming-webhook message for an event: a header, the event's type, id and time as
 * fields, and the payload as a code block (cut to fit). Slack does not verify signatures, so
 * none are sent; the URL is the secret.
 */
export function buildSlackRequest(event: OutgoingEvent, url: string, timeoutMs: number, userAgent: string): SendRequest {
  const pretty = JSON.stringify(JSON.parse(event.payload), null, 2);
  const code = pretty.length > MAX_CODE_BLOCK ? pretty.slice(0, MAX_CODE_BLOCK) + '\n…' : pretty;
  const when = new Date(event.createdAt).toISOString();
  const body = {
    text: `${event.type} (${event.id})`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: event.type.slice(0, 150) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Event*\n\`${event.type}\`` },
          { type: 'mrkdwn', text: `*Id*\n\`${event.id}\`` },
          { type: 'mrkdwn', text: `*Published*\n${when}` },
        ],
      },
      { type: 'section', text: { type: 'mrkdwn', text: '```' + code + '```' } },
    ],
  };
  return { url, headers: { 'content-type': 'application/json', 'user-agent': userAgent }, body: JSON.stringify(body), timeoutMs };
}
