/**
 * The demo's trust indicators on its stories: datelines, "How we reported this" and sources,
 * plus public notes (a prominent correction and an update, in both languages). All text was
 * written for this project; the people and the city are fictional, and the only links are to the
 * home pages of real public institutions whose data a newsroom like La Marea would use.
 */
import type { DemoNote, DemoTrustVersion } from '../demo-content-types.js';

export const DEMO_TRUST: Record<string, { en?: DemoTrustVersion; es?: DemoTrustVersion }> = {
  'bahia-ferry-approved': {
    en: {
      dateline: 'Puerto Claro',
      backstory: `Lucía Fernández watched Thursday’s council meeting from the chamber, from the first public comment to the final vote, and interviewed council members on both sides of the vote afterward.

The cost figures come from the financing plan Puerto Claro Transit presented to the council; we checked the city’s share against the 2019 transit bond measure. The estimate of households without a car comes from the Census Bureau’s American Community Survey for the three census tracts that make up Las Dunas.

We asked Puerto Claro Transit when the boats would be delivered; the agency’s answer is the one quoted in the story. We will update this article when the shipyard confirms a date.`,
      sources: [
        {
          name: 'Puerto Claro City Council, regular meeting',
          note: 'The debate and the 7–2 vote, attended in person.',
        },
        {
          name: 'Puerto Claro Transit, Línea Bahía financing plan',
          note: 'Cost, operating estimates and the proposed schedule.',
        },
        {
          name: 'U.S. Census Bureau, American Community Survey',
          url: 'https://www.census.gov/',
          note: 'Households without a vehicle in Las Dunas, five-year estimates.',
        },
        {
          name: 'Federal Transit Administration',
          url: 'https://www.transit.dot.gov/',
          note: 'The federal ferry grant program the plan relies on.',
        },
      ],
    },
    es: {
      dateline: 'Puerto Claro',
      backstory: `Lucía Fernández siguió la sesión del concejo del jueves desde la sala, desde el primer comentario del público hasta la votación final, y entrevistó después a concejales de ambos lados.

Las cifras de costos provienen del plan de financiamiento que Puerto Claro Transit presentó al concejo; comparamos la parte de la ciudad con los bonos de transporte aprobados en 2019. La estimación de hogares sin auto proviene de la Encuesta sobre la Comunidad Estadounidense de la Oficina del Censo, para los tres sectores censales que forman Las Dunas.

Preguntamos a Puerto Claro Transit cuándo llegarán los barcos; su respuesta es la que citamos. Actualizaremos este artículo cuando el astillero confirme una fecha.`,
      sources: [
        {
          name: 'Concejo Municipal de Puerto Claro, sesión ordinaria',
          note: 'El debate y la votación de siete a dos, presenciados en la sala.',
        },
        {
          name: 'Puerto Claro Transit, plan de financiamiento de la Línea Bahía',
          note: 'Costos, estimaciones de operación y el horario propuesto.',
        },
        {
          name: 'Oficina del Censo de EE. UU., Encuesta sobre la Comunidad Estadounidense',
          url: 'https://www.census.gov/',
          note: 'Hogares sin vehículo en Las Dunas, estimaciones de cinco años.',
        },
        {
          name: 'Administración Federal de Tránsito',
          url: 'https://www.transit.dot.gov/',
          note: 'El programa federal de subvenciones para ferris del que depende el plan.',
        },
      ],
    },
  },
  'punta-brava-king-tide': {
    en: {
      dateline: 'Punta Brava, Puerto Claro',
      backstory: `Daniel Okafor-Reyes walked Calle Mar Chica, Calle Gaviota and Avenida Punta Brava during the high tide and photographed the water level at each of the new valves.

Tide heights are from the federal water-level gauge at Muelle Central, which anyone can check online. The cost of the valves comes from the city’s contract with the installer, which we obtained through a public records request.`,
      sources: [
        {
          name: 'NOAA Tides and Currents',
          url: 'https://tidesandcurrents.noaa.gov/',
          note: 'Observed and predicted water levels at the Muelle Central gauge.',
        },
        {
          name: 'Office of Resilience, City of Puerto Claro',
          note: 'Interview with the chief resilience officer, and the valve contract.',
        },
        { name: 'Residents of Punta Brava', note: 'Six residents interviewed on their streets.' },
      ],
    },
    es: {
      dateline: 'Punta Brava, Puerto Claro',
      backstory: `Daniel Okafor-Reyes recorrió la calle Mar Chica, la calle Gaviota y la avenida Punta Brava durante la marea alta y fotografió el nivel del agua en cada una de las válvulas nuevas.

Las alturas de la marea provienen del mareógrafo federal del Muelle Central, que cualquiera puede consultar en línea. El costo de las válvulas sale del contrato de la ciudad con el instalador, que obtuvimos mediante una solicitud de registros públicos.`,
      sources: [
        {
          name: 'NOAA Tides and Currents',
          url: 'https://tidesandcurrents.noaa.gov/',
          note: 'Niveles del agua observados y previstos en el mareógrafo del Muelle Central.',
        },
        {
          name: 'Oficina de Resiliencia, Ciudad de Puerto Claro',
          note: 'Entrevista con la directora de resiliencia y el contrato de las válvulas.',
        },
        {
          name: 'Vecinos de Punta Brava',
          note: 'Seis residentes entrevistados en sus calles.',
        },
      ],
    },
  },
};

/**
 * Public notes on demo stories. The correction is prominent (it changes what readers were told
 * about real people); the update adds news to a developing story and goes at the end.
 */
export const DEMO_NOTES: DemoNote[] = [
  {
    story: 'barrio-marina-rent-notice',
    locale: 'en',
    type: 'correction',
    isProminent: true,
    hoursAgo: 20,
    text: 'An earlier version of this article misspelled the name of Camila Restrepo, an organizer with Inquilinos Unidos de Barrio Marina, and gave the wrong street for Marta Cisneros’s building. She lives on Calle Atarazana.',
  },
  {
    story: 'barrio-marina-rent-notice',
    locale: 'es',
    type: 'correction',
    isProminent: true,
    hoursAgo: 20,
    text: 'Una versión anterior de este artículo escribió mal el nombre de Camila Restrepo, organizadora de Inquilinos Unidos de Barrio Marina, y dio una calle equivocada para el edificio de Marta Cisneros. Vive en la calle Atarazana.',
  },
  {
    story: 'punta-brava-king-tide',
    locale: 'en',
    type: 'update',
    isProminent: false,
    hoursAgo: 0.5,
    text: 'City crews inspected the Avenida Punta Brava connection on Tuesday afternoon and found a cracked joint just upstream of the valve. The Office of Resilience says it will be sealed before the next king tide, expected next month.',
  },
  {
    story: 'punta-brava-king-tide',
    locale: 'es',
    type: 'update',
    isProminent: false,
    hoursAgo: 0.5,
    text: 'Cuadrillas de la ciudad inspeccionaron la conexión de la avenida Punta Brava el martes por la tarde y encontraron una junta agrietada justo antes de la válvula. La Oficina de Resiliencia dice que la sellará antes de la próxima marea viva, prevista para el mes que viene.',
  },
];
