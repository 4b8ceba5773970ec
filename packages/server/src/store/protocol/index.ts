import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { accessOps } from './access.js';
import { applicationOps } from './applications.js';
import { makeClaimDue } from './claim.js';
import { leaseDuePostgres } from './claim-lease.postgres.js';
import { leaseDueSqlite } from './claim-lease.sqlite.js';
import { endpointOps } from './endpoints.js';
import { endpointStatsOps } from './endpoint-stats.js';
import { eventTypeOps } from './event-types.js';
import { leaseOps } from './leases.js';
import { logOps } from './log.js';
import { publish, publishBatch } from './publish.js';
import { queueOps } from './queue.js';
import { recordOutcomes } from './record-outcomes.js';
import { recordOps } from './records.js';
import { replayOps } from './replay.js';
import { retentionOps } from './retention.js';
import { tenantOps } from './tenants.js';
import { webhookKeyOps } from './webhook-keys.js';

/** Everything a store does, over one executor; a dialect's store adds only opening and closing. */
export type Protocol = Omit<Store, 'dialect' | 'close' | 'ping' | 'onWork' | 'addToCounters'>;

export function makeProtocol(sql: Sql): Protocol {
  return {
    ...tenantOps(sql),
    ...accessOps(sql),
    ...applicationOps(sql),
    ...eventTypeOps(sql),
    ...endpointOps(sql),
    ...webhookKeyOps(sql),
    ...recordOps(sql),
    publish: (scope, input) => publish(sql, scope, input),
    publishBatch: (items) => publishBatch(sql, items),
    ...logOps(sql),
    ...endpointStatsOps(sql),
    ...replayOps(sql),
    claimDue: makeClaimDue(sql, sql.dialect.name === 'sqlite' ? leaseDueSqlite : leaseDuePostgres),
    recordOutcomes: (outcomes, now, options) => recordOutcomes(sql, outcomes, now, options),
    ...leaseOps(sql),
    ...queueOps(sql),
    ...retentionOps(sql),
  };
}
