/**
 * What a card says was done, word for word, with the guideline each text follows. treatments.ts decides
 * when and where each is given; the texts live here so that the rules there read as rules.
 */
/**
 * Frostbite, once there is no risk of refreezing (Wilderness Medical Society frostbite guideline, 2019):
 * rapid rewarming in warm water, never rubbing, the blisters dressed loosely.
 */
export const FROSTBITE_CARE =
  'Rapid rewarming in water at 37-39 °C for 15-30 min until the skin is soft and flushed; no rubbing; blisters dressed loosely';
export const ILOPROST =
  'Iloprost 2 ng/kg/min IV over 6 h, daily for up to 5 days (deep frostbite, within 48 h of rewarming)';
export const ILOPROST_TOO_LATE = 'Iloprost not given: more than 48 h since rewarming';
export const NFCI_CARE =
  'Feet dried, rewarmed slowly at room temperature and elevated; dry socks and footwear';
/**
 * Open-wound prophylaxis (JTS CPG "Infection Prevention in Combat-Related Injuries"): cefazolin, and
 * clindamycin for a casualty allergic to penicillin, since cefazolin is a beta-lactam too. The drug goes in
 * the detail of the general concept "Antibiotic therapy", as tranexamic acid does under "Administration
 * of drug".
 */
export const WOUND_PROPHYLAXIS = 'Cefazolin 2 g IV every 8 h (open-wound prophylaxis)';
/**
 * A minor wound cleaned at Role 1 and back to duty: the same CPG's oral option, moxifloxacin, which goes
 * on in quarters for its 1–3 days (no beta-lactam, so a penicillin allergy changes nothing).
 */
export const ORAL_WOUND_PROPHYLAXIS =
  'Moxifloxacin 400 mg PO once daily for 3 days (open-wound prophylaxis by mouth, back to duty from Role 1)';
export const WOUND_PROPHYLAXIS_PENICILLIN_ALLERGY =
  'Clindamycin 900 mg IV every 8 h (open-wound prophylaxis; penicillin allergy)';
/** The same CPG for an abdominal injury needing a laparotomy, penetrating or blunt: anaerobic cover is added for the bowel's flora. */
export const ABDOMINAL_PROPHYLAXIS =
  'Cefazolin 2 g IV every 8 h plus metronidazole 500 mg IV every 8 h (abdominal injury: bowel flora)';
export const ABDOMINAL_PROPHYLAXIS_PENICILLIN_ALLERGY =
  'Clindamycin 900 mg IV every 8 h plus ciprofloxacin 400 mg IV every 12 h (abdominal injury: bowel flora; penicillin allergy)';
/**
 * Severe brain injury at the neurosurgical facility (JTS CPG "Neurosurgery and Severe Head Injury"):
 * intracranial pressure monitored and treated, hyperosmolar therapy first.
 */
export const SEVERE_TBI_CARE =
  'Intracranial pressure monitor; hypertonic saline 3 % to keep ICP below 22 mmHg, head up 30°, normocapnia';
/**
 * A moderate or severe brain injury from the first facility on: GCS and pupils half-hourly while the GCS
 * is below 15 (NICE NG232, head injury); one episode of hypoxia or low pressure worsens the outcome, so
 * both are kept above the Brain Trauma Foundation's floors (4th edition, 2016: SpO2 90 %, systolic 110
 * mmHg at ages 15–49).
 */
export const BRAIN_INJURY_WATCH =
  'Neurological observations every 30 min: GCS and pupils; head up 30°; SpO2 kept at 90 % or more, systolic pressure at 110 mmHg or more';
/** A moderate brain injury at the neurosurgical facility: reviewed with its CT, watched for deterioration. */
export const MODERATE_TBI_CARE =
  'Neurosurgical assessment with the head CT; neurological observations hourly, CT repeated if the GCS falls';
/**
 * Early post-traumatic seizures (within 7 days) prevented in a moderate or severe brain injury (Brain Trauma
 * Foundation, 4th edition; Neurocritical Care Society guideline, Frontera 2024: levetiracetam, 7 days at
 * most). The dose is the commonest regimen of US trauma centres (Houston 2024: 1 g, then 500 mg twice a day).
 */
