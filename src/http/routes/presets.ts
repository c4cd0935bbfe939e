import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getPreset, listPresets, presetCategories } from '../../generator/index.js';
import { notFound } from '../errors.js';
import { keyOf } from '../owner.js';
import { errorResponses, KEY_SECURITY as security, openObject, PROTECTED_ERRORS } from '../schemas/common.js';

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
        response: {
          200: openObject('Preset summaries, categories and difficulty levels', {
            presets: [
              {
                id: 'training_exercise',
                name: 'Training Exercise - Small Scale',
                category: 'training',
                difficulty: 'low',
                total_patients: 100,
                duration_days: 2,
                fits_your_limit: true,
              },
            ],
            max_patients_for_key: 500,
            total_count: 1,
          }),
          ...errorResponses(...PROTECTED_ERRORS),
        },
      },
    },
    async (request) => listPresets(request.query, keyOf(request).patientLimit),
  );
  app.get(
    '/api/v1/presets/categories/list',
    {
      schema: {
        tags: ['generation'],
        summary: 'Preset categories',
        security,
        response: {
          200: openObject('Categories with their preset counts', {
            categories: [{ id: 'training', name: 'Training', icon: 'training', preset_count: 1 }],
            total_categories: 1,
          }),
          ...errorResponses(...PROTECTED_ERRORS),
        },
      },
    },
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
        response: {
          200: openObject('The preset, and a generation_config to post as `configuration`', {
            preset: { id: 'training_exercise', name: 'Training Exercise - Small Scale' },
            generation_config: {
              total_patients: 100,
              front_configs: [{ id: 'front_0', name: 'Training Area', casualty_rate: 1 }],
              injury_distribution: { Disease: 60, 'Non-Battle Injury': 30, 'Battle Injury': 10 },
            },
          }),
          ...errorResponses(404, ...PROTECTED_ERRORS),
        },
      },
    },
    async (request) => {
      const preset = getPreset(request.params.preset_id);
      if (!preset) throw notFound(`Preset '${request.params.preset_id}' not found`);
      return preset;
    },
  );
}
