/**
 * Herald's API types, generated from its OpenAPI document by scripts/api-types.ts
 * (openapi-typescript). Do not edit: run `npm run generate:api-types`.
 */
export interface paths {
    "/api/v1/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List applications
         * @description The environment's applications, newest first, paginated with `iterator`.
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Create an application; it starts from the environment's settings, `preset` configures it like a known provider
         * @description Creates an application, usually one per customer. It starts from the environment's delivery settings; `preset` configures it like a known provider (signature scheme, envelope, retry schedule) and installs that provider's event types.
         */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an application
         * @description An application by its `app_` id or by your own `uid`.
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        /**
         * Delete an application with its endpoints, messages and log
         * @description Deletes the application with its endpoints, messages, deliveries, attempts and records. Deliveries in flight are abandoned.
         */
        delete: operations["deleteApplication"];
        options?: never;
        head?: never;
        /**
         * Update an application
         * @description Changes some of an application's fields; the rest keep their values. New deliveries use the new settings; deliveries already signed keep theirs.
         */
        patch: operations["updateApplication"];
        trace?: never;
    };
    "/api/v1/app/{app}/attempt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List attempts across the application; filter by status (succeeded|failed), endpoint, type, time
         * @description Attempts across the application, newest first; filter by outcome (succeeded or failed), endpoint, event type and time.
         */
        get: operations["listAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deliveries, newest first; filter by status, endpoint, type, time; search by type prefix or payload text
         * @description An application's deliveries, newest first; filter by status, endpoint, event type and time. `type_prefix` and `search` (payload text, case-insensitive) look through the application's newest 10,000 deliveries: a bounded scan, whatever the history's size.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/delivery/{delivery}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a delivery
         * @description A delivery: its status, attempt count, next and last attempt, last status code and error.
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/delivery/{delivery}/attempt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a delivery's attempts, newest first
         * @description A delivery's attempts, newest first: the request headers sent, the response status, headers and body excerpt, the error class and the duration.
         */
        get: operations["listDeliveryAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/delivery/{delivery}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retry a failed or waiting delivery now, with a fresh retry budget
         * @description Retries a failed or waiting delivery now, with a fresh retry budget. A delivery in flight or already succeeded is a 409.
         */
        post: operations["retryDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List endpoints
         * @description An application's endpoints, newest first, with their health: status, throttling and verification.
         */
        get: operations["listEndpoints"];
        put?: never;
        /**
         * Create an endpoint; the response holds its signing secret, shown this once
         * @description Adds a webhook endpoint (or an email or Slack channel) to an application. The response holds the signing secret (and the Ed25519 public key) in full this once; everywhere else it is masked. URLs are checked against the SSRF guard when created and again on every delivery.
         */
        post: operations["createEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint-health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Each endpoint's health over the last 24 hours: success rate, median latency, last error
         * @description Each endpoint's last 24 hours: attempts, successes and failures, success rate, median latency (of the newest 1,000 attempts) and the last failure. The dashboard's and portal's endpoint cards show it.
         */
        get: operations["listEndpointHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an endpoint
         * @description An endpoint by id, its secret masked.
         */
        get: operations["getEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete an endpoint; its unfinished deliveries are discarded
         * @description Deletes the endpoint; its deliveries that have not finished are discarded.
         */
        delete: operations["deleteEndpoint"];
        options?: never;
        head?: never;
        /**
         * Update an endpoint; `disabled: false` re-enables it
         * @description Changes some of an endpoint’s fields. `disabled: false` re-enables an endpoint that was disabled by hand or by failures, and clears its throttle.
         */
        patch: operations["updateEndpoint"];
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What this endpoint should have received, oldest first, resumable with `after`
         * @description The polling fallback: what this endpoint should have received, oldest first, as the bodies it would have been sent. Resume with the `after` cursor of the last page; nothing is lost while a receiver is offline.
         */
        get: operations["listEndpointEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Requeue every failed delivery of this endpoint created since a time
         * @description Requeues every failed delivery of this endpoint created since a time, each with a fresh retry budget, e.g. after the receiver was down.
         */
        post: operations["recoverEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret: the new one signs at once, older ones keep signing beside it for a grace window
         * @description Makes a new signing secret (or takes yours). The new one signs at once; the old ones keep signing beside it until `previous_expire_at`, so receivers can roll over without dropping a delivery. The response holds the new secret in full this once.
         */
        post: operations["rotateEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/send-example": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send an event type's example to this endpoint now, signed like a real delivery, and report the response
         * @description Sends an event type's example to this endpoint now, signed and shaped like a real delivery, and reports status, latency and a body excerpt. Nothing is stored in the log.
         */
        post: operations["sendEndpointExample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/transformation/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a transformation on a sample payload with this endpoint's URL and headers; nothing is sent
         * @description Runs a transformation (the code given, else the endpoint's saved one) on a sample payload with the endpoint's URL and headers, in the same sandbox and under the same limits as deliveries, and returns the webhook it would send, that it cancels, or why it fails. Nothing is sent or stored.
         */
        post: operations["applyEndpointTransformation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/endpoint/{endpoint}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the verification challenge now and report the result; echoing it enables a pending endpoint
         * @description Sends the verification challenge now and reports what the endpoint answered. An endpoint pending verification is enabled when it echoes the challenge.
         */
        post: operations["verifyEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/msg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List messages, newest first
         * @description An application's messages, newest first; filter by type and time.
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Publish a message to every subscribed, enabled endpoint of the application
         * @description Publishes a message. 202 means the message and one delivery per subscribed, enabled endpoint are committed; delivery follows at least once. An `Idempotency-Key` header or your own `id` makes retrying the request safe: the original message is returned.
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/msg/{msg}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a message by its msg_ id or your event id
         * @description A message by its `msg_` id or by your own event id, with its payload.
         */
        get: operations["getMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/msg/{msg}/delivery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a message's deliveries
         * @description One delivery per endpoint the message was sent to, with its status and last attempt.
         */
        get: operations["listMessageDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/msg/{msg}/endpoint/{endpoint}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a message to one endpoint again, now, with a fresh retry budget
         * @description Sends a message to one endpoint again, now, as a new delivery with a fresh retry budget, whatever happened to the earlier ones.
         */
        post: operations["resendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/msg/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish up to 100 messages in one request and one transaction
         * @description Publishes up to 100 messages in one request and one transaction. Each message gets its own result, in order: the message, whether it replayed an earlier one, or the problem that refused it. Refused messages do not stop the others.
         */
        post: operations["createMessageBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/portal-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This application's portal links that have not expired (revoked ones too), newest first
         * @description This application's portal links that have not expired, revoked ones included, newest first.
         */
        get: operations["listPortalLinks"];
        put?: never;
        /**
         * A signed, expiring, revocable link to the customer portal for this application (its endpoints, logs and test tools only)
         * @description Creates a signed, expiring, revocable link to the customer portal for one application: your customer sees only that application's endpoints, logs and test tools. The token is returned this once.
         */
        post: operations["createPortalLink"];
        /**
         * Revoke every live portal link of this application
         * @description Revokes every live portal link of this application and ends the sessions opened from them.
         */
        delete: operations["revokePortalLinks"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/portal-link/{link}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a portal link and end the sessions opened from it
         * @description Revokes one portal link and ends the sessions opened from it.
         */
        delete: operations["revokePortalLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/preset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply a provider preset to an existing application: its delivery settings, and any of its event types you don't have yet
         * @description Applies a provider preset to an existing application: its delivery settings, and those of its event types the environment does not have yet.
         */
        post: operations["applyApplicationPreset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a record (JSON or bytes, up to 52428800 bytes, streamed); reference it from a message with "record"
         * @description Uploads a record (JSON or any bytes, streamed, up to 50 MiB) to reference from a message with `record`: deliveries then carry a signed pointer ({format, content_hash, download_url}) instead of the bytes.
         */
        post: operations["createRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/records/{record}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A record's metadata and a fresh download URL
         * @description A record’s metadata (format, size, content hash) and a fresh, expiring download URL.
         */
        get: operations["getRecord"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live updates of an application's delivery log and endpoints (text/event-stream)
         * @description Server-sent events telling a page what to reload: `ready` once, `deliveries` when a message, delivery or attempt of the application appeared or changed, `endpoints` when its endpoint list changed. Events carry no data beyond that; read it through the API. At most 20 streams per environment at once (429 beyond); each ends after 30 minutes.
         */
        get: operations["getApplicationStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/webhook-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the application's webhook keys (masked)
         * @description The application's webhook keys, masked, with their status (active, inactive, retired).
         */
        get: operations["listWebhookKeys"];
        put?: never;
        /**
         * Create a webhook key; it becomes the active one. The key is returned this once.
         * @description Creates an AES-256 webhook key for the application's encrypted data and makes it the active one. The key is returned in full this once; receivers keep it beside the previous ones to decrypt by `key_id`.
         */
        post: operations["createWebhookKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/webhook-keys/{key}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make this key the one that encrypts
         * @description Makes this key the one new deliveries are encrypted with; the previous active key becomes inactive.
         */
        post: operations["activateWebhookKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/app/{app}/webhook-keys/{key}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retire a key that no longer encrypts (the active key cannot be retired)
         * @description Retires a key that no longer encrypts, once receivers no longer need it. The active key cannot be retired.
         */
        post: operations["retireWebhookKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-type": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event types
         * @description The event catalog, paginated; archived types only with `include_archived=true`.
         */
        get: operations["listEventTypes"];
        put?: never;
        /**
         * Create an event type
         * @description Adds an event type to the catalog. With a JSON Schema, every published payload of this type is validated against it (in a sandboxed, time-boxed compiler) and refused with 422 when it does not match.
         */
        post: operations["createEventType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-type/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an event type
         * @description An event type by name, with its schema and example.
         */
        get: operations["getEventType"];
        put?: never;
        post?: never;
        /**
         * Delete an event type
         * @description Removes an event type from the catalog. Messages already published keep their type.
         */
        delete: operations["deleteEventType"];
        options?: never;
        head?: never;
        /**
         * Update an event type
         * @description Changes the description, schema or example, or archives the type: archived types can no longer be published, and stay in the log.
         */
        patch: operations["updateEventType"];
        trace?: never;
    };
    "/api/v1/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Provider presets: what each configures and which event types it installs
         * @description The provider presets this server knows: what each configures (scheme, envelope, retry schedule, id prefix, encryption) and which event types it installs.
         */
        get: operations["listPresets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current browser session (or the portal token sent as "Authorization: Portal …")
         * @description Who the session belongs to (admin, tenant or portal), its environment, the application a portal session is bound to, whether it is read-only, and when it expires.
         */
        get: operations["getSession"];
        put?: never;
        /**
         * Start a browser session (HttpOnly cookie) from the admin token, an API key, or a portal link token
         * @description Exchanges a credential for a browser session: an HttpOnly, SameSite=Strict cookie sealed with the master key, plus a CSRF token to send as `X-CSRF-Token` on every write. An admin session then picks a tenant and environment with `X-Herald-Tenant` / `X-Herald-Environment`.
         */
        post: operations["createSession"];
        /**
         * Sign out: ends this session on the server and clears its cookies
         * @description Revokes this session server-side (the cookie stops working everywhere it was copied) and clears the session and CSRF cookies.
         */
        delete: operations["deleteSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End every session of whoever asks: an admin ends every admin session; a tenant (API key or its session) every session of that tenant
         * @description Revokes every session of the caller: an admin ends every admin session, a tenant every session of that tenant, including customer portal sessions. Returns how many were revoked.
         */
        post: operations["signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This environment's delivery defaults
         * @description This environment's delivery defaults: what a new application starts from.
         */
        get: operations["getSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set this environment's delivery defaults; setting a preset installs its event types
         * @description Changes the environment's delivery defaults. Setting a preset applies its settings and installs its event types; existing applications keep theirs.
         */
        patch: operations["updateSettings"];
        trace?: never;
    };
    "/api/v1/signing-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start signing records with a new RS256 key; older keys stay in the JWKS
         * @description Starts signing record downloads with a new RS256 key. Older keys stay in `/.well-known/jwks.json` so links signed before the rotation keep verifying.
         */
        post: operations["rotateRecordSigningKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tenants
         * @description Every tenant, oldest first, paginated with `iterator`.
         */
        get: operations["listTenants"];
        put?: never;
        /**
         * Create a tenant with one test and one live API key
         * @description Creates a tenant with a test and a live environment, and one API key for each. The keys are returned in full this once; Herald stores only their hashes.
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a tenant's API keys (hints only)
         * @description A tenant's API keys, revoked ones included, with a hint (the first and last characters) instead of the key.
         */
        get: operations["listTenantApiKeys"];
        put?: never;
        /**
         * Create another API key for one environment of a tenant
         * @description Adds an API key for the test or live environment, e.g. to rotate keys without downtime. The key is returned in full this once.
         */
        post: operations["createTenantApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/api-keys/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes an API key at once, in every Herald process (the lookup cache is invalidated through the store).
         */
        delete: operations["revokeTenantApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A tenant's limits and quotas: in force, set for it, and the defaults
         * @description The tenant's rate limits and quotas: the values in force, the overrides set for this tenant, and the server defaults they fall back to.
         */
        get: operations["getTenantLimits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set a tenant's limits (null returns one to the default); in force at once in this process, within 5 s in others
         * @description Overrides some of the tenant’s limits; `null` returns a limit to the server default. Takes effect at once in this process and within 5 seconds in the others.
         */
        patch: operations["updateTenantLimits"];
        trace?: never;
    };
    "/api/v1/tenants/{tenant}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End every browser session of a tenant (dashboard and portal)
         * @description Ends every browser session of the tenant, dashboard and customer portal alike, e.g. after a credential leak.
         */
        delete: operations["revokeTenantSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one signed sample event to a URL now and report status, latency and a body excerpt
         * @description Sends one signed sample event to any URL now (through the SSRF guard) and reports status, latency and a body excerpt. Nothing is stored.
         */
        post: operations["sendTestWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ApiKey: {
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            environment: "test" | "live";
            id: string;
            key_hint: string;
            name: string;
            revoked_at: string | null;
        };
        Application: {
            /** Format: date-time */
            created_at: string;
            default_timeout_seconds: number | null;
            /** @description Encrypt the envelope's data with the application's active webhook key (AES-256-GCM) */
            encrypt_data: boolean;
            envelope: components["schemas"]["Envelope"];
            id: string;
            /** @enum {string} */
            message_id_prefix: "msg" | "evt";
            /** @description Free-form string pairs for your own use */
            metadata: {
                [key: string]: string;
            };
            name: string;
            preset: string | null;
            /** @description New endpoints must echo a challenge before they receive anything */
            require_verification: boolean;
            retry_schedule: number[] | null;
            scheme_options: components["schemas"]["SchemeOptions"];
            /**
             * @description standard | standard-ed25519 | hmac-hex | timestamped
             * @enum {string}
             */
            signature_scheme: "standard" | "standard-ed25519" | "hmac-hex" | "timestamped";
            uid: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        ApplicationIn: {
            default_timeout_seconds?: number | null;
            /** @description Encrypt the envelope's data with the application's active webhook key (AES-256-GCM) */
            encrypt_data?: boolean;
            envelope?: components["schemas"]["Envelope"];
            /** @enum {string} */
            message_id_prefix?: "msg" | "evt";
            /** @description Free-form string pairs for your own use */
            metadata?: {
                [key: string]: string;
            };
            name: string;
            /**
             * @description Configure like a known provider (see GET /api/v1/presets)
             * @enum {string}
             */
            preset?: "klarefi" | "klariqo" | "kompliant" | "kyc";
            /** @description New endpoints must echo a challenge before they receive anything */
            require_verification?: boolean;
            retry_schedule?: number[] | null;
            scheme_options?: components["schemas"]["SchemeOptions"];
            /**
             * @description standard | standard-ed25519 | hmac-hex | timestamped
             * @enum {string}
             */
            signature_scheme?: "standard" | "standard-ed25519" | "hmac-hex" | "timestamped";
            /** @description Your own id for this application */
            uid?: string;
        };
        ApplicationPage: {
            data: components["schemas"]["Application"][];
            done: boolean;
            iterator: string | null;
        };
        ApplicationPatch: {
            default_timeout_seconds?: number | null;
            /** @description Encrypt the envelope's data with the application's active webhook key (AES-256-GCM) */
            encrypt_data?: boolean;
            envelope?: components["schemas"]["Envelope"];
            /** @enum {string} */
            message_id_prefix?: "msg" | "evt";
            /** @description Free-form string pairs for your own use */
            metadata?: {
                [key: string]: string;
            };
            name?: string;
            /** @description New endpoints must echo a challenge before they receive anything */
            require_verification?: boolean;
            retry_schedule?: number[] | null;
            scheme_options?: components["schemas"]["SchemeOptions"];
            /**
             * @description standard | standard-ed25519 | hmac-hex | timestamped
             * @enum {string}
             */
            signature_scheme?: "standard" | "standard-ed25519" | "hmac-hex" | "timestamped";
            /** @description Your own id for this application */
            uid?: string;
        };
        ApplyApplicationPresetRequest: {
            /**
             * @description Configure like a known provider (see GET /api/v1/presets)
             * @enum {string}
             */
            preset: "klarefi" | "klariqo" | "kompliant" | "kyc";
        };
        ApplyApplicationPresetResponse: {
            application: components["schemas"]["Application"];
            event_types_created: string[];
        };
        ApplyEndpointTransformationRequest: {
            /** @description The code to try; default the endpoint's saved transformation */
            code?: string;
            /** @description A sample payload */
            payload: unknown;
            /** @description The event type the sample stands for */
            type: string;
        };
        ApplyEndpointTransformationResponse: {
            /** @description The handler set cancel: true: nothing would be sent and the delivery would end */
            cancelled: boolean;
            duration_ms: number;
            /** @description Why nothing would be sent: what the code threw, its time or memory limit, or what it returned that is refused */
            error: string | null;
            ok: boolean;
            webhook: {
                /** @description Custom headers, credentials masked */
                headers: {
                    [key: string]: string;
                };
                payload: unknown;
                url: string;
            } | null;
        };
        Attempt: {
            attempt_number: number;
            /** Format: date-time */
            created_at: string;
            delivery_id: string;
            duration_ms: number;
            endpoint_id: string;
            /** @description Why the attempt failed: timeout, connection_refused, dns, tls, connection, http_status, blocked (the SSRF guard), smtp, configuration, auth (the OAuth2 token endpoint refused or failed), transformation (the transformation failed or cancelled the delivery); null when it succeeded */
            error_class: string | null;
            error_message: string | null;
            id: string;
            message_id: string;
            request_headers: {
                [key: string]: string;
            };
            response_body: string | null;
            response_headers: {
                [key: string]: string;
            } | null;
            response_status: number | null;
            /** @enum {string} */
            status: "succeeded" | "failed";
            type: string;
            url: string;
        };
        AttemptPage: {
            data: components["schemas"]["Attempt"][];
            done: boolean;
            iterator: string | null;
        };
        BatchIn: {
            messages: {
                /** @description Endpoints that list channels receive this message only when it carries one of theirs */
                channels?: string[] | null;
                /** @description Headers sent with every delivery of this message, after the endpoint's own (a name both set takes this value) and never in place of the signature, content or routing headers. Credentials are stored sealed and read back as "********". */
                headers?: {
                    [key: string]: string;
                };
                /** @description Your own event id: publishing it again returns the original message */
                id?: string;
                /** @description This message's Idempotency-Key: within 24 h, the same key with the same message replays the first */
                idempotency_key?: string;
                ordering_key?: string | null;
                /** @description Any JSON value; validated against the event type schema when it has one */
                payload: unknown;
                /** @description An uploaded record (POST /app/{app}/records); each delivery carries payload.record = {format, content_hash, download_url} */
                record?: {
                    format: string;
                    id: string;
                };
                type: string;
            }[];
        };
        BatchOut: {
            data: {
                message?: components["schemas"]["Message"];
                problem?: components["schemas"]["Problem"];
                /** @description An idempotency key or event id repeated an earlier message: this is that message, nothing new was stored */
                replayed?: boolean;
                /** @description 202 when the message was accepted, else the status POST /app/{app}/msg would have answered */
                status: number;
            }[];
        };
        CreatePortalLinkRequest: {
            /** @description Default 900 */
            expires_in_seconds?: number;
            /** @description The portal can only read (no endpoint changes, resends or test sends) */
            read_only?: boolean;
        };
        CreatePortalLinkResponse: {
            app_id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            id: string;
            read_only: boolean;
            revoked_at: string | null;
            token: string;
            url: string;
        };
        CreateRecordResponse: {
            /** @description sha512- + base64 of the SHA-512 of the bytes */
            content_hash: string;
            content_type: string;
            /** Format: date-time */
            created_at: string;
            /** @description Compact JWS (RS256) over {rid, content_hash, content_type, size, iat}; keys at /.well-known/jwks.json */
            jws: string;
            record_id: string;
            size: number;
        };
        CreateSessionRequest: {
            portal_token?: string;
            token?: string;
        };
        CreateSessionResponse: {
            /** @description Portal sessions: the one application they reach */
            app_id: string | null;
            /** @description Send it back in the x-csrf-token header on POST, PATCH, PUT and DELETE */
            csrf_token: string;
            environment: "test" | "live" | null;
            /** Format: date-time */
            expires_at: string;
            /** @enum {string} */
            kind: "admin" | "key" | "portal";
            /** @description Portal sessions: the tenant's portal branding (defaults filled in) */
            portal: components["schemas"]["PortalSettings"] | null;
            /** @description Portal sessions from a read-only link can only read */
            read_only: boolean;
            tenant_id: string | null;
        };
        CreateTenantApiKeyRequest: {
            /** @enum {string} */
            environment: "test" | "live";
            name?: string;
        };
        CreateTenantApiKeyResponse: {
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            environment: "test" | "live";
            id: string;
            key: string;
            key_hint: string;
            name: string;
            revoked_at: string | null;
        };
        CreateTenantRequest: {
            name: string;
        };
        CreateTenantResponse: {
            api_keys: {
                live: string;
                test: string;
            };
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
        };
        CreateWebhookKeyResponse: {
            /** Format: date-time */
            created_at: string;
            /** @description Masked: the last characters of the base64 key */
            hint: string;
            /** @description base64 of 32 bytes: the AES-256-GCM key */
            key: string;
            key_id: string;
            /** @enum {string} */
            status: "active" | "inactive" | "retired";
            /** Format: date-time */
            updated_at: string;
        };
        Delivery: {
            attempt_count: number;
            /** Format: date-time */
            created_at: string;
            endpoint_id: string;
            id: string;
            last_attempt_at: string | null;
            last_error: string | null;
            last_status_code: number | null;
            message_id: string;
            next_attempt_at: string | null;
            /** @enum {string} */
            status: "pending" | "delivering" | "succeeded" | "failed" | "discarded";
            type: string;
            /** Format: date-time */
            updated_at: string;
        };
        DeliveryPage: {
            data: components["schemas"]["Delivery"][];
            done: boolean;
            iterator: string | null;
        };
        EmailChannelIn: {
            /** Format: email */
            from: string;
            smtp: {
                host: string;
                /** @description Stored encrypted; never returned */
                password?: string;
                port: number;
                /** @description Check the relay's certificate (default true) */
                reject_unauthorized?: boolean;
                /**
                 * @description tls: implicit TLS (465); starttls: upgrade required (587); none: plain, local relays only
                 * @enum {string}
                 */
                security: "tls" | "starttls" | "none";
                username?: string;
            };
            /** @description Default "[Herald] " */
            subject_prefix?: string;
            to: string[];
        };
        Endpoint: {
            app_id: string;
            auth: components["schemas"]["EndpointAuth"] | null;
            channels: string[] | null;
            /** Format: date-time */
            created_at: string;
            description: string;
            disabled_reason: string | null;
            email: {
                from: string;
                smtp: {
                    has_password: boolean;
                    host: string;
                    port: number;
                    reject_unauthorized: boolean;
                    security: string;
                    username: string | null;
                };
                subject_prefix: string;
                to: string[];
            } | null;
            enabled_at: string | null;
            encrypt_data: boolean | null;
            envelope: components["schemas"]["Envelope"] | null;
            filter_types: string[] | null;
            headers: {
                [key: string]: string;
            };
            id: string;
            /**
             * @description webhook (signed HTTP POST), or a notification channel: email (SMTP) or slack (incoming webhook URL)
             * @enum {string}
             */
            kind: "webhook" | "email" | "slack";
            max_in_flight: number;
            /** @description Free-form string pairs for your own use */
            metadata: {
                [key: string]: string;
            };
            ordering: components["schemas"]["Ordering"];
            ordering_failure: components["schemas"]["OrderingFailure"];
            payload_filter: components["schemas"]["PayloadFilter"] | null;
            /** @description whpk_ Ed25519 public key for standard-ed25519 receivers */
            public_key: string;
            rate_limit_per_second: number | null;
            retry_schedule: number[] | null;
            scheme_options: components["schemas"]["SchemeOptions"] | null;
            /** @description The signing secret: in full only in the response that created or rotated it, masked everywhere else */
            secret: string;
            /** @description null: the application's scheme */
            signature_scheme: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
            /** @enum {string} */
            status: "enabled" | "disabled" | "pending_verification";
            throttle_reason: string | null;
            throttled_until: string | null;
            timeout_seconds: number;
            tls: components["schemas"]["EndpointTls"] | null;
            /** @description Deliveries carry a W3C traceparent header (when Herald exports traces) */
            trace_propagation: boolean;
            transformation: string | null;
            uid: string | null;
            /** Format: date-time */
            updated_at: string;
            url: string;
            verification_error: string | null;
            verified_at: string | null;
        };
        /** @description bearer, basic or oauth2_client_credentials; the token is fetched, cached until it expires and fetched again once when the receiver answers 401 */
        EndpointAuth: {
            /** @description Sent as "Authorization: Bearer <token>"; read back as "********" */
            token: string;
            /** @constant */
            type: "bearer";
        } | {
            /** @description The password; read back as "********", which sent back keeps the stored value */
            password: string;
            /** @constant */
            type: "basic";
            username: string;
        } | {
            audience?: string | null;
            /**
             * @description Client credentials in an HTTP Basic header (default) or in the form body
             * @enum {string}
             */
            client_auth?: "basic" | "body";
            client_id: string;
            /** @description The client secret; read back as "********", which sent back keeps the stored value */
            client_secret: string;
            scope?: string | null;
            /** @description The token endpoint; https:// (http:// in the test environment), under the same network rules as endpoint URLs */
            token_url: string;
            /** @constant */
            type: "oauth2_client_credentials";
        };
        EndpointIn: {
            auth?: components["schemas"]["EndpointAuth"] | null;
            /** @description Only messages published with one of these channels; null or absent for every message */
            channels?: string[] | null;
            description?: string;
            disabled?: boolean;
            email?: components["schemas"]["EmailChannelIn"];
            /** @description null: the application's setting */
            encrypt_data?: boolean | null;
            envelope?: components["schemas"]["Envelope"] | null;
            /** @description Event types this endpoint receives; null or absent for all */
            filter_types?: string[] | null;
            /** @description Extra headers sent with every delivery (not the signature, content or routing headers). Credentials (Authorization, Cookie, *-Token, *-Key, *-Secret, *-Password) are stored sealed and read back as "********"; sending "********" back keeps the stored value. */
            headers?: {
                [key: string]: string;
            };
            /**
             * @description webhook (signed HTTP POST), or a notification channel: email (SMTP) or slack (incoming webhook URL)
             * @enum {string}
             */
            kind?: "webhook" | "email" | "slack";
            /** @description Concurrent requests to this endpoint; default 10 */
            max_in_flight?: number;
            /** @description Free-form string pairs for your own use */
            metadata?: {
                [key: string]: string;
            };
            ordering?: components["schemas"]["Ordering"];
            ordering_failure?: components["schemas"]["OrderingFailure"];
            /** @description Only messages whose payload matches this filter (README "Payload filters"); null or absent for every message of its types */
            payload_filter?: components["schemas"]["PayloadFilter"] | null;
            /** @description Requests per second across all workers; null for none */
            rate_limit_per_second?: number | null;
            retry_schedule?: number[] | null;
            scheme_options?: components["schemas"]["SchemeOptions"] | null;
            /** @description Bring your own secret: whsec_ + base64 of 24–64 bytes for the standard scheme; any 16–200 printable characters for hmac-hex and timestamped */
            secret?: string;
            signature_scheme?: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
            /** @description Seconds to wait for a response; default the application's, else 15 */
            timeout_seconds?: number;
            /** @description mTLS: a client certificate and key, and/or a CA for the receiver; null for neither */
            tls?: components["schemas"]["EndpointTlsIn"] | null;
            /** @description Send a W3C traceparent header with each delivery, continuing Herald's trace of the attempt (when Herald exports traces); default false */
            trace_propagation?: boolean;
            /** @description JavaScript defining function handler(webhook), run in a sandbox before each attempt (README "Transformations"); null for none */
            transformation?: string | null;
            /** @description Your own id for this endpoint, unique in its application; paths take it in place of the ep_ id */
            uid?: string | null;
            /** @description https:// (http:// is accepted in the test environment) */
            url?: string;
        };
        EndpointPage: {
            data: components["schemas"]["Endpoint"][];
            done: boolean;
            iterator: string | null;
        };
        EndpointPatch: {
            auth?: components["schemas"]["EndpointAuth"] | null;
            /** @description Only messages published with one of these channels; null or absent for every message */
            channels?: string[] | null;
            description?: string;
            disabled?: boolean;
            email?: components["schemas"]["EmailChannelIn"];
            /** @description null: the application's setting */
            encrypt_data?: boolean | null;
            envelope?: components["schemas"]["Envelope"] | null;
            /** @description Event types this endpoint receives; null or absent for all */
            filter_types?: string[] | null;
            /** @description Extra headers sent with every delivery (not the signature, content or routing headers). Credentials (Authorization, Cookie, *-Token, *-Key, *-Secret, *-Password) are stored sealed and read back as "********"; sending "********" back keeps the stored value. */
            headers?: {
                [key: string]: string;
            };
            /** @description Concurrent requests to this endpoint; default 10 */
            max_in_flight?: number;
            /** @description Free-form string pairs for your own use */
            metadata?: {
                [key: string]: string;
            };
            ordering?: components["schemas"]["Ordering"];
            ordering_failure?: components["schemas"]["OrderingFailure"];
            /** @description Only messages whose payload matches this filter (README "Payload filters"); null or absent for every message of its types */
            payload_filter?: components["schemas"]["PayloadFilter"] | null;
            /** @description Requests per second across all workers; null for none */
            rate_limit_per_second?: number | null;
            retry_schedule?: number[] | null;
            scheme_options?: components["schemas"]["SchemeOptions"] | null;
            signature_scheme?: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
            /** @description Seconds to wait for a response; default the application's, else 15 */
            timeout_seconds?: number;
            /** @description mTLS: a client certificate and key, and/or a CA for the receiver; null for neither */
            tls?: components["schemas"]["EndpointTlsIn"] | null;
            /** @description Send a W3C traceparent header with each delivery, continuing Herald's trace of the attempt (when Herald exports traces); default false */
            trace_propagation?: boolean;
            /** @description JavaScript defining function handler(webhook), run in a sandbox before each attempt (README "Transformations"); null for none */
            transformation?: string | null;
            /** @description Your own id for this endpoint, unique in its application; paths take it in place of the ep_ id */
            uid?: string | null;
            /** @description https:// (http:// is accepted in the test environment) */
            url?: string;
        };
        EndpointTls: {
            ca_certificate: string | null;
            client_certificate: string | null;
            client_certificate_expires_at: string | null;
            client_certificate_subject: string | null;
            client_key: string | null;
        };
        EndpointTlsIn: {
            ca_certificate?: string | null;
            client_certificate?: string | null;
            client_key?: string | null;
        };
        /** @description standard | classic | versioned | event | flat | raw, or a custom spec */
        Envelope: ("standard" | "classic" | "versioned" | "event" | "flat" | "raw") | components["schemas"]["EnvelopeSpec"];
        /** @description A custom body shape */
        EnvelopeSpec: {
            data_field: string | null;
            id_field: string | null;
            lift_fields: string[];
            static_fields: {
                [key: string]: unknown;
            };
            timestamp_field: string | null;
            /** @enum {string} */
            timestamp_format: "iso" | "unix" | "unix_ms";
            type_field: string | null;
        };
        EventType: {
            archived: boolean;
            /** Format: date-time */
            created_at: string;
            description: string;
            example: unknown;
            name: string;
            schema: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            updated_at: string;
        };
        EventTypeIn: {
            description?: string;
            example?: unknown;
            name: string;
            /** @description JSON Schema every published payload of this type must satisfy */
            schema?: {
                [key: string]: unknown;
            };
        };
        EventTypePage: {
            data: components["schemas"]["EventType"][];
            done: boolean;
            iterator: string | null;
        };
        EventTypePatch: {
            archived?: boolean;
            description?: string;
            example?: unknown;
            schema?: {
                [key: string]: unknown;
            } | null;
        };
        GetRecordResponse: {
            /** @description sha512- + base64 of the SHA-512 of the bytes */
            content_hash: string;
            content_type: string;
            /** Format: date-time */
            created_at: string;
            download_url: string;
            /** @description Compact JWS (RS256) over {rid, content_hash, content_type, size, iat}; keys at /.well-known/jwks.json */
            jws: string;
            record_id: string;
            size: number;
        };
        GetSessionResponse: {
            /** @description Portal sessions: the one application they reach */
            app_id: string | null;
            /** @description Send it back in the x-csrf-token header on POST, PATCH, PUT and DELETE */
            csrf_token: string;
            environment: "test" | "live" | null;
            /** Format: date-time */
            expires_at: string;
            /** @enum {string} */
            kind: "admin" | "key" | "portal";
            /** @description Portal sessions: the tenant's portal branding (defaults filled in) */
            portal: components["schemas"]["PortalSettings"] | null;
            /** @description Portal sessions from a read-only link can only read */
            read_only: boolean;
            tenant_id: string | null;
        };
        GetSettingsResponse: {
            envelope: components["schemas"]["Envelope"] | null;
            /** @description Application (id or uid) whose endpoints receive endpoint.* and message.attempt.* operational events */
            operational_app: string | null;
            /** @description The customer portal's branding and what it shows customers */
            portal: components["schemas"]["PortalSettings"] | null;
            /** @description A provider preset: new applications start from it and its event types are installed */
            preset: ("klarefi" | "klariqo" | "kompliant" | "kyc") | null;
            scheme_options: components["schemas"]["SchemeOptions"] | null;
            signature_scheme: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
        };
        GetTenantLimitsResponse: {
            defaults: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second: number;
                /** @description Applications per environment */
                max_applications: number;
                /** @description Endpoints per application */
                max_endpoints_per_app: number;
                /** @description Event types per environment */
                max_event_types: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes: number;
                /** @description Publish requests per second, per environment */
                publish_per_second: number;
            };
            limits: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second: number;
                /** @description Applications per environment */
                max_applications: number;
                /** @description Endpoints per application */
                max_endpoints_per_app: number;
                /** @description Event types per environment */
                max_event_types: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes: number;
                /** @description Publish requests per second, per environment */
                publish_per_second: number;
            };
            overrides: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second?: number;
                /** @description Applications per environment */
                max_applications?: number;
                /** @description Endpoints per application */
                max_endpoints_per_app?: number;
                /** @description Event types per environment */
                max_event_types?: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes?: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes?: number;
                /** @description Publish requests per second, per environment */
                publish_per_second?: number;
            };
        };
        ListEndpointEventsResponse: {
            /** @description Pass as `after` for the next page; null when there is nothing yet */
            cursor: string | null;
            data: {
                cursor: string;
                delivery: components["schemas"]["Delivery"];
                message: components["schemas"]["Message"];
                request?: {
                    body: string;
                    headers: {
                        [key: string]: string;
                    };
                };
            }[];
            done: boolean;
        };
        ListEndpointHealthResponse: {
            data: {
                /** @description Attempts in the window */
                attempts: number;
                endpoint_id: string;
                failed: number;
                last_error: {
                    /** Format: date-time */
                    at: string;
                    error_class: string | null;
                    error_message: string | null;
                    response_status: number | null;
                } | null;
                /** @description Median attempt duration (of the newest 1,000 attempts in the window) */
                p50_latency_ms: number | null;
                succeeded: number;
                /** @description succeeded / attempts; null without attempts */
                success_rate: number | null;
            }[];
            window_seconds: number;
        };
        ListPortalLinksResponse: {
            data: {
                app_id: string;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                expires_at: string;
                id: string;
                read_only: boolean;
                revoked_at: string | null;
            }[];
            done: boolean;
            iterator: string | null;
        };
        ListPresetsResponse: {
            data: {
                application: {
                    [key: string]: unknown;
                };
                description: string;
                event_types: string[];
                name: string;
            }[];
        };
        ListTenantApiKeysResponse: {
            data: components["schemas"]["ApiKey"][];
        };
        ListWebhookKeysResponse: {
            data: components["schemas"]["WebhookKey"][];
        };
        Message: {
            channels: string[] | null;
            /** Format: date-time */
            created_at: string;
            event_id: string | null;
            /** @description The message's own delivery headers; credentials read back as "********" */
            headers: {
                [key: string]: string;
            };
            id: string;
            ordering_key: string | null;
            payload: unknown;
            /** @description The attached record; deliveries carry a pointer to it */
            record: {
                format: string;
                id: string;
            } | null;
            type: string;
        };
        MessageIn: {
            /** @description Endpoints that list channels receive this message only when it carries one of theirs */
            channels?: string[] | null;
            /** @description Headers sent with every delivery of this message, after the endpoint's own (a name both set takes this value) and never in place of the signature, content or routing headers. Credentials are stored sealed and read back as "********". */
            headers?: {
                [key: string]: string;
            };
            /** @description Your own event id: publishing it again returns the original message */
            id?: string;
            ordering_key?: string | null;
            /** @description Any JSON value; validated against the event type schema when it has one */
            payload: unknown;
            /** @description An uploaded record (POST /app/{app}/records); each delivery carries payload.record = {format, content_hash, download_url} */
            record?: {
                format: string;
                id: string;
            };
            type: string;
        };
        MessagePage: {
            data: components["schemas"]["Message"][];
            done: boolean;
            iterator: string | null;
        };
        /**
         * @description fifo: one delivery at a time per ordering_key, in publish order; a failing delivery holds its line through its retries (README "Ordered delivery"). Default unordered
         * @enum {string}
         */
        Ordering: "unordered" | "fifo";
        /**
         * @description fifo: when a delivery fails for good, continue with the next of its line, or pause the line until it is retried or resent. Default continue
         * @enum {string}
         */
        OrderingFailure: "continue" | "pause";
        /**
         * @description A JSON object shaped like the payload: a field name maps to a value (equality), a nested filter, or operators $eq $neq $gt $gte $lt $lte $in $nin $startsWith $exists; $and, $or and $not combine filters
         * @example {
         *       "amount": {
         *         "$gte": 100
         *       },
         *       "customer": {
         *         "tier": {
         *           "$in": [
         *             "gold",
         *             "platinum"
         *           ]
         *         }
         *       }
         *     }
         */
        PayloadFilter: {
            [key: string]: unknown;
        };
        PortalSettings: {
            accent_color: string | null;
            logo_url: string | null;
            /** @description The portal's title; null: "Webhooks" */
            name: string | null;
            /** @description Let customers see and change signature scheme, envelope and encryption (hidden by default) */
            show_delivery_settings: boolean;
            /**
             * @description auto follows the customer's system setting
             * @enum {string}
             */
            theme: "light" | "dark" | "auto";
        };
        /** @description RFC 9457 problem details */
        Problem: {
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        /** @description A JSON record: any JSON document, stored and delivered by reference */
        RecordContent: unknown;
        RecoverEndpointRequest: {
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until?: string;
        };
        RecoverEndpointResponse: {
            recovered: number;
        };
        RevokePortalLinksResponse: {
            revoked: number;
        };
        RevokeTenantSessionsResponse: {
            revoked: number;
        };
        RotateEndpointSecretRequest: {
            /** @description How long older secrets keep signing (default 24 h, at most 7 days) */
            grace_seconds?: number;
            /** @description Bring your own secret: whsec_ + base64 of 24–64 bytes for the standard scheme; any 16–200 printable characters for hmac-hex and timestamped */
            secret?: string;
        };
        RotateEndpointSecretResponse: {
            endpoint: components["schemas"]["Endpoint"];
            /** Format: date-time */
            previous_expire_at: string;
            public_key: string;
            secret: string;
        };
        SchemeOptions: {
            /** @description timestamped: the signature header, e.g. X-Klarefi-Signature */
            header_name?: string;
            /**
             * @description standard schemes: webhook-id/-timestamp/-signature (default), Svix's svix-* names, or both sets
             * @enum {string}
             */
            header_names?: "webhook" | "svix" | "both";
            /** @enum {string} */
            signed_content?: "body" | "timestamp.body";
            /** @description No control characters */
            user_agent?: string;
        };
        SendEndpointExampleRequest: {
            type: string;
        };
        SendEndpointExampleResponse: {
            body_excerpt: string | null;
            error_class: string | null;
            error_message: string | null;
            latency_ms: number;
            ok: boolean;
            request: {
                body: string;
                headers: {
                    [key: string]: string;
                };
                url: string;
            };
            response_headers: {
                [key: string]: string;
            } | null;
            status: number | null;
        };
        SendTestWebhookRequest: {
            endpoint_url: string;
            envelope?: components["schemas"]["Envelope"];
            event_type?: string;
            /**
             * @description standard | standard-ed25519 | hmac-hex | timestamped
             * @enum {string}
             */
            scheme?: "standard" | "standard-ed25519" | "hmac-hex" | "timestamped";
            scheme_options?: components["schemas"]["SchemeOptions"];
            signing_secret: string;
            timeout_seconds?: number;
        };
        SendTestWebhookResponse: {
            body_excerpt: string | null;
            error_class: string | null;
            error_message: string | null;
            latency_ms: number;
            ok: boolean;
            request: {
                body: string;
                headers: {
                    [key: string]: string;
                };
                url: string;
            };
            response_headers: {
                [key: string]: string;
            } | null;
            status: number | null;
        };
        SignOutEverywhereResponse: {
            revoked: number;
        };
        Tenant: {
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
        };
        TenantPage: {
            data: components["schemas"]["Tenant"][];
            done: boolean;
            iterator: string | null;
        };
        UpdateSettingsRequest: {
            envelope?: components["schemas"]["Envelope"] | null;
            /** @description Application (id or uid) whose endpoints receive endpoint.* and message.attempt.* operational events */
            operational_app?: string | null;
            /** @description The customer portal's branding and what it shows customers */
            portal?: components["schemas"]["PortalSettings"] | null;
            /** @description A provider preset: new applications start from it and its event types are installed */
            preset?: ("klarefi" | "klariqo" | "kompliant" | "kyc") | null;
            scheme_options?: components["schemas"]["SchemeOptions"] | null;
            signature_scheme?: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
        };
        UpdateSettingsResponse: {
            envelope: components["schemas"]["Envelope"] | null;
            event_types_created: string[];
            /** @description Application (id or uid) whose endpoints receive endpoint.* and message.attempt.* operational events */
            operational_app: string | null;
            /** @description The customer portal's branding and what it shows customers */
            portal: components["schemas"]["PortalSettings"] | null;
            /** @description A provider preset: new applications start from it and its event types are installed */
            preset: ("klarefi" | "klariqo" | "kompliant" | "kyc") | null;
            scheme_options: components["schemas"]["SchemeOptions"] | null;
            signature_scheme: ("standard" | "standard-ed25519" | "hmac-hex" | "timestamped") | null;
        };
        UpdateTenantLimitsRequest: {
            /** @description Other API requests per second, per environment (dashboard and portal included); null: the server default */
            api_per_second?: number | null;
            /** @description Applications per environment; null: the server default */
            max_applications?: number | null;
            /** @description Endpoints per application; null: the server default */
            max_endpoints_per_app?: number | null;
            /** @description Event types per environment; null: the server default */
            max_event_types?: number | null;
            /** @description Largest message payload, bytes of JSON; null: the server default */
            max_payload_bytes?: number | null;
            /** @description Largest event-type JSON Schema, bytes; null: the server default */
            max_schema_bytes?: number | null;
            /** @description Publish requests per second, per environment; null: the server default */
            publish_per_second?: number | null;
        };
        UpdateTenantLimitsResponse: {
            defaults: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second: number;
                /** @description Applications per environment */
                max_applications: number;
                /** @description Endpoints per application */
                max_endpoints_per_app: number;
                /** @description Event types per environment */
                max_event_types: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes: number;
                /** @description Publish requests per second, per environment */
                publish_per_second: number;
            };
            limits: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second: number;
                /** @description Applications per environment */
                max_applications: number;
                /** @description Endpoints per application */
                max_endpoints_per_app: number;
                /** @description Event types per environment */
                max_event_types: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes: number;
                /** @description Publish requests per second, per environment */
                publish_per_second: number;
            };
            overrides: {
                /** @description Other API requests per second, per environment (dashboard and portal included) */
                api_per_second?: number;
                /** @description Applications per environment */
                max_applications?: number;
                /** @description Endpoints per application */
                max_endpoints_per_app?: number;
                /** @description Event types per environment */
                max_event_types?: number;
                /** @description Largest message payload, bytes of JSON */
                max_payload_bytes?: number;
                /** @description Largest event-type JSON Schema, bytes */
                max_schema_bytes?: number;
                /** @description Publish requests per second, per environment */
                publish_per_second?: number;
            };
        };
        VerifyEndpointResponse: {
            endpoint: components["schemas"]["Endpoint"];
            response: {
                body_excerpt: string | null;
                error_class: string | null;
                error_message: string | null;
                latency_ms: number;
                ok: boolean;
                request: {
                    body: string;
                    headers: {
                        [key: string]: string;
                    };
                    url: string;
                };
                response_headers: {
                    [key: string]: string;
                } | null;
                status: number | null;
            };
            verified: boolean;
        };
        WebhookKey: {
            /** Format: date-time */
            created_at: string;
            /** @description Masked: the last characters of the base64 key */
            hint: string;
            key_id: string;
            /** @enum {string} */
            status: "active" | "inactive" | "retired";
            /** Format: date-time */
            updated_at: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listApplications: {
        parameters: {
            query?: {
                iterator?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *           "uid": "acme",
                     *           "name": "Acme Corp",
                     *           "retry_schedule": null,
                     *           "metadata": {
                     *             "plan": "enterprise"
                     *           },
                     *           "signature_scheme": "standard",
                     *           "scheme_options": {},
                     *           "envelope": "standard",
                     *           "require_verification": false,
                     *           "default_timeout_seconds": null,
                     *           "message_id_prefix": "msg",
                     *           "encrypt_data": false,
                     *           "preset": null,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["ApplicationPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme Corp",
                 *       "uid": "acme",
                 *       "metadata": {
                 *         "plan": "enterprise"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": "acme",
                     *       "name": "Acme Corp",
                     *       "retry_schedule": null,
                     *       "metadata": {
                     *         "plan": "enterprise"
                     *       },
                     *       "signature_scheme": "standard",
                     *       "scheme_options": {},
                     *       "envelope": "standard",
                     *       "require_verification": false,
                     *       "default_timeout_seconds": null,
                     *       "message_id_prefix": "msg",
                     *       "encrypt_data": false,
                     *       "preset": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": "acme",
                     *       "name": "Acme Corp",
                     *       "retry_schedule": null,
                     *       "metadata": {
                     *         "plan": "enterprise"
                     *       },
                     *       "signature_scheme": "standard",
                     *       "scheme_options": {},
                     *       "envelope": "standard",
                     *       "require_verification": false,
                     *       "default_timeout_seconds": null,
                     *       "message_id_prefix": "msg",
                     *       "encrypt_data": false,
                     *       "preset": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme Corporation",
                 *       "retry_schedule": [
                 *         0,
                 *         5,
                 *         300,
                 *         1800,
                 *         7200
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ApplicationPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": "acme",
                     *       "name": "Acme Corp",
                     *       "retry_schedule": null,
                     *       "metadata": {
                     *         "plan": "enterprise"
                     *       },
                     *       "signature_scheme": "standard",
                     *       "scheme_options": {},
                     *       "envelope": "standard",
                     *       "require_verification": false,
                     *       "default_timeout_seconds": null,
                     *       "message_id_prefix": "msg",
                     *       "encrypt_data": false,
                     *       "preset": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAttempts: {
        parameters: {
            query?: {
                endpoint_id?: string;
                iterator?: string;
                limit?: number;
                since?: string;
                status?: "pending" | "delivering" | "succeeded" | "failed" | "discarded";
                type?: string;
                until?: string;
            };
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "atm_01jdx3z7p9o1i3u5y7t9r1e3w5",
                     *           "delivery_id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *           "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *           "type": "order.created",
                     *           "attempt_number": 1,
                     *           "status": "succeeded",
                     *           "url": "https://acme.example.com/webhooks/herald",
                     *           "request_headers": {
                     *             "content-type": "application/json",
                     *             "webhook-id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *             "webhook-timestamp": "1796117400",
                     *             "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
                     *           },
                     *           "response_status": 200,
                     *           "response_headers": {
                     *             "content-type": "application/json"
                     *           },
                     *           "response_body": "{\"received\":true}",
                     *           "error_class": null,
                     *           "error_message": null,
                     *           "duration_ms": 43,
                     *           "created_at": "2026-12-01T09:30:02.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["AttemptPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                endpoint_id?: string;
                iterator?: string;
                limit?: number;
                /** @description Deliveries whose message payload contains this text (case-insensitive), among the application's newest 10,000 deliveries */
                search?: string;
                since?: string;
                status?: "pending" | "delivering" | "succeeded" | "failed" | "discarded";
                type?: string;
                /** @description Deliveries of event types starting with this, e.g. `invoice.` */
                type_prefix?: string;
                until?: string;
            };
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *           "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *           "type": "order.created",
                     *           "status": "succeeded",
                     *           "attempt_count": 1,
                     *           "next_attempt_at": null,
                     *           "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:02.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *       "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "type": "order.created",
                     *       "status": "succeeded",
                     *       "attempt_count": 1,
                     *       "next_attempt_at": null,
                     *       "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *       "last_status_code": 200,
                     *       "last_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:02.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveryAttempts: {
        parameters: {
            query?: {
                endpoint_id?: string;
                iterator?: string;
                limit?: number;
                since?: string;
                status?: "pending" | "delivering" | "succeeded" | "failed" | "discarded";
                type?: string;
                until?: string;
            };
            header?: never;
            path: {
                app: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "atm_01jdx3z7p9o1i3u5y7t9r1e3w5",
                     *           "delivery_id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *           "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *           "type": "order.created",
                     *           "attempt_number": 1,
                     *           "status": "succeeded",
                     *           "url": "https://acme.example.com/webhooks/herald",
                     *           "request_headers": {
                     *             "content-type": "application/json",
                     *             "webhook-id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *             "webhook-timestamp": "1796117400",
                     *             "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="
                     *           },
                     *           "response_status": 200,
                     *           "response_headers": {
                     *             "content-type": "application/json"
                     *           },
                     *           "response_body": "{\"received\":true}",
                     *           "error_class": null,
                     *           "error_message": null,
                     *           "duration_ms": 43,
                     *           "created_at": "2026-12-01T09:30:02.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["AttemptPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retryDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                delivery: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: committed; delivery follows */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *       "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "type": "order.created",
                     *       "status": "succeeded",
                     *       "attempt_count": 1,
                     *       "next_attempt_at": null,
                     *       "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *       "last_status_code": 200,
                     *       "last_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:02.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEndpoints: {
        parameters: {
            query?: {
                iterator?: string;
                limit?: number;
            };
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *           "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *           "uid": null,
                     *           "kind": "webhook",
                     *           "email": null,
                     *           "url": "https://acme.example.com/webhooks/herald",
                     *           "description": "Order events for the fulfilment service",
                     *           "status": "enabled",
                     *           "disabled_reason": null,
                     *           "throttled_until": null,
                     *           "throttle_reason": null,
                     *           "filter_types": [
                     *             "order.created",
                     *             "order.paid"
                     *           ],
                     *           "channels": null,
                     *           "payload_filter": {
                     *             "total": {
                     *               "$gte": 1000
                     *             },
                     *             "currency": {
                     *               "$in": [
                     *                 "EUR",
                     *                 "USD"
                     *               ]
                     *             }
                     *           },
                     *           "timeout_seconds": 15,
                     *           "retry_schedule": null,
                     *           "max_in_flight": 10,
                     *           "rate_limit_per_second": null,
                     *           "headers": {},
                     *           "auth": {
                     *             "type": "oauth2_client_credentials",
                     *             "token_url": "https://auth.acme.example.com/oauth/token",
                     *             "client_id": "herald",
                     *             "client_secret": "********",
                     *             "scope": "webhooks",
                     *             "audience": null,
                     *             "client_auth": "basic"
                     *           },
                     *           "tls": null,
                     *           "transformation": null,
                     *           "ordering": "fifo",
                     *           "ordering_failure": "continue",
                     *           "metadata": {},
                     *           "signature_scheme": null,
                     *           "scheme_options": null,
                     *           "envelope": null,
                     *           "encrypt_data": null,
                     *           "trace_propagation": false,
                     *           "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *           "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *           "enabled_at": "2026-12-01T09:30:00.000Z",
                     *           "verified_at": null,
                     *           "verification_error": null,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["EndpointPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://acme.example.com/webhooks/herald",
                 *       "description": "Order events for the fulfilment service",
                 *       "filter_types": [
                 *         "order.created",
                 *         "order.paid"
                 *       ],
                 *       "payload_filter": {
                 *         "total": {
                 *           "$gte": 1000
                 *         },
                 *         "currency": {
                 *           "$in": [
                 *             "EUR",
                 *             "USD"
                 *           ]
                 *         }
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EndpointIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": null,
                     *       "kind": "webhook",
                     *       "email": null,
                     *       "url": "https://acme.example.com/webhooks/herald",
                     *       "description": "Order events for the fulfilment service",
                     *       "status": "enabled",
                     *       "disabled_reason": null,
                     *       "throttled_until": null,
                     *       "throttle_reason": null,
                     *       "filter_types": [
                     *         "order.created",
                     *         "order.paid"
                     *       ],
                     *       "channels": null,
                     *       "payload_filter": {
                     *         "total": {
                     *           "$gte": 1000
                     *         },
                     *         "currency": {
                     *           "$in": [
                     *             "EUR",
                     *             "USD"
                     *           ]
                     *         }
                     *       },
                     *       "timeout_seconds": 15,
                     *       "retry_schedule": null,
                     *       "max_in_flight": 10,
                     *       "rate_limit_per_second": null,
                     *       "headers": {},
                     *       "auth": {
                     *         "type": "oauth2_client_credentials",
                     *         "token_url": "https://auth.acme.example.com/oauth/token",
                     *         "client_id": "herald",
                     *         "client_secret": "********",
                     *         "scope": "webhooks",
                     *         "audience": null,
                     *         "client_auth": "basic"
                     *       },
                     *       "tls": null,
                     *       "transformation": null,
                     *       "ordering": "fifo",
                     *       "ordering_failure": "continue",
                     *       "metadata": {},
                     *       "signature_scheme": null,
                     *       "scheme_options": null,
                     *       "envelope": null,
                     *       "encrypt_data": null,
                     *       "trace_propagation": false,
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *       "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *       "enabled_at": "2026-12-01T09:30:00.000Z",
                     *       "verified_at": null,
                     *       "verification_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEndpointHealth: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "window_seconds": 1,
                     *       "data": [
                     *         {
                     *           "endpoint_id": "example",
                     *           "attempts": 1,
                     *           "succeeded": 1,
                     *           "failed": 1,
                     *           "success_rate": 0,
                     *           "p50_latency_ms": 1,
                     *           "last_error": {
                     *             "at": "2026-12-01T09:30:00.000Z",
                     *             "error_class": "example",
                     *             "response_status": 1,
                     *             "error_message": "example"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListEndpointHealthResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": null,
                     *       "kind": "webhook",
                     *       "email": null,
                     *       "url": "https://acme.example.com/webhooks/herald",
                     *       "description": "Order events for the fulfilment service",
                     *       "status": "enabled",
                     *       "disabled_reason": null,
                     *       "throttled_until": null,
                     *       "throttle_reason": null,
                     *       "filter_types": [
                     *         "order.created",
                     *         "order.paid"
                     *       ],
                     *       "channels": null,
                     *       "payload_filter": {
                     *         "total": {
                     *           "$gte": 1000
                     *         },
                     *         "currency": {
                     *           "$in": [
                     *             "EUR",
                     *             "USD"
                     *           ]
                     *         }
                     *       },
                     *       "timeout_seconds": 15,
                     *       "retry_schedule": null,
                     *       "max_in_flight": 10,
                     *       "rate_limit_per_second": null,
                     *       "headers": {},
                     *       "auth": {
                     *         "type": "oauth2_client_credentials",
                     *         "token_url": "https://auth.acme.example.com/oauth/token",
                     *         "client_id": "herald",
                     *         "client_secret": "********",
                     *         "scope": "webhooks",
                     *         "audience": null,
                     *         "client_auth": "basic"
                     *       },
                     *       "tls": null,
                     *       "transformation": null,
                     *       "ordering": "fifo",
                     *       "ordering_failure": "continue",
                     *       "metadata": {},
                     *       "signature_scheme": null,
                     *       "scheme_options": null,
                     *       "envelope": null,
                     *       "encrypt_data": null,
                     *       "trace_propagation": false,
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *       "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *       "enabled_at": "2026-12-01T09:30:00.000Z",
                     *       "verified_at": null,
                     *       "verification_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "filter_types": null,
                 *       "max_in_flight": 20,
                 *       "rate_limit_per_second": 50
                 *     }
                 */
                "application/json": components["schemas"]["EndpointPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *       "uid": null,
                     *       "kind": "webhook",
                     *       "email": null,
                     *       "url": "https://acme.example.com/webhooks/herald",
                     *       "description": "Order events for the fulfilment service",
                     *       "status": "enabled",
                     *       "disabled_reason": null,
                     *       "throttled_until": null,
                     *       "throttle_reason": null,
                     *       "filter_types": [
                     *         "order.created",
                     *         "order.paid"
                     *       ],
                     *       "channels": null,
                     *       "payload_filter": {
                     *         "total": {
                     *           "$gte": 1000
                     *         },
                     *         "currency": {
                     *           "$in": [
                     *             "EUR",
                     *             "USD"
                     *           ]
                     *         }
                     *       },
                     *       "timeout_seconds": 15,
                     *       "retry_schedule": null,
                     *       "max_in_flight": 10,
                     *       "rate_limit_per_second": null,
                     *       "headers": {},
                     *       "auth": {
                     *         "type": "oauth2_client_credentials",
                     *         "token_url": "https://auth.acme.example.com/oauth/token",
                     *         "client_id": "herald",
                     *         "client_secret": "********",
                     *         "scope": "webhooks",
                     *         "audience": null,
                     *         "client_auth": "basic"
                     *       },
                     *       "tls": null,
                     *       "transformation": null,
                     *       "ordering": "fifo",
                     *       "ordering_failure": "continue",
                     *       "metadata": {},
                     *       "signature_scheme": null,
                     *       "scheme_options": null,
                     *       "envelope": null,
                     *       "encrypt_data": null,
                     *       "trace_propagation": false,
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *       "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *       "enabled_at": "2026-12-01T09:30:00.000Z",
                     *       "verified_at": null,
                     *       "verification_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Endpoint"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEndpointEvents: {
        parameters: {
            query?: {
                /** @description The `cursor` of the last item you processed */
                after?: string;
                limit?: number;
                /** @description Include the signed request Herald would send now */
                signed?: boolean;
                /** @description Start at this time instead of the beginning */
                since?: string;
            };
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "cursor": "example",
                     *           "message": {
                     *             "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *             "event_id": "ord_1234-created",
                     *             "type": "order.created",
                     *             "payload": {
                     *               "order_id": "ord_1234",
                     *               "total": 4200,
                     *               "currency": "EUR"
                     *             },
                     *             "record": null,
                     *             "channels": null,
                     *             "headers": {},
                     *             "ordering_key": "ord_1234",
                     *             "created_at": "2026-12-01T09:30:00.000Z"
                     *           },
                     *           "delivery": {
                     *             "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *             "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *             "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *             "type": "order.created",
                     *             "status": "succeeded",
                     *             "attempt_count": 1,
                     *             "next_attempt_at": null,
                     *             "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *             "last_status_code": 200,
                     *             "last_error": null,
                     *             "created_at": "2026-12-01T09:30:00.000Z",
                     *             "updated_at": "2026-12-01T09:30:02.000Z"
                     *           },
                     *           "request": {
                     *             "headers": {},
                     *             "body": "example"
                     *           }
                     *         }
                     *       ],
                     *       "cursor": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["ListEndpointEventsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recoverEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2026-12-01T09:30:00.000Z"
                 *     }
                 */
                "application/json": components["schemas"]["RecoverEndpointRequest"];
            };
        };
        responses: {
            /** @description Accepted: committed; delivery follows */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "recovered": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RecoverEndpointResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateEndpointSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["RotateEndpointSecretRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *       "public_key": "example",
                     *       "previous_expire_at": "2026-12-01T09:30:00.000Z",
                     *       "endpoint": {
                     *         "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *         "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *         "uid": null,
                     *         "kind": "webhook",
                     *         "email": null,
                     *         "url": "https://acme.example.com/webhooks/herald",
                     *         "description": "Order events for the fulfilment service",
                     *         "status": "enabled",
                     *         "disabled_reason": null,
                     *         "throttled_until": null,
                     *         "throttle_reason": null,
                     *         "filter_types": [
                     *           "order.created",
                     *           "order.paid"
                     *         ],
                     *         "channels": null,
                     *         "payload_filter": {
                     *           "total": {
                     *             "$gte": 1000
                     *           },
                     *           "currency": {
                     *             "$in": [
                     *               "EUR",
                     *               "USD"
                     *             ]
                     *           }
                     *         },
                     *         "timeout_seconds": 15,
                     *         "retry_schedule": null,
                     *         "max_in_flight": 10,
                     *         "rate_limit_per_second": null,
                     *         "headers": {},
                     *         "auth": {
                     *           "type": "oauth2_client_credentials",
                     *           "token_url": "https://auth.acme.example.com/oauth/token",
                     *           "client_id": "herald",
                     *           "client_secret": "********",
                     *           "scope": "webhooks",
                     *           "audience": null,
                     *           "client_auth": "basic"
                     *         },
                     *         "tls": null,
                     *         "transformation": null,
                     *         "ordering": "fifo",
                     *         "ordering_failure": "continue",
                     *         "metadata": {},
                     *         "signature_scheme": null,
                     *         "scheme_options": null,
                     *         "envelope": null,
                     *         "encrypt_data": null,
                     *         "trace_propagation": false,
                     *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *         "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *         "enabled_at": "2026-12-01T09:30:00.000Z",
                     *         "verified_at": null,
                     *         "verification_error": null,
                     *         "created_at": "2026-12-01T09:30:00.000Z",
                     *         "updated_at": "2026-12-01T09:30:00.000Z"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RotateEndpointSecretResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendEndpointExample: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "order.created"
                 *     }
                 */
                "application/json": components["schemas"]["SendEndpointExampleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "status": 1,
                     *       "latency_ms": 1,
                     *       "body_excerpt": "example",
                     *       "response_headers": {},
                     *       "error_class": "example",
                     *       "error_message": "example",
                     *       "request": {
                     *         "url": "https://acme.example.com/webhooks/herald",
                     *         "headers": {},
                     *         "body": "example"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SendEndpointExampleResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyEndpointTransformation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "order.created",
                 *       "payload": {
                 *         "order_id": "ord_1234",
                 *         "total": 4200
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ApplyEndpointTransformationRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "cancelled": false,
                     *       "webhook": {
                     *         "payload": {
                     *           "order_id": "ord_1234",
                     *           "total": 4200
                     *         },
                     *         "url": "https://acme.example.com/webhooks/herald",
                     *         "headers": {}
                     *       },
                     *       "error": "example",
                     *       "duration_ms": 1
                     *     }
                     */
                    "application/json": components["schemas"]["ApplyEndpointTransformationResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "verified": false,
                     *       "endpoint": {
                     *         "id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *         "app_id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *         "uid": null,
                     *         "kind": "webhook",
                     *         "email": null,
                     *         "url": "https://acme.example.com/webhooks/herald",
                     *         "description": "Order events for the fulfilment service",
                     *         "status": "enabled",
                     *         "disabled_reason": null,
                     *         "throttled_until": null,
                     *         "throttle_reason": null,
                     *         "filter_types": [
                     *           "order.created",
                     *           "order.paid"
                     *         ],
                     *         "channels": null,
                     *         "payload_filter": {
                     *           "total": {
                     *             "$gte": 1000
                     *           },
                     *           "currency": {
                     *             "$in": [
                     *               "EUR",
                     *               "USD"
                     *             ]
                     *           }
                     *         },
                     *         "timeout_seconds": 15,
                     *         "retry_schedule": null,
                     *         "max_in_flight": 10,
                     *         "rate_limit_per_second": null,
                     *         "headers": {},
                     *         "auth": {
                     *           "type": "oauth2_client_credentials",
                     *           "token_url": "https://auth.acme.example.com/oauth/token",
                     *           "client_id": "herald",
                     *           "client_secret": "********",
                     *           "scope": "webhooks",
                     *           "audience": null,
                     *           "client_auth": "basic"
                     *         },
                     *         "tls": null,
                     *         "transformation": null,
                     *         "ordering": "fifo",
                     *         "ordering_failure": "continue",
                     *         "metadata": {},
                     *         "signature_scheme": null,
                     *         "scheme_options": null,
                     *         "envelope": null,
                     *         "encrypt_data": null,
                     *         "trace_propagation": false,
                     *         "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                     *         "public_key": "whpk_3Jg1x2kQ8b5cXo2m7yKfJ0t6rD9pZq4wVn8sLh2eA1c=",
                     *         "enabled_at": "2026-12-01T09:30:00.000Z",
                     *         "verified_at": null,
                     *         "verification_error": null,
                     *         "created_at": "2026-12-01T09:30:00.000Z",
                     *         "updated_at": "2026-12-01T09:30:00.000Z"
                     *       },
                     *       "response": {
                     *         "ok": false,
                     *         "status": 1,
                     *         "latency_ms": 1,
                     *         "body_excerpt": "example",
                     *         "response_headers": {},
                     *         "error_class": "example",
                     *         "error_message": "example",
                     *         "request": {
                     *           "url": "https://acme.example.com/webhooks/herald",
                     *           "headers": {},
                     *           "body": "example"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["VerifyEndpointResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessages: {
        parameters: {
            query?: {
                iterator?: string;
                limit?: number;
                since?: string;
                type?: string;
                until?: string;
            };
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "event_id": "ord_1234-created",
                     *           "type": "order.created",
                     *           "payload": {
                     *             "order_id": "ord_1234",
                     *             "total": 4200,
                     *             "currency": "EUR"
                     *           },
                     *           "record": null,
                     *           "channels": null,
                     *           "headers": {},
                     *           "ordering_key": "ord_1234",
                     *           "created_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "type": "order.created",
                 *       "id": "ord_1234-created",
                 *       "payload": {
                 *         "order_id": "ord_1234",
                 *         "total": 4200,
                 *         "currency": "EUR"
                 *       },
                 *       "ordering_key": "ord_1234"
                 *     }
                 */
                "application/json": components["schemas"]["MessageIn"];
            };
        };
        responses: {
            /** @description Accepted: committed; delivery follows */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "event_id": "ord_1234-created",
                     *       "type": "order.created",
                     *       "payload": {
                     *         "order_id": "ord_1234",
                     *         "total": 4200,
                     *         "currency": "EUR"
                     *       },
                     *       "record": null,
                     *       "channels": null,
                     *       "headers": {},
                     *       "ordering_key": "ord_1234",
                     *       "created_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                msg: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "event_id": "ord_1234-created",
                     *       "type": "order.created",
                     *       "payload": {
                     *         "order_id": "ord_1234",
                     *         "total": 4200,
                     *         "currency": "EUR"
                     *       },
                     *       "record": null,
                     *       "channels": null,
                     *       "headers": {},
                     *       "ordering_key": "ord_1234",
                     *       "created_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMessageDeliveries: {
        parameters: {
            query?: {
                endpoint_id?: string;
                iterator?: string;
                limit?: number;
                since?: string;
                status?: "pending" | "delivering" | "succeeded" | "failed" | "discarded";
                type?: string;
                until?: string;
            };
            header?: never;
            path: {
                app: string;
                msg: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *           "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *           "type": "order.created",
                     *           "status": "succeeded",
                     *           "attempt_count": 1,
                     *           "next_attempt_at": null,
                     *           "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *           "last_status_code": 200,
                     *           "last_error": null,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:02.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["DeliveryPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                endpoint: string;
                msg: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: committed; delivery follows */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "dlv_01jdx3y4q6w8e0r2t4y6u8i0o2",
                     *       "message_id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "endpoint_id": "ep_01jdx3w2c4v6b8n0m2k4j6h8g0",
                     *       "type": "order.created",
                     *       "status": "succeeded",
                     *       "attempt_count": 1,
                     *       "next_attempt_at": null,
                     *       "last_attempt_at": "2026-12-01T09:30:02.000Z",
                     *       "last_status_code": 200,
                     *       "last_error": null,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:02.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Delivery"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMessageBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "messages": [
                 *         {
                 *           "type": "order.created",
                 *           "payload": {
                 *             "order_id": "ord_1234",
                 *             "total": 4200
                 *           },
                 *           "idempotency_key": "ord_1234-created"
                 *         },
                 *         {
                 *           "type": "order.created",
                 *           "payload": {
                 *             "order_id": "ord_1235",
                 *             "total": 990
                 *           },
                 *           "idempotency_key": "ord_1235-created"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BatchIn"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "status": 202,
                     *           "message": {
                     *             "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *             "event_id": "ord_1234-created",
                     *             "type": "order.created",
                     *             "payload": {
                     *               "order_id": "ord_1234",
                     *               "total": 4200,
                     *               "currency": "EUR"
                     *             },
                     *             "record": null,
                     *             "channels": null,
                     *             "headers": {},
                     *             "ordering_key": "ord_1234",
                     *             "created_at": "2026-12-01T09:30:00.000Z"
                     *           },
                     *           "replayed": false
                     *         },
                     *         {
                     *           "status": 422,
                     *           "problem": {
                     *             "type": "https://herald.dev/problems/unprocessable-entity",
                     *             "title": "Unprocessable Entity",
                     *             "status": 422,
                     *             "detail": "The payload does not match the schema of event type \"order.created\": /total must be integer",
                     *             "errors": [
                     *               {
                     *                 "field": "body.payload.total",
                     *                 "message": "must be integer"
                     *               }
                     *             ]
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["BatchOut"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPortalLinks: {
        parameters: {
            query?: {
                iterator?: string;
                limit?: number;
            };
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *           "app_id": "example",
                     *           "read_only": false,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "expires_at": "2026-12-01T09:30:00.000Z",
                     *           "revoked_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["ListPortalLinksResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPortalLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["CreatePortalLinkRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "app_id": "example",
                     *       "read_only": false,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "expires_at": "2026-12-01T09:30:00.000Z",
                     *       "revoked_at": "2026-12-01T09:30:00.000Z",
                     *       "url": "https://acme.example.com/webhooks/herald",
                     *       "token": "hk_test_4eC39HqLyjWDarjtT1zdp7dc"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatePortalLinkResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokePortalLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revoked": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RevokePortalLinksResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokePortalLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                link: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    applyApplicationPreset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "preset": "klarefi"
                 *     }
                 */
                "application/json": components["schemas"]["ApplyApplicationPresetRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "application": {
                     *         "id": "app_01jdx3v8m6k2q9w4e5r7t8y0u1",
                     *         "uid": "acme",
                     *         "name": "Acme Corp",
                     *         "retry_schedule": null,
                     *         "metadata": {
                     *           "plan": "enterprise"
                     *         },
                     *         "signature_scheme": "standard",
                     *         "scheme_options": {},
                     *         "envelope": "standard",
                     *         "require_verification": false,
                     *         "default_timeout_seconds": null,
                     *         "message_id_prefix": "msg",
                     *         "encrypt_data": false,
                     *         "preset": null,
                     *         "created_at": "2026-12-01T09:30:00.000Z",
                     *         "updated_at": "2026-12-01T09:30:00.000Z"
                     *       },
                     *       "event_types_created": [
                     *         "example"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApplyApplicationPresetResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRecord: {
        parameters: {
            query?: never;
            header?: {
                "content-type"?: string;
            };
            path: {
                app: string;
            };
            cookie?: never;
        };
        /** @description The record's bytes, with their Content-Type (application/json for a JSON record) */
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "vcon": "0.0.1",
                 *       "parties": [
                 *         {
                 *           "tel": "+15551234567"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["RecordContent"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "record_id": "example",
                     *       "content_type": "example",
                     *       "size": 1,
                     *       "content_hash": "example",
                     *       "jws": "example",
                     *       "created_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["CreateRecordResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRecord: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                record: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "record_id": "example",
                     *       "content_type": "example",
                     *       "size": 1,
                     *       "content_hash": "example",
                     *       "jws": "example",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "download_url": "example"
                     *     }
                     */
                    "application/json": components["schemas"]["GetRecordResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplicationStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream; it stays open */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example event: ready
                     *     data: {"app_id":"app_01jdx3v4b6n8m0k2j4h6g8f0d2"}
                     *
                     *     event: deliveries
                     *     data: {}
                     *
                     *     : keep-alive
                     *
                     *     event: endpoints
                     *     data: {}
                     */
                    "text/event-stream": string;
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "key_id": "key_01jdx40b2n4m6k8j0h2g4f6d8s",
                     *           "hint": "…Yk2w",
                     *           "status": "active",
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListWebhookKeysResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "key_id": "example",
                     *       "hint": "example",
                     *       "status": "active",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z",
                     *       "key": "Yk2w8J0pX4mD1rT6vB9nQ3sF7hL5zC0aE2gU8iO4kWc="
                     *     }
                     */
                    "application/json": components["schemas"]["CreateWebhookKeyResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateWebhookKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "key_id": "key_01jdx40b2n4m6k8j0h2g4f6d8s",
                     *       "hint": "…Yk2w",
                     *       "status": "active",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookKey"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retireWebhookKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "key_id": "key_01jdx40b2n4m6k8j0h2g4f6d8s",
                     *       "hint": "…Yk2w",
                     *       "status": "active",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookKey"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEventTypes: {
        parameters: {
            query?: {
                include_archived?: boolean;
                iterator?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "name": "order.created",
                     *           "description": "An order was placed",
                     *           "schema": {
                     *             "type": "object",
                     *             "required": [
                     *               "order_id",
                     *               "total"
                     *             ],
                     *             "properties": {
                     *               "order_id": {
                     *                 "type": "string"
                     *               },
                     *               "total": {
                     *                 "type": "integer"
                     *               },
                     *               "currency": {
                     *                 "type": "string"
                     *               }
                     *             }
                     *           },
                     *           "example": {
                     *             "order_id": "ord_1234",
                     *             "total": 4200,
                     *             "currency": "EUR"
                     *           },
                     *           "archived": false,
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "updated_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["EventTypePage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createEventType: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "order.created",
                 *       "description": "An order was placed",
                 *       "schema": {
                 *         "type": "object",
                 *         "required": [
                 *           "order_id",
                 *           "total"
                 *         ],
                 *         "properties": {
                 *           "order_id": {
                 *             "type": "string"
                 *           },
                 *           "total": {
                 *             "type": "integer"
                 *           }
                 *         }
                 *       },
                 *       "example": {
                 *         "order_id": "ord_1234",
                 *         "total": 4200,
                 *         "currency": "EUR"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["EventTypeIn"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "order.created",
                     *       "description": "An order was placed",
                     *       "schema": {
                     *         "type": "object",
                     *         "required": [
                     *           "order_id",
                     *           "total"
                     *         ],
                     *         "properties": {
                     *           "order_id": {
                     *             "type": "string"
                     *           },
                     *           "total": {
                     *             "type": "integer"
                     *           },
                     *           "currency": {
                     *             "type": "string"
                     *           }
                     *         }
                     *       },
                     *       "example": {
                     *         "order_id": "ord_1234",
                     *         "total": 4200,
                     *         "currency": "EUR"
                     *       },
                     *       "archived": false,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "order.created",
                     *       "description": "An order was placed",
                     *       "schema": {
                     *         "type": "object",
                     *         "required": [
                     *           "order_id",
                     *           "total"
                     *         ],
                     *         "properties": {
                     *           "order_id": {
                     *             "type": "string"
                     *           },
                     *           "total": {
                     *             "type": "integer"
                     *           },
                     *           "currency": {
                     *             "type": "string"
                     *           }
                     *         }
                     *       },
                     *       "example": {
                     *         "order_id": "ord_1234",
                     *         "total": 4200,
                     *         "currency": "EUR"
                     *       },
                     *       "archived": false,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateEventType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "description": "An order was placed and paid for"
                 *     }
                 */
                "application/json": components["schemas"]["EventTypePatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "order.created",
                     *       "description": "An order was placed",
                     *       "schema": {
                     *         "type": "object",
                     *         "required": [
                     *           "order_id",
                     *           "total"
                     *         ],
                     *         "properties": {
                     *           "order_id": {
                     *             "type": "string"
                     *           },
                     *           "total": {
                     *             "type": "integer"
                     *           },
                     *           "currency": {
                     *             "type": "string"
                     *           }
                     *         }
                     *       },
                     *       "example": {
                     *         "order_id": "ord_1234",
                     *         "total": 4200,
                     *         "currency": "EUR"
                     *       },
                     *       "archived": false,
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "updated_at": "2026-12-01T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["EventType"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPresets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "name": "order.created",
                     *           "description": "Order events",
                     *           "application": {},
                     *           "event_types": [
                     *             "example"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListPresetsResponse"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "admin",
                     *       "csrf_token": "example",
                     *       "tenant_id": "example",
                     *       "environment": "test",
                     *       "app_id": "example",
                     *       "read_only": false,
                     *       "expires_at": "2026-12-01T09:30:00.000Z",
                     *       "portal": {
                     *         "name": "Acme webhooks",
                     *         "logo_url": "https://acme.example.com/logo.svg",
                     *         "accent_color": "#0a7d4f",
                     *         "theme": "light",
                     *         "show_delivery_settings": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GetSessionResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["CreateSessionRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "kind": "admin",
                     *       "csrf_token": "example",
                     *       "tenant_id": "example",
                     *       "environment": "test",
                     *       "app_id": "example",
                     *       "read_only": false,
                     *       "expires_at": "2026-12-01T09:30:00.000Z",
                     *       "portal": {
                     *         "name": "Acme webhooks",
                     *         "logo_url": "https://acme.example.com/logo.svg",
                     *         "accent_color": "#0a7d4f",
                     *         "theme": "light",
                     *         "show_delivery_settings": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateSessionResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revoked": 1
                     *     }
                     */
                    "application/json": components["schemas"]["SignOutEverywhereResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preset": "klarefi",
                     *       "operational_app": "example",
                     *       "signature_scheme": "standard",
                     *       "scheme_options": {
                     *         "header_name": "example",
                     *         "signed_content": "body",
                     *         "header_names": "webhook",
                     *         "user_agent": "example"
                     *       },
                     *       "envelope": "standard",
                     *       "portal": {
                     *         "name": "Acme webhooks",
                     *         "logo_url": "https://acme.example.com/logo.svg",
                     *         "accent_color": "#0a7d4f",
                     *         "theme": "light",
                     *         "show_delivery_settings": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GetSettingsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["UpdateSettingsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "preset": "klarefi",
                     *       "operational_app": "example",
                     *       "signature_scheme": "standard",
                     *       "scheme_options": {
                     *         "header_name": "example",
                     *         "signed_content": "body",
                     *         "header_names": "webhook",
                     *         "user_agent": "example"
                     *       },
                     *       "envelope": "standard",
                     *       "portal": {
                     *         "name": "Acme webhooks",
                     *         "logo_url": "https://acme.example.com/logo.svg",
                     *         "accent_color": "#0a7d4f",
                     *         "theme": "light",
                     *         "show_delivery_settings": false
                     *       },
                     *       "event_types_created": [
                     *         "example"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateSettingsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateRecordSigningKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTenants: {
        parameters: {
            query?: {
                iterator?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "ten_01jdx3t1a2b3c4d5e6f7g8h9j0",
                     *           "name": "Acme Platform",
                     *           "created_at": "2026-12-01T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "iterator": "example",
                     *       "done": false
                     *     }
                     */
                    "application/json": components["schemas"]["TenantPage"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "order.created"
                 *     }
                 */
                "application/json": components["schemas"]["CreateTenantRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "name": "order.created",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "api_keys": {
                     *         "test": "example",
                     *         "live": "example"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTenantResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTenantApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "data": [
                     *         {
                     *           "id": "key_01jdx3t1k2m3n4p5q6r7s8t9v0",
                     *           "environment": "test",
                     *           "name": "default",
                     *           "key_hint": "hk_test_…x8Qa",
                     *           "created_at": "2026-12-01T09:30:00.000Z",
                     *           "revoked_at": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ListTenantApiKeysResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTenantApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "environment": "test"
                 *     }
                 */
                "application/json": components["schemas"]["CreateTenantApiKeyRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "msg_01jdx3x9a1s3d5f7g9h1j3k5l7",
                     *       "environment": "test",
                     *       "name": "order.created",
                     *       "key_hint": "example",
                     *       "created_at": "2026-12-01T09:30:00.000Z",
                     *       "revoked_at": "2026-12-01T09:30:00.000Z",
                     *       "key": "Yk2w8J0pX4mD1rT6vB9nQ3sF7hL5zC0aE2gU8iO4kWc="
                     *     }
                     */
                    "application/json": components["schemas"]["CreateTenantApiKeyResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeTenantApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTenantLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "limits": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       },
                     *       "overrides": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       },
                     *       "defaults": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GetTenantLimitsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTenantLimits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example {} */
                "application/json": components["schemas"]["UpdateTenantLimitsRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "limits": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       },
                     *       "overrides": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       },
                     *       "defaults": {
                     *         "publish_per_second": 1,
                     *         "api_per_second": 1,
                     *         "max_applications": 1,
                     *         "max_endpoints_per_app": 1,
                     *         "max_event_types": 1,
                     *         "max_schema_bytes": 1,
                     *         "max_payload_bytes": 1
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["UpdateTenantLimitsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeTenantSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tenant: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revoked": 1
                     *     }
                     */
                    "application/json": components["schemas"]["RevokeTenantSessionsResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sendTestWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "endpoint_url": "example",
                 *       "signing_secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                 *     }
                 */
                "application/json": components["schemas"]["SendTestWebhookRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": false,
                     *       "status": 1,
                     *       "latency_ms": 1,
                     *       "body_excerpt": "example",
                     *       "response_headers": {},
                     *       "error_class": "example",
                     *       "error_message": "example",
                     *       "request": {
                     *         "url": "https://acme.example.com/webhooks/herald",
                     *         "headers": {},
                     *         "body": "example"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["SendTestWebhookResponse"];
                };
            };
            /** @description Bad request: the body is not valid JSON, or is missing where one is needed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The credential may not do this (e.g. a read-only portal link, or a missing CSRF token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this environment */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with the current state (e.g. a name already taken, an idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: expired or revoked */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than this route accepts */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unsupported content type: send application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed (`errors` names each field): a value of the wrong type or out of bounds, a payload that does not match its event type’s schema, a URL the SSRF guard blocks */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Rate limited or over a quota; Retry-After says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The store is unavailable; Retry-After says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
