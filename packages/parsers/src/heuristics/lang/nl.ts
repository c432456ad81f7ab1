/** Dutch vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const nl: LanguageVocabulary = {
  code: 'nl',
  labels: {
    title: ['functie', 'functietitel', 'vacaturetitel'],
    company: ['bedrijf', 'werkgever', 'organisatie', 'onderneming'],
    location: ['locatie', 'standplaats', 'werklocatie', 'plaats', 'stad', 'regio', 'adres', 'werkplek'],
    employment: ['dienstverband', 'contracttype', 'soort contract', 'uren', 'arbeidsduur', 'uren per week', 'type dienstverband', 'contract', 'werkuren', 'aantal uren', 'type contract'],
    workplace: ['werkmodel', 'thuiswerken', 'werkplek'],
    salary: ['salaris', 'salarisindicatie', 'bruto maandsalaris', 'beloning', 'salarisschaal', 'loon', 'inschaling', 'maandsalaris', 'uurloon'],
    datePosted: ['geplaatst', 'geplaatst op', 'publicatiedatum', 'datum'],
    validThrough: ['sluitingsdatum', 'reageren voor', 'solliciteren tot', 'deadline', 'reageren tot', 'reageren kan tot', 'solliciteren kan tot', 'sluitingsdatum vacature', 'reageren uiterlijk', 'uiterlijk reageren'],
    department: ['afdeling', 'team', 'vakgebied'],
    experience: ['ervaring', 'werkervaring', 'ervaringsniveau'],
    education: ['opleiding', 'opleidingsniveau', 'denkniveau'],
    apply: ['solliciteren'],
  },
  apply: ['solliciteer', 'solliciteer nu', 'solliciteren', 'direct solliciteren', 'reageer', 'reageer direct', 'solliciteer direct', 'reageer op deze vacature', 'stuur je cv'],
  vacancy: ['vacature', 'vacatures', 'wij zoeken', 'we zoeken', 'functieomschrijving', 'wat ga je doen', 'wat bieden wij', 'gezocht'],
  sections: ['wat ga je doen', 'wie ben jij', 'wat bieden wij', 'wat vragen wij', 'functie-eisen', 'functieomschrijving', 'jouw profiel', 'taken', 'arbeidsvoorwaarden', 'wat wij bieden'],
  employment: {
    full_time: ['voltijd', 'fulltime', 'vast contract', 'vaste baan', 'vaste aanstelling', 'vast dienstverband'],
    part_time: ['deeltijd', 'parttime', 'bijbaan'],
    contract: ['freelance', 'zzp', 'interim'],
    temporary: ['tijdelijk', 'tijdelijk contract', 'uitzendbaan', 'jaarcontract', 'bepaalde tijd'],
    internship: ['stage', 'stagiair', 'afstudeerstage', 'traineeship', 'leerwerkplek'],
    volunteer: ['vrijwilliger', 'vrijwilligerswerk'],
  },
  workplace: {
    remote: ['thuiswerken', 'op afstand', 'volledig remote'],
    hybrid: ['hybride', 'hybride werken', 'deels thuiswerken'],
    onsite: ['op locatie', 'op kantoor'],
  },
  listing: ['vacatures', 'openstaande vacatures', 'werken bij', 'zoekresultaten', 'alle vacatures'],
  login: ['inloggen', 'aanmelden'],
  notFound: ['pagina niet gevonden', 'niet meer beschikbaar', 'vacature is gesloten', 'vacature is vervuld', 'verlopen vacature', 'vacature verlopen', 'deze vacature is verlopen', 'deze vacature is niet meer beschikbaar', 'vacature niet gevonden', 'niet meer vinden'],
  atEmployer: ['bij'],
  about: ['over'],
  genericHeadings: ['vacaturedetails', 'omschrijving'],
  deadline: ['reageren kan tot', 'solliciteren kan tot', 'reageer voor', 'reageren voor', 'solliciteren voor', 'uiterlijk', 'tot en met'],
};
