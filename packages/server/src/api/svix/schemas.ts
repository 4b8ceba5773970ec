import { Type } from '@sinclair/typebox';

// Svix's request shapes, field by field from its OpenAPI document. Only the types are checked
// here; the rules (lengths, patterns, URLs, quotas) are the native routes' own.

/** Svix bodies: the fields Svix defines, typed; others tolerated (newer SDKs send more). */
export const open = <T extends Parameters<typeof Type.Object>[0]>(fields: T) => Type.Object(fields, { additionalProperties: true });
export const Str = Type.Optional(Type.String());
export const StrOrNull = Type.Optional(Type.Union([Type.String(), Type.Null()]));
export const List = Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()]));
export const Meta = Type.Optional(Type.Record(Type.String(), Type.String()));
export const IntOrNull = Type.Optional(Type.Union([Type.Integer(), Type.Null()]));
export const Bool = Type.Optional(Type.Boolean());
export const Time = Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()]));

export const ApplicationIn = open({ name: Type.String(), uid: StrOrNull, metadata: Meta, rateLimit: IntOrNull, throttleRate: IntOrNull });
export const ApplicationPatch = open({ name: Str, uid: StrOrNull, metadata: Meta, rateLimit: IntOrNull, throttleRate: IntOrNull });
const EndpointFields = {
  url: Str, description: Str, uid: StrOrNull, filterTypes: List, eventTypes: List, channels: List, rateLimit: IntOrNull, throttleRate: IntOrNull,
  metadata: Meta, disabled: Bool, version: IntOrNull, secret: StrOrNull,
};
export const EndpointIn = open({ ...EndpointFields, url: Type.String(), headers: Type.Optional(Type.Record(Type.String(), Type.String())) });
export const EndpointUpdate = open({ ...EndpointFields, url: Type.String() });
export const EndpointPatch = open(EndpointFields);
const EventTypeFields = {
  description: Str, archived: Bool, deprecated: Bool, featureFlag: StrOrNull, featureFlags: List, groupName: StrOrNull,
  schemas: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
};
export const EventTypeIn = open({ ...EventTypeFields, name: Type.String() });
export const EventTypeUpdate = open(EventTypeFields);

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 250 }));
export const ListQuery = open({ limit: Limit, iterator: StrOrNull, order: Type.Optional(Type.Union([Type.Literal('ascending'), Type.Literal('descending')])) });
export const AppParams = Type.Object({ app_id: Type.String({ maxLength: 256 }) });
export const EndpointParams = Type.Object({ app_id: Type.String({ maxLength: 256 }), endpoint_id: Type.String({ maxLength: 256 }) });
export const EventTypeParams = Type.Object({ event_type_name: Type.String({ maxLength: 256 }) });

export const MessageIn = open({
  eventType: Type.String(),
  eventId: StrOrNull,
  payload: Type.Unknown(),
  channels: List,
  payloadRetentionPeriod: IntOrNull,
  payloadRetentionHours: IntOrNull,
  tags: List,
  deliverAt: StrOrNull,
  application: Type.Optional(Type.Union([ApplicationIn, Type.Null()])),
});
export const LogQuery = open({
  limit: Limit,
  iterator: StrOrNull,
  before: Time,
  after: Time,
  channel: StrOrNull,
  tag: StrOrNull,
  event_types: StrOrNull,
  with_content: Bool,
  status: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })),
  status_code_class: Type.Optional(Type.Integer()),
  endpoint_id: StrOrNull,
  with_msg: Bool,
});
export const MsgParams = Type.Object({ app_id: Type.String({ maxLength: 256 }), msg_id: Type.String({ maxLength: 256 }) });
export const PortalAccessIn = Type.Optional(
  Type.Union([Type.Null(), open({ expiry: IntOrNull, readOnly: Bool, featureFlags: List, application: Type.Optional(Type.Union([ApplicationIn, Type.Null()])) })]),
);

