/**
 * Demo images. Galley draws each one itself (an SVG scene picked by `motif`), so no photograph is
 * copied from anywhere; the agencies named in credits are fictional desks.
 */
import type { DemoImage } from '../demo-content-types.js';

const wire = {
  en: 'Illustration: Galley Wire',
  es: 'Ilustración: Galley Wire',
};
const photoDesk = {
  en: 'Illustration: Puerto Claro Photo Desk',
  es: 'Ilustración: Puerto Claro Photo Desk',
};

export const images: DemoImage[] = [
  // Portraits
  {
    key: 'portrait-lucia-fernandez',
    motif: 'portrait',
    palette: ['#f3e3d3', '#7a4b3a', '#2f5d62'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustrated head-and-shoulders portrait of a woman with dark shoulder-length hair in a teal jacket, against a warm cream background.',
      caption: 'Lucía Fernández, City Hall reporter and columnist.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Retrato ilustrado de busto de una mujer de cabello oscuro hasta los hombros y chaqueta verde azulada, sobre un fondo crema cálido.',
      caption: 'Lucía Fernández, reportera y columnista de la alcaldía.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'portrait-daniel-okafor-reyes',
    motif: 'portrait',
    palette: ['#dfeef2', '#4a3326', '#1f4e79'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustrated head-and-shoulders portrait of a man with short dark hair in a navy shirt, against a pale blue background.',
      caption: 'Daniel Okafor-Reyes, climate and environment reporter.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Retrato ilustrado de busto de un hombre de cabello oscuro y corto con camisa azul marino, sobre un fondo celeste pálido.',
      caption: 'Daniel Okafor-Reyes, reportero de clima y medio ambiente.',
      credit: photoDesk.es,
    },
  },
  // City
  {
    key: 'ferry-bay',
    motif: 'waves',
    palette: ['#0b4f6c', '#01baef', '#fbfbff'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of rolling blue waves in layered bands under a pale sky, the open water of a bay.',
      caption:
        'The new ferry would cross Bahía Clara between the Las Dunas pier and the downtown waterfront in about 20 minutes.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de olas azules en franjas superpuestas bajo un cielo pálido: el agua abierta de una bahía.',
      caption:
        'El nuevo ferry cruzaría Bahía Clara entre el muelle de Las Dunas y el malecón del centro en unos 20 minutos.',
      credit: wire.es,
    },
  },
  {
    key: 'marina-rooftops',
    motif: 'skyline',
    palette: ['#f4a261', '#e76f51', '#264653'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustration of a row of low apartment blocks and a few taller towers in dark teal, silhouetted against an orange evening sky.',
      caption:
        'Apartment buildings in Barrio Marina, where median asking rents rose sharply over the past two years.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Ilustración de una hilera de edificios bajos de apartamentos y algunas torres más altas en verde azulado oscuro, recortados contra un cielo anaranjado de atardecer.',
      caption:
        'Edificios de apartamentos en Barrio Marina, donde los alquileres medios subieron con fuerza en los últimos dos años.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'budget-grid',
    motif: 'grid',
    palette: ['#fefae0', '#606c38', '#bc6c25'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of a city street grid seen from above: olive-green blocks separated by cream streets, with a few blocks highlighted in copper.',
      caption:
        'Residents in each of Puerto Claro’s five districts will choose which neighborhood projects receive a share of $4 million.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de la cuadrícula de calles de una ciudad vista desde arriba: manzanas verde oliva separadas por calles color crema, con algunas manzanas resaltadas en cobre.',
      caption:
        'Los vecinos de los cinco distritos de Puerto Claro decidirán qué proyectos de barrio reciben una parte de los 4 millones de dólares.',
      credit: wire.es,
    },
  },
  // Climate
  {
    key: 'punta-brava-rain',
    motif: 'rain',
    palette: ['#5c677d', '#979dac', '#33415c'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustration of slanted gray rain streaks falling from heavy slate-colored clouds over a dark, flat horizon.',
      caption:
        'Standing water reached curb height on several Punta Brava streets during Tuesday morning’s high tide.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Ilustración de trazos grises de lluvia inclinada que caen de nubes densas color pizarra sobre un horizonte plano y oscuro.',
      caption:
        'El agua estancada alcanzó la altura del bordillo en varias calles de Punta Brava durante la marea alta del martes por la mañana.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'alto-verde-sun',
    motif: 'sun',
    palette: ['#ffba08', '#f48c06', '#9d0208'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of a large yellow sun with radiating rays over a deep red horizon, suggesting intense afternoon heat.',
      caption:
        'On the hottest afternoons, surface temperatures in Alto Verde run well above those in leafier neighborhoods a few miles away.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de un gran sol amarillo con rayos que se abren sobre un horizonte rojo intenso, sugiriendo el calor fuerte de la tarde.',
      caption:
        'En las tardes más calurosas, la temperatura de las superficies en Alto Verde supera con creces la de barrios más arbolados a pocos kilómetros.',
      credit: wire.es,
    },
  },
  {
    key: 'estero-mangroves',
    motif: 'waves',
    palette: ['#2d6a4f', '#74c69d', '#d8f3dc'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustration of low, calm waves in shades of green meeting a pale green sky, like the still water of an estuary.',
      caption:
        'The San Telmo estuary, on the southern edge of Bahía Clara, still holds one of the bay’s last large stands of mangroves.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Ilustración de olas bajas y tranquilas en tonos verdes que se unen con un cielo verde pálido, como el agua quieta de un estero.',
      caption:
        'El estero San Telmo, en el extremo sur de Bahía Clara, conserva uno de los últimos manglares extensos de la bahía.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'stadium-heat',
    motif: 'sun',
    palette: ['#ffd166', '#ef476f', '#073b4c'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of a bright yellow sun high above a dark blue horizon, its rays spreading across a pink sky.',
      caption:
        'High school teams will move outdoor practices to early morning or evening when the heat index passes 103 degrees.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de un sol amarillo brillante muy alto sobre un horizonte azul oscuro, con rayos que se extienden por un cielo rosado.',
      caption:
        'Los equipos de secundaria trasladarán sus entrenamientos al aire libre a primera hora o al atardecer cuando el índice de calor supere los 103 °F (39 °C).',
      credit: wire.es,
    },
  },
  // Culture
  {
    key: 'teatro-ribera-stage',
    motif: 'stage',
    palette: ['#6a040f', '#ffba08', '#1b1b1e'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustration of a theater stage framed by deep red curtains, with a warm yellow spotlight falling on the empty boards.',
      caption: '“La casa de las mareas” runs at Teatro Ribera through the end of the month.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Ilustración de un escenario de teatro enmarcado por telones rojo oscuro, con un foco amarillo cálido que ilumina las tablas vacías.',
      caption: '“La casa de las mareas” sigue en cartel en el Teatro Ribera hasta fin de mes.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'rosa-ibarguen-portrait',
    motif: 'portrait',
    palette: ['#ffe8d6', '#6b4226', '#cb997e'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustrated head-and-shoulders portrait of a woman with curly dark hair pulled back, wearing a rust-colored blouse, on a soft peach background.',
      caption:
        'Bandleader Rosa Ibarguen recorded her new album with Orquesta Malecón in a converted net loft on the waterfront.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Retrato ilustrado de busto de una mujer de cabello oscuro y rizado recogido, con blusa color óxido, sobre un fondo durazno suave.',
      caption:
        'La directora Rosa Ibarguen grabó el nuevo disco con la Orquesta Malecón en un antiguo galpón de redes del malecón.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'night-market',
    motif: 'market',
    palette: ['#3d405b', '#f2cc8f', '#e07a5f'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of a row of market stalls with striped coral and sand-colored awnings under a dark blue night sky.',
      caption:
        'The Cannery District night market returns with more than 80 vendors on Friday and Saturday evenings.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de una fila de puestos de mercado con toldos a rayas color coral y arena bajo un cielo nocturno azul oscuro.',
      caption:
        'El mercado nocturno de La Conservera vuelve con más de 80 puestos los viernes y sábados por la noche.',
      credit: wire.es,
    },
  },
  // Business
  {
    key: 'port-cranes',
    motif: 'skyline',
    palette: ['#caf0f8', '#0077b6', '#03045e'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of a waterfront skyline in deep blue: tall rectangular shapes like stacked containers and cranes against a pale morning sky.',
      caption:
        'Container terminals at the Port of Puerto Claro handled a record volume in the last fiscal year.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de un perfil portuario en azul profundo: formas rectangulares altas, como contenedores apilados y grúas, contra un cielo pálido de mañana.',
      caption:
        'Las terminales de contenedores del puerto de Puerto Claro movieron un volumen récord en el último año fiscal.',
      credit: wire.es,
    },
  },
  {
    key: 'bodega-market',
    motif: 'market',
    palette: ['#fcbf49', '#d62828', '#003049'],
    sourceAgency: 'Puerto Claro Photo Desk',
    en: {
      alt: 'Illustration of a small shopfront market with red and yellow striped awnings over stalls, set against a navy background.',
      caption:
        'Family-owned corner stores are pooling their orders to get the prices that supermarket chains pay.',
      credit: photoDesk.en,
    },
    es: {
      alt: 'Ilustración de un pequeño mercado con toldos a rayas rojas y amarillas sobre los puestos, contra un fondo azul marino.',
      caption:
        'Las tiendas de barrio de propiedad familiar unen sus pedidos para conseguir los precios que pagan las cadenas de supermercados.',
      credit: photoDesk.es,
    },
  },
  {
    key: 'shipyard-waves',
    motif: 'waves',
    palette: ['#14213d', '#fca311', '#e5e5e5'],
    sourceAgency: 'Galley Wire',
    en: {
      alt: 'Illustration of dark navy waves in stacked bands below a light gray sky, with a thin amber line along the horizon.',
      caption:
        'The reopened Astilleros Ribera yard will build three battery-electric harbor tugs for the port.',
      credit: wire.en,
    },
    es: {
      alt: 'Ilustración de olas azul marino oscuro en franjas superpuestas bajo un cielo gris claro, con una fina línea ámbar en el horizonte.',
      caption:
        'El reabierto astillero Astilleros Ribera construirá tres remolcadores eléctricos de baterías para el puerto.',
      credit: wire.es,
    },
  },
];
