import { Type, type Static } from 'typebox';
import type { NetworkUsage, RefusalRow, TopKey, UsagePoint, UsageTotals } from '../../usage/index.js';

const Count = (description: string) => Type.Integer({ minimum: 0, description });

const WindowCounts = Type.Object(
  { minute: Count('Per-minute limit'), hour: Count('Per-hour limit'), day: Count('Daily quota') },
  { description: '429 answers, by the window that refused them' },
);

/** The counters every usage figure carries. */
const countFields = {
  requests: Count('Every answered request, whatever its status'),
  patients: Count('Patients generated (requests and finished jobs)'),
  status: Type.Object(
    {
      '2xx': Count('Successes'),
      '3xx': Count('Redirects'),
      '4xx': Count('Client errors and refusals'),
      '5xx': Count('Server errors'),
    },
    { description: 'Requests by status class' },
  ),
  unauthorized: Count('401 answers (missing, unknown, inactive or expired key)'),
  rate_limited: WindowCounts,
};
export const UsageCounts = Type.Object(countFields);

const EXAMPLE_COUNTS = {
  requests: 140,
  patients: 9700,
  status: { '2xx': 131, '3xx': 0, '4xx': 9, '5xx': 0 },
  unauthorized: 3,
  rate_limited: { minute: 4, hour: 0, day: 1 },
};

export const UsagePointView = Type.Object({
  bucket: Type.Optional(
    Type.String({ format: 'date-time', description: 'Start of the UTC day or hour (group_by=day|hour)' }),
  ),
  key_id: Type.Optional(
    Type.Union([Type.String(), Type.Null()], {
      description: 'The key (group_by=key); null for requests with no recognised key',
    }),
  ),
  ...countFields,
});

const TopKeyView = Type.Object({
  key_id: Type.String(),
  key_prefix: Type.String(),
  name: Type.String(),
  requests: Count('Requests in the period'),
  patients: Count('Patients in the period'),
});

const NetworkView = Type.Object({
  network: Type.String({
    description: 'The client network, masked: an IPv4 /24 or an IPv6 /48',
    examples: ['203.0.113.0/24'],
  }),
  ...countFields,
});

const Period = {
  from: Type.String({ format: 'date-time', description: 'Start of the period (inclusive)' }),
  to: Type.String({ format: 'date-time', description: 'End of the period (exclusive)' }),
};

export const UsageQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'Default: `to` minus 7 days (24 hours for group_by=hour)',
      }),
    ),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
    group_by: Type.Optional(
      Type.Union([Type.Literal('key'), Type.Literal('day'), Type.Literal('hour')], {
        default: 'day',
        description: 'One point per key, per UTC day or per UTC hour',
      }),
    ),
    key_id: Type.Optional(Type.String({ format: 'uuid', description: 'Count one key only' })),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'How many top keys and networks' }),
    ),
  },
  { additionalProperties: false },
);
export type UsageQuery = Static<typeof UsageQuery>;

export const UsageReport = Type.Object(
  {
    ...Period,
    group_by: Type.String(),
    key_id: Type.Union([Type.String(), Type.Null()]),
    totals: UsageCounts,
    series: Type.Array(UsagePointView),
    top_keys: Type.Array(TopKeyView, { description: 'Busiest keys first' }),
    demo_networks: Type.Array(NetworkView, {
      description: 'Demo-key traffic per masked client network, busiest first',
    }),
  },
  {
    description:
      'Aggregated usage over a period; counts are per UTC minute underneath, so edges round to the minute',
    examples: [
      {
        from: '2026-11-30T00:00:00.000Z',
        to: '2026-12-01T00:00:00.000Z',
        group_by: 'day',
        key_id: null,
        totals: EXAMPLE_COUNTS,
        series: [{ bucket: '2026-11-30T00:00:00.000Z', ...EXAMPLE_COUNTS }],
        top_keys: [
          {
            key_id: '00993f73-8bd7-44e6-93ca-45185ef22fb7',
            key_prefix: 'milmed_live_TILAYd',
            name: 'Exercise Cell North',
            requests: 120,
            patients: 9000,
          },
        ],
        demo_networks: [{ network: '203.0.113.0/24', ...EXAMPLE_COUNTS, requests: 14, patients: 700 }],
      },
    ],
  },
);

export const KeyUsageQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: `to` minus 30 days' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
  },
  { additionalProperties: false },
);
export type KeyUsageQuery = Static<typeof KeyUsageQuery>;

const RefusalView = Type.Object({
  minute: Type.String({ format: 'date-time' }),
  route: Type.String({ examples: ['POST /api/v1/generation/'] }),
  status: Type.Union([Type.Literal('4xx'), Type.Literal('5xx')]),
  requests: Count('Refused requests in that minute'),
  unauthorized: Count('Of which 401'),
  rate_limited: WindowCounts,
});

export const KeyUsageReport = Type.Object({
  ...Period,
  key_id: Type.String(),
  key_prefix: Type.String(),
  name: Type.String(),
  totals: UsageCounts,
  per_day: Type.Array(UsagePointView, { description: 'One point per UTC day, oldest first, zeros included' }),
  recent_refusals: Type.Array(RefusalView, {
    description: 'The latest minutes with 4xx or 5xx answers, newest first (at most 50)',
  }),
});

export function toCountsView(t: UsageTotals) {
  return {
    requests: t.requests,
    patients: t.patients,
    status: t.status,
    unauthorized: t.unauthorized,
    rate_limited: t.rateLimited,
  };
}

export function toPointView(p: UsagePoint) {
  return {
    ...(p.bucket && { bucket: p.bucket.toISOString() }),
    ...(p.keyId !== undefined && { key_id: p.keyId }),
    ...toCountsView(p),
  };
}

export function toTopKeyView(k: TopKey) {
  return {
    key_id: k.keyId,
    key_prefix: k.keyPrefix,
    name: k.name,
    requests: k.requests,
    patients: k.patients,
  };
}

export function toNetworkView(n: NetworkUsage) {
  return { network: n.network, ...toCountsView(n) };
}

export function toRefusalView(r: RefusalRow) {
  return {
    minute: r.minute.toISOString(),
    route: r.route,
    status: r.statusClass,
    requests: r.requests,
    unauthorized: r.unauthorized,
    rate_limited: r.rateLimited,
  };
}
