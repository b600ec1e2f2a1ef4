/**
 * Our labels for the recommendation evaluation (`eval-recommend.ts`): for each of the 123 documents
 * of the shared test data's `bilingual/ntrex128-en-es.documents.jsonl`, keyed by its `doc_id`, a
 * section, a topic and two or three tags. The article text stays in the shared folder; only these
 * labels are ours.
 *
 * How they were made: by hand, by reading every article in English (the opening paragraphs of
 * each, the whole text where those left the subject unclear), before any ranking was run; no
 * label was changed after seeing results.
 *
 * - Section: where a general newsroom with seven desks would file the story. A story can sit in
 *   a different section from others on its topic, as happens in newsrooms (the Wayde Sims
 *   shooting is society in one outlet's version and sport in another's).
 * - Topic: the story a reader of one article would want to follow next: the same event or
 *   running story (the Sulawesi earthquake, the Kavanaugh nomination, the Ryder Cup), never a
 *   broad subject ("crime", "football"). Two articles on one subject that are different stories
 *   are different topics (Rangers losing at Livingston, and Rangers preparing for Rapid Vienna;
 *   the North Korean nuclear talks, and defections from North Korea), so many topics have one
 *   article: those are not queries, but stay in as candidates. A story that could belong to two
 *   topics (Trump defending Kavanaugh at his West Virginia rally) went to the one its headline
 *   is about. The biggest topics have 7 and 8 articles: the corpus holds that many reports of
 *   the Kavanaugh nomination and of the Sulawesi earthquake, and splitting them would have been
 *   arbitrary.
 * - Tags: what an editor would attach (places, organisations, people, subjects), chosen per
 *   article, not derived from the topic. No tag stands for a topic (there is no "Brexit" or
 *   "Ryder Cup" tag), but the person at the centre of a story is tagged as editors tag them
 *   ("kanye-west"). Different topics share tags ("donald-trump", "scotland", "football"), and
 *   articles of one topic need not share any (the Merseyside and Somerset stabbings share none).
 */

export type EvalSectionKey =
  'politics' | 'world' | 'society' | 'business' | 'science-health' | 'sport' | 'culture';

/** Section names and slugs in both editions. */
export const EVAL_SECTIONS: Record<
  EvalSectionKey,
  { en: { name: string; slug: string }; es: { name: string; slug: string } }
> = {
  politics: {
    en: { name: 'Politics', slug: 'politics' },
    es: { name: 'Política', slug: 'politica' },
  },
  world: {
    en: { name: 'World', slug: 'world' },
    es: { name: 'Internacional', slug: 'internacional' },
  },
  society: { en: { name: 'Society', slug: 'society' }, es: { name: 'Sociedad', slug: 'sociedad' } },
  business: {
    en: { name: 'Business', slug: 'business' },
    es: { name: 'Economía', slug: 'economia' },
  },
  'science-health': {
    en: { name: 'Science and Health', slug: 'science-health' },
    es: { name: 'Ciencia y Salud', slug: 'ciencia-salud' },
  },
  sport: { en: { name: 'Sport', slug: 'sport' }, es: { name: 'Deportes', slug: 'deportes' } },
  culture: { en: { name: 'Culture', slug: 'culture' }, es: { name: 'Cultura', slug: 'cultura' } },
};

