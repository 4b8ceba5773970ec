import pino, { type Logger } from 'pino';

/** Query values that are credentials (record download tokens) never reach a log line. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|portal_token|api_key|access_token)=)[^&#]*/gi, '$1[redacted]');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** JSON logs; anything that could carry a credential is redacted by path. */
export function makeLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.secret',
          '*.secrets',
          '*.signing_secret',
          '*.api_key',
          '*.adminToken',
          '*.token',
          'headers.authorization',
          '*.headers["webhook-signature"]',
        ],
        censor: '[redacted]',
      },
      // Fastify's request serializer, with credentials in query strings redacted.
      serializers: {
        req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
      },
    },
    destination,
  );
}
