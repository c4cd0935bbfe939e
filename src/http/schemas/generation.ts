import { Type } from 'typebox';
import { JOB_PRIORITIES, JOB_STATUSES } from '../../jobs/index.js';
import { OUTPUT_FORMATS } from '../../output/index.js';
import { Seed } from './input.js';

const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** `POST /api/v1/generation/`: the earlier service's fields, plus an optional `seed`. */
export const GenerationRequest = Type.Object(
  {
    configuration_id: Type.Optional(nullable(Type.String({ minLength: 1 }))),
    configuration: Type.Optional(
      Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()], {
        description: 'An inline scenario configuration (see docs/generator.md for every key and alias)',
      }),
    ),
    total_patients: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    output_formats: Type.Optional(
      Type.Array(Type.String({ enum: [...OUTPUT_FORMATS] }), { minItems: 1, default: ['json'] }),
    ),
    use_compression: Type.Optional(Type.Boolean({ default: false })),
    use_encryption: Type.Optional(Type.Boolean({ default: false })),
    encryption_password: Type.Optional(nullable(Type.String({ minLength: 8, maxLength: 1024 }))),
    priority: Type.Optional(Type.String({ enum: [...JOB_PRIORITIES], default: 'normal' })),
    seed: Type.Optional(Seed),
  },
  {
    additionalProperties: true,
    examples: [
      {
        configuration: { name: 'SDK Generated Test', total_patients: 5 },
        output_formats: ['json'],
        use_compression: false,
        use_encryption: false,
        priority: 'normal',
      },
    ],
  },
);

export const GenerationResponse = Type.Object(
  {
    job_id: Type.String({ format: 'uuid' }),
    status: Type.String({ examples: ['pending'] }),
    message: Type.String(),
    estimated_duration: Type.Union([Type.Integer(), Type.Null()]),
    seed: Type.Union([Type.String(), Type.Null()], { description: 'null for an encrypted job' }),
    total_patients: Type.Integer(),
    warnings: Type.Array(Type.String(), {
      description:
        'Unknown keys of the request or its configuration, which were ignored, with the likely meant key',
    }),
  },
  {
    examples: [
      {
        job_id: 'f9fe341b-f6a6-4838-ae3a-d15b573496ba',
        status: 'pending',
        message: "Patient generation job 'f9fe341b-f6a6-4838-ae3a-d15b573496ba' created successfully",
        estimated_duration: 5,
        seed: '2c1258a05af10c84',
        total_patients: 5,
        warnings: [],
      },
    ],
  },
);

export const JobResponse = Type.Object(
  {
    job_id: Type.String(),
    status: Type.String({ enum: [...JOB_STATUSES] }),
    created_at: Type.String(),
    progress: Type.Integer(),
    config: Type.Record(Type.String(), Type.Unknown()),
    completed_at: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    output_files: Type.Array(Type.String()),
    progress_details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    summary: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    seed: Type.Union([Type.String(), Type.Null()], { description: 'null for an encrypted job' }),
    encrypted: Type.Boolean({
      description: 'made with use_encryption: its patients are served only in the ZIP',
    }),
    total_patients: Type.Integer(),
  },
  {
    additionalProperties: true,
    examples: [
      {
        job_id: 'f9fe341b-f6a6-4838-ae3a-d15b573496ba',
        status: 'completed',
        created_at: '2026-11-25T20:44:26.695Z',
        progress: 100,
        config: {
          name: 'SDK Generated Test',
          total_patients: 5,
          output_formats: ['json'],
          encryption_password: null,
        },
        completed_at: '2026-11-25T20:44:27.201Z',
        error: null,
        output_files: ['patients.json'],
        progress_details: null,
        summary: { total_patients: 5, total_kia: 0, total_rtd: 3 },
        result: { total_patients: 5, file_size: 11257 },
        seed: '2c1258a05af10c84',
        encrypted: false,
        total_patients: 5,
      },
    ],
  },
);
