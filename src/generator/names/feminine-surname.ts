/**
 * Feminine forms of surnames for the languages that inflect them by sex. The input is the masculine (base)
 * form; nations that do not inflect get the surname back unchanged. Rules follow each language's grammar
 * (adjectival and possessive endings); the tests check them against the feminine lists in faker's locales.
 */

/**
 * Endings whose e drops before -ová (Havel → Havlová, Richter → Richtrová, Berger → Bergrová); the drop is
 * lexical, these stems are where the Czech register mostly has it (Müller → Müllerová keeps it).
 */
const MOBILE_E = /([vzr]el|[tbmsh]er|[^aeiouy]ger)$/;
const SOFTEN: Readonly<Record<string, string>> = { n: 'ň', d: 'ď', t: 'ť' };

function czechSlovak(s: string): string {
  if (s.endsWith('ý')) return `${s.slice(0, -1)}á`;
  if (/[íůú]$/.test(s) || /(ová|á)$/.test(s)) return s;
  if (s.endsWith('ěk')) return `${s.slice(0, -3)}${SOFTEN[s.at(-3) ?? ''] ?? s.at(-3)}ková`;
  if (s.endsWith('ek') && s.length > 4) return `${s.slice(0, -2)}ková`;
  if (s.endsWith('ec') && s.length > 4 && !s.endsWith('lec')) return `${s.slice(0, -2)}cová`;
  if (MOBILE_E.test(s) && s.length > 4) return `${s.slice(0, -2)}${s.at(-1)}ová`;
  if (/[aeo]$/.test(s)) return `${s.slice(0, -1)}ová`;
  return `${s}ová`;
}

/**
 * Latvian: -is → -e, -nieks → -niece, -skis → -ska, and -s → -a for native stems; stems ending in r, t, d
 * or n (mostly borrowed: Meiers, Šmits, Andersons) take -e, as the Latvian register does.
 */
function latvian(s: string): string {
  if (s.endsWith('nieks')) return `${s.slice(0, -5)}niece`;
  if (/[sc]kis$/.test(s)) return `${s.slice(0, -2)}a`;
  if (s.endsWith('is')) return `${s.slice(0, -2)}e`;
  if (s.endsWith('us')) return `${s.slice(0, -2)}a`;
  if (/[rtdn]s$/.test(s)) return `${s.slice(0, -1)}e`;
  if (s.endsWith('s') || s.endsWith('š')) return `${s.slice(0, -1)}a`;
  return s;
}

function lithuanian(s: string): string {
  if (s.endsWith('ius')) return `${s.slice(0, -3)}ienė`;
  if (s.endsWith('us')) return `${s.slice(0, -2)}uvienė`;
  if (/(as|is|ys)$/.test(s)) return `${s.slice(0, -2)}ienė`;
  return s;
}

/** Greek takes the genitive: -ος → -ου, -ίδης/-άδης → -ίδου/-άδου, other -ης → -η, -ας → -α. */
function greek(s: string): string {
  if (s.endsWith('os')) return `${s.slice(0, -2)}ou`;
  if (/(id|ad)is$/.test(s)) return `${s.slice(0, -2)}ou`;
  if (s.endsWith('is') || s.endsWith('as') || s.endsWith('es')) return s.slice(0, -1);
  return s;
}

function slavicAdjectival(s: string, withOv: boolean): string {
  if (/(ski|cki|dzki)$/.test(s)) return `${s.slice(0, -1)}a`;
  if (withOv && /(ov|ev|in)$/.test(s)) return `${s}a`;
  return s;
}

export function feminineSurname(nation: string, surname: string): string {
  switch (nation) {
    case 'POL':
      return /[^aeiouy][yi]$/.test(surname) && !/(ski|cki|dzki)$/.test(surname)
        ? /[bcdfghjklłmnprstwzż]y$/.test(surname)
          ? `${surname.slice(0, -1)}a`
          : surname
        : slavicAdjectival(surname, false);
    case 'BGR':
    case 'MKD':
      return slavicAdjectival(surname, true);
    case 'CZE':
      return czechSlovak(surname);
    case 'SVK':
      // Adjectival -y after a long syllable (Čierny → Čierna); Hungarian-origin Nagy → Nagyová.
      return /[^g]y$/.test(surname) ? `${surname.slice(0, -1)}a` : czechSlovak(surname);
    case 'LTU':
      return lithuanian(surname);
    case 'LVA':
      return latvian(surname);
    case 'GRC':
      return greek(surname);
    case 'ISL':
      return surname.endsWith('son') ? `${surname.slice(0, -3)}dóttir` : surname;
    default:
      return surname;
  }
}
