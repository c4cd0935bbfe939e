/**
 * One day's casualty events and slots, kept in flat typed arrays. A day of a large job holds hundreds of
 * thousands of casualties (about 180,000 on the busiest day of a 1M-patient default run), and an object
 * per event and per slot made the plan the largest thing a generation worker kept alive: about 45 MB of
 * heap on that day, so a worker's memory grew with the job's size. Here an event costs 25 bytes and a
 * slot 8, off the JS heap, and a patient's event is rebuilt as an object when the patient is built.
 */
import { type EventKind, MASS_CASUALTY_MIN } from './battle-events.js';
import type { InjuryType } from './types.js';

export interface CasualtyEvent {
  /** Start, in seconds after 00:00Z of the event's day. */
  second: number;
  /** Casualties are wounded between `second` and `second + windowSec`. */
  windowSec: number;
  size: number;
  /** The warfare type that produced it, or `dnbi`. */
  scenario: string;
  kind: EventKind;
  eventId: string;
  /** A number unique to the event within the run (day × 2³² + its index in the day), to seed its streams. */
  key: number;
  massCasualty: boolean;
  /** Index into scenario.fronts. */
  front: number;
  /** Battle events wound (BATTLE_TRAUMA); DNBI events bring in the sick or the injured off duty. */
  injuryType: InjuryType;
}

/** One casualty's place in the day: its event and its own second. */
export interface Slot {
  second: number;
  event: CasualtyEvent;
}

/**
 * How an event's id is spelled: a battle event `IND_|MC_<type>_<day>_<hour>_<minute>_<hex>`, a special
 * event `SE_<kind>_<day + 1>_<hour>_<hex>`, an outbreak `OB_gastroenteritis_<day>_<hex>`, a sick-call
 * presentation `DNBI_<day>_<hour>_<minute>_<hex>`.
 */
export type IdStyle = 'battle' | 'special' | 'outbreak' | 'sick_call';

/** What the planner decides for one event; `hex` is the 32-bit random part of its id. */
export interface PlannedEvent {
  second: number;
  windowSec: number;
  size: number;
  scenario: string;
  kind: EventKind;
  style: IdStyle;
  front: number;
  injuryType: InjuryType;
  hex: number;
}

/** Every event kind, by its one-byte code; a `Record` so that a new kind cannot be left out. */
const KIND_CODES: Record<EventKind, true> = {
  contact: true,
  ambush: true,
  close_quarters: true,
  indirect_fire: true,
  ied: true,
  drone_strike: true,
  air_strike: true,
  missile_strike: true,
  chemical_release: true,
  radiological_release: true,
  mass_casualty: true,
  sick_call: true,
  outbreak: true,
};
const KINDS = Object.keys(KIND_CODES) as readonly EventKind[];
const STYLES: readonly IdStyle[] = ['battle', 'special', 'outbreak', 'sick_call'];
const INJURY_TYPES: readonly InjuryType[] = ['BATTLE_TRAUMA', 'DISEASE', 'NON_BATTLE'];
/** A slot's sort key is `second × EVENT_SPAN + event`: exact in a double while the second is below 2^21. */
const EVENT_SPAN = 2 ** 32;

const codeOf = <T>(table: readonly T[], value: T): number => {
  const code = table.indexOf(value);
  if (code < 0) throw new Error(`day plan: unknown value ${String(value)}`);
  return code;
};

export class DayPlan {
  private events = 0;
  private readonly second: Int32Array;
  private readonly windowSec: Int32Array;
  private readonly size: Int32Array;
  private readonly front: Int32Array;
  private readonly hex: Uint32Array;
  private readonly kind: Uint8Array;
  private readonly style: Uint8Array;
  private readonly injury: Uint8Array;
  private readonly scenario: Uint16Array;
  /** The few scenario names of the day's events (warfare types, special kinds, `dnbi`). */
  private readonly scenarios: string[] = [];
  private slots = new Float64Array(0);
  /** Events of several casualties already built, until their last slot is taken (see `slot`). */
  private readonly open = new Map<number, { event: CasualtyEvent; left: number }>();

