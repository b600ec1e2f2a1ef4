/** Demo stories for the City / Ciudad section. All people, places and quotes are fictional. */
import {
  b,
  bullets,
  doc,
  h2,
  h3,
  i,
  link,
  numbered,
  p,
  quote,
  rule,
} from '../../content/body-builders.js';
import type { DemoStory } from '../demo-content-types.js';

export const cityStories: DemoStory[] = [
  {
    key: 'bahia-ferry-approved',
    section: 'city',
    type: 'news',
    authors: ['lucia-fernandez'],
    tags: ['transit', 'city-hall'],
    leadImage: 'ferry-bay',
    publishedHoursAgo: 6,
    updatedHoursAgo: 2,
    en: {
      headline: 'Council approves Bahía ferry linking Las Dunas to downtown',
      dek: 'The 7–2 vote clears the way for a 20-minute crossing that Las Dunas residents have sought for a decade. Service could start next spring.',
      slug: 'council-approves-bahia-ferry-las-dunas',
      body: doc(
        p(
          'After a decade of petitions, two failed grant applications and one memorable public hearing that ran past 2 a.m., Puerto Claro’s City Council voted 7–2 on Thursday night to fund a passenger ferry between ',
          b('Las Dunas'),
          ' and the downtown waterfront.',
        ),
        p(
          'The service, to be called the Línea Bahía, would carry riders across Bahía Clara from a rebuilt pier at the end of Avenida del Faro to Muelle Central in about 20 minutes. The same trip by bus takes 55 minutes on a good day, and more than an hour when the Río Manso drawbridge is up.',
        ),
        p(
          'The $38 million plan relies on a state coastal transportation grant and a federal ferry award for most of the cost. The city’s share, about $6.2 million, will come from transit bonds that voters approved in 2019.',
        ),
        h2('What riders can expect'),
        p(
          'Puerto Claro Transit says it will buy two 149-passenger boats and run them every 30 minutes during weekday rush hours and every hour at midday and on weekends. Fares would match the bus at ',
          b('$2.75'),
          ', with free transfers and the same discounts for students, seniors and riders with disabilities.',
        ),
        p(
          'Jenna Castellanos, the agency’s general manager, told the council that the first boat could be in service by late spring if the shipyard meets its delivery schedule. The second would follow in the summer.',
        ),
        quote(
          'For people in Las Dunas, the bay has always been the thing between them and their jobs. Now it becomes the way to get there.',
          'Jenna Castellanos, general manager of Puerto Claro Transit',
        ),
        h2('Who voted no, and why'),
        p(
          'Council members Héctor Villamil and Rebecca Strand voted against the plan. Both said they supported a ferry in principle but worried about operating costs once the grants run out. The agency estimates the line will cost $3.4 million a year to run and that fares will cover about a quarter of that.',
        ),
        p(
          '“We are very good at cutting ribbons in this city,” Villamil said. “We are less good at paying the bills five years later.”',
        ),
        p(
          'Council member Marcus Bell, who represents Las Dunas, said the ferry would do more than save time. About one in five households in the neighborhood do not own a car, according to census estimates, and many residents work night shifts at the hospital and the port, when buses run less often.',
        ),
        p(
          'Bell also won an amendment requiring the agency to report ridership to the council every quarter for the first two years, with a public hearing if ridership falls below ',
          i('half'),
          ' of projections.',
        ),
        h2('What happens next'),
        p(
          'The agency will open bidding for the pier reconstruction next month. Residents can comment on the proposed schedule at two open houses, one at the Las Dunas Community Center and one at the Biblioteca Central downtown. Dates will be posted on the agency’s website. Follow our coverage in the ',
          link('City section', '/en/city/'),
          '.',
        ),
      ),
    },
    es: {
      headline: 'El concejo aprueba el ferry que unirá Las Dunas con el centro',
      dek: 'Por siete votos contra dos, Puerto Claro financiará un cruce de 20 minutos por la bahía que los vecinos de Las Dunas piden desde hace una década.',
      slug: 'concejo-aprueba-ferry-las-dunas-centro',
      body: doc(
        p(
          'Diez años de firmas, dos solicitudes de fondos rechazadas y una audiencia pública que terminó pasadas las dos de la madrugada desembocaron el jueves por la noche en una votación: por 7 a 2, el Concejo Municipal de Puerto Claro aprobó financiar un ferry de pasajeros entre ',
          b('Las Dunas'),
          ' y el malecón del centro.',
        ),
        p(
          'El servicio, que se llamará Línea Bahía, cruzará Bahía Clara desde un muelle reconstruido al final de la avenida del Faro hasta el Muelle Central en unos 20 minutos. Hoy el mismo trayecto en autobús dura 55 minutos en un buen día, y más de una hora cuando el puente levadizo del río Manso está abierto.',
        ),
        p(
          'El proyecto cuesta 38 millones de dólares y depende, en su mayor parte, de una subvención estatal para transporte costero y de un programa federal de apoyo a los ferris. La parte que pone la ciudad, unos 6.2 millones, saldrá de los bonos de transporte que los votantes aprobaron en 2019.',
        ),
        h2('Cómo funcionará'),
        p(
          'Tránsito de Puerto Claro comprará dos embarcaciones con capacidad para 149 pasajeros cada una. En las horas pico de los días laborables saldrá un barco cada 30 minutos; al mediodía y los fines de semana, uno por hora. El pasaje costará lo mismo que el autobús, ',
          b('2.75 dólares'),
          ', con transbordo gratuito y los mismos descuentos para estudiantes, adultos mayores y personas con discapacidad.',
        ),
        p(
          'Jenna Castellanos, gerente general de la agencia, explicó ante el concejo que el primer barco podría empezar a operar a finales de la primavera si el astillero cumple los plazos de entrega. El segundo llegaría en el verano.',
        ),
        quote(
          'Para la gente de Las Dunas, la bahía siempre ha sido lo que los separa del trabajo. Ahora va a ser el camino para llegar.',
          'Jenna Castellanos, gerente general de Tránsito de Puerto Claro',
        ),
        h2('Los votos en contra'),
        p(
          'Los concejales Héctor Villamil y Rebecca Strand votaron en contra. Ambos dijeron que apoyan la idea de un ferry, pero les preocupa el costo de operación cuando se terminen las subvenciones. La agencia calcula que la línea costará 3.4 millones de dólares al año y que los pasajes cubrirán alrededor de la cuarta parte.',
        ),
        p(
          '“En esta ciudad somos muy buenos para cortar cintas; para pagar las cuentas cinco años después, no tanto”, advirtió Villamil.',
        ),
        p(
          'Marcus Bell, concejal del distrito que incluye Las Dunas, sostuvo que el ferry no solo ahorrará tiempo. Según estimaciones del censo, uno de cada cinco hogares del barrio no tiene automóvil, y muchos vecinos trabajan en turnos nocturnos en el hospital y en el puerto, justo cuando los autobuses pasan con menos frecuencia.',
        ),
        p(
          'Bell consiguió además una enmienda que obliga a la agencia a presentar al concejo las cifras de pasajeros cada trimestre durante los dos primeros años, y a convocar una audiencia pública si el uso cae por debajo de ',
          i('la mitad'),
          ' de lo previsto.',
        ),
        h2('Próximos pasos'),
        p(
          'La agencia abrirá el mes próximo la licitación para reconstruir el muelle. Los vecinos podrán opinar sobre el horario propuesto en dos jornadas informativas: una en el Centro Comunitario de Las Dunas y otra en la Biblioteca Central. Las fechas se publicarán en el sitio web de la agencia. Siga nuestra cobertura en la sección ',
          link('Ciudad', '/es/ciudad/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'barrio-marina-rent-notice',
    section: 'city',
    type: 'news',
    authors: ['lucia-fernandez', 'tomas-whitfield'],
    tags: ['housing', 'city-hall'],
    leadImage: 'marina-rooftops',
    publishedHoursAgo: 30,
    en: {
      headline: 'Barrio Marina rents jump 31% in two years as council weighs 90-day notice rule',
      dek: 'Tenants packed a hearing to back a proposal requiring longer notice before big rent increases. Landlords say it will backfire.',
      slug: 'barrio-marina-rents-council-notice-rule',
      body: doc(
        p(
          'The median asking rent for a two-bedroom apartment in ',
          b('Barrio Marina'),
          ' has climbed 31 percent in two years, to $1,940 a month, according to an analysis of listings by the city’s housing department. Citywide, the increase over the same period was 18 percent.',
        ),
        p(
          'On Tuesday, more than 200 people filled the council chamber and the hallway outside it for the first hearing on an ordinance that would require landlords to give tenants ',
          b('90 days’ written notice'),
          ' before any rent increase above 5 percent. Current city rules require 30 days.',
        ),
        p(
          'The proposal, sponsored by council member Ana Lucía Prieto, whose district includes Barrio Marina, would also require landlords to write the notice in the tenant’s preferred language, English or Spanish, and to include information about the city’s rental assistance program.',
        ),
        h2('Tenants describe sudden increases'),
        p(
          'Most of the 64 people who signed up to speak supported the measure. Several described receiving notices of increases of $300 or more, with a month to find the money or move out.',
        ),
        p(
          'Marta Cisneros, a home health aide who has lived in the same building on Calle Atarazana for 14 years, said her rent went up $410 in March. She found out from a notice taped to her door, written only in English.',
        ),
        quote(
          'Thirty days is not enough time to find a new apartment in this city. It is barely enough time to find a moving truck.',
          'Camila Restrepo, organizer with Inquilinos Unidos de Barrio Marina',
        ),
        p(
          'Prieto stressed that the ordinance does not cap rents, which state law bars cities from doing. “This is not rent control,” she said. “This is giving families time to plan.”',
        ),
        h2('Landlords warn of side effects'),
        p(
          'Douglas Pratt, a spokesman for the Puerto Claro Property Owners Association, told the council that most of its members are small landlords with a handful of units who raise rents because their own costs have gone up. Property insurance premiums on the coast, he said, have nearly doubled since 2021.',
        ),
        p(
          'Pratt argued that a longer notice period would push owners to raise rents more often and in smaller steps, or to build bigger increases into new leases. He also said it could discourage developers who are considering projects in the neighborhood.',
        ),
        p(
          'Housing economists are divided on how notice rules affect prices. Most agree that such rules do ',
          i('little'),
          ' to slow increases on their own but can reduce evictions and the cost of moving for low-income households.',
        ),
        h2('What’s next'),
        p(
          'The council’s housing committee will take up amendments in two weeks, including a proposal from council member Marcus Bell to exempt owners of four or fewer units. Prieto said she opposes that change because, by the housing department’s count, such owners hold about 40 percent of the neighborhood’s rentals.',
        ),
        p(
          'A final vote could come before the summer recess. Find more of our housing coverage in the ',
          link('City section', '/en/city/'),
          '.',
        ),
      ),
    },
    es: {
      headline:
        'Los alquileres en Barrio Marina suben 31 % en dos años y el concejo estudia ampliar el preaviso',
      dek: 'Inquilinos llenaron la sala del concejo para apoyar una norma que exigiría avisar con 90 días antes de un aumento fuerte. Los propietarios dicen que saldrá cara.',
      slug: 'alquileres-barrio-marina-concejo-preaviso',
      body: doc(
        p(
          'El alquiler medio que se pide por un apartamento de dos habitaciones en ',
          b('Barrio Marina'),
          ' subió 31 % en dos años, hasta 1,940 dólares al mes, según un análisis de anuncios del departamento de vivienda de la ciudad. En el conjunto de Puerto Claro, el aumento en el mismo periodo fue de 18 %.',
        ),
        p(
          'El martes, más de 200 personas llenaron la sala del concejo y el pasillo de afuera para la primera audiencia sobre una ordenanza que obligaría a los propietarios a avisar por escrito con ',
          b('90 días de anticipación'),
          ' cualquier aumento superior a 5 %. Hoy las normas municipales exigen 30 días.',
        ),
        p(
          'La propuesta, impulsada por la concejala Ana Lucía Prieto, cuyo distrito incluye Barrio Marina, también exigiría que el aviso se entregue en el idioma que prefiera el inquilino, inglés o español, junto con información sobre el programa municipal de ayuda para el alquiler.',
        ),
        h2('Aumentos de un mes para otro'),
        p(
          'La mayoría de las 64 personas inscritas para hablar respaldaron la medida. Varias contaron que recibieron avisos de aumentos de 300 dólares o más, con apenas un mes para conseguir el dinero o mudarse.',
        ),
        p(
          'Marta Cisneros, asistente de salud a domicilio que vive desde hace 14 años en el mismo edificio de la calle Atarazana, relató que en marzo su alquiler subió 410 dólares. Se enteró por una hoja pegada en la puerta, escrita solo en inglés.',
        ),
        quote(
          'Treinta días no alcanzan para encontrar otro apartamento en esta ciudad. Apenas alcanzan para conseguir un camión de mudanza.',
          'Camila Restrepo, organizadora de Inquilinos Unidos de Barrio Marina',
        ),
        p(
          'Prieto subrayó que la ordenanza no pone tope a los alquileres, algo que la ley estatal prohíbe a los municipios. “Esto no es control de rentas”, dijo. “Es darles a las familias tiempo para organizarse”.',
        ),
        h2('Los propietarios advierten efectos secundarios'),
        p(
          'Douglas Pratt, vocero de la Asociación de Propietarios de Puerto Claro, explicó ante el concejo que la mayoría de sus socios son pequeños arrendadores con pocas unidades, que suben los alquileres porque sus propios gastos también aumentaron. Según Pratt, las primas de los seguros de propiedad en la costa casi se duplicaron desde 2021.',
        ),
        p(
          'A su juicio, un preaviso más largo llevaría a los dueños a subir los alquileres con más frecuencia y en tramos más pequeños, o a incluir aumentos mayores en los contratos nuevos. También dijo que podría desanimar a las constructoras que evalúan proyectos en el barrio.',
        ),
        p(
          'Los economistas especializados en vivienda no se ponen de acuerdo sobre el efecto de estas normas en los precios. La mayoría coincide en que, por sí solas, ',
          i('poco'),
          ' frenan los aumentos, pero pueden reducir los desalojos y el costo de mudarse para los hogares de bajos ingresos.',
        ),
        h2('Lo que sigue'),
        p(
          'La comisión de vivienda del concejo debatirá enmiendas dentro de dos semanas, entre ellas una del concejal Marcus Bell para excluir a quienes tengan cuatro unidades o menos. Prieto se opone: según el departamento de vivienda, esos propietarios controlan cerca de 40 % de los alquileres del barrio.',
        ),
        p(
          'La votación final podría llegar antes del receso de verano. Encuentre más de nuestra cobertura sobre vivienda en la sección ',
          link('Ciudad', '/es/ciudad/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'crossing-guards-column',
    section: 'city',
    type: 'opinion',
    authors: ['lucia-fernandez'],
    tags: ['schools', 'city-hall'],
    publishedHoursAgo: 75,
    en: {
      headline: 'Pay Puerto Claro’s crossing guards like the safety workers they are',
      dek: 'Crossing guards earn $13.50 an hour with no benefits. The council can fix that in this year’s budget, and it should.',
      slug: 'pay-crossing-guards-like-safety-workers',
      body: doc(
        p(
          'Every school morning at 7:10, Nilda Carrasco steps off the curb at Avenida Central and Calle 9 with a stop sign in one hand and a whistle between her teeth, and six lanes of traffic stop for her. She has done this for 22 years. I know, because she walked me across that intersection when I was in fourth grade.',
        ),
        p(
          'Carrasco earns ',
          b('$13.50 an hour'),
          '. She works a split shift, morning and afternoon, that adds up to about 20 hours a week. She gets no health insurance, no paid sick days and no pension. When she missed a week last winter with bronchitis, she was not paid, and her corner was covered by a police officer earning roughly four times as much.',
        ),
        p(
          'I think that is indefensible, and I think the City Council has a rare chance to fix it in this year’s budget.',
        ),
        h2('A job we treat like a favor'),
        p(
          'Puerto Claro employs 142 crossing guards and has 19 vacancies, according to the police department, which runs the program. Some corners near elementary schools have gone uncovered for most of the school year. Principals have started sending teachers out with orange vests on their planning periods.',
        ),
        p(
          'We treat crossing guards as if they were volunteers who happen to get a check. They are not. They are the last thing standing between a child and a driver who is late, distracted or looking at a phone. Pedestrian injuries within a block of a school rose last year, according to the transportation department’s own annual report.',
        ),
        quote(
          'People think I just hold a sign. I’m reading every driver’s face, every morning, deciding who is going to stop and who isn’t.',
          'Nilda Carrasco, crossing guard at Avenida Central and Calle 9',
        ),
        h2('What the council should do'),
        p(
          'The fix is not expensive. Raising guards to $18 an hour and letting them join the city’s part-time health plan would cost about $1.9 million a year, based on figures the budget office gave council members in March. That is a rounding error in a general fund of more than $2 billion.',
        ),
        p('Here is what I would ask the council to put in the budget:'),
        bullets(
          'Raise the hourly wage to at least $18, with yearly adjustments tied to inflation.',
          'Open the part-time health plan to guards who work 15 hours a week or more.',
          'Pay guards for sick days, so no corner is left empty because someone can’t afford to stay home.',
          'Fill every vacancy before the next school year starts, and recruit in both English and Spanish.',
        ),
        p(
          'Some council members will say the money is needed elsewhere. It always is. But a city that is ready to spend ',
          i('$6 million'),
          ' on a ferry pier can find a third of that for the people who get its children safely to school.',
        ),
        p(
          'Nilda Carrasco will be back on her corner on Monday at 7:10. The least we can do is pay her like we mean it.',
        ),
        rule(),
        p(
          i(
            'Lucía Fernández is La Marea’s City Hall reporter and columnist. Her column appears on Thursdays. Read more in the ',
          ),
          link(i('City section'), '/en/city/'),
          i('.'),
        ),
      ),
    },
  },
  {
    key: 'participatory-budget-explainer',
    section: 'city',
    type: 'explainer',
    authors: ['lucia-fernandez'],
    tags: ['city-hall'],
    leadImage: 'budget-grid',
    publishedHoursAgo: 50,
    updatedHoursAgo: 44,
    en: {
      headline: 'How to vote in Puerto Claro’s $4 million participatory budget',
      dek: 'Any resident 14 or older can help decide how to spend a slice of the city’s capital budget. Here is how the vote works, step by step.',
      slug: 'how-to-vote-participatory-budget',
      body: doc(
        p(
          'For the third year in a row, Puerto Claro is letting residents decide directly how to spend part of its capital budget. This year the pot is ',
          b('$4 million'),
          ', split evenly among the city’s five council districts, and voting opens next Monday.',
        ),
        p(
          'The projects on the ballot were proposed by residents last fall and priced by city engineers. They range from a $45,000 set of shade canopies at the Alto Verde basketball courts to a $600,000 rebuild of the seawall steps at Punta Brava.',
        ),
        h2('Who can vote'),
        p(
          'Anyone who lives in Puerto Claro and is ',
          b('14 or older'),
          ' on the first day of voting can cast a ballot. You do not need to be a U.S. citizen or a registered voter, and the city will not ask about immigration status. You can vote only once, and only for projects in your own district.',
        ),
        quote(
          'We want the person who waits at the bus stop every day to decide where the bus shelter goes. That is the whole idea.',
          'Raquel Montalvo, director of the city’s Office of Budget and Participation',
        ),
        h2('How to vote, step by step'),
        numbered(
          'Find your district. Enter your address on the map on the city’s participatory budget page, or ask at any public library branch.',
          'Read the ballot. Each district has between six and ten projects, each with a cost estimate and a short description in English and Spanish.',
          'Choose up to three projects. You do not rank them; each choice counts as one vote.',
          'Vote online or in person. Online voting runs for two weeks. Paper ballots are available at every library branch, at community centers and at a mobile voting van that will visit markets and schools.',
          'Confirm where you live. Online, you will be asked for your name, address and date of birth. In person, a utility bill, school ID, lease or any photo ID will do.',
        ),
        h2('What happens after the vote'),
        p(
          'Ballots are counted district by district. The projects with the most votes are funded in order until that district’s $800,000 runs out. If the next project on the list costs more than what is left, the city skips to the next one that fits.',
        ),
        p(
          'Results are announced about a week after voting closes. Winning projects go into the following year’s capital budget, which the council must approve. It has ',
          i('never'),
          ' rejected a participatory budget project.',
        ),
        h3('Does it actually get built?'),
        p(
          'Mostly, yes, though not quickly. Of the 23 projects chosen in the first two years, 14 are finished, six are under construction and three are delayed, according to the budget office. The slowest have been those that need state permits, such as work along the shoreline.',
        ),
        p(
          'You can follow every past project on the city’s online tracker, and we will publish the results for each district in our ',
          link('City section', '/en/city/'),
          '.',
        ),
      ),
    },
    es: {
      headline:
        'Presupuesto participativo: cómo votar para repartir 4 millones de dólares en Puerto Claro',
      dek: 'Cualquier residente de 14 años o más puede decidir en qué se gasta una parte del presupuesto de obras de la ciudad. Le explicamos el proceso paso a paso.',
      slug: 'como-votar-presupuesto-participativo',
      body: doc(
        p(
          'Por tercer año consecutivo, Puerto Claro deja en manos de sus vecinos una parte del presupuesto de obras públicas. Esta vez se reparten ',
          b('4 millones de dólares'),
          ' en partes iguales entre los cinco distritos del concejo, y la votación se abre el próximo lunes.',
        ),
        p(
          'Los proyectos de la boleta los propusieron los propios residentes el otoño pasado, y los ingenieros de la ciudad calcularon su costo. Van desde unos toldos de 45,000 dólares para las canchas de baloncesto de Alto Verde hasta la reconstrucción, por 600,000 dólares, de las escalinatas del malecón de Punta Brava.',
        ),
        h2('Quién puede votar'),
        p(
          'Puede votar toda persona que viva en Puerto Claro y tenga ',
          b('14 años o más'),
          ' el primer día de la votación. No hace falta ser ciudadano estadounidense ni estar inscrito para votar, y la ciudad no preguntará por la situación migratoria. Se vota una sola vez y únicamente por proyectos del distrito propio.',
        ),
        quote(
          'Queremos que la persona que espera el autobús todos los días sea la que decida dónde va el refugio de la parada. De eso se trata.',
          'Raquel Montalvo, directora de la Oficina de Presupuesto y Participación de la ciudad',
        ),
        h2('Cómo votar, paso a paso'),
        numbered(
          'Averigüe su distrito. Escriba su dirección en el mapa de la página del presupuesto participativo o pregunte en cualquier sucursal de la biblioteca pública.',
          'Revise la boleta. Cada distrito tiene entre seis y diez proyectos, con su costo estimado y una breve descripción en español y en inglés.',
          'Elija hasta tres proyectos. No hay que ordenarlos: cada elección cuenta como un voto.',
          'Vote en línea o en persona. La votación en línea dura dos semanas. Hay boletas en papel en todas las bibliotecas, en los centros comunitarios y en una camioneta de votación que recorrerá mercados y escuelas.',
          'Confirme dónde vive. En línea se piden nombre, dirección y fecha de nacimiento. En persona sirve una factura de servicios, un carné escolar, un contrato de alquiler o cualquier identificación con foto.',
        ),
        h2('Qué pasa después'),
        p(
          'Los votos se cuentan por distrito. Los proyectos más votados reciben fondos en orden hasta agotar los 800,000 dólares que le tocan a cada distrito. Si el siguiente de la lista cuesta más de lo que queda, la ciudad pasa al próximo que quepa en el presupuesto.',
        ),
        p(
          'Los resultados se anuncian alrededor de una semana después del cierre. Los proyectos ganadores se incluyen en el presupuesto de obras del año siguiente, que debe aprobar el concejo. Hasta ahora, el concejo ',
          i('nunca'),
          ' ha rechazado un proyecto elegido por los vecinos.',
        ),
        h3('¿De verdad se construyen?'),
        p(
          'En su mayoría sí, aunque sin prisa. De los 23 proyectos elegidos en los dos primeros años, 14 están terminados, seis en obra y tres retrasados, según la oficina de presupuesto. Los más lentos han sido los que necesitan permisos estatales, como las obras en la costa.',
        ),
        p(
          'Todos los proyectos anteriores pueden seguirse en el sistema de consulta en línea de la ciudad, y publicaremos los resultados de cada distrito en nuestra sección ',
          link('Ciudad', '/es/ciudad/'),
          '.',
        ),
      ),
    },
  },
];
