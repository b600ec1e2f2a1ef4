/** Demo stories for the Climate / Clima section. All people, places and quotes are fictional. */
import { b, bullets, doc, h2, h3, i, link, p, quote } from '../../content/body-builders.js';
import type { DemoStory } from '../demo-content-types.js';

export const climateStories: DemoStory[] = [
  {
    key: 'punta-brava-king-tide',
    section: 'climate',
    type: 'news',
    authors: ['daniel-okafor-reyes'],
    tags: ['flooding'],
    leadImage: 'punta-brava-rain',
    publishedHoursAgo: 3,
    updatedHoursAgo: 1,
    en: {
      headline: 'King tide floods Punta Brava streets as city tests new backflow valves',
      dek: 'Tuesday’s high tide pushed seawater up through storm drains across the neighborhood. New valves kept two streets dry but not a third.',
      slug: 'king-tide-floods-punta-brava-valves',
      body: doc(
        p(
          'Seawater bubbled up through storm drains across ',
          b('Punta Brava'),
          ' on Tuesday morning as one of the year’s highest tides pushed into Bahía Clara, flooding streets to curb height for about three hours.',
        ),
        p(
          'The tide peaked at 9:42 a.m., 2.1 feet above the typical daily high, according to the city’s gauge at Muelle Central. Very little rain fell. So-called ',
          i('king tides'),
          ', the highest of the year, happen when the moon’s orbit brings it closest to Earth and it lines up with the sun, and they are becoming more disruptive as the sea rises.',
        ),
        h2('A first test for the valves'),
        p(
          'The flooding was the first real test of six one-way backflow valves the city installed last month in storm drains along Calle Mar Chica, Calle Gaviota and Avenida Punta Brava. The valves let rainwater drain out to the bay but are designed to close when the tide pushes back in.',
        ),
        p(
          'On Calle Mar Chica and Calle Gaviota, they appeared to work. Residents said those streets stayed largely dry during a king tide for the first time in years. On Avenida Punta Brava, however, water rose through a drain just upstream of the valve, where an older pipe joins the system.',
        ),
        quote(
          'Two out of three is a passing grade for a pilot. It is not a passing grade for the people who live on the third street, and we know that.',
          'Noemí Arrieta, chief resilience officer of Puerto Claro',
        ),
        p(
          'Arrieta said crews would inspect the connection this week. If the pilot holds up, the city plans to install valves at 40 more outfalls over the next two years, at roughly $85,000 each.',
        ),
        h2('Residents count the damage'),
        p(
          'Alberto Cienfuegos, who has run a tire shop on Avenida Punta Brava for 17 years, spent the morning moving stock onto pallets. He said the shop flooded four times last year, every time on a sunny day.',
        ),
        p(
          '“Everyone talks about hurricanes,” Cienfuegos said. “The hurricane comes once. This comes every month now.”',
        ),
        p(
          'The city said no homes reported water inside, but several cars parked along the avenue were flooded up to the wheel wells, and the Route 14 bus was detoured for most of the morning.',
        ),
        h2('What to do during the next king tide'),
        p(
          'Two more high tides are expected on Wednesday and Thursday mornings, though slightly lower than Tuesday’s. The city recommends that residents of low-lying blocks:',
        ),
        bullets(
          'Move cars to higher ground the night before, including the free lot at the Punta Brava Recreation Center.',
          'Avoid walking or driving through standing water, which can hide open drains and carry sewage.',
          'Report flooding through the 311 line or app, which helps crews map exactly where the water comes up.',
        ),
        p(
          'Tide forecasts for the week are posted in our ',
          link('Climate section', '/en/climate/'),
          '.',
        ),
      ),
    },
    es: {
      headline:
        'Una marea extraordinaria inunda Punta Brava en plena prueba de las nuevas válvulas',
      dek: 'El agua de mar subió el martes por los desagües de todo el barrio. Las válvulas recién instaladas protegieron dos calles, pero no una tercera.',
      slug: 'marea-extraordinaria-inunda-punta-brava',
      body: doc(
        p(
          'El agua de mar brotó el martes por la mañana por los desagües pluviales de ',
          b('Punta Brava'),
          ' cuando una de las mareas más altas del año entró en Bahía Clara y dejó las calles inundadas hasta el bordillo durante unas tres horas.',
        ),
        p(
          'La marea alcanzó su punto máximo a las 9:42 a. m., 2.1 pies (unos 64 centímetros) por encima de la pleamar habitual, según el mareógrafo municipal del Muelle Central. Apenas llovió. Estas ',
          i('mareas extraordinarias'),
          ', conocidas en inglés como ',
          i('king tides'),
          ', se producen cuando la Luna pasa por el punto de su órbita más cercano a la Tierra y se alinea con el Sol, y cada vez causan más problemas a medida que sube el nivel del mar.',
        ),
        h2('La primera prueba de fuego'),
        p(
          'La inundación fue la primera prueba real de seis válvulas antirretorno que la ciudad instaló el mes pasado en los desagües de la calle Mar Chica, la calle Gaviota y la avenida Punta Brava. Las válvulas dejan salir el agua de lluvia hacia la bahía, pero deben cerrarse cuando la marea empuja en sentido contrario.',
        ),
        p(
          'En Mar Chica y Gaviota parecieron funcionar: los vecinos dijeron que, por primera vez en años, esas calles se mantuvieron casi secas durante una marea de este tipo. En la avenida Punta Brava, en cambio, el agua subió por una alcantarilla situada justo antes de la válvula, donde una tubería antigua se conecta con el sistema.',
        ),
        quote(
          'Dos de tres es una nota aprobatoria para un plan piloto. No lo es para la gente que vive en la tercera calle, y lo sabemos.',
          'Noemí Arrieta, directora de resiliencia de Puerto Claro',
        ),
        p(
          'Arrieta informó que las cuadrillas revisarán la conexión esta semana. Si el piloto da resultado, la ciudad prevé instalar válvulas en otras 40 salidas de desagüe durante los próximos dos años, a un costo aproximado de 85,000 dólares cada una.',
        ),
        h2('Los vecinos hacen cuentas'),
        p(
          'Alberto Cienfuegos, que tiene un taller de llantas en la avenida Punta Brava desde hace 17 años, pasó la mañana subiendo mercancía a tarimas. Contó que el local se inundó cuatro veces el año pasado, siempre en días de sol.',
        ),
        p(
          '“Todo el mundo habla de huracanes”, dijo Cienfuegos. “El huracán viene una vez. Esto ahora viene todos los meses”.',
        ),
        p(
          'La ciudad indicó que ninguna vivienda reportó agua adentro, aunque varios autos estacionados en la avenida quedaron con el agua a la altura de las ruedas y la ruta 14 de autobús tuvo que desviarse buena parte de la mañana.',
        ),
        h2('Qué hacer en la próxima marea alta'),
        p(
          'Se esperan otras dos mareas altas el miércoles y el jueves por la mañana, algo más bajas que la del martes. La ciudad recomienda a quienes viven en las cuadras bajas:',
        ),
        bullets(
          'Mover los autos a zonas altas la noche anterior; el estacionamiento del Centro Recreativo de Punta Brava es gratuito.',
          'No caminar ni manejar por el agua estancada, que puede ocultar alcantarillas abiertas y arrastrar aguas negras.',
          'Reportar las inundaciones a la línea 311 o por la aplicación, para que las cuadrillas sepan exactamente por dónde sube el agua.',
        ),
        p(
          'El pronóstico de mareas de la semana está en nuestra sección ',
          link('Clima', '/es/clima/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'alto-verde-heat-analysis',
    section: 'climate',
    type: 'analysis',
    authors: ['daniel-okafor-reyes'],
    tags: ['heat', 'housing'],
    leadImage: 'alto-verde-sun',
    publishedHoursAgo: 96,
    en: {
      headline: 'Why Alto Verde runs hotter than the rest of Puerto Claro',
      dek: 'Fewer trees, more asphalt and older homes without central air add up to the city’s hottest afternoons. The fix is known, but it will take years.',
      slug: 'why-alto-verde-runs-hotter',
      body: doc(
        p(
          'On the afternoon of last August’s hottest day, a sensor bolted to a light pole on Calle Once in ',
          b('Alto Verde'),
          ' recorded an air temperature of 101 degrees. At the same moment, an identical sensor in Jardines del Norte, four miles away, read 94.',
        ),
        p(
          'That seven-degree gap is not a fluke. It shows up, day after day, in a year of readings collected by researchers at Universidad de Bahía Clara, who placed 60 sensors across the city. The data, shared with La Marea ahead of publication, helps explain something Alto Verde residents already knew: their neighborhood is the hottest place in Puerto Claro, and it cools down the least at night.',
        ),
        h2('Counting the shade'),
        p(
          'The clearest difference is trees. Tree canopy covers about ',
          b('9 percent'),
          ' of Alto Verde, according to the city’s own aerial survey, compared with 38 percent in Jardines del Norte. Where there is no shade, sun falls on asphalt and roofs that absorb heat all day.',
        ),
        p(
          'Alto Verde also has more of that pavement. The neighborhood grew up around the old rail yards and warehouse district, and much of its land is still parking lots, truck depots and wide streets built for freight.',
        ),
        quote(
          'Heat is not spread evenly across a city. It follows decisions about where to plant trees and where to pour asphalt, and some of those decisions are eighty years old.',
          'Samuel Achebe-Flores, urban climate researcher at Universidad de Bahía Clara',
        ),
        h2('Heat that stays at night'),
        p(
          'The most dangerous part may come after sunset. The researchers found that Alto Verde’s streets stayed above 85 degrees until after midnight on 41 nights last summer. In Jardines del Norte, that happened on 12.',
        ),
        p(
          'Nights matter because they are when bodies recover. And in Alto Verde, many homes are older wood-frame houses and small apartment buildings with window units or no air conditioning at all. Esperanza Vidal, 71, said she sleeps on a cot in her kitchen in July, the only room with a fan that reaches the bed. “The walls give back the heat all night,” she said.',
        ),
        p(
          'County data show that emergency room visits for heat illness from Alto Verde’s ZIP code ran at roughly twice the city rate over the past three summers.',
        ),
        h2('What would help, and how fast'),
        p(
          'The city’s ',
          i('Shade Puerto Claro'),
          ' program has planted about 1,200 trees in Alto Verde since 2021. But young trees take a decade or more to cast real shade, and roughly one in four planted on hot, narrow sidewalks has died.',
        ),
        h3('Faster fixes'),
        p(
          'Researchers point to quicker measures that work alongside trees: reflective coatings on roofs and parking lots, shade structures at bus stops, and help paying for efficient air conditioning and electricity bills. Several are on this year’s participatory budget ballot. None, on its own, will close a seven-degree gap.',
        ),
        p(
          'Read more of our reporting on heat in the ',
          link('Climate section', '/en/climate/'),
          '.',
        ),
      ),
    },
    es: {
      headline: 'Por qué Alto Verde es más caluroso que el resto de Puerto Claro',
      dek: 'Menos árboles, más asfalto y viviendas viejas sin aire acondicionado central explican las tardes más calurosas de la ciudad. La solución se conoce, pero tardará años.',
      slug: 'por-que-alto-verde-es-mas-caluroso',
      body: doc(
        p(
          'La tarde del día más caluroso del pasado agosto, un sensor atornillado a un poste de la calle Once, en ',
          b('Alto Verde'),
          ', marcó 101 grados Fahrenheit (38 °C). En ese mismo momento, un sensor idéntico en Jardines del Norte, a unos seis kilómetros, registraba 94 (34 °C).',
        ),
        p(
          'Esa diferencia no es casualidad. Se repite día tras día en un año de mediciones recogidas por investigadores de la Universidad de Bahía Clara, que instalaron 60 sensores por toda la ciudad. Los datos, que compartieron con La Marea antes de publicarlos, confirman lo que los vecinos de Alto Verde ya sabían: su barrio es el más caluroso de Puerto Claro y el que menos se refresca de noche.',
        ),
        h2('La sombra que falta'),
        p(
          'La diferencia más evidente son los árboles. Según el propio levantamiento aéreo de la ciudad, la copa de los árboles cubre apenas ',
          b('9 %'),
          ' de Alto Verde, frente a 38 % en Jardines del Norte. Donde no hay sombra, el sol cae sobre asfalto y techos que absorben calor todo el día.',
        ),
        p(
          'Además, en Alto Verde hay más pavimento. El barrio creció alrededor de los antiguos patios ferroviarios y la zona de bodegas, y buena parte de su suelo sigue ocupada por estacionamientos, depósitos de camiones y calles anchas pensadas para la carga.',
        ),
        quote(
          'El calor no se reparte igual en una ciudad. Sigue las decisiones sobre dónde plantar árboles y dónde echar asfalto, y algunas de esas decisiones tienen ochenta años.',
          'Samuel Achebe-Flores, investigador de clima urbano de la Universidad de Bahía Clara',
        ),
        h2('Un calor que no se va de noche'),
        p(
          'Lo más peligroso quizá llegue después de la puesta del sol. Los investigadores comprobaron que las calles de Alto Verde se mantuvieron por encima de 85 °F (29 °C) hasta pasada la medianoche durante 41 noches del verano pasado. En Jardines del Norte ocurrió 12 veces.',
        ),
        p(
          'Las noches importan porque es cuando el cuerpo se recupera. Y en Alto Verde muchas viviendas son casas viejas de madera o edificios pequeños con aires acondicionados de ventana, o sin ninguno. Esperanza Vidal, de 71 años, cuenta que en julio duerme en un catre en la cocina, el único cuarto donde el ventilador alcanza la cama. “Las paredes devuelven el calor toda la noche”, dice.',
        ),
        p(
          'Según datos del condado, las visitas a urgencias por enfermedades relacionadas con el calor en el código postal de Alto Verde duplicaron aproximadamente la tasa de la ciudad en los últimos tres veranos.',
        ),
        h2('Qué ayudaría, y en cuánto tiempo'),
        p(
          'El programa municipal ',
          i('Sombra Puerto Claro'),
          ' ha plantado unos 1,200 árboles en Alto Verde desde 2021. Pero un árbol joven tarda una década o más en dar sombra de verdad, y cerca de uno de cada cuatro de los plantados en aceras estrechas y calientes se ha secado.',
        ),
        h3('Soluciones más rápidas'),
        p(
          'Los investigadores señalan medidas más inmediatas que pueden acompañar a los árboles: pinturas reflectantes en techos y estacionamientos, techos de sombra en las paradas de autobús y ayudas para comprar equipos de aire acondicionado eficientes y pagar la factura de la luz. Varias figuran en la boleta del presupuesto participativo de este año. Ninguna, por sí sola, borrará una diferencia de siete grados.',
        ),
        p(
          'Lea más de nuestra cobertura sobre el calor en la sección ',
          link('Clima', '/es/clima/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'san-telmo-mangroves-column',
    section: 'climate',
    type: 'opinion',
    authors: ['lucia-fernandez'],
    tags: ['flooding', 'city-hall'],
    leadImage: 'estero-mangroves',
    publishedHoursAgo: 140,
    es: {
      headline: 'Los manglares del estero San Telmo valen más que otro kilómetro de muro',
      dek: 'La ciudad quiere prolongar el malecón de concreto hacia el sur. Antes de votar, el concejo debería mirar lo que el estero ya hace gratis.',
      slug: 'manglares-san-telmo-valen-mas-que-un-muro',
      body: doc(
        p(
          'De niña, mi abuelo me llevaba en su bote de remos por los canales del ',
          b('estero San Telmo'),
          '. Me enseñó a reconocer las raíces del mangle rojo, esas patas arqueadas que parecen caminar sobre el agua, y me dijo algo que entonces no entendí: “Ahí adentro se cría todo lo que nos comemos”.',
        ),
        p(
          'Me acordé de él la semana pasada, cuando la alcaldía presentó al concejo el proyecto para prolongar 1.2 kilómetros el malecón de concreto, desde Punta Brava hasta el borde del estero. El costo estimado ronda los 74 millones de dólares. El diseño preliminar contempla rellenar parte de la orilla donde hoy crece el manglar.',
        ),
        p('Creo que es un error, y no por nostalgia. Creo que es un error de cálculo.'),
        h2('Lo que el manglar ya hace'),
        p(
          'Un bosque de manglar sano frena el oleaje de las tormentas antes de que llegue a las casas, atrapa sedimento y crece en altura a medida que sube el mar, algo que ningún muro sabe hacer. También es vivero de camarones, pargos y jaibas, el sustento de las lanchas que todavía salen cada madrugada del muelle de San Telmo.',
        ),
        p(
          'Un muro, en cambio, refleja la energía de las olas hacia los lados y hacia el fondo. Con los años, erosiona la playa que tiene enfrente y obliga a reforzarlo una y otra vez. Y cuando el mar lo supere, porque el mar siempre termina por superarlos, no habrá nada detrás.',
        ),
        quote(
          'No se trata de elegir entre naturaleza y protección. El manglar es protección, y además se repara solo.',
          'Itzel Ramírez, bióloga marina de la Universidad de Bahía Clara',
        ),
        h2('Lo que le pido al concejo'),
        p(
          'No digo que Punta Brava no necesite defensas. Quien haya visto el agua subir por los desagües este año sabe que sí. Lo que pido es que el concejo no vote el proyecto tal como está y exija, antes, tres cosas:',
        ),
        bullets(
          'Un estudio que compare el muro con una alternativa que combine restauración del manglar y defensas más bajas solo donde hagan falta.',
          'Que ningún diseño rellene la orilla del estero ni corte el paso del agua entre los canales.',
          'Que una parte del dinero se destine a replantar los terrenos de manglar que se perdieron con la ampliación del puerto en los años noventa.',
        ),
        p(
          'Otras ciudades costeras ya han combinado ambas cosas, con diques en las zonas más expuestas y humedales restaurados en las demás, y han gastado menos en mantenimiento. No hay motivo para que Puerto Claro no lo intente.',
        ),
        p(
          'El concejo tiene previsto debatir el proyecto el mes próximo. Invito a los vecinos de Punta Brava y San Telmo a que vayan a la audiencia y pregunten, con números, ',
          i('qué se pierde'),
          ' además de lo que se gana. Mi abuelo ya no está para decirlo, pero lo sigo creyendo: ahí adentro se cría todo lo que nos comemos.',
        ),
        p(
          i(
            'Lucía Fernández es reportera y columnista de La Marea. Lea otras columnas en la sección ',
          ),
          link(i('Clima'), '/es/clima/'),
          i('.'),
        ),
      ),
    },
  },
  {
    key: 'school-heat-rules',
    section: 'climate',
    type: 'news',
    authors: ['daniel-okafor-reyes'],
    tags: ['heat', 'schools'],
    leadImage: 'stadium-heat',
    publishedHoursAgo: 200,
    en: {
      headline:
        'Puerto Claro schools move practices to dawn and open cooling rooms as heat season starts early',
      dek: 'New district rules tie outdoor activity to the heat index, and every campus must have at least one air-conditioned room open after class.',
      slug: 'schools-heat-rules-cooling-rooms',
      body: doc(
        p(
          'Puerto Claro’s public schools will cancel or move outdoor practices and recess whenever the ',
          b('heat index'),
          ' reaches 103 degrees, under rules the school board approved Monday night as the city logged its earliest 95-degree day on record.',
        ),
        p(
          'The policy replaces a patchwork in which each principal and coach decided when it was too hot to be outside. It applies to recess, physical education, marching band and every school sport, from middle school soccer to varsity football.',
        ),
        h2('What changes on campus'),
        p(
          'Under the new rules, each school must check the heat index with a wet-bulb thermometer or the district’s weather app at least every hour during outdoor activities. At 95 degrees, students get mandatory water breaks every 20 minutes and football players practice without pads. At 103 and above, outdoor activity stops or moves indoors, or to before 8 a.m. or after 6 p.m.',
        ),
        p(
          'Every campus must also keep at least one air-conditioned room open as a ',
          i('cooling room'),
          ' for an hour after dismissal, so students who walk home or wait for a late bus have somewhere to go. Most schools will use the library or cafeteria.',
        ),
        quote(
          'A child should never have to choose between finishing practice and feeling safe. We would rather lose a practice than a student.',
          'Lorraine Espada, superintendent of Puerto Claro Unified School District',
        ),
        h2('Coaches adjust'),
        p(
          'Kevin Marrero, the district’s athletic director, said several high school football teams had already moved preseason practices to 6 a.m. last summer. Now every team will need a plan for heat days, including an indoor space or a shaded area with ice tubs on the sideline.',
        ),
        p(
          'Not everyone welcomed the change. A handful of parents told the board that early practices are hard for families who drive their children, and that students who hold after-school jobs may have to choose between work and sports.',
        ),
        p(
          'Marrero said the district would add two early-morning bus runs for athletes at Alto Verde High and Las Dunas High, the campuses with the fewest students who have a car at home.',
        ),
        h2('An older problem in older buildings'),
        p(
          'The rules do not address the problem many teachers raised first: classrooms that get too hot to learn in. Eleven of the district’s 48 schools still have at least one wing without central air conditioning, according to a facilities report presented in March.',
        ),
        p(
          'The district expects to finish replacing those systems by 2028, paid for with bond money. Until then, Espada said, schools will move classes to cooler rooms on the hottest afternoons and send home daily notices in English and Spanish when heat rules are in effect.',
        ),
        p(
          'We will keep tracking the heat season in our ',
          link('Climate section', '/en/climate/'),
          '.',
        ),
      ),
    },
  },
];
