/**
 * National rank titles by NATO grade (STANAG 2116 OR-1…OR-9, OF-1…OF-5), in each nation's language
 * (romanised for Bulgarian, Greek and Macedonian). A table is the fourteen titles separated by `|`; an
 * empty title marks a grade the nation does not use, and a casualty drawn there takes the next lower one.
 */
export type Service = 'army' | 'navy' | 'air' | 'marines';

const ARMY: Readonly<Record<string, string>> = {
  ALB: 'Ushtar|Ushtar|Tetar|Kaporal|Rreshter|Rreshter i parë|Kryerreshter|Rreshter major|Kryerreshter komande|Toger|Kapiten|Major|Nënkolonel|Kolonel',
  BEL: 'Soldaat|Eerste soldaat|Korporaal|Korporaal-chef|Sergeant|Eerste sergeant|Eerste sergeant-chef|Adjudant|Adjudant-chef|Luitenant|Kapitein|Majoor|Luitenant-kolonel|Kolonel',
  BGR: 'Rednik|Efreytor|Mladshi serzhant|Mladshi serzhant|Serzhant|Starshi serzhant|Shtab-serzhant|Glaven serzhant|Ofitserski kandidat|Leytenant|Kapitan|Mayor|Podpolkovnik|Polkovnik',
  CAN: 'Private (Basic)|Private (Basic)|Private (Trained)|Corporal|Master Corporal|Sergeant|Warrant Officer|Master Warrant Officer|Chief Warrant Officer|Lieutenant|Captain|Major|Lieutenant-Colonel|Colonel',
  HRV: 'Vojnik|Pozornik|Skupnik|Desetnik|Narednik|Nadnarednik|Stožerni narednik|Časnički namjesnik|Stožerni časnički namjesnik|Poručnik|Satnik|Bojnik|Potpukovnik|Pukovnik',
  CZE: 'Vojín|Svobodník|Desátník|Četař|Rotný|Rotmistr|Nadrotmistr|Praporčík|Nadpraporčík|Poručík|Kapitán|Major|Podplukovník|Plukovník',
  DNK: 'Menig|Konstabel|Overkonstabel|Korporal|Sergent|Oversergent|Seniorsergent|Chefsergent|Chefsergent|Premierløjtnant|Kaptajn|Major|Oberstløjtnant|Oberst',
  EST: 'Reamees|Kapral|Nooremseersant|Nooremseersant|Seersant|Vanemseersant|Veebel|Vanemveebel|Staabiveebel|Leitnant|Kapten|Major|Kolonelleitnant|Kolonel',
  FIN: 'Sotamies|Korpraali|Alikersantti|Kersantti|Ylikersantti|Vääpeli|Ylivääpeli|Sotilasmestari||Luutnantti|Kapteeni|Majuri|Everstiluutnantti|Eversti',
  FRA: 'Soldat de 2e classe|Soldat de 1re classe|Caporal|Caporal-chef|Sergent|Sergent-chef|Adjudant|Adjudant-chef|Major|Lieutenant|Capitaine|Commandant|Lieutenant-colonel|Colonel',
  DEU: 'Soldat|Gefreiter|Obergefreiter|Stabsgefreiter|Unteroffizier|Feldwebel|Hauptfeldwebel|Stabsfeldwebel|Oberstabsfeldwebel|Leutnant|Hauptmann|Major|Oberstleutnant|Oberst',
  GRC: 'Stratiotis|Ypodekaneas|Dekaneas|Dekaneas|Lochias|Epilochias|Archilochias|Archilochias|Anthypaspistis|Ypolochagos|Lochagos|Tagmatarchis|Antisyntagmatarchis|Syntagmatarchis',
  HUN: 'Honvéd|Őrvezető|Tizedes|Szakaszvezető|Őrmester|Törzsőrmester|Főtörzsőrmester|Zászlós|Főzászlós|Hadnagy|Százados|Őrnagy|Alezredes|Ezredes',
  ITA: 'Soldato|Caporale|Caporal maggiore|Primo caporal maggiore|Sergente|Sergente maggiore|Maresciallo|Maresciallo capo|Primo maresciallo|Tenente|Capitano|Maggiore|Tenente colonnello|Colonnello',
  LVA: 'Kareivis|Dižkareivis|Kaprālis|Kaprālis|Seržants|Virsseržants|Štāba seržants|Galvenais seržants|Augstākais virsseržants|Leitnants|Kapteinis|Majors|Pulkvežleitnants|Pulkvedis',
  LTU: 'Eilinis|Grandinis|Jaunesnysis seržantas|Jaunesnysis seržantas|Seržantas|Štabo seržantas|Viršila|Štabo viršila|Seržantas majoras|Leitenantas|Kapitonas|Majoras|Pulkininkas leitenantas|Pulkininkas',
  LUX: 'Soldat|Soldat de 1re classe|Caporal|Caporal de 1re classe|Sergent|Premier sergent|Sergent-chef|Adjudant|Adjudant-major|Lieutenant|Capitaine|Major|Lieutenant-colonel|Colonel',
  MNE: 'Vojnik|Razvodnik|Desetar|Mlađi vodnik|Vodnik|Stariji vodnik|Stariji vodnik I klase|Zastavnik|Zastavnik I klase|Poručnik|Kapetan|Major|Potpukovnik|Pukovnik',
  NLD: 'Soldaat|Soldaat der 1e klasse|Korporaal|Korporaal der 1e klasse|Sergeant|Sergeant der 1e klasse|Sergeant-majoor|Adjudant||Eerste luitenant|Kapitein|Majoor|Luitenant-kolonel|Kolonel',
  MKD: 'Vojnik|Razvodnik|Desetar|Pomlad vodnik|Vodnik|Postar vodnik|Štabni vodnik|Zastavnik|Višok zastavnik|Poručnik|Kapetan|Major|Potpolkovnik|Polkovnik',
  NOR: 'Menig|Visekorporal|Visekorporal 1. klasse|Korporal|Sersjant|Oversersjant|Stabssersjant|Kommandersersjant|Sjefsersjant|Løytnant|Kaptein|Major|Oberstløytnant|Oberst',
  POL: 'Szeregowy|Starszy szeregowy|Kapral|Plutonowy|Sierżant|Starszy sierżant|Chorąży|Starszy chorąży|Starszy chorąży sztabowy|Porucznik|Kapitan|Major|Podpułkownik|Pułkownik',
  PRT: 'Soldado|Segundo-cabo|Primeiro-cabo|Cabo-adjunto|Segundo-sargento|Primeiro-sargento|Sargento-ajudante|Sargento-chefe|Sargento-mor|Tenente|Capitão|Major|Tenente-coronel|Coronel',
  ROU: 'Soldat|Fruntaș|Caporal|Caporal|Sergent|Sergent major|Plutonier|Plutonier major|Plutonier adjutant|Locotenent|Căpitan|Maior|Locotenent-colonel|Colonel',
  SVK: 'Vojak 2. stupňa|Vojak 1. stupňa|Desiatnik|Čatár|Rotný|Rotmajster|Nadrotmajster|Štábny nadrotmajster|Hlavný nadrotmajster|Poručík|Kapitán|Major|Podplukovník|Plukovník',
  SVN: 'Vojak|Poddesetnik|Desetnik|Naddesetnik|Vodnik|Višji vodnik|Štabni vodnik|Višji štabni vodnik|Praporščak|Poročnik|Stotnik|Major|Podpolkovnik|Polkovnik',
  ESP: 'Soldado|Soldado de primera|Cabo|Cabo primero|Sargento|Sargento primero|Brigada|Subteniente|Suboficial mayor|Teniente|Capitán|Comandante|Teniente coronel|Coronel',
  SWE: 'Menig|Vicekorpral|Korpral|Furir|Sergeant|Översergeant|Fanjunkare|Förvaltare|Regementsförvaltare|Löjtnant|Kapten|Major|Överstelöjtnant|Överste',
  TUR: 'Er|Onbaşı|Çavuş|Uzman çavuş|Astsubay çavuş|Astsubay üstçavuş|Astsubay başçavuş|Astsubay kıdemli başçavuş||Üsteğmen|Yüzbaşı|Binbaşı|Yarbay|Albay',
  GBR: 'Private|Private|Lance Corporal|Corporal||Sergeant|Staff Sergeant|Warrant Officer Class 2|Warrant Officer Class 1|Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  USA: 'Private|Private|Private First Class|Specialist|Sergeant|Staff Sergeant|Sergeant First Class|Master Sergeant|Sergeant Major|First Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  AUS: 'Private|Private|Lance Corporal|Corporal||Sergeant|Staff Sergeant|Warrant Officer Class 2|Warrant Officer Class 1|Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  NZL: 'Private|Private|Lance Corporal|Corporal||Sergeant|Staff Sergeant|Warrant Officer Class 2|Warrant Officer Class 1|Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  // Iceland has no armed forces; its deployed personnel (Crisis Response Unit, Coast Guard) take NATO titles.
  ISL: 'Private|Private|Private First Class|Corporal|Sergeant|Staff Sergeant|Sergeant First Class|Master Sergeant|Sergeant Major|Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
};

