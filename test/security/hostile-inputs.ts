/**
 * The hostile inputs of the attack report, one case each: NUL and lone surrogates in every stored
 * string, 5,000-deep JSON, a huge `skip`, limits past the integer range, a 900,000-character name,
 * seeds with CR/LF/NUL/non-Latin-1 characters, prototype names, a year-9999 base date. Each must
 * answer 4xx with the standard body (a few may also answer 2xx: `accept2xx`), never 5xx.
 */
import type { Sent } from './helpers/attack-client.js';
import { percentEncode } from './helpers/openapi-arbitraries.js';

export interface HostileCase {
  name: string;
  caller: 'tenant' | 'admin' | 'legacy';
  accept2xx?: boolean;
  request(ids: { configId: string; keyId: string }): Sent;
}

const NUL = 'nul\u0000here';
const LONE = 'lone\uD800surrogate';
const DEEP = `{"configuration":${'['.repeat(5000)}${']'.repeat(5000)}}`;
const front = (name: string) => ({
  id: 'hostile_front',
  name,
  casualty_rate: 1,
  nationality_distribution: [{ nationality_code: 'USA', percentage: 100 }],
});

function storedStringCases(label: string, text: string): HostileCase[] {
  return [
    {
      name: `POST /api/v1/configurations/ with ${label} in name`,
      caller: 'tenant',
      request: () => ({ method: 'POST', path: '/api/v1/configurations/', body: { name: text } }),
    },
    {
      name: `POST /api/v1/configurations/ with ${label} in description`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        body: { name: 'ok', description: text },
      }),
    },
    {
      name: `POST /api/v1/configurations/ with ${label} in a front name`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        body: { name: 'ok', front_configs: [front(text)] },
      }),
    },
    {
      name: `POST /api/v1/configurations/ with ${label} in an unknown configuration key`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        body: { name: 'ok', extra_note: text },
      }),
    },
    {
      name: `PUT /api/v1/configurations/{id} with ${label} in name`,
      caller: 'tenant',
      request: ({ configId }) => ({
        method: 'PUT',
        path: `/api/v1/configurations/${configId}`,
        body: { name: text },
      }),
    },
    {
      name: `POST /api/v1/generation/ with ${label} in the configuration name`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { name: text, total_patients: 2 } },
      }),
    },
    {
      name: `POST /api/v1/generation/ with ${label} in a front name`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { total_patients: 2, front_configs: [front(text)] } },
      }),
    },
    {
      name: `POST /api/v1/generation/ with ${label} in an unknown top-level field`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { total_patients: 2 }, client_note: text },
      }),
    },
    {
      name: `POST /api/v1/admin/keys/ with ${label} in name`,
      caller: 'admin',
      request: () => ({ method: 'POST', path: '/api/v1/admin/keys/', body: { name: text } }),
    },
    {
      name: `POST /api/v1/admin/keys/ with ${label} in notes`,
      caller: 'admin',
      request: () => ({ method: 'POST', path: '/api/v1/admin/keys/', body: { name: 'ok', notes: text } }),
    },
    {
      name: `PATCH /api/v1/admin/keys/{id} with ${label} in name`,
      caller: 'admin',
      request: ({ keyId }) => ({
        method: 'PATCH',
        path: `/api/v1/admin/keys/${keyId}`,
        body: { name: text },
      }),
    },
    {
      name: `GET /api/v1/admin/keys/?search= with ${label}`,
      caller: 'admin',
      accept2xx: true,
      request: () => ({ method: 'GET', path: `/api/v1/admin/keys/?search=${percentEncode(text)}` }),
    },
  ];
}

function seedCases(label: string, seed: string): HostileCase[] {
  const q = percentEncode(seed);
  return [
    {
      name: `POST /api/v1/generation/ with a seed holding ${label}`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { total_patients: 2 }, seed },
      }),
    },
    {
      name: `GET /api/v1/streaming/generate with a seed holding ${label}`,
      caller: 'tenant',
      request: ({ configId }) => ({
        method: 'GET',
        path: `/api/v1/streaming/generate?configuration_id=${configId}&count=2&seed=${q}`,
      }),
    },
    {
      name: `POST /api/v1/streaming/generate with a seed holding ${label}`,
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: `/api/v1/streaming/generate?count=2&seed=${q}`,
        body: { total_patients: 2 },
      }),
    },
  ];
}

