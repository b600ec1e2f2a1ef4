/** Demo stories for the Business / Economía section. All people, companies and quotes are fictional. */
import { b, bullets, doc, h2, i, link, p, quote } from '../../content/body-builders.js';
import type { DemoStory } from '../demo-content-types.js';

export const businessStories: DemoStory[] = [
  {
    key: 'port-record-volumes',
    section: 'business',
    type: 'news',
    authors: ['tomas-whitfield'],
    tags: ['port'],
    leadImage: 'port-cranes',
    publishedHoursAgo: 12,
    en: {
      headline:
        'Port of Puerto Claro moves record cargo, but dockworkers eye automation plans warily',
      dek: 'Container volume rose 11% in the last fiscal year. The port authority’s next step, automated stacking cranes, has the dockworkers’ union on alert.',
      slug: 'port-record-cargo-automation-worries',
      body: doc(
        p(
          'The Port of Puerto Claro handled ',
          b('1.38 million containers'),
          ' in the fiscal year that ended in June, an 11 percent increase over the year before and the most in its history, the port authority said Wednesday.',
        ),
        p(
          'The growth came mostly from refrigerated cargo, fruit and vegetables from Central America and frozen seafood, and from two new weekly services that call at the Terminal Sur. Cruise passenger numbers also rose, to just under 600,000.',
        ),
        p(
          'Aurelio Santamaría, the port’s executive director, credited the dredging project completed two years ago, which lets larger ships enter the bay at any tide. “Ten years ago, shipping lines passed us by,” he said. “Now they call us.”',
        ),
        h2('The automation question'),
        p(
          'The same announcement included a line that drew more attention on the waterfront than the record numbers: the port authority will ask terminal operators for proposals to install ',
          i('automated stacking cranes'),
          ' at Terminal Sur, starting as early as 2027.',
        ),
        p(
          'Automated cranes, controlled by software and remote operators, move containers around the storage yard without a driver in the cab. Ports that have adopted them report faster turnaround and fewer accidents. They also employ fewer people.',
        ),
        quote(
          'We are not against machines. We are against a plan that celebrates record cargo with one hand and writes us out of it with the other.',
          'Ramón Delgado, president of the Bahía Clara Dockworkers Union',
        ),
        p(
          'About 2,300 people work on the docks under the union’s contract, and the port estimates that it supports some 14,000 jobs in the region, counting trucking, warehousing and rail.',
        ),
        h2('What the port says'),
        p(
          'Santamaría said no jobs would be eliminated during the current labor contract, which runs through 2028, and that any automation plan would include retraining for remote crane operation and maintenance. The port is in talks with Puerto Claro Community College about a technician program.',
        ),
        p(
          'Delgado said the union wants those promises in writing and extended beyond 2028. It is also pressing for a say in how the new equipment is staffed, including how many remote operators would oversee each crane.',
        ),
        p(
          'Port economists point out that automation has had mixed results. Some terminals have cut costs and increased capacity; others have spent years fixing software problems before matching the productivity of human crews.',
        ),
        h2('What to watch'),
        p(
          'The port authority’s board is scheduled to vote on the request for proposals next month. The meeting is public, and the union has said it plans to fill the room. Follow our coverage of the waterfront in the ',
          link('Business section', '/en/business/'),
          '.',
        ),
      ),
    },
    es: {
      headline:
        'El puerto de Puerto Claro mueve carga récord, pero los estibadores temen la automatización',
      dek: 'El volumen de contenedores creció 11 % en el último año fiscal. El siguiente paso de la autoridad portuaria, grúas automáticas, tiene en alerta al sindicato.',
      slug: 'puerto-carga-record-estibadores-automatizacion',
      body: doc(
        p(
          'El puerto de Puerto Claro movió ',
          b('1.38 millones de contenedores'),
          ' en el año fiscal que terminó en junio, 11 % más que el año anterior y la cifra más alta de su historia, informó el miércoles la autoridad portuaria.',
        ),
        p(
          'El crecimiento se debió sobre todo a la carga refrigerada, frutas y verduras de Centroamérica y mariscos congelados, y a dos nuevos servicios semanales que hacen escala en la Terminal Sur. El número de pasajeros de cruceros también aumentó, hasta rozar los 600,000.',
        ),
        p(
          'Aurelio Santamaría, director ejecutivo del puerto, atribuyó el resultado al dragado que terminó hace dos años y que permite a barcos más grandes entrar a la bahía con cualquier marea. “Hace diez años las navieras pasaban de largo”, dijo. “Ahora nos llaman ellas”.',
        ),
        h2('La pregunta de la automatización'),
        p(
          'El mismo anuncio incluía una línea que en los muelles llamó más la atención que las cifras récord: la autoridad portuaria pedirá a los operadores de terminales propuestas para instalar ',
          i('grúas apiladoras automáticas'),
          ' en la Terminal Sur a partir de 2027.',
        ),
        p(
          'Estas grúas, controladas por software y por operadores a distancia, mueven los contenedores dentro del patio sin nadie en la cabina. Los puertos que las usan reportan operaciones más rápidas y menos accidentes. También emplean a menos gente.',
        ),
        quote(
          'No estamos en contra de las máquinas. Estamos en contra de un plan que celebra la carga récord con una mano y con la otra nos borra del mapa.',
          'Ramón Delgado, presidente del Sindicato de Estibadores de Bahía Clara',
        ),
        p(
          'Unas 2,300 personas trabajan en los muelles bajo el contrato del sindicato, y el puerto calcula que sostiene cerca de 14,000 empleos en la región si se suman el transporte por camión, los almacenes y el ferrocarril.',
        ),
        h2('La respuesta del puerto'),
        p(
          'Santamaría aseguró que no se eliminará ningún puesto mientras esté vigente el contrato colectivo actual, que vence en 2028, y que cualquier plan de automatización incluirá capacitación para operar y mantener las grúas a distancia. El puerto negocia con el Colegio Comunitario de Puerto Claro un programa para formar técnicos.',
        ),
        p(
          'Delgado respondió que el sindicato quiere esas promesas por escrito y con vigencia más allá de 2028. También exige participar en las decisiones sobre el personal de los nuevos equipos, como cuántos operadores a distancia supervisarán cada grúa.',
        ),
        p(
          'Los especialistas en economía portuaria advierten que la automatización ha dado resultados dispares. Algunas terminales redujeron costos y ganaron capacidad; otras pasaron años corrigiendo fallas de software antes de igualar la productividad de las cuadrillas humanas.',
        ),
        h2('Lo que viene'),
        p(
          'La junta de la autoridad portuaria tiene previsto votar la convocatoria el mes próximo. La sesión es pública, y el sindicato ya anunció que piensa llenar la sala. Siga nuestra cobertura del puerto en la sección ',
          link('Economía', '/es/economia/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'bodega-cooperative',
    section: 'business',
    type: 'news',
    authors: ['tomas-whitfield'],
    tags: ['small-business', 'food'],
    leadImage: 'bodega-market',
    publishedHoursAgo: 170,
    updatedHoursAgo: 150,
    en: {
      headline: 'Corner stores band together to buy like a supermarket chain',
      dek: 'Thirty-four family-owned bodegas have formed a purchasing cooperative to cut wholesale costs. The first joint order arrived this week.',
      slug: 'corner-stores-purchasing-cooperative',
      body: doc(
        p(
          'For most of the 19 years she has run Colmado Pimentel in Las Dunas, Yadira Pimentel has paid more for a case of rice than the supermarket down the road charges its customers for the same rice on the shelf.',
        ),
        p(
          'This week, that changed. Pimentel’s store is one of ',
          b('34 family-owned bodegas'),
          ' in Puerto Claro that have formed a purchasing cooperative, Tiendas Unidas, to place joint orders with wholesalers and negotiate the volume discounts that chain stores have long enjoyed. The first shared delivery arrived on Monday at a rented warehouse in Alto Verde.',
        ),
        h2('How the cooperative works'),
        p(
          'Each member store pays a $500 membership fee and monthly dues of $75. In exchange, members can order through a shared catalog of about 600 products, mostly staples like rice, beans, cooking oil, canned goods, diapers and cleaning supplies. The cooperative’s two employees combine the orders and buy by the truckload.',
        ),
        p(
          'Early numbers are encouraging. On the first order, members paid an average of ',
          i('14 percent less'),
          ' than their usual wholesale prices, according to the cooperative’s treasurer, with the biggest savings on cooking oil and paper goods.',
        ),
        quote(
          'We were thirty-four stores competing with each other for crumbs. Now we are one customer, and the distributors pick up the phone.',
          'Yadira Pimentel, owner of Colmado Pimentel and president of Tiendas Unidas',
        ),
        h2('Why now'),
        p(
          'Bodega owners say the past few years squeezed them from every side. Wholesale prices rose faster than they could raise their own, card processing fees ate into thin margins, and two discount chains opened large stores on the edges of Las Dunas and Alto Verde.',
        ),
        p(
          'About a dozen corner stores in the city have closed since 2022, according to the Puerto Claro Small Business Development Center, which helped the cooperative draft its bylaws with a grant from the city’s economic development office.',
        ),
        p(
          'The owners say they are not trying to beat the chains on price. They want to get close enough that customers will stay for what the chains do not offer:',
        ),
        bullets(
          'Store credit for regulars until payday, still common in many bodegas.',
          'Products from home that big chains rarely stock, from Dominican salami to Salvadoran cheeses.',
          'Late hours and a counter where someone knows your name and your mother’s.',
        ),
        h2('Challenges ahead'),
        p(
          'The cooperative still has to prove it can handle the logistics. Several members complained that the first delivery ran a day late, and the rented warehouse has no refrigeration, which keeps dairy and meat off the list for now. The group hopes to add cold storage next year and to grow to 60 members.',
        ),
        p(
          'More coverage of local businesses is in our ',
          link('Business section', '/en/business/'),
          '.',
        ),
      ),
    },
    es: {
      headline: 'Las tiendas de barrio se unen para comprar como una cadena de supermercados',
      dek: 'Treinta y cuatro colmados familiares formaron una cooperativa de compras para bajar lo que pagan al mayorista. El primer pedido conjunto llegó esta semana.',
      slug: 'tiendas-de-barrio-cooperativa-de-compras',
      body: doc(
        p(
          'Durante casi todos los 19 años que lleva al frente del Colmado Pimentel, en Las Dunas, Yadira Pimentel pagó por un saco de arroz más de lo que el supermercado de la avenida le cobra a sus clientes por ese mismo arroz en el estante.',
        ),
        p(
          'Esta semana eso cambió. Su tienda es una de las ',
          b('34 tiendas de barrio familiares'),
          ' de Puerto Claro que formaron Tiendas Unidas, una cooperativa de compras que hace pedidos conjuntos a los mayoristas y negocia los descuentos por volumen de los que siempre han disfrutado las cadenas. La primera entrega compartida llegó el lunes a una bodega alquilada en Alto Verde.',
        ),
        h2('Cómo funciona la cooperativa'),
        p(
          'Cada tienda paga una cuota de ingreso de 500 dólares y 75 dólares al mes. A cambio, puede pedir a través de un catálogo compartido de unos 600 productos, sobre todo básicos: arroz, frijoles, aceite, enlatados, pañales y artículos de limpieza. Los dos empleados de la cooperativa juntan los pedidos y compran por camión completo.',
        ),
        p(
          'Los primeros números son alentadores. En el primer pedido, los socios pagaron en promedio ',
          i('14 % menos'),
          ' que sus precios mayoristas habituales, según la tesorera de la cooperativa. El mayor ahorro se dio en el aceite y en los productos de papel.',
        ),
        quote(
          'Éramos treinta y cuatro tiendas peleándonos las migajas. Ahora somos un solo cliente, y los distribuidores nos contestan el teléfono.',
          'Yadira Pimentel, dueña del Colmado Pimentel y presidenta de Tiendas Unidas',
        ),
        h2('Por qué ahora'),
        p(
          'Los dueños de colmados dicen que en los últimos años los apretaron por todos lados. Los precios mayoristas subieron más rápido de lo que ellos podían subir los suyos, las comisiones por pagos con tarjeta se comieron márgenes ya estrechos y dos cadenas de descuento abrieron tiendas enormes en las orillas de Las Dunas y Alto Verde.',
        ),
        p(
          'Una docena de tiendas de barrio ha cerrado en la ciudad desde 2022, según el Centro de Desarrollo de Pequeñas Empresas de Puerto Claro, que ayudó a redactar los estatutos de la cooperativa con una subvención de la oficina municipal de desarrollo económico.',
        ),
        p(
          'Los comerciantes no pretenden ganarles a las cadenas en precio. Quieren acercarse lo suficiente para que los clientes se queden por lo que las cadenas no ofrecen:',
        ),
        bullets(
          'El fiado a los clientes de siempre hasta el día de pago, una costumbre que sigue viva en muchos colmados.',
          'Productos de allá que las grandes cadenas casi nunca tienen, del salami dominicano a los quesos salvadoreños.',
          'Horario hasta tarde y un mostrador donde alguien sabe cómo se llama usted y cómo se llama su mamá.',
        ),
        h2('Los desafíos'),
        p(
          'La cooperativa todavía tiene que demostrar que puede con la logística. Varios socios se quejaron de que la primera entrega llegó con un día de retraso, y la bodega alquilada no tiene refrigeración, así que por ahora no hay lácteos ni carnes en el catálogo. El grupo espera instalar cámaras frías el año próximo y llegar a 60 socios.',
        ),
        p(
          'Más noticias sobre los negocios locales en nuestra sección ',
          link('Economía', '/es/economia/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'ribera-shipyard-electric-tugs',
    section: 'business',
    type: 'news',
    authors: ['tomas-whitfield'],
    tags: ['port'],
    leadImage: 'shipyard-waves',
    publishedHoursAgo: 250,
    en: {
      headline: 'Shut for a decade, Ribera shipyard reopens to build electric harbor tugs',
      dek: 'A $61 million contract from the port authority will bring about 180 jobs back to the Río Manso waterfront, starting with welders and electricians.',
      slug: 'ribera-shipyard-reopens-electric-tugs',
      body: doc(
        p(
          'The gates of the old ',
          b('Astilleros Ribera'),
          ' shipyard on the Río Manso, chained shut since 2015, will open again next month. The yard has won a $61 million contract from the Port of Puerto Claro to build three battery-electric harbor tugs, the first vessels of their kind on this stretch of coast.',
        ),
        p(
          'The company behind the reopening, a joint venture between a regional marine engineering firm and a group of local investors, expects to hire about 180 people over the next two years. Roughly half the jobs will be for welders, pipefitters and marine electricians.',
        ),
        h2('Why electric tugs'),
        p(
          'Harbor tugs spend much of their working day idling or pushing ships short distances, which makes them good candidates for batteries. Each of the new boats will be able to complete a typical day of work on a single charge and recharge overnight from shore power at the port’s Muelle Norte.',
        ),
        p(
          'The port says the three tugs will replace diesel boats that together burn about 400,000 gallons of fuel a year, and will cut soot and noise for the neighborhoods closest to the terminals. Federal clean port grants cover about 60 percent of the cost.',
        ),
        quote(
          'Every welder who left this river in 2015 took a piece of this city’s know-how with them. We want to bring it back, and teach it to their kids.',
          'Graham Ortiz-Lund, chief executive of Astilleros Ribera',
        ),
        h2('Finding the workers'),
        p(
          'Ortiz-Lund acknowledged that hiring will be the hardest part. Many of the yard’s former workers moved away or retired after it closed, and skilled marine trades are in demand at shipyards across the Gulf and Atlantic coasts.',
        ),
        p(
          'The company has signed an agreement with Puerto Claro Community College to run a 16-week welding and marine electrical course on site, with the first class of 24 students starting in the fall. Students will be paid while they train, and those who finish will be offered jobs.',
        ),
        p(
          'Marisela Tovar, who welded hulls at the yard for 11 years before it closed, said she has already applied. She now works installing air conditioning units. “I was good at it,” she said. “I never stopped missing it.”',
        ),
        h2('Neighbors want a say'),
        p(
          'Not everyone on the Río Manso is celebrating. Residents of the townhouses built on former industrial land next to the yard over the past decade have asked the city to limit work hours and to study noise from grinding and sandblasting. The company says heavy work will stop at 7 p.m. and that it will build a sound wall along the yard’s eastern fence.',
        ),
        p(
          'The first tug is due for delivery in 2027. For more on the port and jobs on the waterfront, see our ',
          link('Business section', '/en/business/'),
          '.',
        ),
      ),
    },
  },
  {
    key: 'ribera-bakeries-costs',
    section: 'business',
    type: 'news',
    authors: ['tomas-whitfield'],
    tags: ['small-business', 'food'],
    publishedHoursAgo: 380,
    es: {
      headline: 'Las panaderías de Ribera hacen malabares con el alza de la harina y de la luz',
      dek: 'Los hornos de barrio subieron el precio del pan por segunda vez en un año. Algunos dueños reducen horarios y otros buscan comprar harina en conjunto.',
      slug: 'panaderias-ribera-alza-harina-y-luz',
      body: doc(
        p(
          'Don Esteban Ruelas enciende el horno de la ',
          b('Panadería La Espiga'),
          ' a las tres y media de la mañana, como hacía su padre en ese mismo local de la calle Real, en el barrio de Ribera. Lo que ya no se parece a los tiempos de su padre es la cuenta: el saco de harina de 50 libras que hace tres años le costaba 19 dólares hoy le cuesta 27, y la factura de electricidad del horno subió casi 40 %.',
        ),
        p(
          'El mes pasado, La Espiga subió el precio del pan de agua de 35 a 45 centavos la pieza. Es el segundo aumento en un año. “Cada vez que cambio el cartel, pierdo a un cliente”, dijo Ruelas. “Pero si no lo cambio, pierdo la panadería”.',
        ),
        h2('Un barrio de hornos'),
        p(
          'Ribera, a orillas del río Manso, tiene una de las mayores concentraciones de panaderías de la ciudad: once en apenas veinte cuadras, casi todas familiares y varias con más de cuarenta años. La Marea habló con los dueños de siete de ellas. Todos subieron precios en los últimos doce meses, y cuatro redujeron su horario.',
        ),
        p(
          'La Panadería Dos Hermanas, por ejemplo, dejó de abrir los lunes. Sus dueñas, Consuelo y Amalia Duarte, explican que ese día vendían tan poco que no compensaba encender el horno grande. Otras cambiaron recetas para usar menos mantequilla o achicaron un poco las piezas, algo que los clientes de toda la vida notan enseguida.',
        ),
        quote(
          'El pan es lo último que la gente deja de comprar, pero es lo primero que compara. Si el de la esquina cuesta cinco centavos menos, se va a la esquina.',
          'Consuelo Duarte, copropietaria de la Panadería Dos Hermanas',
        ),
        h2('Qué están probando'),
        p(
          'Inspirados por la cooperativa de compras que están organizando los colmados de Las Dunas y Alto Verde, cinco panaderos de Ribera empezaron a reunirse para comprar harina juntos. Calculan que, si logran pedir un camión completo al mes, podrían ahorrar entre 10 % y 15 % por saco.',
        ),
        p(
          'Algunos también buscan ayuda para bajar el gasto en energía. Estas son las opciones que mencionaron:',
        ),
        bullets(
          'Las auditorías energéticas gratuitas que ofrece la compañía eléctrica a pequeños comercios.',
          'Los préstamos a bajo interés del programa municipal de pequeñas empresas para cambiar hornos viejos por modelos más eficientes.',
          'Hornear las piezas de mayor venta en tandas más grandes y apagar el horno en las horas de menos movimiento.',
        ),
        p(
          'Ruelas, de 64 años, no tiene planes de cerrar. Su hija, que estudió administración, lo ayuda a revisar los números los domingos. “Mi papá sobrevivió a dos huracanes y a la llegada del supermercado”, dijo mientras sacaba una bandeja de pan dulce. “Yo no voy a ser el que apague el horno por una factura”.',
        ),
        p(
          'Más noticias sobre los negocios del barrio en nuestra sección ',
          link('Economía', '/es/economia/'),
          '.',
        ),
      ),
    },
  },
];