const NAVY: Readonly<Record<string, string>> = {
  USA: 'Seaman Recruit|Seaman Apprentice|Seaman|Petty Officer Third Class|Petty Officer Second Class|Petty Officer First Class|Chief Petty Officer|Senior Chief Petty Officer|Master Chief Petty Officer|Lieutenant (junior grade)|Lieutenant|Lieutenant Commander|Commander|Captain',
  GBR: 'Able Rating|Able Rating|Able Rating|Leading Rating||Petty Officer|Chief Petty Officer|Warrant Officer Class 2|Warrant Officer Class 1|Sub-Lieutenant|Lieutenant|Lieutenant Commander|Commander|Captain',
  CAN: 'Sailor Third Class|Sailor Second Class|Sailor First Class|Master Sailor|Petty Officer Second Class|Petty Officer First Class|Chief Petty Officer Second Class|Chief Petty Officer First Class||Sub-Lieutenant|Lieutenant (Navy)|Lieutenant-Commander|Commander|Captain (Navy)',
  AUS: 'Seaman|Seaman|Able Seaman|Leading Seaman||Petty Officer|Chief Petty Officer||Warrant Officer|Sub Lieutenant|Lieutenant|Lieutenant Commander|Commander|Captain',
  NZL: 'Able Rating|Able Rating|Able Rating|Leading Rating||Petty Officer|Chief Petty Officer||Warrant Officer|Sub-Lieutenant|Lieutenant|Lieutenant Commander|Commander|Captain',
  FRA: 'Matelot|Matelot breveté|Quartier-maître de 2e classe|Quartier-maître de 1re classe|Second maître|Maître|Premier maître|Maître principal|Major|Enseigne de vaisseau de 1re classe|Lieutenant de vaisseau|Capitaine de corvette|Capitaine de frégate|Capitaine de vaisseau',
  DEU: 'Matrose|Gefreiter|Obergefreiter|Stabsgefreiter|Maat|Bootsmann|Hauptbootsmann|Stabsbootsmann|Oberstabsbootsmann|Leutnant zur See|Kapitänleutnant|Korvettenkapitän|Fregattenkapitän|Kapitän zur See',
  POL: 'Marynarz|Starszy marynarz|Mat|Bosmanmat|Bosman|Starszy bosman|Chorąży marynarki|Starszy chorąży marynarki|Starszy chorąży sztabowy marynarki|Porucznik marynarki|Kapitan marynarki|Komandor podporucznik|Komandor porucznik|Komandor',
  ITA: 'Comune di 2a classe|Comune di 1a classe|Sottocapo|Sottocapo di 1a classe|Sergente|Secondo capo|Capo di 3a classe|Capo di 1a classe|Primo luogotenente|Sottotenente di vascello|Tenente di vascello|Capitano di corvetta|Capitano di fregata|Capitano di vascello',
  ESP: 'Marinero|Marinero de primera|Cabo|Cabo primero|Sargento|Sargento primero|Brigada|Subteniente|Suboficial mayor|Alférez de navío|Teniente de navío|Capitán de corbeta|Capitán de fragata|Capitán de navío',
  NOR: 'Menig|Visekorporal|Visekorporal 1. klasse|Korporal|Sersjant|Oversersjant|Stabssersjant|Kommandersersjant|Sjefsersjant|Løytnant|Kapteinløytnant|Orlogskaptein|Kommandørkaptein|Kommandør',
  DNK: 'Marineelev|Marinekonstabel|Overkonstabel|Korporal|Sergent|Oversergent|Seniorsergent|Chefsergent|Chefsergent|Premierløjtnant|Kaptajnløjtnant|Orlogskaptajn|Kommandørkaptajn|Kommandør',
  SWE: 'Menig|Vicekorpral|Korpral|Furir|Sergeant|Översergeant|Fanjunkare|Förvaltare|Flottiljförvaltare|Löjtnant|Kapten|Örlogskapten|Kommendörkapten|Kommendör',
  FIN: 'Matruusi|Ylimatruusi|Alikersantti|Kersantti|Ylikersantti|Vääpeli|Ylivääpeli|Sotilasmestari||Luutnantti|Kapteeniluutnantti|Komentajakapteeni|Komentaja|Kommodori',
  GRC: 'Naftis|Naftis|Diopos|Diopos|Kelefstis|Epikelefstis|Archikelefstis|Archikelefstis|Anthypaspistis|Anthypoploiarchos|Ypoploiarchos|Plotarchis|Antiploiarchos|Ploiarchos',
  PRT: 'Grumete|Segundo-marinheiro|Primeiro-marinheiro|Cabo|Segundo-sargento|Primeiro-sargento|Sargento-ajudante|Sargento-chefe|Sargento-mor|Segundo-tenente|Primeiro-tenente|Capitão-tenente|Capitão-de-fragata|Capitão-de-mar-e-guerra',
  NLD: 'Matroos der 3e klasse|Matroos der 1e klasse|Korporaal|Korporaal|Sergeant|Sergeant-majoor|Sergeant-majoor|Adjudant|Adjudant|Luitenant ter zee der 2e klasse|Luitenant ter zee der 2e klasse oudste categorie|Luitenant ter zee der 1e klasse|Kapitein-luitenant ter zee|Kapitein ter zee',
  BEL: 'Matroos|Eerste matroos|Kwartiermeester|Kwartiermeester-chef|Tweede meester|Eerste meester|Eerste meester-chef|Oppermeester|Oppermeester-chef|Luitenant-ter-zee|Luitenant-ter-zee eerste klasse|Korvetkapitein|Fregatkapitein|Kapitein-ter-zee',
};