  /** `casualties` bounds the events too: every event has at least one casualty. */
  constructor(
    readonly day: number,
    readonly casualties: number,
  ) {
    if (casualties >= EVENT_SPAN) throw new RangeError(`day plan: ${casualties} casualties in one day`);
    this.second = new Int32Array(casualties);
    this.windowSec = new Int32Array(casualties);
    this.size = new Int32Array(casualties);
    this.front = new Int32Array(casualties);
    this.hex = new Uint32Array(casualties);
    this.kind = new Uint8Array(casualties);
    this.style = new Uint8Array(casualties);
    this.injury = new Uint8Array(casualties);
    this.scenario = new Uint16Array(casualties);
  }

  /** Appends an event; throws once the events would hold more casualties than the day. */
  add(e: PlannedEvent): void {
    const i = this.events;
    if (i >= this.casualties) throw new RangeError('day plan: more events than casualties');
    let scenario = this.scenarios.indexOf(e.scenario);
    if (scenario < 0) scenario = this.scenarios.push(e.scenario) - 1;
    this.second[i] = e.second;
    this.windowSec[i] = e.windowSec;
    this.size[i] = e.size;
    this.front[i] = e.front;
    this.hex[i] = e.hex;
    this.kind[i] = codeOf(KINDS, e.kind);
    this.style[i] = codeOf(STYLES, e.style);
    this.injury[i] = codeOf(INJURY_TYPES, e.injuryType);
    this.scenario[i] = scenario;
    this.events = i + 1;
  }

  get eventCount(): number {
    return this.events;
  }

  /**
   * Gives every casualty its second (`offset(windowSec)` after its event's start, capped at the day's
   * end), event by event in order, then sorts them by time; casualties of one second keep the order of
   * their events. Throws unless the events hold exactly the day's casualties.
   */
  schedule(offset: (windowSec: number) => number): void {
    const keys = new Float64Array(this.casualties);
    let k = 0;
    for (let e = 0; e < this.events; e++) {
      const start = this.second[e]!;
      const window = this.windowSec[e]!;
      for (let n = this.size[e]!; n > 0; n--) {
        const second = Math.min(86_399, start + (window > 0 ? offset(window) : 0));
        keys[k++] = second * EVENT_SPAN + e;
      }
    }
    if (k !== this.casualties) throw new RangeError(`day plan: ${k} slots for ${this.casualties} casualties`);
    // Numeric sort of unique-or-identical keys: equal keys are the same (second, event), so order is exact.
    this.slots = keys.sort();
  }

  /**
   * Slot k (0 ≤ k < casualties) after `schedule`. The slots of one event share one event object, kept
   * only while some of its slots are still to come, so the day's objects never pile up.
   */
  slot(k: number): Slot {
    const key = this.slots[k]!;
    const second = Math.floor(key / EVENT_SPAN);
    const i = key - second * EVENT_SPAN;
    const size = this.size[i]!;
    if (size === 1) return { second, event: this.event(i) };
    let open = this.open.get(i);
    if (open === undefined) {
      open = { event: this.event(i), left: size };
      this.open.set(i, open);
    }
    if (--open.left === 0) this.open.delete(i);
    return { second, event: open.event };
  }

  /** Event i (0 ≤ i < eventCount) as a new object. */
  event(i: number): CasualtyEvent {
    const second = this.second[i]!;
    const size = this.size[i]!;
    const kind = KINDS[this.kind[i]!]!;
    const injuryType = INJURY_TYPES[this.injury[i]!]!;
    return {
      second,
      windowSec: this.windowSec[i]!,
      size,
      scenario: this.scenarios[this.scenario[i]!]!,
      kind,
      eventId: this.eventId(i, second, size, kind),
      key: this.day * 2 ** 32 + i,
      massCasualty: injuryType === 'BATTLE_TRAUMA' && size >= MASS_CASUALTY_MIN,
      front: this.front[i]!,
      injuryType,
    };
  }

  private eventId(i: number, second: number, size: number, kind: EventKind): string {
    const day = this.day;
    const hour = Math.floor(second / 3600);
    const minute = Math.floor((second % 3600) / 60);
    const hex = this.hex[i]!.toString(16).padStart(8, '0');
    switch (STYLES[this.style[i]!]) {
      case 'special':
        return `SE_${kind}_${day + 1}_${hour}_${hex}`;
      case 'outbreak':
        return `OB_gastroenteritis_${day}_${hex}`;
      case 'sick_call':
        return `DNBI_${day}_${hour}_${minute}_${hex}`;
      default:
        return `${size >= MASS_CASUALTY_MIN ? 'MC' : 'IND'}_${this.scenarios[this.scenario[i]!]}_${day}_${hour}_${minute}_${hex}`;
    }
  }
}
