/**
 * Independent validators for every nation's identity number: the `stdnum` package (the JavaScript port of
 * python-stdnum) wherever it has one, and the published rule written out here where it has none. Used by
 * the national-ID tests and the realism report; never by the generator.
 */
import { stdnum } from 'stdnum';
import { luhnChecksumValidate, verhoeffValidate } from 'stdnum/lib/cjs/util/checksum.js';

export type Check = (id: string) => boolean;
const by =
  (validator: { validate(v: string): { isValid: boolean } }): Check =>
  (id) =>
    validator.validate(id).isValid;

/**
 * Hungary's személyi azonosító and New Zealand's NHI have no stdnum validator; these follow the published
 * rules (Act LXVI of 1992 and HISO 10046) written out here, apart from the generator's code.
 */
function hungarian(id: string): boolean {
  if (!/^[1-4]\d{10}$/.test(id)) return false;
  const d = [...id].map(Number);
  const modern = d[0]! >= 3 || Number(id.slice(1, 3)) >= 97;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += d[i]! * (modern ? 10 - i : i + 1);
  return sum % 11 === d[10];
}
function nhi(id: string): boolean {
  const m = /^([A-HJ-NP-Z]{3})(\d{3})(\d)$/.exec(id);
  if (!m) return false;
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const values = [...m[1]!].map((c) => alphabet.indexOf(c) + 1).concat([...m[2]!].map(Number));
  const sum = values.reduce((acc, v, i) => acc + v * (7 - i), 0);
  return sum % 11 !== 0 && (11 - (sum % 11)) % 10 === Number(m[3]);
}
/** stdnum reads an Albanian woman's month (+50) modulo 12; give it the plain month. */
const albanian: Check = (id) => {
  const month = Number(id.slice(2, 4));
  const plain = month > 50 ? `${id.slice(0, 2)}${String(month - 50).padStart(2, '0')}${id.slice(4)}` : id;
  return stdnum.AL!.nipt!.validate(plain).isValid;
};

export const ID_VALIDATORS: Readonly<Record<string, Check>> = {
  ALB: albanian,
  BEL: by(stdnum.BE!.nn!),
  BGR: by(stdnum.BG!.egn!),
  CAN: by(stdnum.CA!.sin!),
  HRV: by(stdnum.HR!.oib!),
  CZE: by(stdnum.CZ!.rc!),
  DNK: by(stdnum.DK!.cpr!),
  EST: by(stdnum.EE!.ik!),
  FIN: by(stdnum.FI!.hetu!),
  FRA: by(stdnum.FR!.nir!),
  DEU: by(stdnum.DE!.svnr!),
  GRC: by(stdnum.GR!.amka!),
  HUN: hungarian,
  ISL: by(stdnum.IS!.kennitala!),
  ITA: by(stdnum.IT!.codicefiscale!),
  LVA: by(stdnum.LV!.pvn!),
  LTU: by(stdnum.LT!.asmens!),
  LUX: (id) =>
    /^\d{13}$/.test(id) &&
    luhnChecksumValidate(id.slice(0, 12)) &&
    verhoeffValidate(`${id.slice(0, 11)}${id[12]}`),
  MNE: by(stdnum.ME!.jmbg!),
  NLD: by(stdnum.NL!.bsn!),
  MKD: by(stdnum.MK!.jmbg!),
  NOR: by(stdnum.NO!.fodselsnummer!),
  POL: by(stdnum.PL!.pesel!),
  PRT: by(stdnum.PT!.cc!),
  ROU: by(stdnum.RO!.cnp!),
  SVK: by(stdnum.SK!.rc!),
  SVN: by(stdnum.SI!.emso!),
  ESP: by(stdnum.ES!.dni!),
  SWE: by(stdnum.SE!.personnummer!),
  TUR: by(stdnum.TR!.tckimlik!),
  GBR: by(stdnum.GB!.nino!),
  USA: by(stdnum.US!.ssn!),
  AUS: by(stdnum.AU!.tfn!),
  NZL: nhi,
};
