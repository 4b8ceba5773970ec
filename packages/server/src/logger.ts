import pino, { type Logger } from 'pino';

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
    },
    destination,
  );
}