export const SEIZURE_PROPHYLAXIS =
  'Levetiracetam 1 g IV, then 500 mg IV or PO every 12 h for 7 days (early seizure prophylaxis)';
/**
 * Burn care (JTS CPG "Burn Care"): fluid resuscitation from 20 % TBSA by the rule of ten (10 ml/h per
 * %TBSA for an adult of 40–80 kg), titrated to urine output; burns covered, not given antibiotics.
 */
export const BURN_DRESSING = 'Burns cleaned and covered with a silver-impregnated dressing';
/**
 * A full-thickness burn round a limb or the chest (physiology.ts, circumferentialBurns): its eschar cut
 * along the limb's sides, or down the chest's, before it cuts off the circulation or the breathing, and
 * the pulses or the ventilation checked before and after (JTS CPG Burn Care, 2016: escharotomy).
 */
export const escharotomy = (parts: readonly string[]): string =>
  `Escharotomy of the full-thickness burn round the ${[...new Set(parts)].join(' and the ')}: ${
    parts.includes('chest') ? 'the ventilation' : 'the pulses and compartments'
  } checked before and after`;
export const URINARY_CATHETER = 'Urinary catheter: the hourly urine output guides the burn fluids';
export const BURN_RESUSCITATION_CONTINUED =
  "Burn resuscitation continued: lactated Ringer's titrated hourly to urine output 30–50 ml/h (burn flow sheet)";
/**
 * A full-thickness burn does not heal by itself: excised and grafted early at the burn centre (JTS CPG
 * "Burn Care": evacuation to the burn centre, excision and grafting there), once resuscitation is over.
 */
export const BURN_EXCISION = 'Excision of the full-thickness burns and split-skin grafting';
/**
 * The USAISR rule of ten's starting rate (Chung et al., J Trauma 2010;69:S49; TCCC Guidelines, burns):
 * %TBSA × 10 ml/h for an adult of 40 to 80 kg, and 100 ml/h more for every 10 kg above 80.
 */
export const ruleOfTenRate = (tbsa: number, weightKg: number): number =>
  Math.round(tbsa) * 10 + 100 * Math.floor(Math.max(0, weightKg - 80) / 10);
export const ruleOfTen = (tbsa: number, weightKg: number): string =>
  `lactated Ringer's ${ruleOfTenRate(tbsa, weightKg)} ml/h (rule of ten: ${Math.round(tbsa)} % TBSA, ${Math.round(weightKg)} kg)`;
export const burnResuscitation = (tbsa: number, weightKg: number): string =>
  `Burn resuscitation: ${ruleOfTen(tbsa, weightKg)} IV, titrated to urine output 30–50 ml/h`;
/**
 * Damage control leaves the abdomen open, packed and under a temporary closure; the relook, once the
 * casualty is warm, no longer acidotic and clotting, takes the packs out, repairs or joins the bowel and
 * closes the abdomen (Emergency War Surgery, 5th ed.: return to theatre within 24-48 h).
 */
export const RELOOK_LAPAROTOMY =
  'Relook laparotomy: packs out, bowel repaired or joined, abdomen closed (temporary closure since damage control)';
/**
 * A penetrating eye injury is repaired by the ophthalmic surgeon at Role 3, the first facility with one:
 * the open globe closed within 24 h of injury where possible, the eye shielded and the antibiotic
 * continued until then (JTS CPG "Eye Trauma: Initial Care", 2021).
 */
export const GLOBE_REPAIR =
  'Ophthalmic surgeon: examination under anaesthesia and primary repair of the open globe; rigid shield; moxifloxacin 400 mg IV or PO once daily (reaches the inside of the eye)';
/**
 * Suspected sepsis (the UK Sepsis Trust's Sepsis Six, within the hour; Surviving Sepsis Campaign 2021:
 * crystalloid for hypoperfusion, up to 30 ml/kg in the first 3 h): blood cultures before the first
 * antibiotic, lactate, fluids and the urine output, oxygen already titrated.
 */
export const SEPSIS_SIX =
  'Sepsis Six within the hour: blood cultures before the first antibiotic where they can be taken, lactate measured, crystalloid 500 ml IV bolus repeated to a systolic 100 mmHg and a lactate falling (up to 30 ml/kg), urine output measured';
