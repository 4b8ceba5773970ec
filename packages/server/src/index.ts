export { createHerald, type Herald, type HeraldOptions } from './herald.js';
export { loadConfig, parseSchedule, type HeraldConfig, type DeliveryConfig, type RetentionConfig } from './config.js';
export { openSqliteStore } from './store/sqlite/index.js';
export { openPostgresStore } from './store/postgres/index.js';
export type * from './store/types.js';
