import type { Store } from '../types.js';

/**
 * What the main thread asks of the thread that owns the SQLite connection: every store method
 * except those the main thread answers itself from its read-only connection (MAIN_THREAD_READS).
 * Arguments and results are plain data (structured clone): no functions cross.
 */
export const THREAD_METHODS = [
  'ping', 'close',
  'createTenant', 'listTenants', 'getTenant', 'createApiKey', 'listApiKeys', 'revokeApiKey',
  'getEnvironmentSettings', 'putEnvironmentSettings', 'putTenantLimits',
  'createSession', 'revokeSessions', 'createPortalLink', 'listPortalLinks', 'revokePortalLinks',
  'createApplication', 'ensureEventTypes', 'listApplications', 'updateApplication', 'deleteApplication',
  'createRecord', 'getRecord', 'getRecordForDownload', 'purgeRecords', 'getActiveSigningKey', 'listSigningKeys', 'addSigningKey',
  'createWebhookKey', 'listWebhookKeys', 'setWebhookKeyStatus',
  'createEventType', 'listEventTypes', 'updateEventType', 'deleteEventType',
  'createEndpoint', 'listEndpoints', 'getEndpoint', 'updateEndpoint', 'deleteEndpoint', 'rotateEndpointSecret', 'getEndpointRuntime', 'recordVerification',
  'publish', 'publishBatch', 'listMessages', 'getMessage',
  'listDeliveries', 'getDelivery', 'listAttempts', 'countDeliveries', 'endpointStats', 'listEndpointEvents', 'resend', 'retryNow', 'recoverFailed',
  'claimDue', 'recordOutcomes', 'extendLeases', 'releaseExpiredLeases', 'releaseAllLeases', 'queueStats', 'nextDueAt', 'purgeExpired',
] as const satisfies readonly (keyof Store)[];

/** Lookups every API request makes: answered on the main thread (see index.ts). */
export const MAIN_THREAD_READS = ['findApiKey', 'configVersions', 'getApplication', 'getEventType', 'getLiveSession', 'getLivePortalLink', 'getTenantLimits'] as const satisfies readonly (keyof Store)[];

export type ThreadMethod = (typeof THREAD_METHODS)[number];

/** Every method of the Store is in one list or the other (SQLite has no onWork or addToCounters). */
type Unlisted = Exclude<keyof Store, ThreadMethod | (typeof MAIN_THREAD_READS)[number] | 'dialect' | 'onWork' | 'addToCounters'>;
export const EVERY_METHOD_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

export interface StoreCall {
  id: number;
  method: ThreadMethod;
  args: unknown[];
}

export type StoreReply = { id: number; result: unknown } | { id: number; error: { name: string; message: string; code?: string } };