/** NSAIDs harm the kidneys of a patient whose blood pressure or fluids are low (BNF cautions: hypovolaemia). */
export const SEPSIS_NSAID_CAUTION = 'suspected sepsis, the kidneys at risk';

/**
 * A closed fracture of a battle casualty that needs no fixator, held once X-rayed at Role 2 for the flight
 * home, where it is fixed if it must be (Emergency War Surgery, 5th ed.: splint or cast closed fractures,
 * fix definitively out of theatre). The forearm above the elbow; the humeral shaft in a U-slab
 * (coaptation splint) with collar and cuff; the tibia in an above-knee backslab, watched for compartment
 * syndrome (BOAST, Diagnosis and Management of Compartment Syndrome of the Limbs, 2014).
 */
export const FOREARM_BACKSLAB = 'Above-elbow backslab; arm in a sling';
export const HUMERUS_U_SLAB = 'U-slab (coaptation splint) for the humeral shaft; collar and cuff';
export const TIBIA_BACKSLAB =
  'Above-knee backslab, well padded; leg elevated, no weight on it; watched for compartment syndrome';
/**
 * Impending herniation (TCCC Guidelines, traumatic brain injury: 250 ml of 3 % or 5 % hypertonic saline,
 * head up 30°, hyperventilation to an end-tidal CO2 of 30–35 mmHg; Brain Trauma Foundation 4th ed.:
 * hyperventilation only as a bridge). Given when the chart shows it, minutes before the death it cannot
 * prevent here.
 */
export const HERNIATION_CARE =
  "Signs of herniation (Cushing's response, a dilated pupil): hypertonic saline 3 % 250 ml IV bolus, head up 30°, hyperventilation to an end-tidal CO2 of 30–35 mmHg as a bridge; neurosurgeon called";
/**
 * Hypotensive resuscitation where no blood is held (TCCC Guidelines, fluid resuscitation: whole blood,
 * then plasma and red cells, then crystalloid; the targets a palpable radial pulse, improved mental status
 * or a systolic 100 mmHg, and at least 110 mmHg with a brain injury). Increments, each reassessed, until
 * blood runs or the casualty moves on.
 */
export const CRYSTALLOID_RESUSCITATION =
  "Hypotensive resuscitation without blood: lactated Ringer's or Plasma-Lyte A IV/IO in 500 ml increments, reassessed after each, to a radial pulse, improved mental status or a systolic 100 mmHg";
export const CRYSTALLOID_RESUSCITATION_BRAIN =
  "Resuscitation without blood: lactated Ringer's or Plasma-Lyte A IV/IO in 500 ml increments, reassessed after each, to a systolic 110 mmHg or more (brain injury)";
/**
 * TCCC's single dose (Guidelines since 2020, replacing CRASH-2's 1 g over 10 min and 1 g over 8 h): one
 * slow push that a medic gives before the casualty reaches surgery, no infusion to keep running.
 */
export const TXA_DOSE = 'Tranexamic acid 2 g IV/IO slow push';
/**
 * Heat stroke: cool first, transport second (ACSM expert consensus on exertional heat illness, 2023):
 * cooling starts where the soldier collapsed and goes on at the first facility; fluids alone do not
 * bring the core temperature down.
 */
export const HEAT_STROKE_FIELD_COOLING =
  'Cooled where found: in the shade, clothing off, ice sheets or cold-water dousing, continued during the evacuation';
/** Cooling stops at 39 °C (ACSM 2023: between 38.6 and 39 °C), against an overshoot into hypothermia. */
export const HEAT_STROKE_COOLED_TO = 39;
export const HEAT_STROKE_CARE =
  'Cold-water immersion (ice sheets where no bath) until core temperature 39 °C';
/** The field's cooling got there first: the facility measures, stops and watches. */
export const heatStrokeCooled = (core: number): string =>
  `Core (rectal) temperature ${core.toFixed(1)} °C on arrival, below 39 °C after the field's cooling: cooling stopped against an overshoot, temperature watched for a rebound`;
/**
 * A day or more on the ward at Role 2 or 3, in one entry over the stay: the observations at the interval
 * NEWS2 sets for a stable patient (Royal College of Physicians, 2017: at least every 12 h, more often as
 * the score rises), the wounds and dressings seen daily where there are any, a cast or splint and the
 * circulation beyond it where a fracture is held in one, mobilised as soon as the injuries allow.
 */
