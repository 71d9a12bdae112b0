// Builds data/kb/states.json from scripts/kb/states-table.txt (names, adjectives, capitals: own
// knowledge, public record) cross-checked against ../shared/gold/countryinfo (ISO codes, 2011).
// The product never reads ../shared: only this build script does. Run: node scripts/kb/build-states.mjs
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = join(ROOT, '..', 'shared', 'gold', 'countryinfo', 'countries.jsonl');
const OWN = 'own knowledge (public record), checked 2026-11';

const iso2 = new Map();
const rawPlaces = new Map(); // iso3 → place names (major cities, regions) from countryinfo
const titleCase = (x) => x.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (m) => m.toUpperCase());
if (existsSync(SHARED)) {
  for (const line of readFileSync(SHARED, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    if (r.iso3 && r.iso2 && !iso2.has(r.iso3)) iso2.set(r.iso3, r.iso2);
    if (r.iso3 && r.iso3.length === 3) {
      const list = rawPlaces.get(r.iso3) ?? [];
      for (const p of [...(r.capital ?? []), ...(r.major_cities ?? []), ...(r.regions ?? [])]) {
        list.push(titleCase(p));
        // "Rakhine State" is also "Rakhine"
        const short = p.replace(/\s+(STATE|PROVINCE|REGION|GOVERNORATE|DISTRICT|OBLAST|PREFECTURE|DEPARTMENT|TERRITORY)$/, '');
        if (short !== p) list.push(titleCase(short));
      }
      rawPlaces.set(r.iso3, list);
    }
  }
}
// Codes countryinfo (2011) lacks (ISO 3166-1; Kosovo: user-assigned XK as used by the EU/IMF).
const EXTRA_ISO2 = { SSD: 'SS', KOS: 'XK', MNE: 'ME', SRB: 'RS', TLS: 'TL', PSE: 'PS', ESH: 'EH', BIH: 'BA', HRV: 'HR', MKD: 'MK', SVN: 'SI', VAT: 'VA', MAC: 'MO', PRI: 'PR', GRL: 'GL' };

// countryinfo rows that disagree with ISO 3166-1 (a territory's row overwrote its sovereign's, or a
// typo); found by the iso2-uniqueness test. ISO 3166-1 wins.
const ISO2_FIX = { FRA: 'FR', GBR: 'GB', GTM: 'GT', GIN: 'GN', ISR: 'IL', MMR: 'MM' };
const split = (s) => (s ? s.split(';').map((x) => x.trim()).filter(Boolean) : []);
const plural = (adj) => (/(ese|ss|sh|ch|s|i|Swiss|Lao|Thai|Myanmar)$/.test(adj) && !/i$/.test(adj) ? [adj] : [adj, `${adj}s`]);

// Names a state had before its current one: resolved to today's code (PLOVER codes the successor).
const FORMER = {
  RUS: [{ name: 'Soviet Union', until: '1991-12-26' }, { name: 'USSR', until: '1991-12-26' }, { name: 'the Soviet Union', until: '1991-12-26' }],
  SRB: [{ name: 'Yugoslavia', until: '2003-02-04' }, { name: 'Serbia and Montenegro', until: '2006-06-05' }],
  CZE: [{ name: 'Czechoslovakia', until: '1992-12-31' }],
  COD: [{ name: 'Zaire', until: '1997-05-17' }],
  SWZ: [{ name: 'Swaziland', until: '2018-04-19' }],
  MKD: [{ name: 'Former Yugoslav Republic of Macedonia', until: '2019-02-12' }],
  MMR: [{ name: 'Burma', until: '1989-06-18' }],
  LKA: [{ name: 'Ceylon', until: '1972-05-22' }],
  KHM: [{ name: 'Kampuchea', until: '1989-05-01' }, { name: 'Democratic Kampuchea', until: '1979-01-07' }],
  ZWE: [{ name: 'Rhodesia', until: '1980-04-18' }],
  BFA: [{ name: 'Upper Volta', until: '1984-08-04' }],
  BEN: [{ name: 'Dahomey', until: '1975-11-30' }],
  DEU: [{ name: 'West Germany', until: '1990-10-03' }],
  YEM: [{ name: 'North Yemen', until: '1990-05-22' }, { name: 'South Yemen', until: '1990-05-22' }],
  TZA: [{ name: 'Tanganyika', until: '1964-04-26' }],
};
// Names that meant one state for a period and another after (own knowledge, public record): bare "Congo" was the
// Republic of the Congo until Zaire took the name Democratic Republic of the Congo on 1997-05-17, the DRC since.
const DATED = {
  COG: [{ name: 'Congo', until: '1997-05-17' }],
  COD: [{ name: 'Congo', from: '1997-05-17' }],
};
// Single words that are also common first names, US states or ordinary words: kept, with the rule
// that separates them (the recogniser skips "City, Georgia" and "Jordan Smith"-like name shapes).
const AMBIGUOUS = {
  GEO: 'US state of Georgia ("Atlanta, Georgia"); first name',
  JOR: 'first name ("Jordan Bardella"); the Jordan river',
  TCD: 'first name ("Chad Smith")',
  TUR: 'the bird (lower case "turkey")',
  GIN: 'Guinea-Bissau, Equatorial Guinea, Papua New Guinea (longer names win)',
  NER: 'the Niger river; Nigeria (longer name wins)',
  COD: '"Congo" alone: the Republic of the Congo (COG) is "Congo-Brazzaville"/"Republic of the Congo"; news usage of bare "Congo" is mostly the DRC',
  DMA: 'Dominican Republic (longer name wins); "Dominican" adjective is shared with DOM and resolves to DOM',
  USA: '"US" is also the pronoun "us" (upper case required)',
};
// Regions under a sovereign, coded with the sovereign's code and sector PRE (PLOVER country rules).
const REGIONS = [
  ['region/abkhazia', 'Abkhazia', 'GEO', ['Republic of Abkhazia'], ['Abkhaz', 'Abkhazian'], ['Sukhumi']],
  ['region/south-ossetia', 'South Ossetia', 'GEO', ['Tskhinvali Region'], ['South Ossetian'], ['Tskhinvali']],
  ['region/somaliland', 'Somaliland', 'SOM', ['Republic of Somaliland'], ['Somalilander'], ['Hargeisa']],
  ['region/northern-cyprus', 'Northern Cyprus', 'CYP', ['Turkish Republic of Northern Cyprus', 'TRNC', 'North Cyprus'], ['Turkish Cypriot'], []],
  ['region/transnistria', 'Transnistria', 'MDA', ['Pridnestrovie', 'Transdniestria', 'Trans-Dniester'], ['Transnistrian'], ['Tiraspol']],
  ['region/nagorno-karabakh', 'Nagorno-Karabakh', 'AZE', ['Artsakh', 'Republic of Artsakh', 'Karabakh'], ['Karabakh Armenian'], ['Stepanakert']],
  ['region/dpr', "Donetsk People's Republic", 'UKR', ['DPR', 'DNR'], [], []],
  ['region/lpr', "Luhansk People's Republic", 'UKR', ['LPR', 'LNR', "Lugansk People's Republic"], [], []],
  ['region/republika-srpska', 'Republika Srpska', 'BIH', [], ['Bosnian Serb'], ['Banja Luka']],
  ['region/kurdistan-region', 'Kurdistan Region', 'IRQ', ['Iraqi Kurdistan', 'Kurdistan Regional Government', 'KRG'], [], ['Erbil']],
  ['region/gaza', 'Gaza Strip', 'PSE', ['Gaza'], ['Gazan'], []],
  ['region/west-bank', 'West Bank', 'PSE', [], [], []],
  // PLOVER codes East Jerusalem with the Palestinian territories (its gold: 'voting in East Jerusalem' -> PSE)
  ['region/east-jerusalem', 'East Jerusalem', 'PSE', ['Arab East Jerusalem', 'occupied East Jerusalem'], [], []],
];

const out = [];
const table = readFileSync(join(ROOT, 'scripts', 'kb', 'states-table.txt'), 'utf8');
for (const line of table.split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [id, name, official, adjs, dems, capital, aliases, metonyms, statusField] = line.split('|');
  const [status, sovereign] = statusField.trim().split(':');
  const adjectives = split(adjs);
  const demonyms = split(dems).length ? split(dems) : [...new Set(adjectives.filter((a) => !/^(U\.?S\.?|UK|U\.K\.)$/.test(a)).flatMap(plural))];
  const met = [capital, ...split(metonyms)].filter((m) => m && m !== name && !split(aliases).includes(m));
  const sources = ['ISO 3166-1', OWN];
  if (iso2.has(id)) sources.push('shared/gold/countryinfo (2011)');
  const code2 = ISO2_FIX[id] ?? iso2.get(id) ?? EXTRA_ISO2[id];
  if (!code2) throw new Error(`no ISO2 code for ${id}: add it to EXTRA_ISO2`);
  const entry = {
    id, iso2: code2, name, official,
    aliases: [...new Set([official, ...split(aliases)].filter((a) => a !== name))],
    former: FORMER[id] ?? [],
    adjectives, demonyms, capital, metonyms: [...new Set(met)],
    status, sovereign: sovereign ?? null,
    sources,
  };
  if (AMBIGUOUS[id]) entry.ambiguous_with = AMBIGUOUS[id];
  if (DATED[id]) {
    entry.dated_aliases = DATED[id];
    entry.sources = [...entry.sources, 'own knowledge (public record): the dates of its dated aliases, checked 2026-11'];
  }
  out.push(entry);
}
for (const [id, name, sov, aliases, adjectives, capitals] of REGIONS) {
  out.push({ id, iso2: null, name, official: null, aliases, former: [], adjectives, demonyms: [], capital: capitals[0] ?? null, metonyms: capitals,
    status: 'disputed', sovereign: sov, sector: 'PRE', sources: [OWN, 'PLOVER codebook country rules (disputed regions coded under the sovereign, sector PRE)'] });
}
// Places (cities, regions) name a country only in front of a group word ("Rakhine rebels",
// "Madras High Court", "Kandahar police"). A place name found in two countries, or equal to a
// name the KB already uses, is left out: it would need a rule to separate them.
// the UK's constituent countries: places of GBR (PLOVER codes them GBR), own knowledge
rawPlaces.set('GBR', [...(rawPlaces.get('GBR') ?? []), 'Scotland', 'Wales', 'England', 'Northern Ireland']);
// First-level subdivisions and towns of conflict news that countryinfo (2011) lacks or spells
// otherwise (own knowledge, public record): a "government of Sindh province" or a "deputy governor
// of the Khanty-Mansiysk region" is coded as that country (PLOVER codes places by their country).
// Names shared by two countries (Punjab, Kashmir, Azerbaijan province) are left out on purpose.
const EXTRA_PLACES = {
  PAK: ['Sindh', 'Balochistan', 'Baluchistan', 'Khyber Pakhtunkhwa', 'North-West Frontier Province', 'Waziristan', 'North Waziristan', 'South Waziristan', 'Quetta', 'Hyderabad Sindh', 'Gilgit-Baltistan'],
  RUS: ['Khanty-Mansiysk', 'Khanty-Mansi Autonomous Okrug', 'Yamal', 'Tyumen region', 'Kabardino-Balkaria', 'North Ossetia', 'Beslan', 'Makhachkala', 'Nazran', 'Vladikavkaz', 'Kuban', 'Bashkiria'],
  SDN: ['West Darfur', 'North Darfur', 'South Darfur', 'East Darfur', 'Central Darfur', 'Geneina', 'El Fasher', 'El Geneina', 'Blue Nile', 'South Kordofan', 'North Kordofan', 'Kassala', 'Gedaref', 'Wad Madani', 'Gezira'],
  TUR: ['Diyarbakir', 'Cizre', 'Sirnak', 'Hakkari', 'Mardin', 'Van province', 'Sanliurfa', 'Urfa', 'Nusaybin', 'Silopi', 'Tunceli', 'Bingol', 'Mus', 'Bitlis', 'Siirt', 'Yuksekova', 'Kilis', 'Hatay', 'Konya', 'Kayseri', 'Trabzon', 'Erzurum', 'Malatya', 'Elazig'],
  NGA: ['Borno', 'Yobe', 'Adamawa', 'Rivers State', 'Delta State', 'Bayelsa', 'Plateau State', 'Zamfara', 'Sokoto', 'Kebbi', 'Niger Delta', 'Enugu', 'Anambra', 'Abia', 'Imo State', 'Ogoniland', 'Jos', 'Warri', 'Onitsha', 'Owerri', 'Calabar', 'Biafra'],
  AFG: ['Helmand', 'Kunduz', 'Nangarhar', 'Ghazni', 'Paktia', 'Paktika', 'Khost', 'Kunar', 'Uruzgan', 'Zabul', 'Badakhshan', 'Balkh', 'Farah', 'Nimroz', 'Logar', 'Wardak', 'Baghlan', 'Takhar', 'Faryab', 'Jowzjan', 'Panjshir', 'Bamiyan', 'Lashkar Gah', 'Mazar-i-Sharif'],
  IRQ: ['Nineveh', 'Anbar', 'Salahuddin', 'Salah al-Din', 'Diyala', 'Kirkuk', 'Mosul', 'Basra', 'Fallujah', 'Ramadi', 'Tikrit', 'Samarra', 'Najaf', 'Karbala', 'Erbil', 'Irbil', 'Sulaimaniya', 'Sulaymaniyah', 'Dohuk', 'Duhok', 'Nasiriyah', 'Kut', 'Baquba', 'Baqubah', 'Sinjar', 'Tal Afar'],
  SYR: ['Aleppo', 'Idlib', 'Homs', 'Hama', 'Raqqa', 'Deir ez-Zor', 'Deir el-Zour', 'Hasakah', 'Hasaka', 'Qamishli', 'Kobani', 'Latakia', 'Tartus', 'Daraa', 'Deraa', 'Quneitra', 'Afrin', 'Manbij', 'Palmyra', 'Douma', 'Ghouta', 'Eastern Ghouta', 'Darayya'],
  PHL: ['Jolo', 'Sulu', 'Basilan', 'Marawi', 'Cotabato', 'Maguindanao', 'Lanao del Sur'],
  IND: ['Manipur', 'Chhattisgarh', 'Ayodhya', 'Gujarat'],
  LBN: ['Sidon', 'Tyre', 'Baalbek', 'Bekaa', 'Bekaa Valley', 'Nabatiyeh'],
  YEM: ['Hodeidah', 'Hudaydah', 'Taiz', 'Marib', 'Saada', "Sa'ada", 'Aden', 'Mukalla', 'Hadramawt', 'Hadramout', 'Shabwa', 'Abyan'],
  SOM: ['Kismayo', 'Baidoa', 'Puntland', 'Galmudug', 'Jubaland', 'Beledweyne', 'Bosaso', 'Garowe'],
  UKR: ['Donetsk', 'Luhansk', 'Lugansk', 'Kharkiv', 'Kharkov', 'Zaporizhzhia', 'Kherson', 'Mariupol', 'Odesa', 'Odessa', 'Dnipro', 'Lviv', 'Bakhmut', 'Avdiivka', 'Sumy', 'Chernihiv', 'Mykolaiv', 'Donbas', 'Donbass'],
  MLI: ['Timbuktu', 'Gao', 'Kidal', 'Mopti', 'Menaka'],
  COL: ['Antioquia', 'Cauca', 'Choco', 'Putumayo', 'Caqueta', 'Medellin', 'Cartagena', 'Santa Marta', 'Barranquilla', 'Bucaramanga', 'Cucuta', 'Villavicencio', 'Pereira', 'Manizales', 'Monteria', 'Arauca', 'Catatumbo', 'Magdalena Medio', 'Uraba'],
};
for (const [id, list] of Object.entries(EXTRA_PLACES)) rawPlaces.set(id, [...(rawPlaces.get(id) ?? []), ...list]);
// Peoples that live chiefly in one state (own knowledge, public record), kept as places: like "Rakhine rebels", "Chechen
// rebels" or "Yoruba leaders" name that state before a group word (PLOVER/CAMEO code a people by the country it lives
// in; the PLOVER gold codes Chechen refugees RUS, Yoruba leaders NGA). Peoples of two or more states (Kurds, Pashtuns,
// Baloch, Hausa, Tamils, Tuareg, Fulani, Basques; Shona, also of Mozambique) are left out, and
// first names (Karen): the sentence decides those.
const PEOPLES = {
  RUS: ['Chechen', 'Ingush', 'Dagestani', 'Bashkir'],
  CHN: ['Uighur', 'Uyghur', 'Tibetan'],
  NGA: ['Yoruba', 'Igbo', 'Ogoni', 'Ijaw'],
  ETH: ['Oromo', 'Amhara', 'Tigrayan'],
  KEN: ['Kikuyu', 'Kalenjin'],
  ZAF: ['Zulu', 'Xhosa', 'Afrikaner'],
  LKA: ['Sinhalese', 'Sinhala'],
  SYR: ['Alawite'],
  IDN: ['Acehnese'],
  PHL: ['Moro'],
  ESP: ['Catalan'],
  FRA: ['Corsican'],
  BEL: ['Flemish', 'Walloon'],
  SSD: ['Dinka', 'Nuer'],
  SDN: ['Darfuri'],
  MMR: ['Karenni', 'Kachin', 'Shan'],
  EGY: ['Coptic'],
  LBN: ['Maronite'],
  GBR: ['Scottish', 'Welsh'],
  IND: ['Naga', 'Manipuri', 'Assamese', 'Bodo'],
  PAK: ['Sindhi', 'Mohajir'],
  CAN: ['Quebecois', 'Québécois'],
};
const peopleSet = new Set(Object.values(PEOPLES).flat().map((x) => x.toLowerCase()));
for (const [id, list] of Object.entries(PEOPLES)) rawPlaces.set(id, [...(rawPlaces.get(id) ?? []), ...list]);
const taken = new Set(out.flatMap((e) => [e.name, ...e.aliases, ...e.metonyms, ...e.adjectives, ...e.demonyms, ...e.former.map((f) => f.name), e.capital].filter(Boolean).map((x) => x.toLowerCase())));
const placeCount = new Map();
for (const [id, list] of rawPlaces) for (const p of new Set(list.map((x) => x.toLowerCase()))) placeCount.set(p, (placeCount.get(p) ?? 0) + (out.some((e) => e.id === id) ? 1 : 0));
for (const e of out) {
  const list = [...new Set(rawPlaces.get(e.id) ?? [])].filter((p) => p.replace(/[^\p{L}]/gu, '').length >= 4 && !taken.has(p.toLowerCase()) && placeCount.get(p.toLowerCase()) === 1);
  if (list.length) {
    e.places = list;
    e.sources = [...new Set([...e.sources, 'shared/gold/countryinfo (2011)'])];
    if (list.some((p) => peopleSet.has(p.toLowerCase()))) e.sources = [...e.sources, 'own knowledge (public record): peoples living chiefly in this state, as places (PLOVER/CAMEO code a people by its country)'];
  }
}
const used = new Map();
for (const e of out) {
  if (!e.iso2) continue;
  if (used.has(e.iso2)) throw new Error(`iso2 ${e.iso2} given to both ${used.get(e.iso2)} and ${e.id}: fix ISO2_FIX`);
  used.set(e.iso2, e.id);
}
writeFileSync(join(ROOT, 'data', 'kb', 'states.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`data/kb/states.json: ${out.length} entries`);
