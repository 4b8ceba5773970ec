// The store's types, by concern: the rows it keeps, the delivery path's messages, the Store interface.
export type * from './rows.js';
export type * from './pipeline.js';
export type * from './store.js';