export function wardCare(checks: { wounds: boolean; splinted: boolean }): string {
  const seen = [
    checks.wounds ? 'wounds and dressings checked' : undefined,
    checks.splinted ? 'the cast or splint and the circulation beyond it checked' : undefined,
  ].filter((x) => x !== undefined);
  return [
    'Ward care: daily surgical review, observations by NEWS2 (at least every 12 h)',
    ...seen,
    'mobilised with the physiotherapist',
  ].join(', ');
}
/** The ward's care of a wound (a blister agent's burns, an operation). */
export const WARD_CARE = wardCare({ wounds: true, splinted: false });
/**
 * A sick or lightly injured soldier kept near the aid station before going back to duty: in its holding
 * beds under observation, or sick in quarters on excused duty, seen again at sick call; the infectious
 * apart from the unit (UKHSA: diarrhoea and vomiting kept away 48 h; the febrile respiratory viruses until
 * a day without fever). The wording is judgement on how a Role 1 holds its patients.
 */
export const ROLE1_HOLDING =
  'Held in the holding beds: observations every 4 h, fluids and food by mouth, reviewed by the medical officer before returning to duty';
/**
 * A chemical casualty going back to duty is watched first for signs that come late or come back: a liquid
 * nerve agent on the skin for 18 h (USAMRICD, Medical Management of Chemical Casualties Handbook).
 */
export const CHEMICAL_OBSERVATION =
  'Observed in the holding beds for late or returning signs of the exposure: observations every 4 h, reviewed by the medical officer before returning to duty';
export const SICK_IN_QUARTERS =
  'Sick in quarters on excused duty, rested: reviewed at sick call each day and before returning to duty';
export const ISOLATED_SICK_IN_QUARTERS =
  'Sick in quarters on excused duty, isolated from the unit while infectious: reviewed at sick call each day and before returning to duty';
/**
 * Walking patients wait for the next move, to Role 3 or the strategic flight home, in the patient holding
 * area, not on a ward bed: the physiotherapy goes on for a back or a joint, and a psychiatric patient is
 * seen by the mental health team each day and escorted (judgement).
 */
export const awaitingMove = (
  at: string,
  care: 'physiotherapy' | 'mental health' | 'suicide risk' | 'medical',
): string =>
  `Held in the patient holding area for ${at === 'Role3' ? 'the aeromedical flight home' : 'the move to Role 3'}: ${
    care === 'suicide risk'
      ? 'continuous observation by an escort, nothing to self-harm with, daily review by the mental health team'
      : care === 'mental health'
        ? 'daily review by the mental health team, escorted, treatment continued'
        : care === 'physiotherapy'
          ? 'daily review, treatment and physiotherapy continued'
          : 'daily review, treatment continued'
  }`;
export const MEDICAL_WARD_CARE =
  'Ward care: daily medical review, observations by NEWS2 (at least every 12 h), treatment continued until fit to move or to return to duty';
/** The infectious on the ward are nursed apart, as they are kept apart in quarters (UKHSA; judgement). */
export const ISOLATED_WARD_CARE =
  'Ward care: daily medical review, observations by NEWS2 (at least every 12 h), nursed in a side room with isolation precautions while infectious, treatment continued until fit to move or to return to duty';
/** Clot prevention (JTS CPG "Prevention of Deep Venous Thrombosis"; who gets it: treatments.ts). */
export const VTE_PROPHYLAXIS = 'Enoxaparin 30 mg SC every 12 h (venous thromboembolism prophylaxis)';
export const VTE_PROPHYLAXIS_BRAIN =
  'Intermittent pneumatic compression of both legs; enoxaparin 30 mg SC every 12 h once a repeat head CT is stable (venous thromboembolism prophylaxis)';
/**
 * Neurogenic shock and the injured cord (AANS/CNS guidelines for acute cervical spine and spinal cord
 * injuries, 2013: a mean arterial pressure of 85-90 mmHg for the first 7 days; JTS CPG "Cervical and
 * Thoracolumbar Spine Injury Evaluation, Transport, and Surgery in the Deployed Setting": the spine held
 * for the flight, definitive fixation usually out of theatre; no methylprednisolone).
 */
