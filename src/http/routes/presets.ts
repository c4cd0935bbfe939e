import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getPreset, listPresets, presetCategories } from '../../generator/index.js';
import { notFound } from '../errors.js';
import { errorResponses, KEY_SECURITY as security, PROTECTED_ERRORS } from '../schemas/common.js';


/** Scenario presets; a preset's `generation_config` can be posted as `configuration` unchanged. */
export async function presetRoutes(app: FastifyInstance) {
  app.get<{ Querystring: { category?: string; difficulty?: string } }>(
    '/api/v1/presets',
    {
      schema: {
        tags: ['generation'],
        summary: 'List scenario presets',
        security,
        querystring: Type.Object({
          category: Type.Optional(Type.String()),
          difficulty: Type.Optional(Type.String()),
        }),
        response: errorResponses(...PROTECTED_ERRORS),
      },
    },
    async (request) => listPresets(request.query),
  );
  app.get(
    '/api/v1/presets/categories/list',
    { schema: { tags: ['generation'], summary: 'Preset categories', security, response: errorResponses(...PROTECTED_ERRORS) } },
    async () => presetCategories(),
  );
  app.get<{ Params: { preset_id: string } }>(
    '/api/v1/presets/:preset_id',
    {
      schema: {
        tags: ['generation'],
        summary: 'One preset with its generation_config',
        security,
        params: Type.Object({ preset_id: Type.String() }),
        response: errorResponses(404, ...PROTECTED_ERRORS),
      },
    },
    async (request) => {
      const preset = getPreset(request.params.preset_id);
      if (!preset) throw notFound(`Preset '${request.params.preset_id}' not found`);
      return preset;
    },
  );
}
