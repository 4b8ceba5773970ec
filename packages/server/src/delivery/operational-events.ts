import type { Logger } from 'pino';
import type { Scope, Store } from '../store/types.js';
import type { Publish } from './publisher.js';

export type OperationalEventType =
  | 'endpoint.created'
  | 'endpoint.updated'
  | 'endpoint.deleted'
  | 'endpoint.disabled'
  | 'endpoint.recovered'
  | 'message.attempt.failing'
  | 'message.attempt.exhausted';

/**
 * Operational events are ordinary messages published to the environment's operational
 * application (settings.operational_app), so the tenant receives them through the same pipeline,
 * retries and log as everything else. Events about the operational application itself are not
 * emitted: a failing operational endpoint must not feed itself.
 */
export function makeOperationalEvents(deps: { store: Pick<Store, 'getEnvironmentSettings' | 'getApplication'>; publish: Publish; logger: Logger }) {
  return async function emit(scope: Scope, sourceAppId: string, type: OperationalEventType, payload: Record<string, unknown>): Promise<void> {
    try {
      const settings = await deps.store.getEnvironmentSettings(scope);
      if (!settings.operational_app) return;
      const ops = await deps.store.getApplication(scope, settings.operational_app);
      if (!ops || ops.id === sourceAppId) return;
      await deps.publish(scope, {
        app: ops,
        event_type: type,
        event_id: null,
        channels: null,
        payload: JSON.stringify({ ...payload, timestamp: new Date().toISOString() }),
        record: null,
        idempotency_key: null,
      });
    } catch (err) {
      deps.logger.error({ err, type }, 'could not emit an operational event');
    }
  };
}
export type EmitOperationalEvent = ReturnType<typeof makeOperationalEvents>;