export const NEUROGENIC_SHOCK_CARE =
  'Neurogenic shock: IV fluid bolus, then noradrenaline infusion to a mean arterial pressure of 85-90 mmHg; atropine for a pulse under 50';
export const CERVICAL_CORD_CARE =
  'Neurosurgical assessment of the cord injury; neck held in a rigid collar for evacuation, definitive fixation at Role 4; mean arterial pressure kept at 85-90 mmHg';
export const SPINAL_CORD_CARE =
  'Neurosurgical assessment of the cord injury; thoracolumbar spine held in a brace on a vacuum mattress for evacuation, definitive fixation at Role 4; mean arterial pressure kept at 85-90 mmHg';
export const SERIAL_DEBRIDEMENT = 'Serial debridement and irrigation; negative-pressure dressing changed';
/** A secured airway for a threatened one or a severe brain injury, ventilated onwards. */
export const INTUBATION = 'Rapid sequence induction and intubation; ventilated, sedated';
/** The field's cricothyroidotomy that worked is kept as the airway until the surgeon converts it. */
export const CRIC_TUBE_KEPT =
  'Field cricothyroidotomy tube checked (end-tidal CO2) and secured as the airway; ventilated, sedated';
/** The same tube, early, for a burn that will swell the airway shut (physiology.ts `burnAirway`). */
export const BURN_INTUBATION =
  'Rapid sequence induction and early intubation before the burnt airway swells (uncut tube); ventilated, sedated';
/** Imaging at Role 3: the head after a brain injury, the whole body after a significant injury. */
export const HEAD_CT = 'CT of the head';
export const WHOLE_BODY_CT = 'Whole-body CT: head, neck, chest, abdomen and pelvis';
/** Flown home with an illness: a specialist takes it on; rehabilitation is for the injured body. */
export const SPECIALIST_REVIEW =
  'Specialist review on admission to the home-nation hospital; treatment continued';
/** The surgeon looks at what the casualty has: the wounds and dressings where there are any. */
export const surgeonsAssessment = (wounds: boolean): string =>
  wounds
    ? 'Surgeon’s assessment: wounds, dressings, fitness for the next move'
    : 'Surgeon’s assessment: injuries re-examined, fitness for the next move';
export const CLINICAL_ASSESSMENT = 'Clinical assessment: history, examination, observations';
/**
 * A large junctional bleed held until the surgeon ties the vessel: a junctional tourniquet in the groin or
 * armpit (TCCC), a balloon tamponade through a neck wound (Emergency War Surgery).
 */
export const JUNCTIONAL_TOURNIQUET = 'Junctional tourniquet over the bleeding groin or armpit wound';
export const NECK_TAMPONADE =
  'Balloon tamponade of the neck wound (Foley catheter inflated in the wound track)';
/**
 * Hypothermia (Wilderness Medical Society hypothermia guideline, 2019): in the field, out of the wind, wet
 * clothing off, insulated in a vapour-barrier wrap with heat to the chest; at the facility, active
 * external rewarming and warmed fluids.
 */
export const HYPOTHERMIA_WRAP =
  'Hypothermia wrap: out of the wind, wet clothing off, insulated with a vapour barrier, heat packs to the chest and armpits; kept lying flat';
export const HYPOTHERMIA_REWARMING = 'Active external rewarming with a forced-air blanket; warmed IV fluids';
/** Out of cold water (WMS hypothermia guideline): wet clothing off, warmed actively. */
export const ACTIVE_REWARMING =
  'Wet clothing off; active rewarming with a forced-air blanket and warmed IV fluids (immersion hypothermia)';
/**
 * After inhaling water: watched for the pulmonary oedema that can follow hours later (oxygen, when the
 * saturation is low, is its own item; the chest film waits for Role 2's X-ray).
 */
export const AFTER_SUBMERSION =
  'Observed at least 4-6 h for delayed pulmonary oedema (water aspirated): breathing rate, saturation and chest sounds';

/**
 * A closed fracture flown home in a slab is fixed there (AO Surgery Reference): the adult forearm shaft
 * with plates, the tibial shaft with a nail, an unstable ankle or a displaced wrist with a plate. A clavicle
 * and a humeral shaft heal in a sling or a functional brace (Sarmiento), without an operation.
 */
