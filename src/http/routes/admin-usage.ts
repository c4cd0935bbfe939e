import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiKeyRepository } from '../../keys/index.js';
import type { UsageGrouping, UsageRepository } from '../../usage/index.js';
import { notFound, validationFailed } from '../errors.js';
import { requireAdmin } from '../owner.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';
import {
  KeyUsageQuery,
  KeyUsageReport,
  toCountsView,
  toNetworkView,
  toPointView,
  toRefusalView,
  toTopKeyView,
  UsageQuery,
  UsageReport,
} from '../schemas/usage.js';

export interface AdminUsageDeps {
  usageRepository: UsageRepository;
  keyRepository: ApiKeyRepository;
  clock: () => Date;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The longest period per grouping: enough for a year of days, a month of hours. */
const MAX_SPAN_MS: Record<UsageGrouping, number> = {
  key: 366 * DAY_MS,
  day: 366 * DAY_MS,
  hour: 31 * DAY_MS,
};
const RECENT_REFUSALS = 50;

/** Usage analytics for the `admin` scope and the legacy key, read from the per-minute aggregates. */
export function adminUsageRoutes(deps: AdminUsageDeps) {
  return async function adminUsageRoutesPlugin(app: FastifyInstance) {
    // As for key administration: a key without the admin scope gets 403 before its query is validated.
    app.addHook('onRequest', async (request) => requireAdmin(request));
    const schema = (summary: string, extra: Record<string, unknown>) => ({
      tags: ['usage'],
      summary,
      security: KEY_SECURITY,
      ...extra,
    });

    app.get<{ Querystring: UsageQuery }>(
      '/api/v1/admin/usage',
      {
        schema: schema('Requests, patients, refusals and errors over a period, per day, hour or key', {
          querystring: UsageQuery,
          response: { 200: UsageReport, ...errorResponses(422, ...PROTECTED_ERRORS) },
        }),
      },
      async (request) => {
        const groupBy = request.query.group_by ?? 'day';
        const defaultSpan = groupBy === 'hour' ? DAY_MS : 7 * DAY_MS;
        const { from, to } = periodOf(request.query, deps.clock(), defaultSpan, MAX_SPAN_MS[groupBy]);
        const period = { from, to, ...(request.query.key_id && { keyId: request.query.key_id }) };
        const top = request.query.top ?? 10;
        const [totals, series, topKeys, networks] = await Promise.all([
          deps.usageRepository.totals(period),
          deps.usageRepository.series(period, groupBy),
          deps.usageRepository.topKeys(period, top),
          deps.usageRepository.demoNetworks(period, top),
        ]);
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          group_by: groupBy,
          key_id: request.query.key_id ?? null,
          totals: toCountsView(totals),
          series: series.map(toPointView),
          top_keys: topKeys.map(toTopKeyView),
          demo_networks: networks.map(toNetworkView),
        };
      },
    );

    app.get<{ Params: { id: string }; Querystring: KeyUsageQuery }>(
      '/api/v1/admin/keys/:id/usage',
      {
        schema: schema('One key’s usage per day, and its latest refused requests', {
          params: Type.Object({ id: Type.String() }),
          querystring: KeyUsageQuery,
          response: { 200: KeyUsageReport, ...errorResponses(404, 422, ...PROTECTED_ERRORS) },
        }),
      },
      async (request) => {
        const key = await deps.keyRepository.getById(request.params.id);
        if (!key) throw notFound(`API key not found: ${request.params.id}`);
        const { from, to } = periodOf(request.query, deps.clock(), 30 * DAY_MS, MAX_SPAN_MS.day);
        const period = { from, to, keyId: key.id };
        const [totals, perDay, refusals] = await Promise.all([
          deps.usageRepository.totals(period),
          deps.usageRepository.series(period, 'day'),
          deps.usageRepository.recentRefusals(key.id, period, RECENT_REFUSALS),
        ]);
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          key_id: key.id,
          key_prefix: key.keyPrefix,
          name: key.name,
          totals: toCountsView(totals),
          per_day: perDay.map(toPointView),
          recent_refusals: refusals.map(toRefusalView),
        };
      },
    );
  };
}

/** The period asked for, with defaults; 422 when it is empty, reversed or too long. */
function periodOf(
  query: { from?: string; to?: string },
  now: Date,
  defaultSpanMs: number,
  maxSpanMs: number,
) {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultSpanMs);
  if (from >= to) {
    throw validationFailed([
      { loc: ['query', 'from'], msg: '`from` must be before `to`', type: 'value_error' },
    ]);
  }
  if (to.getTime() - from.getTime() > maxSpanMs) {
    const days = Math.round(maxSpanMs / DAY_MS);
    throw validationFailed([
      {
        loc: ['query', 'from'],
        msg: `the period may span at most ${days} days for this grouping`,
        type: 'value_error',
      },
    ]);
  }
  return { from, to };
}
