/**
 * The demo's video: a 20-second dawn over Bahía Clara, drawn by ffmpeg (a drifting gradient
 * from night blue to sunrise orange, and a soft chord) when the demo loads, with English and
 * Spanish captions, and the two stories that show it: one in its body, one as its lead video.
 * All people, places and words are fictional and written for this project.
 */
import { doc, p, h2, quote } from '../../content/body-builders.js';
import type { BodyDoc, BodyNodeJson } from '../../content/body-schema.js';
import type { LavfiRecipe } from '../../media/video-lavfi.js';
import type { DemoArticleType } from '../demo-content-types.js';

const SECONDS = 20;

/** The clip's recipe: 1280x720 (the gradient is drawn small and scaled, which is quick). */
export const DEMO_CLIP: LavfiRecipe = {
  video: `gradients=s=160x90:r=25:d=${SECONDS}:c0=0x0b3d5c:c1=0x2a9d8f:c2=0xe9c46a:c3=0xf4a261:n=4:speed=0.015`,
  videoFilter: `scale=1280:720:flags=bicubic,fade=t=in:d=1.5,fade=t=out:st=${SECONDS - 1.5}:d=1.5,format=yuv420p`,
  audio: `aevalsrc='0.12*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*0.25*t))+0.08*sin(2*PI*330*t)+0.05*sin(2*PI*440*t)*(0.5+0.5*sin(2*PI*0.5*t))':s=48000:d=${SECONDS}`,
  audioFilter: `afade=t=in:d=2,afade=t=out:st=${SECONDS - 2}:d=2`,
};

/** The video's words in the media library: its description (alt), caption and credit. */
export const DEMO_VIDEO_WORDS = {
  en: {
    alt: 'The sky over Bahía Clara turning from night blue to teal, gold and orange at dawn.',
    caption: 'First light over Bahía Clara, filmed from the Muelle Central breakwater.',
    credit: 'La Marea video desk',
  },
  es: {
    alt: 'El cielo sobre la bahía Clara pasa del azul de la noche al turquesa, el dorado y el naranja al amanecer.',
    caption: 'La primera luz sobre la bahía Clara, filmada desde el rompeolas del Muelle Central.',
    credit: 'Equipo de video de La Marea',
  },
};

/** WebVTT captions, the story's own words, timed to the clip. */
export const DEMO_CAPTIONS = {
  en: `WEBVTT

1
00:00:00.500 --> 00:00:04.000
Dawn over Bahía Clara, seen from
the Muelle Central breakwater.

2
00:00:04.000 --> 00:00:08.500
The sky turns from navy to teal
as the first ferries warm their engines.

3
00:00:08.500 --> 00:00:13.000
[Soft music: a slow chord]

4
00:00:13.000 --> 00:00:17.000
By half past six the light
reaches the cranes of the port.

5
00:00:17.000 --> 00:00:19.800
La Marea films this view
every morning of the year.
`,
  es: `WEBVTT

1
00:00:00.500 --> 00:00:04.000
Amanece sobre la bahía Clara, vista
desde el rompeolas del Muelle Central.

2
00:00:04.000 --> 00:00:08.500
El cielo pasa del azul marino al turquesa
mientras los primeros ferris calientan motores.

3
00:00:08.500 --> 00:00:13.000
[Música suave: un acorde lento]

4
00:00:13.000 --> 00:00:17.000
A las seis y media la luz
llega a las grúas del puerto.

5
00:00:17.000 --> 00:00:19.800
La Marea filma esta vista
todas las mañanas del año.
`,
};

/** A story version whose body places the video (its id is known only once it is loaded). */
export interface DemoVideoStoryVersion {
  headline: string;
  dek: string;
  slug: string;
  body: (videoId: number) => BodyDoc;
}

