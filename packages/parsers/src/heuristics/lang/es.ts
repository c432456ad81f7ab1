/** Spanish vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const es: LanguageVocabulary = {
  code: 'es',
  labels: {
    title: ['puesto', 'cargo', 'título del puesto', 'nombre del puesto', 'vacante'],
    company: ['empresa', 'empleador', 'compañía', 'organización', 'institución', 'entidad', 'dependencia', 'organismo', 'organismo convocante', 'dependencia convocante', 'convocante', 'administración'],
    location: ['ubicación', 'ubicacion', 'localización', 'lugar de trabajo', 'ciudad', 'localidad', 'provincia', 'dirección', 'lugar', 'país', 'sede', 'municipio'],
    employment: ['tipo de contrato', 'jornada', 'tipo de empleo', 'tipo de jornada', 'contrato', 'horario', 'jornada laboral', 'modalidad de contratación', 'duración'],
    workplace: ['modalidad', 'modalidad de trabajo', 'modelo de trabajo', 'teletrabajo', 'lugar de trabajo remoto'],
    salary: ['salario', 'sueldo', 'remuneración', 'rango salarial', 'retribución', 'salario bruto', 'salario mensual', 'renta', 'sueldo mensual', 'salario bruto anual', 'banda salarial', 'retribuciones'],
    datePosted: ['publicado', 'publicado el', 'fecha de publicación', 'fecha', 'publicación', 'publicación en bop', 'publicación en boe', 'publicado en'],
    validThrough: ['fecha límite', 'fecha de cierre', 'vigencia', 'cierre', 'postular hasta', 'válido hasta', 'fecha límite de postulación', 'fecha de cierre de la convocatoria', 'cierre de convocatoria', 'plazo hasta', 'fin de plazo'],
    department: ['departamento', 'área', 'area', 'equipo', 'categoría'],
    experience: ['experiencia', 'experiencia mínima', 'años de experiencia', 'experiencia requerida'],
    education: ['estudios', 'estudios mínimos', 'formación', 'educación', 'nivel educativo', 'titulación'],
    apply: ['postulación', 'cómo postular'],
    applicationPeriod: ['periodo de postulación', 'período de postulación', 'periodo de inscripción', 'fechas de postulación', 'plazo de presentación', 'plazo de solicitud', 'plazo de inscripción', 'plazo de presentación de solicitudes', 'periodo de presentación'],
  },
  apply: ['postularse', 'postúlate', 'postular', 'aplicar', 'aplicar ahora', 'solicitar', 'inscribirse', 'inscríbete', 'enviar candidatura', 'inscribirme en esta oferta', 'postularme', 'inscribirme', 'sede electrónica', 'presentar solicitud'],
  vacancy: ['oferta de empleo', 'vacante', 'buscamos', 'estamos contratando', 'descripción del puesto', 'requisitos', 'ofrecemos', 'se busca', 'se solicita'],
  sections: ['responsabilidades', 'requisitos', 'funciones', 'ofrecemos', 'tu perfil', 'qué ofrecemos', 'lo que harás', 'descripción del puesto', 'beneficios', 'requisitos mínimos'],
  employment: {
    full_time: ['jornada completa', 'tiempo completo', 'indefinido', 'contrato indefinido'],
    part_time: ['media jornada', 'medio tiempo', 'tiempo parcial', 'jornada parcial'],
    contract: ['autónomo', 'independiente', 'freelance', 'por proyecto'],
    temporary: ['temporal', 'eventual', 'por obra', 'contrato temporal', 'duración determinada', 'de duración determinada', 'obra y servicio', 'bolsa de empleo temporal', 'interinidad', 'interino', 'por obra y servicio'],
    internship: ['prácticas', 'practicas', 'becario', 'becaria', 'pasantía'],
    volunteer: ['voluntariado', 'voluntario'],
  },
  workplace: {
    remote: ['remoto', 'teletrabajo', 'a distancia', 'desde casa', '100% remoto'],
    hybrid: ['híbrido', 'hibrido', 'modalidad híbrida', 'mixto', 'teletrabajo parcial', 'teletrabajo parcial posible'],
    onsite: ['presencial', 'en la oficina'],
  },
  listing: ['ofertas de empleo', 'empleos', 'vacantes', 'trabaja con nosotros', 'únete a nuestro equipo', 'bolsa de trabajo', 'resultados de búsqueda', 'ofertas de trabajo'],
  login: ['iniciar sesión', 'acceder', 'ingresar', 'regístrate'],
  notFound: ['página no encontrada', 'ya no está disponible', 'oferta cerrada', 'oferta caducada', 'oferta finalizada', 'esta oferta ya no está disponible'],
  about: ['acerca de', 'sobre'],
  genericHeadings: ['detalles de la oferta', 'descripción', 'detalle del empleo', 'detalle de la oferta', 'descripción del puesto', 'oferta de empleo'],
  deadline: ['hasta el', 'postula hasta el', 'plazo hasta el', 'fecha límite', 'inscripciones hasta', 'solicitudes hasta el', 'antes del'],
};
