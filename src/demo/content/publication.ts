/**
 * The demo publication: La Marea, a fictional bilingual news site in the fictional port city of
 * Puerto Claro. Every person, place, business and quote in the demo is invented.
 */
import type { DemoAuthor, DemoPublication, DemoSection, DemoTag } from '../demo-content-types.js';

export { images } from './images.js';

export const publication: DemoPublication = {
  name: 'La Marea',
  timeZone: 'America/New_York',
  en: {
    tagline: 'Puerto Claro’s news, in English and Spanish.',
    description:
      'La Marea is an independent, nonprofit newsroom covering Puerto Claro and the Bahía Clara coast: city hall, the port, the climate we live with and the culture we make, reported in two languages for one city.',
  },
  es: {
    tagline: 'Las noticias de Puerto Claro, en español y en inglés.',
    description:
      'La Marea es una redacción independiente y sin fines de lucro que cubre Puerto Claro y la costa de Bahía Clara: la alcaldía, el puerto, el clima con el que convivimos y la cultura que creamos, en dos idiomas para una sola ciudad.',
  },
};

export const sections: DemoSection[] = [
  {
    key: 'city',
    en: {
      name: 'City',
      slug: 'city',
      description: 'City hall, neighborhoods, schools and the services Puerto Claro runs on.',
    },
    es: {
      name: 'Ciudad',
      slug: 'ciudad',
      description:
        'La alcaldía, los barrios, las escuelas y los servicios de los que vive Puerto Claro.',
    },
  },
  {
    key: 'climate',
    en: {
      name: 'Climate',
      slug: 'climate',
      description: 'Tides, heat, storms and how a coastal city adapts to a changing climate.',
    },
    es: {
      name: 'Clima',
      slug: 'clima',
      description:
        'Mareas, calor, tormentas y cómo una ciudad costera se adapta al cambio climático.',
    },
  },
  {
    key: 'culture',
    en: {
      name: 'Culture',
      slug: 'culture',
      description:
        'Music, theater, food and the people who keep Puerto Claro’s stages and kitchens busy.',
    },
    es: {
      name: 'Cultura',
      slug: 'cultura',
      description:
        'Música, teatro, gastronomía y la gente que mantiene vivos los escenarios y las cocinas de Puerto Claro.',
    },
  },
  {
    key: 'business',
    en: {
      name: 'Business',
      slug: 'business',
      description: 'The port, small businesses, jobs and the local economy.',
    },
    es: {
      name: 'Economía',
      slug: 'economia',
      description: 'El puerto, los pequeños negocios, el empleo y la economía local.',
    },
  },
];

export const tags: DemoTag[] = [
  {
    key: 'housing',
    en: { name: 'Housing', slug: 'housing' },
    es: { name: 'Vivienda', slug: 'vivienda' },
  },
  {
    key: 'transit',
    en: { name: 'Transit', slug: 'transit' },
    es: { name: 'Transporte', slug: 'transporte' },
  },
  {
    key: 'city-hall',
    en: { name: 'City Hall', slug: 'city-hall' },
    es: { name: 'Alcaldía', slug: 'alcaldia' },
  },
  {
    key: 'schools',
    en: { name: 'Schools', slug: 'schools' },
    es: { name: 'Escuelas', slug: 'escuelas' },
  },
  {
    key: 'flooding',
    en: { name: 'Flooding', slug: 'flooding' },
    es: { name: 'Inundaciones', slug: 'inundaciones' },
  },
  { key: 'heat', en: { name: 'Heat', slug: 'heat' }, es: { name: 'Calor', slug: 'calor' } },
  { key: 'port', en: { name: 'Port', slug: 'port' }, es: { name: 'Puerto', slug: 'puerto' } },
  { key: 'music', en: { name: 'Music', slug: 'music' }, es: { name: 'Música', slug: 'musica' } },
  {
    key: 'theater',
    en: { name: 'Theater', slug: 'theater' },
    es: { name: 'Teatro', slug: 'teatro' },
  },
  {
    key: 'food',
    en: { name: 'Food', slug: 'food' },
    es: { name: 'Gastronomía', slug: 'gastronomia' },
  },
  {
    key: 'small-business',
    en: { name: 'Small Business', slug: 'small-business' },
    es: { name: 'Pequeños negocios', slug: 'pequenos-negocios' },
  },
  {
    key: 'history',
    en: { name: 'Local History', slug: 'local-history' },
    es: { name: 'Historia local', slug: 'historia-local' },
  },
];