/** Tag names in both editions, by English slug (the Spanish slug is made from the Spanish name). */
export const EVAL_TAGS = {
  advertising: { en: 'Advertising', es: 'Publicidad' },
  alaska: { en: 'Alaska', es: 'Alaska' },
  'american-football': { en: 'American football', es: 'Fútbol americano' },
  animals: { en: 'Animals', es: 'Animales' },
  arizona: { en: 'Arizona', es: 'Arizona' },
  'artificial-intelligence': { en: 'Artificial intelligence', es: 'Inteligencia artificial' },
  asylum: { en: 'Asylum', es: 'Asilo' },
  athletics: { en: 'Athletics', es: 'Atletismo' },
  aviation: { en: 'Aviation', es: 'Aviación' },
  baseball: { en: 'Baseball', es: 'Béisbol' },
  basketball: { en: 'Basketball', es: 'Baloncesto' },
  bolivia: { en: 'Bolivia', es: 'Bolivia' },
  books: { en: 'Books', es: 'Libros' },
  bristol: { en: 'Bristol', es: 'Bristol' },
  california: { en: 'California', es: 'California' },
  'campaign-finance': { en: 'Campaign finance', es: 'Financiación electoral' },
  cancer: { en: 'Cancer', es: 'Cáncer' },
  'car-industry': { en: 'Car industry', es: 'Industria del automóvil' },
  catalonia: { en: 'Catalonia', es: 'Cataluña' },
  'chelsea-fc': { en: 'Chelsea FC', es: 'Chelsea FC' },
  children: { en: 'Children', es: 'Infancia' },
  chile: { en: 'Chile', es: 'Chile' },
  china: { en: 'China', es: 'China' },
  'church-of-england': { en: 'Church of England', es: 'Iglesia de Inglaterra' },
  'college-sports': { en: 'College sports', es: 'Deporte universitario' },
  comedy: { en: 'Comedy', es: 'Comedia' },
  congress: { en: 'US Congress', es: 'Congreso de EE. UU.' },
  conservation: { en: 'Conservation', es: 'Conservación' },
  'conservative-party': { en: 'Conservative Party', es: 'Partido Conservador' },
  courts: { en: 'Courts', es: 'Tribunales' },
  'cristiano-ronaldo': { en: 'Cristiano Ronaldo', es: 'Cristiano Ronaldo' },
  'death-penalty': { en: 'Death penalty', es: 'Pena de muerte' },
  defence: { en: 'Defence', es: 'Defensa' },
  'democratic-party': { en: 'Democratic Party', es: 'Partido Demócrata' },
  devolution: { en: 'Devolution', es: 'Autonomía' },
  devon: { en: 'Devon', es: 'Devon' },
  diving: { en: 'Diving', es: 'Saltos de trampolín' },
  'domestic-violence': { en: 'Domestic violence', es: 'Violencia doméstica' },
  'donald-trump': { en: 'Donald Trump', es: 'Donald Trump' },
  earthquakes: { en: 'Earthquakes', es: 'Terremotos' },
  education: { en: 'Education', es: 'Educación' },
  'el-salvador': { en: 'El Salvador', es: 'El Salvador' },
  'elizabeth-warren': { en: 'Elizabeth Warren', es: 'Elizabeth Warren' },
  energy: { en: 'Energy', es: 'Energía' },
  environment: { en: 'Environment', es: 'Medio ambiente' },
  'europa-league': { en: 'Europa League', es: 'Liga Europa' },
  'european-union': { en: 'European Union', es: 'Unión Europea' },
  fashion: { en: 'Fashion', es: 'Moda' },
  fbi: { en: 'FBI', es: 'FBI' },
  feminism: { en: 'Feminism', es: 'Feminismo' },
  film: { en: 'Film', es: 'Cine' },
  'first-world-war': { en: 'First World War', es: 'Primera Guerra Mundial' },
  floods: { en: 'Floods', es: 'Inundaciones' },
  florida: { en: 'Florida', es: 'Florida' },
  'food-allergies': { en: 'Food allergies', es: 'Alergias alimentarias' },
  football: { en: 'Football', es: 'Fútbol' },
  'formula-one': { en: 'Formula One', es: 'Fórmula 1' },
  france: { en: 'France', es: 'Francia' },
  'francesco-molinari': { en: 'Francesco Molinari', es: 'Francesco Molinari' },
  'game-of-thrones': { en: 'Game of Thrones', es: 'Juego de Tronos' },
  gender: { en: 'Gender', es: 'Género' },
  germany: { en: 'Germany', es: 'Alemania' },
  golf: { en: 'Golf', es: 'Golf' },
  greece: { en: 'Greece', es: 'Grecia' },
  'gun-crime': { en: 'Gun crime', es: 'Violencia armada' },
  history: { en: 'History', es: 'Historia' },
  'hiv-aids': { en: 'HIV and Aids', es: 'VIH y sida' },
  housing: { en: 'Housing', es: 'Vivienda' },
  'humanitarian-aid': { en: 'Humanitarian aid', es: 'Ayuda humanitaria' },
  hurricanes: { en: 'Hurricanes', es: 'Huracanes' },
  'ice-hockey': { en: 'Ice hockey', es: 'Hockey sobre hielo' },
  immigration: { en: 'Immigration', es: 'Inmigración' },
  indonesia: { en: 'Indonesia', es: 'Indonesia' },
  'international-court-of-justice': {
    en: 'International Court of Justice',
    es: 'Corte Internacional de Justicia',
  },
  internet: { en: 'Internet', es: 'Internet' },
  'jeremy-corbyn': { en: 'Jeremy Corbyn', es: 'Jeremy Corbyn' },
  'jordan-spieth': { en: 'Jordan Spieth', es: 'Jordan Spieth' },
  'kanye-west': { en: 'Kanye West', es: 'Kanye West' },
  kentucky: { en: 'Kentucky', es: 'Kentucky' },
  'knife-crime': { en: 'Knife crime', es: 'Ataques con arma blanca' },
  'labour-party': { en: 'Labour Party', es: 'Partido Laborista' },
  languages: { en: 'Languages', es: 'Idiomas' },
  'lewis-hamilton': { en: 'Lewis Hamilton', es: 'Lewis Hamilton' },
  lgbt: { en: 'LGBT', es: 'LGTBI' },
  'liverpool-fc': { en: 'Liverpool FC', es: 'Liverpool FC' },
  london: { en: 'London', es: 'Londres' },
  'los-angeles-lakers': { en: 'Los Angeles Lakers', es: 'Los Angeles Lakers' },
  louisiana: { en: 'Louisiana', es: 'Luisiana' },
  macedonia: { en: 'Macedonia', es: 'Macedonia' },
  'manchester-city': { en: 'Manchester City', es: 'Manchester City' },
  massachusetts: { en: 'Massachusetts', es: 'Massachusetts' },
  'mental-health': { en: 'Mental health', es: 'Salud mental' },
  merseyside: { en: 'Merseyside', es: 'Merseyside' },
  mexico: { en: 'Mexico', es: 'México' },
  micronesia: { en: 'Micronesia', es: 'Micronesia' },
  'midterm-elections': { en: 'Midterm elections', es: 'Elecciones de mitad de mandato' },
  military: { en: 'Armed forces', es: 'Fuerzas Armadas' },
  mississippi: { en: 'Mississippi', es: 'Misisipi' },
  'mixed-martial-arts': { en: 'Mixed martial arts', es: 'Artes marciales mixtas' },
  murder: { en: 'Murder', es: 'Asesinatos' },
  music: { en: 'Music', es: 'Música' },
  'nancy-pelosi': { en: 'Nancy Pelosi', es: 'Nancy Pelosi' },
  nato: { en: 'NATO', es: 'OTAN' },
  'new-york': { en: 'New York', es: 'Nueva York' },
  newspapers: { en: 'Newspapers', es: 'Prensa' },
  nhs: { en: 'NHS', es: 'Sanidad británica' },
  'nigel-farage': { en: 'Nigel Farage', es: 'Nigel Farage' },
  'north-korea': { en: 'North Korea', es: 'Corea del Norte' },
  'northern-ireland': { en: 'Northern Ireland', es: 'Irlanda del Norte' },
  'nuclear-weapons': { en: 'Nuclear weapons', es: 'Armas nucleares' },
  paris: { en: 'Paris', es: 'París' },
  parenting: { en: 'Parenting', es: 'Crianza' },
  pennsylvania: { en: 'Pennsylvania', es: 'Pensilvania' },
  'personal-finance': { en: 'Personal finance', es: 'Finanzas personales' },
  'phil-mickelson': { en: 'Phil Mickelson', es: 'Phil Mickelson' },
  physics: { en: 'Physics', es: 'Física' },
  police: { en: 'Police', es: 'Policía' },
  poverty: { en: 'Poverty', es: 'Pobreza' },
  prisons: { en: 'Prisons', es: 'Prisiones' },
  privacy: { en: 'Privacy', es: 'Privacidad' },
  protests: { en: 'Protests', es: 'Protestas' },
  'public-health': { en: 'Public health', es: 'Salud pública' },
  publishing: { en: 'Publishing', es: 'Sector editorial' },
  pubs: { en: 'Pubs', es: 'Bares' },
  racism: { en: 'Racism', es: 'Racismo' },
  radio: { en: 'Radio', es: 'Radio' },
  'rangers-fc': { en: 'Rangers FC', es: 'Rangers FC' },
  referendums: { en: 'Referendums', es: 'Referéndums' },
  refugees: { en: 'Refugees', es: 'Refugiados' },
  religion: { en: 'Religion', es: 'Religión' },
  'republican-party': { en: 'Republican Party', es: 'Partido Republicano' },
  research: { en: 'Research', es: 'Investigación' },
  restaurants: { en: 'Restaurants', es: 'Restaurantes' },
  retail: { en: 'Retail', es: 'Comercio minorista' },
  retirement: { en: 'Retirement', es: 'Jubilación' },
  'road-safety': { en: 'Road safety', es: 'Seguridad vial' },
  robbery: { en: 'Robbery', es: 'Robos' },
  'robert-mueller': { en: 'Robert Mueller', es: 'Robert Mueller' },
  'rugby-union': { en: 'Rugby union', es: 'Rugby' },
  russia: { en: 'Russia', es: 'Rusia' },
  sanctions: { en: 'Sanctions', es: 'Sanciones' },
  'sarah-palin': { en: 'Sarah Palin', es: 'Sarah Palin' },
  schools: { en: 'Schools', es: 'Colegios' },
  scotland: { en: 'Scotland', es: 'Escocia' },
  'scottish-premiership': { en: 'Scottish Premiership', es: 'Liga escocesa' },
  sleep: { en: 'Sleep', es: 'Sueño' },
  'social-media': { en: 'Social media', es: 'Redes sociales' },
  somerset: { en: 'Somerset', es: 'Somerset' },
  syria: { en: 'Syria', es: 'Siria' },
  'south-korea': { en: 'South Korea', es: 'Corea del Sur' },
  spain: { en: 'Spain', es: 'España' },
  startups: { en: 'Start-ups', es: 'Empresas emergentes' },
  'steven-gerrard': { en: 'Steven Gerrard', es: 'Steven Gerrard' },
  'suicide-prevention': { en: 'Suicide prevention', es: 'Prevención del suicidio' },
  'sunderland-afc': { en: 'Sunderland AFC', es: 'Sunderland AFC' },
  supermarkets: { en: 'Supermarkets', es: 'Supermercados' },
  'supreme-court': { en: 'US Supreme Court', es: 'Tribunal Supremo de EE. UU.' },
  taiwan: { en: 'Taiwan', es: 'Taiwán' },
  tariffs: { en: 'Tariffs', es: 'Aranceles' },
  taxes: { en: 'Taxes', es: 'Impuestos' },
  television: { en: 'Television', es: 'Televisión' },
  tennessee: { en: 'Tennessee', es: 'Tennessee' },
  terrorism: { en: 'Terrorism', es: 'Terrorismo' },
  texas: { en: 'Texas', es: 'Texas' },
  'theresa-may': { en: 'Theresa May', es: 'Theresa May' },
  'thomas-bjorn': { en: 'Thomas Bjorn', es: 'Thomas Bjorn' },
  'tiger-woods': { en: 'Tiger Woods', es: 'Tiger Woods' },
  trade: { en: 'Trade', es: 'Comercio' },
  tsunamis: { en: 'Tsunamis', es: 'Tsunamis' },
  turkey: { en: 'Turkey', es: 'Turquía' },
  'united-nations': { en: 'United Nations', es: 'Naciones Unidas' },
  universities: { en: 'Universities', es: 'Universidades' },
  vaccines: { en: 'Vaccines', es: 'Vacunas' },
  veterans: { en: 'Veterans', es: 'Veteranos' },
  volcanoes: { en: 'Volcanoes', es: 'Volcanes' },
  wales: { en: 'Wales', es: 'Gales' },
  'washington-nationals': { en: 'Washington Nationals', es: 'Washington Nationals' },
  weather: { en: 'Weather', es: 'Meteorología' },
  'west-virginia': { en: 'West Virginia', es: 'Virginia Occidental' },
  westminster: { en: 'Westminster', es: 'Westminster' },
  'white-house': { en: 'White House', es: 'Casa Blanca' },
  wildlife: { en: 'Wildlife', es: 'Fauna' },
  women: { en: 'Women', es: 'Mujeres' },
  worcestershire: { en: 'Worcestershire', es: 'Worcestershire' },
  work: { en: 'Work', es: 'Trabajo' },
} as const satisfies Record<string, { en: string; es: string }>;

