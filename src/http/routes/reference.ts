import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ALL_NATIONALITIES, CONDITION_TYPES, FACILITY_TYPES, STATIC_FRONTS } from '../../generator/index.js';
import { REGISTRATION_MODES } from '../../config/registration-modes.js';
import { DEMO_API_KEY } from '../../keys/index.js';
import type { RegistrationModeSetting } from '../../settings/index.js';
import { API_TITLE, API_VERSION } from '../openapi.js';

const CodeName = Type.Object({ code: Type.String(), name: Type.String() });
const Frontend = Type.Object(
  {
    apiKey: Type.String(),
    appName: Type.String(),
    version: Type.String(),
    debug: Type.Boolean(),
    registration: Type.Union(
      REGISTRATION_MODES.map((mode) => Type.Literal(mode)),
      {
        description:
          'Self-service registration: `open`, `approval` (keys wait for an administrator) or `off` ' +
          '(`POST /api/v1/keys/register` answers 404). May lag a change made on another instance by 5 s',
      },
    ),
  },
  {
    examples: [
      { apiKey: DEMO_API_KEY, appName: API_TITLE, version: API_VERSION, debug: false, registration: 'open' },
    ],
  },
);

export interface ReferenceDeps {
  registrationMode: RegistrationModeSetting;
  clock: () => Date;
}

/** Public reference data and the web page's config: no key needed, and no secret in them. */
export function referenceRoutes(deps: ReferenceDeps) {
  return async function referenceRoutesPlugin(app: FastifyInstance) {
    const base = '/api/v1/configurations/reference';
    app.get(
      `${base}/nationalities/`,
      {
        schema: {
          tags: ['reference'],
          summary: 'The 32 NATO nations, then the partner nations some presets use',
          response: { 200: Type.Array(CodeName, { examples: [[{ code: 'ALB', name: 'Albania' }]] }) },
        },
      },
      async () => ALL_NATIONALITIES.map(({ code, name }) => ({ code, name })),
    );
    app.get(
      `${base}/condition-types/`,
      {
        schema: {
          tags: ['reference'],
          summary: 'Injury categories',
          response: {
            200: Type.Array(Type.String(), { examples: [['DISEASE', 'NON_BATTLE', 'BATTLE_TRAUMA']] }),
          },
        },
      },
      async () => [...CONDITION_TYPES],
    );
    app.get(
      `${base}/facility-types/`,
      {
        schema: {
          tags: ['reference'],
          summary: 'POI and Roles 1 to 4',
          response: {
            200: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                patient_facility_id: Type.String({
                  description: 'The same facility as patients name it (last_facility, movement_timeline)',
                }),
              }),
              { examples: [[{ id: 'R1', name: 'Role 1', patient_facility_id: 'Role1' }]] },
            ),
          },
        },
      },
      async () => [...FACILITY_TYPES],
    );
    app.get(
      `${base}/static-fronts/`,
      {
        schema: {
          tags: ['reference'],
          summary: 'The default fronts',
          response: {
            200: Type.Array(Type.Object({}, { additionalProperties: true }), {
              examples: [
                [{ name: 'Poland', ratio: 0.6, nations: [{ nationality_code: 'POL', percentage: 50 }] }],
              ],
            }),
          },
        },
      },
      async () => [...STATIC_FRONTS],
    );

    app.get(
      '/api/v1/config/frontend',
      {
        schema: {
          tags: ['reference'],
          summary: 'Settings for the web page',
          description:
            'Keeps the earlier shape, plus `registration`; `apiKey` is the public demo key, never a secret.',
          response: { 200: Frontend },
        },
      },
      async () => ({
        apiKey: DEMO_API_KEY,
        appName: API_TITLE,
        version: API_VERSION,
        debug: false,
        registration: await deps.registrationMode.shown(deps.clock().getTime()),
      }),
    );
  };
}
