/** French vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const fr: LanguageVocabulary = {
  code: 'fr',
  labels: {
    title: ['intitulé du poste', 'poste', 'intitulé', 'titre du poste', 'fonction'],
    company: ['entreprise', 'employeur', 'société', 'organisation', 'organisme', 'établissement', 'structure', 'recruteur', "laboratoire d'accueil"],
    location: ['lieu', 'localisation', 'lieu de travail', 'ville', 'emplacement', 'adresse', 'lieu du poste', 'région', 'lieu d\'affectation', "lieu d'affectation", 'affectation', 'site'],
    employment: ['type de contrat', "type d'emploi", 'contrat', 'temps de travail', 'type de poste', 'nature du contrat', 'durée du contrat', 'quotité', 'quotité de travail', 'statut', 'horaire', 'régime de travail'],
    workplace: ['mode de travail', 'télétravail', 'travail à distance', 'télétravail possible', 'télétravail autorisé', 'modalité de travail'],
    salary: ['salaire', 'rémunération', 'remuneration', 'fourchette de salaire', 'salaire annuel', 'traitement', 'rémunération brute', 'grille salariale', 'gratification'],
    datePosted: ['publié le', 'date de publication', 'publiée le', 'publié', 'mis en ligne le', 'date de mise en ligne', "date de publication de l'offre", 'publiée', 'mise en ligne', 'date de début de publication'],
    validThrough: ['date limite', 'date de clôture', 'date limite de candidature', 'clôture des candidatures', 'candidater avant le', 'candidatures jusqu’au', "candidatures jusqu'au", 'date limite de dépôt', 'date limite des candidatures', 'clôture', 'date de fin de publication', 'fin de publication', 'postuler avant le', 'date limite de réception', 'limite de candidature'],
    department: ['département', 'équipe', 'service', 'direction', 'métier', 'filière'],
    experience: ['expérience', 'expérience requise', "niveau d'expérience", 'années d\'expérience'],
    education: ['formation', "niveau d'études", 'diplôme', 'niveau de diplôme'],
    apply: ['candidature', 'pour postuler'],
    applicationPeriod: ['période de candidature', "période d'inscription"],
  },
  apply: ['postuler', 'postulez', 'je postule', 'postuler maintenant', 'candidater', 'postuler à cette offre', 'envoyer ma candidature', 'déposer ma candidature', 'postuler en ligne'],
  vacancy: ["offre d'emploi", 'nous recrutons', 'poste à pourvoir', 'description du poste', 'profil recherché', 'vos missions', 'h/f', 'f/h', 'recrute', 'recherche h/f', 'on recrute'],
  sections: ['missions', 'profil recherché', 'votre profil', 'vos missions', 'ce que nous offrons', 'avantages', 'description du poste', 'compétences', 'responsabilités', 'le poste', 'votre rôle'],
  employment: {
    full_time: ['cdi', 'temps plein', 'plein temps', 'temps complet', 'contrat à durée indéterminée'],
    part_time: ['temps partiel', 'mi-temps'],
    contract: ['freelance', 'indépendant', 'portage salarial'],
    temporary: ['cdd', 'intérim', 'interim', 'saisonnier', 'durée déterminée', 'contrat à durée déterminée', 'vacation', 'contractuel'],
    internship: ['stage', 'stagiaire', 'alternance', 'apprentissage', 'apprenti', 'contrat de professionnalisation'],
    volunteer: ['bénévole', 'bénévolat', 'volontariat'],
  },
  workplace: {
    remote: ['télétravail', 'teletravail', 'à distance', '100% télétravail', 'full remote'],
    hybrid: ['hybride', 'télétravail partiel', 'télétravail possible', 'télétravail occasionnel', 'télétravail fréquent', 'télétravail hybride'],
    onsite: ['sur site', 'en présentiel', 'présentiel', 'sur place'],
  },
  listing: ["offres d'emploi", 'nos offres', 'rejoignez-nous', 'carrières', 'recrutement', 'emplois', 'résultats de recherche', 'toutes nos offres'],
  login: ['connexion', 'se connecter', 'identifiez-vous', 'créer un compte'],
  notFound: ['page introuvable', "n'est plus disponible", 'offre expirée', "cette offre n'est plus", 'offre pourvue', "cette offre n'est plus disponible", "offre d'emploi expirée"],
  atEmployer: ['chez'],
  about: ['à propos de', 'qui est'],
  genericHeadings: ["détails de l'offre", 'description', 'détails du poste', "détail de l'offre", 'description du poste', "offre d'emploi"],
  deadline: ['candidatures jusqu’au', "candidatures jusqu'au", 'postuler avant le', 'date limite de candidature', 'avant le', 'au plus tard le', "jusqu'au", 'jusqu’au'],
};
