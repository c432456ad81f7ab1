/** Portuguese vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const pt: LanguageVocabulary = {
  code: 'pt',
  labels: {
    title: ['cargo', 'vaga', 'título da vaga', 'função'],
    company: ['empresa', 'empregador', 'organização', 'instituição', 'contratante', 'entidade', 'entidade empregadora', 'órgão', 'unidade'],
    location: ['localização', 'local', 'local de trabalho', 'cidade', 'endereço', 'região', 'localidade', 'morada'],
    employment: ['tipo de contrato', 'regime de contratação', 'tipo de vaga', 'jornada', 'carga horária', 'regime', 'contrato', 'regime de trabalho', 'vínculo', 'duração', 'horário', 'tipo de emprego'],
    workplace: ['modelo de trabalho', 'modalidade', 'formato de trabalho'],
    salary: ['salário', 'salario', 'remuneração', 'faixa salarial', 'vencimento'],
    datePosted: ['publicado em', 'data de publicação', 'publicada em', 'publicado'],
    validThrough: ['data limite', 'prazo', 'inscrições até', 'data de encerramento', 'válida até', 'prazo de candidatura', 'candidaturas até', 'prazo de inscrição', 'data limite de candidatura', 'encerramento', 'candidate-se até'],
    department: ['departamento', 'área', 'equipe', 'equipa'],
    experience: ['experiência', 'nível de experiência', 'senioridade'],
    education: ['escolaridade', 'formação', 'habilitações'],
    apply: ['candidatura'],
    applicationPeriod: ['período de inscrições', 'período de inscrição', 'inscrições'],
  },
  apply: ['candidatar-se', 'candidatar', 'candidate-se', 'aplicar', 'quero me candidatar', 'enviar candidatura', 'inscrever-se', 'candidatar-me', 'candidate-se agora', 'inscreva-se'],
  vacancy: ['vaga', 'vagas', 'estamos contratando', 'oferta de emprego', 'descrição da vaga', 'requisitos', 'responsabilidades e atribuições', 'procura-se', 'precisa-se', 'contrata-se'],
  sections: ['responsabilidades', 'requisitos', 'atribuições', 'benefícios', 'o que oferecemos', 'descrição da vaga', 'requisitos e qualificações', 'informações adicionais'],
  employment: {
    full_time: ['tempo integral', 'período integral', 'efetivo', 'clt', 'tempo inteiro', 'sem termo', 'contrato sem termo'],
    part_time: ['meio período', 'tempo parcial', 'meio expediente', 'part-time'],
    contract: ['pj', 'prestador de serviços', 'autônomo', 'freelancer'],
    temporary: ['temporário', 'temporária', 'prazo determinado', 'termo certo', 'contrato a termo', 'contrato a termo certo', 'contrato temporário', 'sazonal'],
    internship: ['estágio', 'estagiário', 'jovem aprendiz', 'trainee'],
    volunteer: ['voluntário'],
  },
  workplace: {
    remote: ['remoto', 'home office', 'trabalho remoto', '100% remoto', 'teletrabalho'],
    hybrid: ['híbrido', 'hibrido'],
    onsite: ['presencial'],
  },
  listing: ['vagas', 'vagas abertas', 'trabalhe conosco', 'oportunidades', 'ofertas de emprego', 'resultados da pesquisa'],
  login: ['entrar', 'fazer login', 'iniciar sessão'],
  notFound: ['página não encontrada', 'vaga encerrada', 'não está mais disponível', 'vaga expirada', 'vaga não disponível', 'esta vaga não está mais disponível'],
  about: ['sobre a', 'sobre o', 'sobre'],
  genericHeadings: ['detalhes da vaga', 'descrição'],
  deadline: ['candidaturas até', 'inscrições até', 'candidate-se até', 'até ao dia', 'até o dia'],
};
