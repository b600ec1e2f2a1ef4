/**
 * A demo story that quotes social posts as embeds: a post on X and a YouTube video. The accounts,
 * handles, words and videos are invented for this project. The addresses have the networks' real
 * forms but point at nothing: the X status numbers lie years in the future of X's id clock, and
 * the YouTube ids name the demo itself.
 */
import { doc, h2, p, quote } from '../../content/body-builders.js';
import type { BodyNodeJson } from '../../content/body-schema.js';
import type { DemoStory } from '../demo-content-types.js';

/** A post or video quoted by the story, in the words of whoever posted it. */
function embed(attrs: {
  url: string;
  network: 'x' | 'youtube';
  authorName: string;
  authorHandle: string | null;
  publishedAt: string;
  text: string;
}): BodyNodeJson {
  return { type: 'embed', attrs: { ...attrs, thumbnail: null } };
}

/**
 * The tide watchers post each warning in both languages, and the port authority publishes each
 * video in both: every edition quotes the post and the video in its own language.
 */
const tidePost = {
  en: embed({
    url: 'https://x.com/mareas_pc_demo/status/2990000000000000001',
    network: 'x',
    authorName: 'Vigía de Mareas Puerto Claro',
    authorHandle: '@mareas_pc_demo',
    publishedAt: '2026-11-14',
    text: 'King tide: 2.31 m at 6:42 pm at the Punta Brava pier, 19 cm above the ferry ramp.\n\nHeading to Isla Serena? Leave before 5:30.',
  }),
  es: embed({
    url: 'https://x.com/mareas_pc_demo/status/2990000000000000002',
    network: 'x',
    authorName: 'Vigía de Mareas Puerto Claro',
    authorHandle: '@mareas_pc_demo',
    publishedAt: '2026-11-14',
    text: 'Marea viva: 2,31 m a las 18:42 en el muelle de Punta Brava, 19 cm por encima de la rampa del ferry.\n\nSi vas a Isla Serena, sal antes de las 17:30.',
  }),
};

const dredgingVideo = {
  en: embed({
    url: 'https://www.youtube.com/watch?v=LaMareaDemo',
    network: 'youtube',
    authorName: 'Puerto Claro Port Authority',
    authorHandle: '@PuertoClaroPortDemo',
    publishedAt: '2026-10-30',
    text: 'Why the north channel floods the ferry ramp: dredging explained in three minutes',
  }),
  es: embed({
    url: 'https://www.youtube.com/watch?v=MareaDemoES',
    network: 'youtube',
    authorName: 'Autoridad Portuaria de Puerto Claro',
    authorHandle: '@PuertoClaroPortDemo',
    publishedAt: '2026-10-30',
    text: 'Por qué el canal norte inunda la rampa del ferry: el dragado explicado en tres minutos',
  }),
};

export const embedStories: DemoStory[] = [
  {
    key: 'king-tides-ferry-ramp',
    section: 'city',
    type: 'news',
    authors: ['daniel-okafor-reyes'],
    tags: ['flooding', 'transit', 'port'],
    leadImage: 'ferry-bay',
    publishedHoursAgo: 44,
    en: {
      headline: 'King tides close the Punta Brava ferry ramp for the third time this month',
      dek: 'Volunteer tide watchers saw it coming hours ahead. The port authority says dredging the north channel will help, but not before next year.',
      slug: 'king-tides-close-punta-brava-ferry-ramp',
      body: doc(
        p(
          'The ferry to Isla Serena left Punta Brava from the fishermen’s pier on Friday evening, not from its own ramp, after the highest tide of the month put 19 centimeters of water over the loading deck. It was the third closure since November 1.',
        ),
        p(
          'Riders who follow the volunteer tide watchers of Vigía de Mareas were not surprised. The group, which reads the harbor gauge every hour and posts the numbers, warned at midday that the ramp would be under water by early evening:',
        ),
        tidePost.en,
        p(
          'Ferry operator Naviera Serena moved the last two crossings of the day to the fishermen’s pier, where boarding took about twice as long. “We had people with bicycles and a wheelchair on a pier built for crates,” said dock supervisor Ramón Ibáñez. “Everyone got across. Nobody enjoyed it.”',
        ),
        h2('Why the water comes over'),
        p(
          'The port authority blames the silt that has built up in the north channel since the 2019 storm, which it says pushes the spring tides higher along the Punta Brava shore. Its own video, posted last month, walks through the plan to dredge the channel:',
        ),
        dredgingVideo.en,
        p(
          'The dredging contract goes to the port board in January, and the work would take about five months. Until then, the authority says it will post closures on its website by noon on days when the forecast tide tops 2.2 meters.',
        ),
        quote(
          'A warning at noon is fine if you work at noon. Half of my riders are on a night shift.',
          'Gloria Méndez, who drives the Isla Serena water taxi',
        ),
        p(
          'The posts and video above are shown as text. Pressing “Load content from X” or “Load content from YouTube” loads the network’s own player, and only then does your browser contact that network.',
        ),
      ),
    },
    es: {
      headline:
        'Las mareas vivas cierran por tercera vez este mes la rampa del ferry de Punta Brava',
      dek: 'Los vigías voluntarios de las mareas lo anunciaron con horas de antelación. La autoridad portuaria dice que dragar el canal norte ayudará, pero no antes del año que viene.',
      slug: 'mareas-vivas-cierran-rampa-ferry-punta-brava',
      body: doc(
        p(
          'El ferry a Isla Serena salió el viernes por la tarde desde el muelle de los pescadores de Punta Brava, y no desde su rampa, después de que la marea más alta del mes dejara 19 centímetros de agua sobre la plataforma de embarque. Fue el tercer cierre desde el 1 de noviembre.',
        ),
        p(
          'Quienes siguen a los vigías voluntarios de Vigía de Mareas no se sorprendieron. El grupo, que lee el mareógrafo del puerto cada hora y publica las cifras, avisó a mediodía de que la rampa estaría bajo el agua al caer la tarde:',
        ),
        tidePost.es,
        p(
          'Naviera Serena, la empresa del ferry, trasladó los dos últimos cruces del día al muelle de los pescadores, donde embarcar llevó el doble de tiempo. “Teníamos gente con bicicletas y una silla de ruedas en un muelle hecho para cajas”, dijo el supervisor del muelle, Ramón Ibáñez. “Todo el mundo cruzó. A nadie le gustó.”',
        ),
        h2('Por qué entra el agua'),
        p(
          'La autoridad portuaria culpa al sedimento acumulado en el canal norte desde la tormenta de 2019, que según dice empuja las mareas vivas más arriba en la orilla de Punta Brava. Su propio video, publicado el mes pasado, explica el plan para dragar el canal:',
        ),
        dredgingVideo.es,
        p(
          'El contrato de dragado llegará a la junta del puerto en enero, y la obra tardaría unos cinco meses. Hasta entonces, la autoridad dice que anunciará los cierres en su web antes del mediodía los días en que la marea prevista supere los 2,2 metros.',
        ),
        quote(
          'Un aviso a mediodía sirve si trabajas a mediodía. La mitad de mis pasajeros hace el turno de noche.',
          'Gloria Méndez, que conduce el taxi acuático de Isla Serena',
        ),
        p(
          'La publicación y el video de arriba se muestran como texto. Al pulsar «Cargar contenido de X» o «Cargar contenido de YouTube» se carga el reproductor de esa red, y solo entonces su navegador se conecta con ella.',
        ),
      ),
    },
  },
];
