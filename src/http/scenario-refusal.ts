import type { ScenarioRefusal } from '../jobs/index.js';
import { notFound, validationFailed } from './errors.js';
import { refusalError } from './refusals.js';

/**
 * The answer to a scenario the generation service refused. Field errors are reported under
 * `locPrefix` (`configuration` for a generation request, nothing for a streamed body).
 */
export function scenarioRefusalError(
  refusal: ScenarioRefusal,
  locPrefix: (string | number)[] = ['configuration'],
) {
  switch (refusal.kind) {
    case 'configuration-not-found':
      return notFound(`Configuration ${refusal.id} not found`);
    case 'invalid-scenario':
      return validationFailed(refusal.errors.map((e) => ({ ...e, loc: [...locPrefix, ...e.loc] })));
    case 'too-many-patients':
      return validationFailed([
        {
          loc: ['total_patients'],
          msg: `Input should be less than or equal to ${refusal.max}`,
          type: 'less_than_equal',
        },
      ]);
    case 'patient-limit':
      return refusalError(refusal.refusal);
  }
}
