#!/usr/bin/env node
// Herald's CLI inside this repository: TypeScript sources run through tsx, so a fresh clone needs
// no build step, and workspace packages resolve to their sources (the herald-source condition),
// never to a stale build. The installable `herald` package runs compiled JavaScript instead.
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

register();
// Registered last, so it runs first: every resolution also matches the herald-source condition.
const addSourceCondition = 'export function resolve(specifier, context, next) { return next(specifier, { ...context, conditions: [...context.conditions, "herald-source"] }); }';
registerHooks(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
await import('../src/main.ts');