const AIR: Readonly<Record<string, string>> = {
  USA: 'Airman Basic|Airman|Airman First Class|Senior Airman|Staff Sergeant|Technical Sergeant|Master Sergeant|Senior Master Sergeant|Chief Master Sergeant|First Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  GBR: 'Aircraftman|Leading Aircraftman|Senior Aircraftman|Corporal||Sergeant|Flight Sergeant||Warrant Officer|Flying Officer|Flight Lieutenant|Squadron Leader|Wing Commander|Group Captain',
  AUS: 'Aircraftman|Leading Aircraftman|Leading Aircraftman|Corporal||Sergeant|Flight Sergeant||Warrant Officer|Flying Officer|Flight Lieutenant|Squadron Leader|Wing Commander|Group Captain',
  NZL: 'Aircraftman|Leading Aircraftman|Leading Aircraftman|Corporal||Sergeant|Flight Sergeant||Warrant Officer|Flying Officer|Flight Lieutenant|Squadron Leader|Wing Commander|Group Captain',
  CAN: 'Aviator (Basic)|Aviator (Basic)|Aviator (Trained)|Corporal|Master Corporal|Sergeant|Warrant Officer|Master Warrant Officer|Chief Warrant Officer|Lieutenant|Captain|Major|Lieutenant-Colonel|Colonel',
  FRA: 'Aviateur de 2e classe|Aviateur de 1re classe|Caporal|Caporal-chef|Sergent|Sergent-chef|Adjudant|Adjudant-chef|Major|Lieutenant|Capitaine|Commandant|Lieutenant-colonel|Colonel',
  ITA: 'Aviere|Aviere scelto|Primo aviere|Aviere capo|Sergente|Sergente maggiore|Maresciallo di 3a classe|Maresciallo di 1a classe|Primo luogotenente|Tenente|Capitano|Maggiore|Tenente colonnello|Colonnello',
};

