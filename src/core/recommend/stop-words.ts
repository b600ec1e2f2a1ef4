/**
 * Words too common to say what a story is about, per language (compared in lower case without
 * accents, before stemming). Our own short lists: function words, auxiliaries and the reporting
 * verbs every news story uses ("said", "dijo"). TF-IDF would weigh them down anyway; dropping them
 * keeps each article's stored vector for the words that matter.
 */
const ENGLISH = `a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each even ever few
for from further had has have having he her here hers herself him himself his how however i if in
into is it its itself just last like may me might more most much must my myself new no nor not now
of off on once one only or other our ours ourselves out over own per said same says she should since
so some still such than that the their theirs them themselves then there these they this those
though through to too told under until up upon us very was we were what when where whether which
while who whom whose why will with within without would year years you your yours yourself
yourselves mr mrs ms two three first according says say told week weeks day days time people`;

const SPANISH = `a al algo algun alguna algunas alguno algunos ante antes aqui asi aun aunque cada
como con contra cual cuales cuando de del desde donde dos durante e el ella ellas ello ellos en
entre era eran es esa esas ese eso esos esta estaba estaban estado estan estar este esto estos fue
fueron gran ha habia habian han hasta hay la las le les lo los mas me mientras mismo muy nada ni no
nos nuestra nuestro o otra otras otro otros para pero poco por porque que quien quienes se segun
ser si sido siempre sin sino sobre su sus tambien tan tanto te tiene tienen todo todos tras tu un
una unas uno unos ya yo dijo dice afirmo anadio segun ano anos dia dias semana semanas vez veces
tres primer primera sr sra personas`;

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

export const STOP_WORDS: Record<'en' | 'es', ReadonlySet<string>> = {
  en: wordSet(ENGLISH),
  es: wordSet(SPANISH),
};
