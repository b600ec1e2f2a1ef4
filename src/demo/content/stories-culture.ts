/** Demo stories for the Culture / Cultura section. All people, places, works and quotes are fictional. */
import { b, bullets, doc, h2, h3, i, link, p, quote, rule } from '../../content/body-builders.js';
import type { DemoStory } from '../demo-content-types.js';

export const cultureStories: DemoStory[] = [
  {
    key: 'casa-de-las-mareas-review',
    section: 'culture',
    type: 'review',
    authors: ['marisol-echeverria'],
    tags: ['theater'],
    leadImage: 'teatro-ribera-stage',
    publishedHoursAgo: 20,
    en: {
      headline: 'Review: “La casa de las mareas” floods the stage, and mostly earns it',
      dek: 'Inés Calderón-Ruiz’s new play about three sisters and a house on stilts is funny, bilingual and wet. Its second act loses its footing.',
      slug: 'review-la-casa-de-las-mareas',
      body: doc(
        p(
          'About twenty minutes into ',
          i('La casa de las mareas'),
          ', now at Teatro Ribera, you notice that the floor is shining. By intermission there is a thin sheet of real water across the stage, and by the final scene the three sisters at the center of Inés Calderón-Ruiz’s new play are standing in it up to their ankles, still arguing about who gets their mother’s china.',
        ),
        p(
          'It is a bold piece of stagecraft from designer Octavio Lugo, and it gives the play its best joke and its deepest feeling at once: the house the sisters are fighting over is going under, whoever wins.',
        ),
        h2('Three sisters, two languages'),
        p(
          'The setup is simple. After their mother’s death, Amparo (Carmen Solís), Tere (Julia Ferrer) and Nena (Valentina Osorio) gather in the family’s stilt house in Punta Brava to decide whether to sell it to a developer. Amparo never left the neighborhood. Nena left at eighteen and now speaks mostly English, which the others alternately mock and envy.',
        ),
        p(
          'Calderón-Ruiz writes the sisters’ switching between Spanish and English with a precise ear. Languages change mid-sentence when someone wants to win a point or avoid one, and the supertitles, in both directions, are part of the fun. Solís, a fixture of Puerto Claro stages for three decades, is ',
          b('superb'),
          ' as the eldest: bossy, grieving and very funny about both.',
        ),
        quote(
          'I wanted a family that fights in two languages, because that is how my family fights. Whoever is losing switches.',
          'Inés Calderón-Ruiz, playwright, in the program notes',
        ),
        h2('Where it stumbles'),
        p(
          'The second act is weaker. A subplot about the developer, played with oily charm by Julián Marte, pulls the play toward a debate about gentrification that the sisters’ own conversation was handling more subtly. Director Pablo Anaya lets several scenes run long, and a late monologue about the 2019 storm, beautifully written, arrives after the audience has already felt everything it has to say.',
        ),
        p(
          'Still, the ending, which I will not spoil, is earned. When the lights go down on three women and one stubborn rocking chair in rising water, the silence in the house was total.',
        ),
        h3('The verdict'),
        p(
          'Flawed, generous and very much of this city. If you have ever argued with a sibling about a house, or about the sea, go.',
        ),
        rule(),
        p(
          b('La casa de las mareas.'),
          ' Teatro Ribera, 210 Calle del Muelle. Thursday to Sunday through the end of the month. Tickets $18 to $40. About 2 hours and 10 minutes with one intermission. In Spanish and English with supertitles. More reviews in our ',
          link('Culture section', '/en/culture/'),
          '.',
        ),
      ),
    },
    es: {
      headline: 'Crítica: “La casa de las mareas” inunda el escenario y casi siempre lo justifica',
      dek: 'La nueva obra de Inés Calderón-Ruiz sobre tres hermanas y una casa sobre pilotes es divertida, bilingüe y muy mojada. El segundo acto pierde pie.',
      slug: 'critica-la-casa-de-las-mareas',
      body: doc(
        p(
          'A los veinte minutos de ',
          i('La casa de las mareas'),
          ', en cartel en el Teatro Ribera, uno se da cuenta de que el piso brilla. En el intermedio ya hay una lámina de agua de verdad cubriendo el escenario, y en la última escena las tres hermanas que protagonizan la nueva obra de Inés Calderón-Ruiz están metidas en ella hasta los tobillos, todavía discutiendo quién se queda con la vajilla de la madre.',
        ),
        p(
          'Es un golpe de escenografía audaz de Octavio Lugo, y le da a la obra, a la vez, su mejor chiste y su emoción más honda: la casa por la que pelean las hermanas se hunde, gane quien gane.',
        ),
        h2('Tres hermanas, dos idiomas'),
        p(
          'El planteamiento es sencillo. Tras la muerte de su madre, Amparo (Carmen Solís), Tere (Julia Ferrer) y Nena (Valentina Osorio) se reúnen en la casa familiar sobre pilotes, en Punta Brava, para decidir si se la venden a una constructora. Amparo nunca se fue del barrio. Nena se marchó a los dieciocho y ahora habla sobre todo en inglés, algo que las otras dos le reprochan y le envidian a partes iguales.',
        ),
        p(
          'Calderón-Ruiz tiene un oído finísimo para el ir y venir entre el español y el inglés. El idioma cambia a mitad de frase cuando alguien quiere ganar una discusión o esquivarla, y los sobretítulos, en ambas direcciones, son parte del juego. Solís, una presencia constante en los escenarios de Puerto Claro desde hace tres décadas, está ',
          b('magnífica'),
          ' como la mayor: mandona, dolida y muy graciosa en las dos cosas.',
        ),
        quote(
          'Quería una familia que peleara en dos idiomas, porque así pelea la mía. La que va perdiendo cambia de idioma.',
          'Inés Calderón-Ruiz, dramaturga, en el programa de mano',
        ),
        h2('Donde tropieza'),
        p(
          'El segundo acto flojea. Una trama secundaria sobre el constructor, interpretado con un encanto aceitoso por Julián Marte, empuja la obra hacia un debate sobre la gentrificación que la conversación entre las hermanas ya resolvía con más sutileza. El director Pablo Anaya deja que varias escenas se alarguen, y un monólogo final sobre la tormenta de 2019, muy bien escrito, llega cuando el público ya sintió todo lo que tenía que decir.',
        ),
        p(
          'Aun así, el desenlace, que no voy a contar, está bien ganado. Cuando las luces bajan sobre tres mujeres y una mecedora terca en medio del agua que sube, en la sala no se oía ni una respiración.',
        ),
        h3('El veredicto'),
        p(
          'Imperfecta, generosa y profundamente de esta ciudad. Si alguna vez discutió con un hermano por una casa, o por el mar, vaya a verla.',
        ),
        rule(),
        p(
          b('La casa de las mareas.'),
          ' Teatro Ribera, calle del Muelle 210. De jueves a domingo hasta fin de mes. Entradas de 18 a 40 dólares. Duración aproximada: 2 horas y 10 minutos, con un intermedio. En español e inglés, con sobretítulos. Más crítica en nuestra sección ',
          link('Cultura', '/es/cultura/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'rosa-ibarguen-interview',
    section: 'culture',
    type: 'interview',
    authors: ['marisol-echeverria'],
    tags: ['music'],
    leadImage: 'rosa-ibarguen-portrait',
    publishedHoursAgo: 60,
    en: {
      headline: 'Rosa Ibarguen on salt, copper and recording an album in a net loft',
      dek: 'The Orquesta Malecón bandleader talks about her new record, writing in two languages and why the waterfront is the best studio in Puerto Claro.',
      slug: 'rosa-ibarguen-interview-sal-y-cobre',
      body: doc(
        p(
          'For fifteen years, ',
          b('Rosa Ibarguen'),
          ' has led Orquesta Malecón through weddings, street festivals and late sets at the Plaza de la Aduana. Its new album, ',
          i('Sal y cobre'),
          ', is the band’s first full-length record in seven years, a restless mix of cumbia, bomba rhythms and brassy jazz arrangements, sung in Spanish and English. She spoke with La Marea a week before the release concert. The conversation has been edited and condensed.',
        ),
        p(b('You recorded the album in an old net loft on the waterfront. Why not a studio?')),
        p(
          'We tried a studio first. Everything sounded clean and dead. The loft belonged to a fishing family my father worked for, and it has a wooden floor that rings like a drum. You can hear the gulls on two of the songs. We kept them. They were in tune.',
        ),
        p(b('The title means “salt and copper.” Where does it come from?')),
        p(
          'Salt is the bay, obviously. Copper is the horns, and also the old cannery roofs that turned green when I was a girl. The whole record is about things that change color when the sea gets to them. People too.',
        ),
        quote(
          'I don’t translate my songs. If a song arrives in English, it stays in English. Puerto Claro doesn’t translate itself either.',
          'Rosa Ibarguen, bandleader of Orquesta Malecón',
        ),
        h2('On writing in two languages'),
        p(b('About a third of the songs are in English. How do you decide?')),
        p(
          'I don’t decide. The song decides. My mother sang to me in Spanish and my friends made fun of me in English, so some feelings only exist for me in one of them. When a line comes to me in English, I leave it there. The band complains because they have to learn the words twice when we play it live.',
        ),
        p(b('“Marea de septiembre” is the slowest song on the album. What is it about?')),
        p(
          'The storm in 2019. My aunt’s house in Punta Brava lost its roof, and we spent a week sleeping on cots in the school gym. I didn’t want to write a sad song. I wanted to write about the neighbor who brought a generator and played boleros every night so the kids would sleep.',
        ),
        h2('On the band and the city'),
        p(
          b(
            'Orquesta Malecón has had more than forty members over the years. How do you hold it together?',
          ),
        ),
        p(
          'Food and fear. I feed everybody on Sundays, and they are all a little afraid of me. Honestly, the city holds it together. There is always another wedding, another saint’s day, another reason to play.',
        ),
        p(b('What should people expect at the release concert?')),
        p(
          'Bring shoes you can dance in. We will play the whole album in order, then whatever the plaza asks for. And it is free, because the people who taught me this music could never afford the tickets.',
        ),
        p(
          'The release concert is Saturday at 8 p.m. at the Plaza de la Aduana. Find more music coverage in our ',
          link('Culture section', '/en/culture/'),
          '.',
        ),
      ),
    },
    es: {
      headline: 'Rosa Ibarguen: sal, cobre y un disco grabado en un galpón de redes',
      dek: 'La directora de la Orquesta Malecón habla de su nuevo álbum, de componer en dos idiomas y de por qué el malecón es el mejor estudio de Puerto Claro.',
      slug: 'entrevista-rosa-ibarguen-sal-y-cobre',
      body: doc(
        p(
          'Desde hace quince años, ',
          b('Rosa Ibarguen'),
          ' dirige la Orquesta Malecón en bodas, fiestas patronales y funciones hasta la madrugada en la plaza de la Aduana. ',
          i('Sal y cobre'),
          ', el primer disco de larga duración de la banda en siete años, es una mezcla inquieta de cumbia, ritmos de bomba y arreglos de jazz con mucho metal, cantada en español y en inglés. Conversó con La Marea una semana antes del concierto de lanzamiento. La entrevista fue editada y resumida.',
        ),
        p(
          b(
            'Grabaron el disco en un antiguo galpón de redes del malecón. ¿Por qué no en un estudio?',
          ),
        ),
        p(
          'Primero probamos en un estudio. Todo sonaba limpio y muerto. El galpón era de una familia de pescadores para la que trabajaba mi papá, y tiene un piso de madera que suena como un tambor. En dos canciones se oyen las gaviotas. Las dejamos. Estaban afinadas.',
        ),
        p(b('¿De dónde sale el título?')),
        p(
          'La sal es la bahía, claro. El cobre son los metales de la orquesta, y también los techos de la vieja conservera, que se pusieron verdes cuando yo era niña. Todo el disco habla de cosas que cambian de color cuando el mar las toca. A la gente también le pasa.',
        ),
        quote(
          'Yo no traduzco mis canciones. Si una canción llega en inglés, se queda en inglés. Puerto Claro tampoco se traduce a sí mismo.',
          'Rosa Ibarguen, directora de la Orquesta Malecón',
        ),
        h2('Componer en dos idiomas'),
        p(b('Un tercio de las canciones está en inglés. ¿Cómo lo decide?')),
        p(
          'No lo decido yo, lo decide la canción. Mi mamá me cantaba en español y mis amigos se burlaban de mí en inglés, así que hay sentimientos que para mí solo existen en uno de los dos. Si una frase me llega en inglés, ahí se queda. Los músicos se quejan porque en vivo tienen que aprenderse la letra dos veces.',
        ),
        p(b('“Marea de septiembre” es la canción más lenta del disco. ¿De qué trata?')),
        p(
          'De la tormenta de 2019. La casa de mi tía en Punta Brava se quedó sin techo y pasamos una semana durmiendo en catres en el gimnasio de la escuela. No quería escribir una canción triste. Quería escribir sobre el vecino que trajo un generador y ponía boleros todas las noches para que los niños se durmieran.',
        ),
        h2('La orquesta y la ciudad'),
        p(
          b('Por la Orquesta Malecón han pasado más de cuarenta músicos. ¿Cómo la mantiene unida?'),
        ),
        p(
          'Con comida y con miedo. Los domingos les doy de comer a todos, y todos me tienen un poquito de miedo. En serio, la que la mantiene unida es la ciudad. Siempre hay otra boda, otro santo, otra razón para tocar.',
        ),
        p(b('¿Qué puede esperar el público del concierto de lanzamiento?')),
        p(
          'Que traiga zapatos para bailar. Vamos a tocar el disco completo, en orden, y después lo que pida la plaza. Y es gratis, porque la gente que me enseñó esta música nunca habría podido pagar una entrada.',
        ),
        p(
          'El concierto es el sábado a las 8 p. m. en la plaza de la Aduana. Encuentre más música en nuestra sección ',
          link('Cultura', '/es/cultura/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'cannery-night-market',
    section: 'culture',
    type: 'news',
    authors: ['marisol-echeverria', 'tomas-whitfield'],
    tags: ['food', 'small-business'],
    leadImage: 'night-market',
    publishedHoursAgo: 120,
    en: {
      headline: 'Cannery District night market returns with 80 vendors and a new late-night bus',
      dek: 'After a year off for street repairs, the weekend market is back on Calle Conservera, bigger and with stricter rules on noise and trash.',
      slug: 'cannery-district-night-market-returns',
      body: doc(
        p(
          'The smell of grilled corn and charcoal will drift over ',
          b('Calle Conservera'),
          ' again this Friday, when the Cannery District night market reopens after a year-long pause for sewer and street repairs.',
        ),
        p(
          'The market will run on Friday and Saturday evenings from 6 p.m. to midnight through October, with more than 80 vendors spread across four blocks between the old cannery and the waterfront. Before the pause it had about 55.',
        ),
        h2('Who is selling'),
        p(
          'Organizers say about two-thirds of this year’s vendors are food stalls, and about half are run by people who live within a mile of the market. The rest sell crafts, plants, used records and clothing. Among the returning favorites:',
        ),
        bullets(
          'Empanadas Doña Chela, whose line regularly stretched past the corner before the pause.',
          'The Parrilla Mar Chica, grilling fish bought the same morning at the San Telmo docks.',
          'A new stall from students at Las Dunas High’s culinary program, selling pastelitos to raise money for a trip to a state competition.',
        ),
        p(
          'Stall fees start at $40 a night, and the merchants association set aside ten spots at half price for first-time vendors.',
        ),
        quote(
          'This market is where a lot of people in this city find out whether their grandmother’s recipe can pay the rent. We wanted to make the first step cheaper.',
          'Felipe Navarro, president of the Cannery District Merchants Association',
        ),
        h2('New rules for a bigger crowd'),
        p(
          'Not everyone on the surrounding blocks missed the market. Residents of the apartments above Calle Conservera complained for years about amplified music past midnight and overflowing trash cans on Sunday mornings.',
        ),
        p(
          'Under a new permit agreement with the city, amplified music must end at 11 p.m., vendors must pack out their own trash, and the merchants association will pay for a cleaning crew that starts at 12:30 a.m. A neighbor liaison will answer a phone line during market hours.',
        ),
        p(
          'Puerto Claro Transit will also add a ',
          i('late-night bus'),
          ' on Route 3 between the market and Alto Verde, with the last departure at 12:40 a.m., for as long as the market runs.',
        ),
        h2('What it means for the district'),
        p(
          'For businesses with a permanent address, the market matters well beyond the weekend. Several bars and restaurants on the street said weekend sales fell by a quarter or more while the market was closed. “People come for a taco and stay for dinner,” said Irene Balboa, who owns the café on the corner of Calle Conservera and Calle Faro.',
        ),
        p(
          'Find our picks for the opening weekend in the ',
          link('Culture section', '/en/culture/'),
          '.',
        ),
      ),
    },
    es: {
      headline:
        'Vuelve el mercado nocturno de La Conservera, con 80 puestos y un autobús de madrugada',
      dek: 'Tras un año cerrado por obras, el mercado de fin de semana regresa a la calle Conservera, más grande y con reglas más estrictas sobre ruido y basura.',
      slug: 'vuelve-mercado-nocturno-la-conservera',
      body: doc(
        p(
          'El olor a maíz asado y a carbón volverá a llenar la ',
          b('calle Conservera'),
          ' este viernes, cuando el mercado nocturno del barrio de La Conservera reabra después de un año cerrado por obras de drenaje y repavimentación.',
        ),
        p(
          'El mercado funcionará los viernes y sábados de 6 p. m. a medianoche hasta octubre, con más de 80 puestos repartidos en cuatro cuadras entre la antigua fábrica de conservas y el malecón. Antes del cierre tenía unos 55.',
        ),
        h2('Quién vende'),
        p(
          'Según los organizadores, unos dos tercios de los puestos de este año son de comida, y cerca de la mitad los atienden personas que viven a menos de dos kilómetros del mercado. El resto vende artesanías, plantas, discos usados y ropa. Entre los favoritos que regresan:',
        ),
        bullets(
          'Empanadas Doña Chela, cuya fila solía doblar la esquina antes del cierre.',
          'La Parrilla Mar Chica, que asa pescado comprado esa misma mañana en los muelles de San Telmo.',
          'Un puesto nuevo de los estudiantes del programa de cocina de la secundaria de Las Dunas, que venden pastelitos para pagar el viaje a una competencia estatal.',
        ),
        p(
          'Un puesto cuesta desde 40 dólares por noche, y la asociación de comerciantes reservó diez lugares a mitad de precio para quienes venden por primera vez.',
        ),
        quote(
          'En este mercado mucha gente de la ciudad descubre si la receta de su abuela alcanza para pagar el alquiler. Quisimos que ese primer paso saliera más barato.',
          'Felipe Navarro, presidente de la Asociación de Comerciantes de La Conservera',
        ),
        h2('Reglas nuevas para más público'),
        p(
          'No todos los vecinos extrañaron el mercado. Quienes viven en los apartamentos de la calle Conservera se quejaron durante años de la música amplificada pasada la medianoche y de los botes de basura desbordados los domingos por la mañana.',
        ),
        p(
          'Con el nuevo permiso acordado con la ciudad, la música amplificada debe terminar a las 11 p. m., cada puesto se lleva su propia basura y la asociación de comerciantes pagará una cuadrilla de limpieza que empezará a las 12:30 a. m. Además, habrá una línea telefónica atendida durante el horario del mercado para recibir las quejas de los vecinos.',
        ),
        p(
          'Mientras dure la temporada, Tránsito de Puerto Claro sumará un ',
          i('autobús de madrugada'),
          ' en la ruta 3, entre el mercado y Alto Verde, con última salida a las 12:40 a. m.',
        ),
        h2('Lo que significa para el barrio'),
        p(
          'Para los negocios con local fijo, el mercado pesa mucho más allá del fin de semana. Varios bares y restaurantes de la calle dijeron que sus ventas de sábado y domingo cayeron una cuarta parte o más mientras estuvo cerrado. “La gente viene por un taco y se queda a cenar”, resumió Irene Balboa, dueña del café de la esquina de Conservera y Faro.',
        ),
        p(
          'Nuestras recomendaciones para el fin de semana de reapertura están en la sección ',
          link('Cultura', '/es/cultura/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'voces-del-barrio-archive',
    section: 'culture',
    type: 'news',
    authors: ['marisol-echeverria'],
    tags: ['history'],
    publishedHoursAgo: 300,
    es: {
      headline:
        'La Biblioteca Central abre un archivo con 300 testimonios de las obreras de la conservera',
      dek: 'El proyecto Voces del Barrio grabó durante tres años a extrabajadoras de la fábrica de sardinas y a sus familias. Las grabaciones ya pueden escucharse en sala y en línea.',
      slug: 'biblioteca-central-archivo-voces-del-barrio',
      body: doc(
        p(
          'Durante casi un siglo, el silbato de la fábrica de conservas marcó el ritmo del barrio que hoy lleva su nombre. Desde esta semana, las voces de quienes trabajaron ahí también tienen un lugar propio: la ',
          b('Biblioteca Central Amparo Lozano'),
          ' abrió al público un archivo con más de 300 testimonios grabados de extrabajadoras de la conservera y de sus familias.',
        ),
        p(
          'El proyecto, llamado ',
          i('Voces del Barrio'),
          ', empezó hace tres años con una grabadora prestada y una lista de doce nombres. Hoy reúne más de 400 horas de entrevistas, en su mayoría en español, además de fotografías familiares, recibos de sueldo y hasta un manual de seguridad de 1958 que una de las entrevistadas guardaba en una caja de zapatos.',
        ),
        h2('Las mujeres de la línea de empaque'),
        p(
          'La fábrica, que cerró en 1994, llegó a emplear a más de 1,100 personas en su mejor época, y la gran mayoría eran mujeres que trabajaban en la línea de empaque. Muchas habían llegado a Puerto Claro desde pueblos pesqueros del Caribe y de Centroamérica, y varias empezaron a trabajar antes de cumplir los dieciséis años.',
        ),
        p(
          'En las grabaciones hablan de turnos de doce horas con las manos en agua helada, de la huelga de 1971, que duró 43 días, y de la guardería que las propias obreras organizaron en un galpón porque la empresa no quiso hacerlo. También hablan de bailes, de noviazgos y de la radio que sonaba a todo volumen sobre la línea.',
        ),
        quote(
          'Nadie les había preguntado nunca. Algunas llegaron diciendo que no tenían nada interesante que contar, y se quedaron hablando cuatro horas.',
          'Gloria Benítez, archivista de la Biblioteca Central y coordinadora del proyecto',
        ),
        h2('Cómo escuchar el archivo'),
        p(
          'Las grabaciones pueden escucharse en la sala de historia local del segundo piso, de martes a sábado, y la mayoría también está disponible en el sitio web de la biblioteca. Algunas entrevistas quedarán restringidas durante diez años a pedido de las familias.',
        ),
        p(
          'Cada testimonio tiene una transcripción en español y un resumen en inglés, preparados por un equipo de voluntarios en el que participaron estudiantes de la Universidad de Bahía Clara y nietos de las propias entrevistadas.',
        ),
        h3('Una exposición en otoño'),
        p(
          'La biblioteca prepara para el otoño una exposición con fragmentos de audio, fotografías y objetos donados, que se instalará en el vestíbulo de la antigua fábrica, hoy convertida en centro cultural. La entrada será gratuita.',
        ),
        p(
          'Benítez contó que el archivo sigue abierto a nuevas voces. Las familias que quieran aportar un testimonio o documentos pueden pedir una cita en el mostrador de historia local o escribir a la biblioteca. “Cada mes se nos va alguien que estuvo ahí”, dijo. “No hay tiempo que perder”.',
        ),
        p(
          'Lea más sobre la historia del barrio en nuestra sección ',
          link('Cultura', '/es/cultura/'),
          '.',
        ),
      ),
    },
  },
];
