import { Type } from 'typebox';
import { type Bounds, KEY_LIMIT_BOUNDS, KEY_TEXT_BOUNDS } from '../../keys/index.js';

const Limit = Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'null = unlimited' });
const bounded = ({ min, max }: Bounds) => Type.Integer({ minimum: min, maximum: max });
/** A settable limit: inside KEY_LIMIT_BOUNDS, or null for unlimited. */
const LimitInput = (bounds: Bounds) =>
  Type.Union([bounded(bounds), Type.Null()], { description: 'null = unlimited' });

/** An API key for admins (`keys/key-view.ts` builds it): every field but the hash; never the key. */
export const KeyView = Type.Object(
  {
    id: Type.String(),
    key_prefix: Type.String(),
    name: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    type: Type.Union([Type.Literal('live'), Type.Literal('demo')]),
    is_demo: Type.Boolean(),
    is_active: Type.Boolean(),
    status: Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('expired')], {
      description: 'expired when expires_at has passed, whatever is_active says',
    }),
    patient_limit: Limit,
    daily_limit: Limit,
    rate_limit_per_minute: Type.Integer(),
    rate_limit_per_hour: Type.Integer(),
    limits: Type.Object(
      {
        patients_per_request: Limit,
        requests_per_day: Limit,
        requests_per_minute: Type.Integer(),
        requests_per_hour: Type.Integer(),
      },
      { description: 'The same four limits, grouped as the CLI prints them' },
    ),
    total_requests: Type.Integer(),
    total_patients_generated: Type.Integer(),
    last_used_at: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.String(),
    updated_at: Type.String(),
    expires_at: Type.Union([Type.String(), Type.Null()]),
    scopes: Type.Array(Type.String()),
    notes: Type.Union([Type.String(), Type.Null()]),
    metadata: Type.Record(Type.String(), Type.Unknown()),
  },
  {
    examples: [
      {
        id: '00993f73-8bd7-44e6-93ca-45185ef22fb7',
        key_prefix: 'milmed_live_TILAYd',
        name: 'Exercise Cell North',
        email: 'cell-north@example.org',
        type: 'live',
        is_demo: false,
        is_active: true,
        status: 'active',
        patient_limit: 2000,
        daily_limit: 500,
        rate_limit_per_minute: 60,
        rate_limit_per_hour: 1000,
        limits: {
          patients_per_request: 2000,
          requests_per_day: 500,
          requests_per_minute: 60,
          requests_per_hour: 1000,
        },
        total_requests: 0,
        total_patients_generated: 0,
        last_used_at: null,
        created_at: '2026-11-25T20:44:48.420Z',
        updated_at: '2026-11-25T20:44:48.420Z',
        expires_at: '2027-02-23T20:44:48.416Z',
        scopes: ['generate'],
        notes: null,
        metadata: {},
      },
    ],
  },
);

const Scopes = Type.Array(Type.String({ enum: ['generate', 'admin'] }), { uniqueItems: true });
const KeyName = Type.String({ minLength: 1, maxLength: KEY_TEXT_BOUNDS.name });
const Email = Type.Union([Type.String({ format: 'email', maxLength: KEY_TEXT_BOUNDS.email }), Type.Null()]);
const Notes = Type.Union([Type.String({ maxLength: KEY_TEXT_BOUNDS.notes }), Type.Null()]);

export const CreateKeyBody = Type.Object(
  {
    name: KeyName,
    email: Type.Optional(Email),
    is_demo: Type.Optional(Type.Boolean()),
    patient_limit: Type.Optional(LimitInput(KEY_LIMIT_BOUNDS.patientLimit)),
    daily_limit: Type.Optional(LimitInput(KEY_LIMIT_BOUNDS.dailyLimit)),
    rate_limit_per_minute: Type.Optional(bounded(KEY_LIMIT_BOUNDS.rateLimitPerMinute)),
    rate_limit_per_hour: Type.Optional(bounded(KEY_LIMIT_BOUNDS.rateLimitPerHour)),
    expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 36_500 })),
    scopes: Type.Optional(Scopes),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);

export const UpdateKeyBody = Type.Object(
  {
    name: Type.Optional(KeyName),
    email: Type.Optional(Email),
    is_active: Type.Optional(Type.Boolean()),
    patient_limit: Type.Optional(LimitInput(KEY_LIMIT_BOUNDS.patientLimit)),
    daily_limit: Type.Optional(LimitInput(KEY_LIMIT_BOUNDS.dailyLimit)),
    rate_limit_per_minute: Type.Optional(bounded(KEY_LIMIT_BOUNDS.rateLimitPerMinute)),
    rate_limit_per_hour: Type.Optional(bounded(KEY_LIMIT_BOUNDS.rateLimitPerHour)),
    expires_at: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    scopes: Type.Optional(Scopes),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, minProperties: 1 },
);
