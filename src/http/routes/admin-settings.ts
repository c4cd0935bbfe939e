import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { REGISTRATION_MODES } from '../../config/index.js';
import type { ApiKeyRepository } from '../../keys/index.js';
import {
  REGISTRATION_MODE_SETTING,
  type RegistrationModeSetting,
  type RegistrationModeState,
  settingsView,
} from '../../settings/index.js';
import { keyOf, requireAdmin } from '../owner.js';
import { errorResponses, KEY_SECURITY, PROTECTED_ERRORS } from '../schemas/common.js';

export interface AdminSettingsDeps {
  registrationMode: RegistrationModeSetting;
  keyRepository: ApiKeyRepository;
  clock: () => Date;
}

// An enum rather than a union of literals, so a wrong mode is refused with the modes it may be.
const modeSchema = (description: string) => Type.Enum(REGISTRATION_MODES, { description });
const RegistrationMode = modeSchema(
  '`open`: new self-service keys work at once; `approval`: they wait for an administrator; `off`: registration answers 404',
);

const SettingsView = Type.Object(
  {
    self_service_registration: Type.Object({
      mode: RegistrationMode,
      source: Type.Union([Type.Literal('administrator'), Type.Literal('environment')], {
        description:
          '`administrator`: set through this API, the dashboard or the CLI; `environment`: none set, so SELF_SERVICE_REGISTRATION applies',
      }),
      environment_default: modeSchema(
        'SELF_SERVICE_REGISTRATION: the mode while no administrator has set one',
      ),
      updated_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      updated_by: Type.Union([Type.String(), Type.Null()], {
        description: "The changing key's display prefix, `API_KEY` or `cli`; null when from the environment",
      }),
    }),
    pending_keys: Type.Integer({
      minimum: 0,
      description: 'Self-service keys waiting for an administrator to approve them',
    }),
  },
  {
    examples: [
      {
        self_service_registration: {
          mode: 'approval',
          source: 'administrator',
          environment_default: 'open',
          updated_at: '2026-12-01T02:00:00.000Z',
          updated_by: 'API_KEY',
        },
        pending_keys: 2,
      },
    ],
  },
);

const SettingsPatch = Type.Object(
  {
    self_service_registration: Type.Optional(
      Type.Union([RegistrationMode, Type.Null()], {
        description: 'The mode from now on, on every instance; null: follow SELF_SERVICE_REGISTRATION again',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Who changed a setting, as stored and logged: a label that is never the key itself. */
function changedBy(request: FastifyRequest): string {
  const key = keyOf(request);
  return key.kind === 'legacy' ? 'API_KEY' : key.keyPrefix;
}

/** Run-time settings for the `admin` scope and the legacy key. The CLI's `settings` offers the same. */
export function adminSettingsRoutes(deps: AdminSettingsDeps) {
  return async function adminSettingsRoutesPlugin(app: FastifyInstance) {
    // As for key administration: a key without the admin scope gets 403 before its body is validated.
    app.addHook('onRequest', async (request) => requireAdmin(request));
    const url = '/api/v1/admin/settings';
    const view = async (registration: RegistrationModeState) =>
      settingsView(registration, await deps.keyRepository.countPending());

    app.get(
      url,
      {
        schema: {
          tags: ['settings'],
          summary:
            'Show the settings: the self-service registration mode and its source, and the pending keys',
          security: KEY_SECURITY,
          response: { 200: SettingsView, ...errorResponses(...PROTECTED_ERRORS) },
        },
      },
      async () => view(await deps.registrationMode.read()),
    );

    app.patch<{ Body: Static<typeof SettingsPatch> }>(
      url,
      {
        schema: {
          tags: ['settings'],
          summary:
            'Change settings; the next registration on every instance follows the new mode (it is read from the database each time)',
          security: KEY_SECURITY,
          body: SettingsPatch,
          response: { 200: SettingsView, ...errorResponses(422, ...PROTECTED_ERRORS) },
        },
      },
      async (request) => {
        const by = changedBy(request);
        const wanted = request.body.self_service_registration;
        // Always set once validated (at least one property, and no other); the check narrows the type.
        if (wanted === undefined) return view(await deps.registrationMode.read());
        const { before, after } = await deps.registrationMode.change(wanted, by, deps.clock());
        // The audit line: what changed, from what, by whom (a label, never the key).
        request.log.info(
          { setting: REGISTRATION_MODE_SETTING, from: before.mode, to: after.mode, source: after.source, by },
          'setting changed',
        );
        return view(after);
      },
    );
  };
}