export function hostileInputCases(): HostileCase[] {
  return [
    ...storedStringCases('NUL', NUL),
    ...storedStringCases('a lone surrogate', LONE),
    {
      name: 'POST /api/v1/generation/ with JSON nested 5,000 deep',
      caller: 'tenant',
      request: () => ({ method: 'POST', path: '/api/v1/generation/', rawBody: DEEP }),
    },
    {
      name: 'POST /api/v1/configurations/ with JSON nested 5,000 deep',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        rawBody: `{"name":"deep","x":${DEEP}}`,
      }),
    },
    {
      name: 'POST /api/v1/configurations/validate/ with JSON nested 5,000 deep (4xx, or 200 "not valid")',
      caller: 'tenant',
      accept2xx: true,
      request: () => ({ method: 'POST', path: '/api/v1/configurations/validate/', rawBody: DEEP }),
    },
    {
      name: 'GET /api/v1/configurations/?skip=9223372036854775807 (4xx or an empty page)',
      caller: 'tenant',
      accept2xx: true,
      request: () => ({ method: 'GET', path: '/api/v1/configurations/?skip=9223372036854775807' }),
    },
    {
      name: 'GET /api/v1/jobs/?limit=9223372036854775807 (4xx or a page)',
      caller: 'tenant',
      accept2xx: true,
      request: () => ({ method: 'GET', path: '/api/v1/jobs/?limit=9223372036854775807' }),
    },
    {
      name: 'POST /api/v1/admin/keys/ with daily_limit 3e9',
      caller: 'admin',
      request: () => ({
        method: 'POST',
        path: '/api/v1/admin/keys/',
        body: { name: 'big', daily_limit: 3e9 },
      }),
    },
    {
      name: 'PATCH /api/v1/admin/keys/{id} with daily_limit 3e9',
      caller: 'admin',
      request: ({ keyId }) => ({
        method: 'PATCH',
        path: `/api/v1/admin/keys/${keyId}`,
        body: { daily_limit: 3e9 },
      }),
    },
    {
      name: 'POST /api/v1/admin/keys/ with patient_limit 3e9',
      caller: 'admin',
      request: () => ({
        method: 'POST',
        path: '/api/v1/admin/keys/',
        body: { name: 'big', patient_limit: 3e9 },
      }),
    },
    {
      name: 'POST /api/v1/admin/keys/ with rate_limit_per_hour 1e9',
      caller: 'legacy',
      request: () => ({
        method: 'POST',
        path: '/api/v1/admin/keys/',
        body: { name: 'fast', rate_limit_per_hour: 1e9 },
      }),
    },
    {
      name: 'POST /api/v1/generation/ with a 900,000-character configuration name',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { name: 'n'.repeat(900_000), total_patients: 2 } },
      }),
    },
    {
      name: 'POST /api/v1/configurations/ with a 900,000-character name',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        body: { name: 'n'.repeat(900_000) },
      }),
    },
    ...seedCases('CR', 'seed\rcr'),
    ...seedCases('LF', 'seed\nlf'),
    ...seedCases('NUL', 'seed\u0000nul'),
    ...seedCases('non-Latin-1 characters', 'семя-種子'),
    {
      name: 'POST /api/v1/generation/ with {"constructor": true} as the configuration',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        rawBody: '{"configuration": {"constructor": true, "total_patients": 2}}',
      }),
    },
    {
      name: 'POST /api/v1/configurations/ with a "__proto__" key',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/configurations/',
        rawBody: '{"name": "proto", "__proto__": {"total_patients": 5}}',
      }),
    },
    {
      name: 'POST /api/v1/generation/ with base_date 9999-12-31',
      caller: 'tenant',
      request: () => ({
        method: 'POST',
        path: '/api/v1/generation/',
        body: { configuration: { total_patients: 2, base_date: '9999-12-31' } },
      }),
    },
  ];
}
