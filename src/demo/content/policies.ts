/**
 * La Marea's policy pages, in English and Spanish: what The Trust Project calls best practices,
 * actionable feedback and diverse voices. Written for this project; La Marea, its funders and its
 * staff are fictional.
 */
import { b, doc, h2, link, p } from '../../content/body-builders.js';
import type { BodyNodeJson } from '../../content/body-schema.js';
import type { DemoPolicyPage } from '../demo-content-types.js';

type Inline = string | BodyNodeJson;

/** A bullet list whose items may mix plain text, bold and links. */
const bullets = (...items: (Inline | Inline[])[]): BodyNodeJson => ({
  type: 'bulletList',
  content: items.map((item) => ({
    type: 'listItem',
    content: [p(...(Array.isArray(item) ? item : [item]))],
  })),
});

export const DEMO_POLICIES: DemoPolicyPage[] = [
  {
    kind: 'ethics',
    en: {
      title: 'Ethics and standards',
      body: doc(
        p(
          'La Marea exists to give the people of Puerto Claro accurate, fair and useful information about the place they live, in the language they read best. These are the standards every story we publish must meet, whoever wrote it and in whichever language.',
        ),
        h2('Accuracy first'),
        p(
          'We verify what we report before we publish it. Facts that come from one person are attributed to that person; numbers are checked against the record they come from; and a second editor reads every story before it goes out. When speed and accuracy pull in different directions, we choose accuracy.',
        ),
        h2('Independence'),
        p(
          'Our funders, advertisers and board members have no say in what we cover or how. Staff do not accept gifts, trips or payments from people they cover, do not take part in political campaigns, and tell their editor about any personal tie to a story, which then goes to someone else.',
        ),
        h2('Fairness and sources'),
        bullets(
          'We give the people and institutions we write about a real chance to respond before publication, and we say so when they decline.',
          'We name our sources. We grant anonymity only when a source faces real harm for speaking, when the information matters and cannot be had another way, and with an editor’s approval; the story then says why.',
          'Opinion pieces are labeled as opinion, on the story and in every list, and are kept apart from our reporting.',
        ),
        h2('Two languages, one standard'),
        p(
          'Our English and Spanish editions carry the same facts. A translation is edited like any other story, and a correction to one version is made in the other too.',
        ),
      ),
    },
    es: {
      title: 'Ética y normas',
      body: doc(
        p(
          'La Marea existe para dar a la gente de Puerto Claro información exacta, justa y útil sobre el lugar donde vive, en el idioma que mejor lee. Estas son las normas que cumple cada artículo que publicamos, sin importar quién lo escribió ni en qué idioma.',
        ),
        h2('La exactitud, primero'),
        p(
          'Verificamos lo que contamos antes de publicarlo. Lo que dice una sola persona se atribuye a esa persona; las cifras se comprueban con el documento del que salen; y una segunda editora o editor lee cada artículo antes de que salga. Cuando la rapidez y la exactitud tiran hacia lados distintos, elegimos la exactitud.',
        ),
        h2('Independencia'),
        p(
          'Quienes nos financian, anuncian con nosotros o forman parte de la junta no deciden qué cubrimos ni cómo. El equipo no acepta regalos, viajes ni pagos de las personas a las que cubre, no participa en campañas políticas y avisa a su editor de cualquier vínculo personal con una historia, que entonces pasa a otra persona.',
        ),
        h2('Equidad y fuentes'),
        bullets(
          'Damos a las personas e instituciones sobre las que escribimos una oportunidad real de responder antes de publicar, y lo decimos cuando no quieren hacerlo.',
          'Identificamos a nuestras fuentes. Solo concedemos el anonimato cuando una fuente corre un riesgo real por hablar, cuando la información importa y no puede obtenerse de otra forma, y con la aprobación de un editor; el artículo explica por qué.',
          'Las columnas de opinión llevan la etiqueta de opinión, en el artículo y en cada lista, y se mantienen separadas de nuestra información.',
        ),
        h2('Dos idiomas, una sola norma'),
        p(
          'Nuestras ediciones en inglés y en español cuentan los mismos hechos. Una traducción se edita como cualquier otro artículo, y una corrección en una versión se hace también en la otra.',
        ),
      ),
    },
  },
  {
    kind: 'corrections',
    en: {
      title: 'Corrections policy',
      body: doc(
        p(
          'We make mistakes, and when we do, we fix them in the open. A correction is part of the story’s record: we never change a published fact silently.',
        ),
        h2('How we correct'),
        bullets(
          [
            b('Corrections'),
            ' fix a factual error. The note says what was wrong and what is right.',
          ],
          [b('Clarifications'), ' make clearer something that was accurate but could mislead.'],
          [b('Updates'), ' add new information to a developing story.'],
          [b('Editor’s notes'), ' explain a change in how we handled a story.'],
        ),
        p(
          'Every note is dated and shown on the article: at the top when the error changed the meaning of the story, otherwise at the end. Notes are never deleted; when one is amended, the amendment is dated too. All our notes, newest first, are listed on our ',
          link('corrections page', '/en/corrections'),
          ', which also has its own feed.',
        ),
        h2('Tell us'),
        p(
          'Every article ends with “Found a mistake? Contact us!”. An editor reads every report, usually within one working day, and writes back when you leave an address. You can also ',
          link('contact the newsroom', '/en/contact'),
          ' directly.',
        ),
      ),
    },
    es: {
      title: 'Política de correcciones',
      body: doc(
        p(
          'Cometemos errores y, cuando ocurren, los corregimos a la vista de todos. Una corrección forma parte del registro del artículo: nunca cambiamos en silencio un dato publicado.',
        ),
        h2('Cómo corregimos'),
        bullets(
          [
            b('Correcciones'),
            ': arreglan un error de hecho. La nota dice qué estaba mal y qué es lo correcto.',
          ],
          [b('Aclaraciones'), ': precisan algo que era exacto pero podía confundir.'],
          [b('Actualizaciones'), ': añaden información nueva a una historia en desarrollo.'],
          [b('Notas del editor'), ': explican un cambio en cómo tratamos una historia.'],
        ),
        p(
          'Cada nota lleva su fecha y aparece en el artículo: arriba cuando el error cambiaba el sentido de la historia y, si no, al final. Las notas nunca se borran; cuando se modifica una, la modificación también lleva fecha. Todas nuestras notas, de la más reciente a la más antigua, están en nuestra ',
          link('página de correcciones', '/es/correcciones'),
          ', que tiene también su propio canal.',
        ),
        h2('Avísanos'),
        p(
          'Cada artículo termina con “¿Encontraste un error? Contáctanos”. Una editora o un editor lee cada aviso, normalmente en un día hábil, y responde cuando dejas una dirección. También puedes ',
          link('escribir a la redacción', '/es/contacto'),
          ' directamente.',
        ),
      ),
    },
  },
  {
    kind: 'masthead',
    en: {
      title: 'Masthead',
      body: doc(
        p(
          'La Marea is a newsroom of eleven people, most of whom grew up on the Bahía Clara coast. Everyone listed here can be reached through the ',
          link('contact page', '/en/contact'),
          '.',
        ),
        h2('Newsroom'),
        bullets(
          [b('Inés Barragán'), ', executive editor'],
          [b('Rafael Quintero'), ', managing editor and standards editor'],
          [
            link('Lucía Fernández', '/en/author/lucia-fernandez'),
            ', City Hall reporter and columnist',
          ],
          [
            link('Daniel Okafor-Reyes', '/en/author/daniel-okafor-reyes'),
            ', climate and environment reporter',
          ],
          [link('Tomás Whitfield', '/en/author/tomas-whitfield'), ', business and port reporter'],
          [
            link('Marisol Echeverría', '/en/author/marisol-echeverria'),
            ', culture editor and critic',
          ],
          [b('Paula Nakamura'), ', translation and copy desk chief'],
        ),
        h2('Business'),
        bullets(
          [b('Gabriel Soto'), ', publisher'],
          [b('Aisha Mendoza'), ', membership and events'],
        ),
        p(
          'The executive editor has the final word on what La Marea publishes. The publisher runs the business side and has no role in editorial decisions.',
        ),
        h2('Board of directors'),
        p(
          'Marea Media’s volunteer board of seven sets the budget and hires the executive editor and the publisher. It meets four times a year, publishes its minutes, and never reviews stories before publication. Its members include a retired port engineer, a public-school librarian, a nurse from Las Dunas and the owner of a Ribera bakery.',
        ),
      ),
    },
    es: {
      title: 'Equipo',
      body: doc(
        p(
          'La Marea es una redacción de once personas, la mayoría criadas en la costa de Bahía Clara. Puedes comunicarte con cualquiera de ellas a través de la ',
          link('página de contacto', '/es/contacto'),
          '.',
        ),
        h2('Redacción'),
        bullets(
          [b('Inés Barragán'), ', directora'],
          [b('Rafael Quintero'), ', jefe de redacción y editor de normas'],
          [
            link('Lucía Fernández', '/es/autor/lucia-fernandez'),
            ', reportera y columnista de la alcaldía',
          ],
          [
            link('Daniel Okafor-Reyes', '/es/autor/daniel-okafor-reyes'),
            ', reportero de clima y medio ambiente',
          ],
          [
            link('Tomás Whitfield', '/es/autor/tomas-whitfield'),
            ', reportero de economía y del puerto',
          ],
          [
            link('Marisol Echeverría', '/es/autor/marisol-echeverria'),
            ', editora de cultura y crítica',
          ],
          [b('Paula Nakamura'), ', jefa de traducción y corrección'],
        ),
        h2('Gestión'),
        bullets(
          [b('Gabriel Soto'), ', editor y responsable de la empresa'],
          [b('Aisha Mendoza'), ', socios y eventos'],
        ),
        p(
          'La directora tiene la última palabra sobre lo que publica La Marea. El responsable de la empresa dirige la parte económica y no interviene en las decisiones editoriales.',
        ),
        h2('Junta directiva'),
        p(
          'La junta de Marea Media, de siete miembros voluntarios, aprueba el presupuesto y contrata a la directora y al responsable de la empresa. Se reúne cuatro veces al año, publica sus actas y nunca revisa artículos antes de su publicación. Entre sus miembros hay un ingeniero portuario jubilado, una bibliotecaria de escuela pública, una enfermera de Las Dunas y la dueña de una panadería de Ribera.',
        ),
      ),
    },
  },
  {
    kind: 'ownership',
    en: {
      title: 'Ownership and funding',
      body: doc(
        p(
          'La Marea is published by Marea Media, a nonprofit organization based in Puerto Claro. It has no owners or shareholders: nobody profits from it, and it cannot be sold.',
        ),
        h2('Where our money comes from'),
        p('In our last fiscal year, our budget of $1.4 million came from:'),
        bullets(
          [b('Members'), ': 46 percent, from about 5,200 readers who give monthly or yearly'],
          [b('Foundations'), ': 31 percent, from four local and national journalism funders'],
          [b('Sponsorships and events'), ': 15 percent'],
          [b('Large individual gifts'), ': 8 percent'],
        ),
        p(
          'We name every donor who gives $1,000 or more in a year, in our annual report. We do not accept money from political campaigns or parties, or from anonymous donors above that amount.',
        ),
        h2('Funders do not direct coverage'),
        p(
          'A grant may pay for a beat, such as climate, but never for particular stories, and funders do not see stories before they are published. When we report on an organization that funds us, the story says so.',
        ),
      ),
    },
    es: {
      title: 'Propiedad y financiación',
      body: doc(
        p(
          'La Marea es publicada por Marea Media, una organización sin fines de lucro con sede en Puerto Claro. No tiene dueños ni accionistas: nadie obtiene ganancias de ella y no puede venderse.',
        ),
        h2('De dónde viene nuestro dinero'),
        p(
          'En nuestro último año fiscal, nuestro presupuesto de 1,4 millones de dólares provino de:',
        ),
        bullets(
          [b('Socios'), ': 46 por ciento, de unos 5.200 lectores que aportan cada mes o cada año'],
          [
            b('Fundaciones'),
            ': 31 por ciento, de cuatro financiadores del periodismo locales y nacionales',
          ],
          [b('Patrocinios y eventos'), ': 15 por ciento'],
          [b('Donaciones individuales grandes'), ': 8 por ciento'],
        ),
        p(
          'Publicamos en nuestro informe anual el nombre de cada donante que aporta 1.000 dólares o más en un año. No aceptamos dinero de campañas ni partidos políticos, ni de donantes anónimos por encima de esa cantidad.',
        ),
        h2('Quien financia no dirige la cobertura'),
        p(
          'Una subvención puede pagar una cobertura, como la del clima, pero nunca artículos concretos, y quienes nos financian no ven los artículos antes de que se publiquen. Cuando informamos sobre una organización que nos financia, el artículo lo dice.',
        ),
      ),
    },
  },
  {
    kind: 'feedback',
    en: {
      title: 'Tell us what you think',
      body: doc(
        p(
          'We report for the people of Puerto Claro, and we want to hear from them: tips, questions, complaints and praise all make our work better.',
        ),
        h2('How to reach us'),
        bullets(
          [
            b('To report an error'),
            ', use “Found a mistake? Contact us!” at the end of any article. It goes straight to the editors’ queue.',
          ],
          [
            b('For everything else'),
            ', write to the newsroom from our ',
            link('contact page', '/en/contact'),
            '.',
          ],
          [
            b('In person'),
            ', come to our open newsroom on the first Saturday of every month at the Biblioteca Central.',
          ],
        ),
        h2('What happens next'),
        p(
          'An editor reads every message. We answer within two working days when you leave an address, and we tell you what we did about it. If a complaint is about a story, the standards editor reviews it; if we got something wrong, we correct it publicly under our ',
          link('corrections policy', '/en/policies/corrections-policy'),
          '.',
        ),
      ),
    },
    es: {
      title: 'Cuéntanos qué piensas',
      body: doc(
        p(
          'Informamos para la gente de Puerto Claro y queremos saber de ella: las pistas, las preguntas, las quejas y los elogios mejoran nuestro trabajo.',
        ),
        h2('Cómo comunicarte con nosotros'),
        bullets(
          [
            b('Para avisar de un error'),
            ', usa “¿Encontraste un error? Contáctanos” al final de cualquier artículo. El aviso llega directamente a la cola de los editores.',
          ],
          [
            b('Para todo lo demás'),
            ', escribe a la redacción desde nuestra ',
            link('página de contacto', '/es/contacto'),
            '.',
          ],
          [
            b('En persona'),
            ', ven a nuestra redacción abierta el primer sábado de cada mes en la Biblioteca Central.',
          ],
        ),
        h2('Qué pasa después'),
        p(
          'Una editora o un editor lee cada mensaje. Respondemos en dos días hábiles cuando dejas una dirección, y te contamos qué hicimos. Si la queja es sobre un artículo, la revisa el editor de normas; si nos equivocamos, lo corregimos públicamente según nuestra ',
          link('política de correcciones', '/es/politicas/politica-de-correcciones'),
          '.',
        ),
      ),
    },
  },
  {
    kind: 'diversity',
    en: {
      title: 'Diversity and inclusion',
      body: doc(
        p(
          'Puerto Claro is a city of two languages and many neighborhoods, and our journalism is only as good as the range of people it hears from. This is how we try to make sure our coverage reflects the whole city.',
        ),
        h2('Whose voices we include'),
        p(
          'Once a year we count the people quoted in our stories by neighborhood, language and gender, and we publish the results with our goals for the year ahead. Last year, 41 percent of the people we quoted were interviewed in Spanish, close to the share of the city’s residents who speak it at home; our sources from Las Dunas and Alto Verde, the neighborhoods we covered least, are still too few.',
        ),
        h2('Who we are'),
        p(
          'Seven of our eleven staff members are bilingual, and six grew up in Puerto Claro. We post every opening in both languages, pay every intern, and recruit through the city’s community colleges as well as journalism schools.',
        ),
        h2('How we write'),
        bullets(
          'We describe people by race, ethnicity, religion, disability or immigration status only when it is relevant to the story.',
          'We publish every story in both languages whenever we can, so no reader gets half the news.',
          'Our style guide, shared by both editions, follows how communities ask to be named.',
        ),
      ),
    },
    es: {
      title: 'Diversidad e inclusión',
      body: doc(
        p(
          'Puerto Claro es una ciudad de dos idiomas y muchos barrios, y nuestro periodismo solo es tan bueno como la variedad de personas a las que escucha. Así intentamos que nuestra cobertura refleje a toda la ciudad.',
        ),
        h2('A quiénes damos voz'),
        p(
          'Una vez al año contamos a las personas citadas en nuestros artículos por barrio, idioma y género, y publicamos los resultados con nuestras metas para el año siguiente. El año pasado, el 41 por ciento de las personas que citamos fueron entrevistadas en español, cerca de la proporción de residentes que lo hablan en casa; nuestras fuentes de Las Dunas y Alto Verde, los barrios que menos cubrimos, siguen siendo pocas.',
        ),
        h2('Quiénes somos'),
        p(
          'Siete de las once personas del equipo son bilingües, y seis crecieron en Puerto Claro. Publicamos cada vacante en los dos idiomas, pagamos a todas las personas en prácticas y buscamos talento en los colegios comunitarios de la ciudad además de en las escuelas de periodismo.',
        ),
        h2('Cómo escribimos'),
        bullets(
          'Mencionamos la raza, el origen étnico, la religión, la discapacidad o la situación migratoria de una persona solo cuando es pertinente para la historia.',
          'Publicamos cada artículo en los dos idiomas siempre que podemos, para que ningún lector reciba la mitad de las noticias.',
          'Nuestro libro de estilo, común a las dos ediciones, respeta cómo cada comunidad pide que se la nombre.',
        ),
      ),
    },
  },
];
