import { describe, expect, it } from 'vitest';
import { complicationCare, HOSPITAL_PNEUMONIA } from '../../src/generator/complication-care.js';
import type { Course } from '../../src/generator/course.js';

/** The care complicationCare writes for a death on the ward at Role 3, 60 h after the injury. */
function wardDeath(causeOfDeath: string, penicillinAllergy = false) {
  // Only the route and the death matter to the ward's response; the rest of a course is not read.
  const course = {
    stays: [
      { facility: 'Role2', arrive: 1, leave: 6 },
      { facility: 'Role3', arrive: 8, leave: 200 },
    ],
    death: 60,
    causeOfDeath,
  } as unknown as Course;
  const care: {
    facility: string;
    hours: number;
    concept: readonly [string, string];
    minutes?: number;
    detail?: string;
  }[] = [];
  complicationCare(course, penicillinAllergy, (facility, hours, concept, minutes, detail) =>
    care.push({ facility, hours, concept, minutes, detail }),
  );
  return care;
}

describe('a pneumonia caught on the ward, the complication of an injury without a wound', () => {
  it('is recognised by the ward’s observations, filmed and treated as sepsis, then nursed in intensive care, all before death at Role 3', () => {
    const care = wardDeath(HOSPITAL_PNEUMONIA);
    expect(care.map((c) => c.concept[1])).toEqual([
      'Procedure',
      'Plain radiography',
      'Admission to intensive care unit',
    ]);
    expect(care.every((c) => c.facility === 'Role3' && c.hours >= 56 && c.hours < 60)).toBe(true);
    expect(care[0]!.detail).toMatch(
      /hospital-acquired pneumonia recognised; Sepsis Six .*piperacillin-tazobactam/,
    );
    expect(care[1]!.detail).toBe('X-ray of the chest: new consolidation');
    // Nothing to take back to theatre, unlike a wound's sepsis.
    expect(care.some((c) => /source control/.test(c.detail ?? ''))).toBe(false);
    expect(wardDeath('Sepsis').some((c) => /source control/.test(c.detail ?? ''))).toBe(true);
  });

  it('is treated with meropenem where the patient is allergic to penicillin', () => {
    expect(wardDeath(HOSPITAL_PNEUMONIA, true)[0]!.detail).toMatch(/meropenem 1 g IV every 8 h/);
  });
});
