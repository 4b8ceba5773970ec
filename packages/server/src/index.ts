export { createHerald, type Herald, type HeraldOptions } from './herald.js';
export { loadConfig, parseSchedule, type HeraldConfig, type DeliveryConfig, type RetentionConfig } from './config.js';
export { openSqliteStore } from './store/sqlite/index.js';
export type * from './store/types.js';