export interface DemoVideoStory {
  key: string;
  section: string;
  type: DemoArticleType;
  authors: string[];
  tags: string[];
  /** The video is the story's lead (shown in place of the lead image on its page). */
  hasLeadVideo: boolean;
  publishedHoursAgo: number;
  en: DemoVideoStoryVersion;
  es: DemoVideoStoryVersion;
}

const videoNode = (mediaId: number, locale: 'en' | 'es'): BodyNodeJson => ({
  type: 'video',
  attrs: {
    mediaId,
    caption: DEMO_VIDEO_WORDS[locale].caption,
    credit: DEMO_VIDEO_WORDS[locale].credit,
    autoplay: false,
  },
});

export const videoStories: DemoVideoStory[] = [
  {
    key: 'bay-at-first-light',
    section: 'culture',
    type: 'news',
    authors: ['marisol-echeverria'],
    tags: ['port'],
    hasLeadVideo: false,
    publishedHoursAgo: 5,
    en: {
      headline: 'Every morning at 6:10, a camera on the breakwater films the bay waking up',
      dek: 'La Marea has pointed one camera at Bahía Clara every dawn for a year. Watch twenty seconds of Thursday’s sunrise, and read what the footage has taught us about the port.',
      slug: 'camera-breakwater-films-bay-waking-up',
      body: (videoId) =>
        doc(
          p(
            'A little after six every morning, before the first ferry to Isla Serena casts off, a camera bolted to the end of the Muelle Central breakwater starts recording. It films the same view of Bahía Clara for twenty minutes: the water, the hills of Alto Verde behind it, and the sky turning from navy to orange.',
          ),
          p(
            'La Marea installed the camera a year ago, after readers kept sending us their own sunrise photographs and asking why the light over the bay looked different from one month to the next. Here are twenty seconds from Thursday.',
          ),
          videoNode(videoId, 'en'),
          h2('What a year of dawns shows'),
          p(
            'The first thing the footage shows is the port’s rhythm. On weekdays the cranes at the container terminal switch on their floodlights at 5:45 and switch them off at sunrise; on Sundays they stay dark. In March, when the terminal worked through a backlog, the lights burned past eight.',
          ),
          p(
            'The second thing is the weather. Hazy mornings, when the sky never quite turns gold, cluster in the weeks when the refinery across the bay runs its maintenance flares, a pattern the city’s air monitor at Punta Brava also records.',
          ),
          quote(
            'People think a sunrise is the same every day. Put a camera on it for a year and you see a whole city getting up for work.',
            'Inés Carvajal, the harbor pilot who helped us choose the spot',
          ),
          h2('How we film it'),
          p(
            'The camera is an ordinary weatherproof model with a fixed lens, powered by a small solar panel and a battery. It uploads each morning’s clip over the port’s public wifi, and an editor picks twenty seconds for our archive. We do not film people: the nearest walkway is outside the frame, and we blur any boat name that comes close enough to read.',
          ),
          p(
            'Every clip has captions in English and Spanish, and the player works by keyboard: press the question mark with shift to see the shortcuts. If you have a sunrise question the camera could answer, write to the newsroom.',
          ),
        ),
    },
    es: {
      headline: 'Cada mañana a las 6:10, una cámara en el rompeolas filma cómo despierta la bahía',
      dek: 'La Marea lleva un año apuntando una cámara a la bahía Clara cada amanecer. Vea veinte segundos del amanecer del jueves y lea lo que las imágenes nos han enseñado sobre el puerto.',
      slug: 'camara-rompeolas-filma-despertar-bahia',
      body: (videoId) =>
        doc(
          p(
            'Poco después de las seis de cada mañana, antes de que zarpe el primer ferri a Isla Serena, una cámara atornillada al final del rompeolas del Muelle Central empieza a grabar. Filma durante veinte minutos la misma vista de la bahía Clara: el agua, los cerros de Alto Verde detrás y el cielo que pasa del azul marino al naranja.',
          ),
          p(
            'La Marea instaló la cámara hace un año, después de que los lectores nos enviaran una y otra vez sus propias fotos del amanecer y nos preguntaran por qué la luz sobre la bahía cambiaba de un mes a otro. Aquí están veinte segundos del jueves.',
          ),
          videoNode(videoId, 'es'),
          h2('Lo que muestra un año de amaneceres'),
          p(
            'Lo primero que muestran las imágenes es el ritmo del puerto. Entre semana, las grúas de la terminal de contenedores encienden sus focos a las 5:45 y los apagan al salir el sol; los domingos se quedan a oscuras. En marzo, cuando la terminal trabajó para sacar adelante un retraso acumulado, las luces siguieron encendidas pasadas las ocho.',
          ),
          p(
            'Lo segundo es el tiempo. Las mañanas brumosas, en las que el cielo nunca llega a dorarse, se concentran en las semanas en que la refinería del otro lado de la bahía quema gas por mantenimiento, un patrón que también registra el monitor de aire de la ciudad en Punta Brava.',
          ),
          quote(
            'La gente cree que un amanecer es igual todos los días. Ponga una cámara durante un año y verá una ciudad entera levantándose para ir a trabajar.',
            'Inés Carvajal, la práctica del puerto que nos ayudó a elegir el lugar',
          ),
          h2('Cómo lo filmamos'),
          p(
            'La cámara es un modelo corriente, resistente a la intemperie y de lente fija, alimentado por un pequeño panel solar y una batería. Sube el video de cada mañana por la red wifi pública del puerto, y un editor elige veinte segundos para nuestro archivo. No filmamos a personas: el paseo más cercano queda fuera del encuadre, y difuminamos el nombre de cualquier barco que se acerque lo suficiente como para leerse.',
          ),
          p(
            'Cada video tiene subtítulos en inglés y en español, y el reproductor funciona con el teclado: pulse el signo de interrogación con mayúsculas para ver los atajos. Si tiene una pregunta sobre el amanecer que la cámara pueda responder, escriba a la redacción.',
          ),
        ),
    },
  },
  {
    key: 'watch-dawn-over-bahia-clara',
    section: 'culture',
    type: 'news',
    authors: ['marisol-echeverria'],
    tags: ['port'],
    hasLeadVideo: true,
    publishedHoursAgo: 2,
    en: {
      headline: 'Watch: twenty seconds of dawn over Bahía Clara',
      dek: 'Thursday’s sunrise from the Muelle Central breakwater, with the first ferries getting ready to sail.',
      slug: 'watch-dawn-over-bahia-clara',
      body: () =>
        doc(
          p(
            'Thursday’s sunrise over Bahía Clara, filmed by the camera La Marea keeps at the end of the Muelle Central breakwater. The sky turned from navy to teal at 6:12 and the first gold reached the container cranes at 6:31, four minutes later than a week ago as the days shorten.',
          ),
          p(
            'The clip has captions in English and Spanish. To play it by keyboard, press space or k; shift and the question mark list every shortcut.',
          ),
        ),
    },
    es: {
      headline: 'Vea veinte segundos del amanecer sobre la bahía Clara',
      dek: 'El amanecer del jueves desde el rompeolas del Muelle Central, con los primeros ferris preparándose para zarpar.',
      slug: 'vea-amanecer-sobre-bahia-clara',
      body: () =>
        doc(
          p(
            'El amanecer del jueves sobre la bahía Clara, filmado por la cámara que La Marea tiene al final del rompeolas del Muelle Central. El cielo pasó del azul marino al turquesa a las 6:12 y el primer dorado llegó a las grúas de contenedores a las 6:31, cuatro minutos más tarde que hace una semana porque los días se acortan.',
          ),
          p(
            'El video tiene subtítulos en inglés y en español. Para reproducirlo con el teclado, pulse la barra espaciadora o la k; con mayúsculas y el signo de interrogación verá todos los atajos.',
          ),
        ),
    },
  },
];