const MARINES: Readonly<Record<string, string>> = {
  USA: 'Private|Private First Class|Lance Corporal|Corporal|Sergeant|Staff Sergeant|Gunnery Sergeant|Master Sergeant|Sergeant Major|First Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
  GBR: 'Marine|Marine|Lance Corporal|Corporal||Sergeant|Colour Sergeant|Warrant Officer Class 2|Warrant Officer Class 1|Lieutenant|Captain|Major|Lieutenant Colonel|Colonel',
};

export const RANK_CODES = [
  'OR-1',
  'OR-2',
  'OR-3',
  'OR-4',
  'OR-5',
  'OR-6',
  'OR-7',
  'OR-8',
  'OR-9',
  'OF-1',
  'OF-2',
  'OF-3',
  'OF-4',
  'OF-5',
] as const;

const split = (tables: Readonly<Record<string, string>>): Map<string, string[]> =>
  new Map(Object.entries(tables).map(([code, titles]) => [code, titles.split('|')]));
const TABLES: Record<Service, Map<string, string[]>> = {
  army: split(ARMY),
  navy: split(NAVY),
  air: split(AIR),
  marines: split(MARINES),
};

export interface Rank {
  code: string;
  title: string;
}

/**
 * The nation's title for grade `grade` (index into RANK_CODES) in `service`. Services without a table of
 * their own use the nation's army titles (most continental air forces share them; see docs for the navies
 * not covered). An unused grade falls to the next lower one the nation has.
 */
export function rankFor(nation: string, service: Service, grade: number): Rank {
  const titles = TABLES[service].get(nation) ?? TABLES.army.get(nation) ?? TABLES.army.get('USA')!;
  for (let g = grade; g >= 0; g--) {
    const title = titles[g];
    if (title) return { code: RANK_CODES[g]!, title };
  }
  return { code: RANK_CODES[0], title: titles[0]! };
}

/** Nations with a navy table of their own (the others fall back to their army titles). */
export const NAVY_TABLE_NATIONS: readonly string[] = Object.keys(NAVY);