export type EvalTagKey = keyof typeof EVAL_TAGS;

export interface EvalLabel {
  section: EvalSectionKey;
  /** The story it belongs to; articles sharing a topic are each other's relevant stories. */
  topic: string;
  tags: EvalTagKey[];
}

const label = (section: EvalSectionKey, topic: string, tags: EvalTagKey[]): EvalLabel => ({
  section,
  topic,
  tags,
});

/** By the corpus's `doc_id`. */
export const EVAL_LABELS: Record<string, EvalLabel> = {
  // Sulawesi earthquake and tsunami, 28-30 September 2018
  'nytimes.184837': label('world', 'sulawesi-earthquake', ['indonesia', 'humanitarian-aid']),
  'euronews-en.153835': label('world', 'sulawesi-earthquake', ['indonesia', 'tsunamis']),
  'reuters.218863': label('world', 'sulawesi-earthquake', ['indonesia', 'earthquakes', 'tsunamis']),
  'nytimes.184860': label('world', 'sulawesi-earthquake', ['indonesia', 'humanitarian-aid']),
  'telegraph.405422': label('world', 'sulawesi-earthquake', ['indonesia', 'earthquakes']),
  'reuters.218865': label('world', 'sulawesi-earthquake', ['indonesia', 'tsunamis']),
  'euronews-en.153797': label('world', 'sulawesi-earthquake', ['indonesia', 'earthquakes']),
  'newsweek.51340': label('world', 'sulawesi-earthquake', ['indonesia', 'aviation']),

  // The Kavanaugh nomination: hearing, FBI inquiry, reactions
  'cbsnews.248384': label('politics', 'kavanaugh-nomination', ['supreme-court', 'television']),
  'cnn.304489': label('politics', 'kavanaugh-nomination', [
    'donald-trump',
    'supreme-court',
    'west-virginia',
  ]),
  'cbsnews.248471': label('politics', 'kavanaugh-nomination', [
    'supreme-court',
    'fbi',
    'republican-party',
  ]),
  'newsweek.51328': label('politics', 'kavanaugh-nomination', [
    'republican-party',
    'midterm-elections',
    'women',
  ]),
  'newsweek.51330': label('politics', 'kavanaugh-nomination', ['donald-trump', 'west-virginia']),
  'telegraph.405413': label('politics', 'kavanaugh-nomination', ['supreme-court', 'fbi']),
  'cbsnews.248394': label('politics', 'kavanaugh-nomination', ['nancy-pelosi', 'supreme-court']),

  // Ryder Cup 2018 at Le Golf National
  'independent.226301': label('sport', 'ryder-cup-2018', ['golf', 'jordan-spieth']),
  'reuters.218923': label('sport', 'ryder-cup-2018', ['golf', 'tiger-woods', 'francesco-molinari']),
  'reuters.218914': label('sport', 'ryder-cup-2018', ['golf', 'phil-mickelson']),
  'scotsman.133758': label('sport', 'ryder-cup-2018', ['golf', 'thomas-bjorn']),
  'euronews-en.153826': label('sport', 'ryder-cup-2018', ['golf', 'francesco-molinari', 'paris']),

  // Brexit negotiations and their effects
  'reuters.218882': label('politics', 'brexit', ['theresa-may', 'european-union']),
  'bbc.381680': label('business', 'brexit', ['car-industry', 'european-union']),
  'scotsman.133783': label('politics', 'brexit', ['nhs', 'scotland', 'european-union']),
  'dailymail.co.uk.298696': label('politics', 'brexit', ['nigel-farage', 'conservative-party']),

  // The US midterm campaign
  'cnn.304447': label('politics', 'us-midterm-campaign', [
    'donald-trump',
    'west-virginia',
    'midterm-elections',
  ]),
  'newsweek.51310': label('politics', 'us-midterm-campaign', ['donald-trump', 'west-virginia']),
  'cnbc.com.6784': label('politics', 'us-midterm-campaign', [
    'midterm-elections',
    'pennsylvania',
    'campaign-finance',
  ]),

  // North Korea's nuclear talks with the US
  'cnbc.com.6790': label('world', 'north-korea-nuclear-talks', ['north-korea', 'donald-trump']),
  'cnbc.com.6769': label('world', 'north-korea-nuclear-talks', [
    'north-korea',
    'united-nations',
    'nuclear-weapons',
  ]),
  'reuters.218861': label('world', 'north-korea-nuclear-talks', [
    'north-korea',
    'united-nations',
    'sanctions',
  ]),

  // US-China tensions: trade war, influence
  'reuters.218933': label('world', 'us-china-tensions', ['china', 'trade', 'newspapers']),
  'nytimes.184804': label('world', 'us-china-tensions', ['el-salvador', 'taiwan', 'china']),
  'telegraph.405408': label('business', 'us-china-tensions', ['china', 'trade', 'tariffs']),

  // Stabbings in the UK, 28-29 September
  'dailymail.co.uk.298732': label('society', 'uk-stabbings', ['merseyside', 'murder', 'police']),
  'bbc.381765': label('society', 'uk-stabbings', ['somerset', 'knife-crime']),
  'bbc.381701': label('society', 'uk-stabbings', ['northern-ireland', 'knife-crime']),

  // Pairs
  'rt.com.91337': label('world', 'macedonia-name-referendum', [
    'macedonia',
    'greece',
    'referendums',
  ]),
  'reuters.218932': label('world', 'macedonia-name-referendum', [
    'macedonia',
    'nato',
    'european-union',
  ]),
  'thelocal.65969': label('world', 'syria-at-the-un', ['syria', 'united-nations']),
  'euronews-en.153799': label('world', 'syria-at-the-un', ['syria', 'refugees', 'united-nations']),
  'abcnews.306815': label('science-health', 'hurricane-rosa', ['hurricanes', 'mexico', 'weather']),
  'newsweek.51338': label('science-health', 'hurricane-rosa', ['hurricanes', 'floods', 'arizona']),
  'cbsnews.248387': label('society', 'wayde-sims-shooting', ['louisiana', 'gun-crime']),
  'reuters.218909': label('sport', 'wayde-sims-shooting', ['basketball', 'louisiana']),
  'bbc.381746': label('sport', 'livingston-v-rangers', [
    'football',
    'rangers-fc',
    'scottish-premiership',
  ]),
  'scotsman.133791': label('sport', 'livingston-v-rangers', ['rangers-fc', 'steven-gerrard']),
  'bbc.381647': label('culture', 'kanye-west-snl', ['kanye-west', 'music']),
  'newsweek.51329': label('culture', 'kanye-west-snl', [
    'kanye-west',
    'donald-trump',
    'television',
  ]),
  'upi.176249': label('sport', 'premier-league-saturday', [
    'football',
    'liverpool-fc',
    'chelsea-fc',
  ]),
  'upi.176251': label('sport', 'premier-league-saturday', ['football', 'manchester-city']),
  'guardian.221679': label('politics', 'labour-under-corbyn', ['labour-party', 'jeremy-corbyn']),
  'dailymail.co.uk.298686': label('politics', 'labour-under-corbyn', [
    'labour-party',
    'artificial-intelligence',
    'work',
  ]),
  'newsweek.51300': label('politics', 'warren-2020', ['elizabeth-warren', 'democratic-party']),
  'abcnews.306755': label('politics', 'warren-2020', ['massachusetts', 'democratic-party']),
  'cnn.304478': label('politics', 'track-palin-arrest', ['sarah-palin', 'veterans']),
  'newsweek.51339': label('society', 'track-palin-arrest', [
    'sarah-palin',
    'alaska',
    'domestic-violence',
  ]),
  'upi.176275': label('politics', 'us-asylum-and-detention', ['asylum', 'immigration', 'courts']),
  'nytimes.184862': label('politics', 'us-asylum-and-detention', [
    'immigration',
    'texas',
    'children',
  ]),
  'guardian.221756': label('politics', 'mueller-and-rosenstein', [
    'donald-trump',
    'robert-mueller',
    'white-house',
  ]),
  'nytimes.184830': label('politics', 'mueller-and-rosenstein', ['robert-mueller', 'history']),

  // One article each: not queries, but candidates every query must rank below the right ones
  'bbc.381790': label('politics', 'welsh-parliament-name', ['wales', 'devolution']),
  'nytimes.184853': label('society', 'harlem-churches', ['new-york', 'religion']),
  'upi.176266': label('society', 'california-shark-attack', ['california', 'animals']),
  'guardian.221754': label('business', 'sainsburys-beauty', ['supermarkets', 'retail']),
  'dailymail.co.uk.298595': label('culture', 'willoughby-leaves-truly', ['television', 'retail']),
  'telegraph.405401': label('culture', 'cromwell-statue', ['history', 'westminster']),
  'newsweek.51331': label('world', 'guizhou-pig-attack', ['china', 'animals']),
  'abcnews.306764': label('world', 'popocatepetl-ash', ['mexico', 'volcanoes']),
  'reuters.218888': label('world', 'catalonia-anniversary-clashes', [
    'spain',
    'catalonia',
    'protests',
  ]),
  'bbc.381780': label('society', 'londonderry-car-ramming', ['northern-ireland', 'police']),
  'euronews-en.153800': label('world', 'erdogan-in-germany', ['turkey', 'germany']),
  'bbc.381679': label('society', 'deptford-cyclist-death', ['london', 'road-safety']),
  'bbc.381735': label('society', 'long-lartin-disorder', ['prisons', 'worcestershire']),
  'cnn.304404': label('society', 'newport-atm-theft', ['kentucky', 'robbery']),
  'abcnews.306758': label('world', 'amlo-military-pledge', ['mexico', 'military']),
  'cnbc.com.6772': label('business', 'us-ai-funding', [
    'artificial-intelligence',
    'china',
    'research',
  ]),
  'reuters.218921': label('sport', 'scherzer-v-rockies', ['baseball', 'washington-nationals']),
  'scotsman.133765': label('sport', 'ayr-v-melrose', ['rugby-union', 'scotland']),
  'scotsman.133804': label('culture', 'ford-kieran-restaurants', [
    'television',
    'scotland',
    'restaurants',
  ]),
  'guardian.221762': label('world', 'bolivia-sea-case', [
    'bolivia',
    'chile',
    'international-court-of-justice',
  ]),
  'dailymail.co.uk.298692': label('culture', 'paris-fashion-hats', ['fashion', 'paris']),
  'scotsman.133744': label('society', 'language-skills-schools', [
    'education',
    'scotland',
    'languages',
  ]),
  'reuters.218911': label('sport', 'lebron-lakers-debut', ['basketball', 'los-angeles-lakers']),
  'dailymail.co.uk.298759': label('science-health', 'harvard-sleep-course', [
    'sleep',
    'universities',
  ]),
  'cbsnews.248484': label('science-health', 'geiger-almanac', ['history', 'physics']),
  'dailymail.co.uk.298630': label('science-health', 'her2-cancer-vaccine', ['cancer', 'vaccines']),
  'dailymail.co.uk.298738': label('culture', 'harington-on-masculinity', [
    'game-of-thrones',
    'television',
    'gender',
  ]),
  'bbc.381669': label('science-health', 'china-hiv-rise', ['china', 'hiv-aids', 'public-health']),
  'foxnews.94512': label('politics', 'waters-staffer-leak', [
    'congress',
    'democratic-party',
    'privacy',
  ]),
  'guardian.221718': label('culture', 'johnny-english-review', ['film', 'comedy']),
  'newsweek.51318': label('culture', 'global-citizen-festival', ['music', 'poverty', 'new-york']),
  'rt.com.91335': label('world', 'zinke-russia-blockade', ['russia', 'energy']),
  'newsweek.51307': label('business', 'berners-lee-inrupt', ['internet', 'startups', 'privacy']),
  'bbc.381692': label('culture', 'bernard-vann-vc', [
    'first-world-war',
    'history',
    'church-of-england',
  ]),
  'independent.226346': label('sport', 'bellator-peppa-pig', ['mixed-martial-arts', 'television']),
  'bbc.381646': label('culture', 'tom-daley-desert-island', ['diving', 'radio', 'lgbt']),
  'rt.com.91350': label('world', 'german-frigate-delay', ['germany', 'defence']),
  'scotsman.133773': label('science-health', 'highland-bats', [
    'wildlife',
    'scotland',
    'conservation',
  ]),
  'rt.com.91334': label('sport', 'ronaldo-allegations', ['cristiano-ronaldo', 'football']),
  'cnn.304521': label('sport', 'abercrombie-injury', [
    'american-football',
    'college-sports',
    'tennessee',
  ]),
  'dailymail.co.uk.298622': label('politics', 'foreign-buyers-stamp-duty', [
    'housing',
    'conservative-party',
    'taxes',
  ]),
  'bbc.381789': label('sport', 'jack-ross-scotland', ['football', 'sunderland-afc', 'scotland']),
  'dailymail.co.uk.298644': label('business', 'pubs-heatwave-sales', ['pubs', 'restaurants']),
  'dailymail.co.uk.298602': label('society', 'secret-social-accounts', [
    'social-media',
    'children',
    'schools',
  ]),
  'scotsman.133753': label('sport', 'eilidh-doyle-board', ['athletics', 'scotland']),
  'independent.226317': label('business', 'breast-pump-advert', [
    'advertising',
    'social-media',
    'parenting',
  ]),
  'nytimes.184825': label('politics', 'trump-as-television', ['donald-trump', 'television']),
  'scotsman.133801': label('sport', 'rangers-v-rapid-vienna', ['rangers-fc', 'europa-league']),
  'cnbc.com.6770': label('business', 'long-term-care-savings', [
    'retirement',
    'women',
    'personal-finance',
  ]),
  'bbc.381760': label('society', 'ilfracombe-air-rifle', ['devon', 'police']),
  'abcnews.306774': label('society', 'saipov-death-penalty', [
    'new-york',
    'terrorism',
    'death-penalty',
  ]),
  'independent.226349': label('sport', 'russian-grand-prix', ['formula-one', 'lewis-hamilton']),
  'bbc.381705': label('sport', 'dundee-v-belfast-giants', ['ice-hockey', 'scotland']),
  'cbsnews.248411': label('world', 'chuuk-lagoon-crash', ['aviation', 'micronesia']),
  'abcnews.306776': label('society', 'jessica-chambers-retrial', [
    'mississippi',
    'murder',
    'courts',
  ]),
  'bbc.381694': label('culture', 'conscious-hip-hop', ['music', 'bristol']),
  'rt.com.91356': label('society', 'nanny-racism-lawsuit', ['new-york', 'racism', 'courts']),
  'telegraph.405430': label('culture', 'paddington-letter', ['books', 'publishing']),
  'telegraph.405404': label('society', 'natasha-allergy-death', ['food-allergies', 'france']),
  'bbc.381749': label('society', 'bridge-suicide-cards', [
    'suicide-prevention',
    'wales',
    'mental-health',
  ]),
  'bbc.381736': label('world', 'north-korea-defectors', ['north-korea', 'south-korea']),
  'nytimes.184822': label('society', 'womens-anger', ['women', 'feminism']),
  'cnn.304400': label('science-health', 'florida-red-tide', ['florida', 'environment']),
};