export const authors: DemoAuthor[] = [
  {
    slug: 'lucia-fernandez',
    name: 'Lucía Fernández',
    email: 'lucia.fernandez@galley.example',
    links: [
      { label: 'Staff page', url: 'https://galley.example/staff/lucia-fernandez' },
      { label: 'City Hall newsletter', url: 'https://galley.example/newsletters/city-hall' },
    ],
    photo: 'portrait-lucia-fernandez',
    en: {
      title: 'City Hall reporter and columnist',
      bio: 'Lucía Fernández covers city government, housing and schools for La Marea and writes a weekly column on Thursdays. She grew up in Barrio Marina and has reported on Puerto Claro’s council for nine years. She reads every budget line so you don’t have to.',
    },
    es: {
      title: 'Reportera y columnista de la alcaldía',
      bio: 'Lucía Fernández cubre el gobierno municipal, la vivienda y las escuelas para La Marea, y publica una columna cada jueves. Creció en Barrio Marina y lleva nueve años siguiendo de cerca el concejo de Puerto Claro. Lee cada línea del presupuesto para que usted no tenga que hacerlo.',
    },
  },
  {
    slug: 'daniel-okafor-reyes',
    name: 'Daniel Okafor-Reyes',
    email: 'daniel.okafor@galley.example',
    links: [{ label: 'Staff page', url: 'https://galley.example/staff/daniel-okafor-reyes' }],
    photo: 'portrait-daniel-okafor-reyes',
    en: {
      title: 'Climate and environment reporter',
      bio: 'Daniel Okafor-Reyes reports on tides, heat and the coastline of Bahía Clara. Before joining La Marea he spent six years as a hydrology technician with the county. He keeps a tide chart taped to his desk.',
    },
    es: {
      title: 'Reportero de clima y medio ambiente',
      bio: 'Daniel Okafor-Reyes informa sobre las mareas, el calor y la costa de Bahía Clara. Antes de llegar a La Marea trabajó seis años como técnico de hidrología del condado. Tiene una tabla de mareas pegada en su escritorio.',
    },
  },
  {
    slug: 'marisol-echeverria',
    name: 'Marisol Echeverría',
    email: 'marisol.echeverria@galley.example',
    links: [
      { label: 'Staff page', url: 'https://galley.example/staff/marisol-echeverria' },
      { label: 'Weekend picks', url: 'https://galley.example/newsletters/weekend' },
    ],
    en: {
      title: 'Culture editor and critic',
      bio: 'Marisol Echeverría edits La Marea’s culture pages and reviews theater, music and restaurants. She has written about the arts in Puerto Claro for more than fifteen years, in both of the city’s languages.',
    },
    es: {
      title: 'Editora de cultura y crítica',
      bio: 'Marisol Echeverría edita las páginas de cultura de La Marea y escribe crítica de teatro, música y restaurantes. Lleva más de quince años escribiendo sobre las artes en Puerto Claro, en los dos idiomas de la ciudad.',
    },
  },
  {
    slug: 'tomas-whitfield',
    name: 'Tomás Whitfield',
    email: 'tomas.whitfield@galley.example',
    links: [{ label: 'Staff page', url: 'https://galley.example/staff/tomas-whitfield' }],
    en: {
      title: 'Business and port reporter',
      bio: 'Tomás Whitfield covers the Port of Puerto Claro, labor and small business. He previously worked as a freight dispatcher on the waterfront. He is happiest reading a shipping manifest.',
    },
    es: {
      title: 'Reportero de economía y del puerto',
      bio: 'Tomás Whitfield cubre el puerto de Puerto Claro, el mundo laboral y los pequeños negocios. Antes trabajó como despachador de carga en los muelles. Nada le gusta más que leer un manifiesto de embarque.',
    },
  },
];