export const FOREARM_FIXATION =
  'Open reduction and internal fixation of the forearm fracture (plates and screws); backslab off';
export const TIBIA_NAILING = 'Intramedullary nailing of the tibial shaft fracture; backslab off';
export const WRIST_FIXATION = 'Open reduction and internal fixation of the wrist (volar plate); backslab off';
export const ANKLE_FIXATION =
  'Open reduction and internal fixation of the ankle (plate and screws); backslab off';

/** Care given on the move to a facility, written at the place left (the timeline has no "in transit"). */
export const enRoute = (to: string): string => `en route to ${to.replace('Role', 'Role ')}`;
/** The NATO triage categories' names, as the field triage and the re-triage write them. */
export const TRIAGE_CATEGORY_NAMES: Readonly<Record<string, string>> = {
  T1: 'immediate',
  T2: 'delayed',
  T3: 'minimal',
};
/**
 * Triage is repeated at every stage of care (AJP-4.10); where the medic's category was higher or lower than
 * the casualty's state called for (17 % over- and 6 % under-triage against the receiving surgeons: Plackett
 * 2016), the first facility's primary survey writes the category it finds. Undefined where it agrees, or
 * for the expectant (RETRIAGED).
 */
export function retriaged(field: string, found: string): string | undefined {
  if (field === found) return undefined;
  const name = TRIAGE_CATEGORY_NAMES[found];
  if (!name || !TRIAGE_CATEGORY_NAMES[field]) return undefined;
  // 'T1' < 'T2' < 'T3': a field category sorting first was the more urgent, an over-triage.
  return `re-triaged as ${name} (${found}), ${field < found ? 'over' : 'under'}-triaged in the field`;
}
/** An expectant casualty of a mass-casualty event, triaged again on arrival (field-care.ts, `EXPECTANT`). */
export const RETRIAGED = 'Re-triaged on arrival as immediate (T1), the casualties ahead treated';
/**
 * The expectant casualty who dies within a day of reaching care was never upgraded (course.ts,
 * `comfortOnly`): still expectant at each re-triage, cared for, not treated (Emergency War Surgery, 5th
 * ed.: comfort care, not abandonment).
 */
export const STILL_EXPECTANT =
  'Re-triaged on arrival: still expectant (T4), the immediate casualties ahead; comfort care: positioned, kept warm, pain and distress relieved, not left alone';
export const EXPECTANT_CARE_CONTINUED =
  'Still expectant (T4) at the re-triage; comfort care continued: positioned, kept warm, pain and distress relieved, not left alone';

/**
 * The hours a patient waits at Role 2 or 3 for the next move, neither on the ward (a day or more) nor
 * in the holding area for the flight home: recovering from the operation where it was done, otherwise
 * watched and treated while the move is arranged (judgement, on how a field hospital runs).
 */
export const POST_OPERATIVE_RECOVERY =
  'Post-operative recovery: observations, analgesia and fluids continued';
export const HELD_FOR_THE_MOVE = 'Held for the move: observations, treatment continued';

/**
 * The complaint tried on treatment in theatre before any flight home (course.ts, `triedInTheatre`), then
 * referred on when it has not settled (AJP-4.10, the theatre evacuation policy). A musculoskeletal one is
 * kept under Role 1's care on light duties with the physiotherapist (NICE CKS, low back pain); a
 * psychiatric one is restored by the combat and operational stress control team close to the unit, with
 * the expectation of return to duty (FM 4-02.51, 2006: the BICEPS principles).
 */
export const TRIAL_OF_TREATMENT =
  'Trial of treatment in theatre: light duties, regular analgesia and a graded exercise programme with the physiotherapist; reviewed at sick call twice a week';
export const RESTORATION_IN_THEATRE =
  'Restoration with the combat and operational stress control team close to the unit: rest, sleep, regular meals and routine, daily counselling, the expectation of return to duty; reviewed every 2–3 days';
export const trialNotSettled = (days: number): string =>
  `Reviewed at sick call: not settled after ${days} days of treatment in theatre; referred to the orthopaedic surgeon at Role 3 for a decision on evacuation`;
export const notRestored = (days: number): string =>
  `Reviewed by the combat and operational stress control team: not restored after ${days} days in theatre; referred to the psychiatrist at Role 3 for a decision on evacuation`;
