import { Type } from '@sinclair/typebox';
import { notFound, orConflict } from '../../errors.js';
import { newId } from '../../ids.js';
import { loadApp, type Api, type ApiContext } from '../context.js';
import { present } from '../present.js';
import { AppParams, Application, ApplicationIn, ApplicationPatch, Page, PageQuery, errorResponses } from '../schemas.js';

/** Applications: one per customer of the tenant; `{app}` in paths is the `app_…` id or your uid. */
export function applicationRoutes(app: Api, { store }: ApiContext): void {
  const tags = ['applications'];
  app.post('/app', { schema: { tags, summary: 'Create an application', body: ApplicationIn, response: { 201: Application, ...errorResponses } } }, async (req, reply) => {
    const now = Date.now();
    const row = {
      id: newId('app', now),
      uid: req.body.uid ?? null,
      name: req.body.name,
      retry_schedule: req.body.retry_schedule ?? null,
      metadata: req.body.metadata ?? {},
      created_at: now,
      updated_at: now,
    };
    await orConflict(store.createApplication(req.scope, row), `An application with uid "${row.uid}" already exists`);
    return reply.code(201).send(present.application(row));
  });

  app.get('/app', { schema: { tags, summary: 'List applications', querystring: PageQuery, response: { 200: Page(Application), ...errorResponses } } }, async (req) =>
    present.page(await store.listApplications(req.scope, req.query), present.application),
  );

  app.get('/app/:app', { schema: { tags, summary: 'Get an application', params: AppParams, response: { 200: Application, ...errorResponses } } }, async (req) =>
    present.application(await loadApp(store, req.scope, req.params.app)),
  );

  app.patch(
    '/app/:app',
    { schema: { tags, summary: 'Update an application', params: AppParams, body: ApplicationPatch, response: { 200: Application, ...errorResponses } } },
    async (req) => {
      const current = await loadApp(store, req.scope, req.params.app);
      const updated = await orConflict(
        store.updateApplication(req.scope, current.id, req.body, Date.now()),
        `An application with uid "${req.body.uid}" already exists`,
      );
      if (!updated) throw notFound('Application', req.params.app);
      return present.application(updated);
    },
  );

  app.delete(
    '/app/:app',
    { schema: { tags, summary: 'Delete an application with its endpoints, messages and log', params: AppParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (req, reply) => {
      const current = await loadApp(store, req.scope, req.params.app);
      await store.deleteApplication(req.scope, current.id);
      return reply.code(204).send(null);
    },
  );
}
