/** Korean vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const ko: LanguageVocabulary = {
  code: 'ko',
  labels: {
    title: ['모집 직무', '직무', '포지션', '채용 포지션', '모집분야'],
    company: ['회사명', '기업명', '회사', '채용기업'],
    location: ['근무지', '근무지역', '근무 위치', '근무지 주소', '위치', '지역'],
    employment: ['고용형태', '고용 형태', '근무형태', '근무 형태', '채용형태'],
    salary: ['급여', '연봉', '월급', '시급', '보수'],
    datePosted: ['등록일', '게시일', '공고일', '작성일', '공고 게시일'],
    validThrough: ['마감일', '접수마감', '지원 마감', '채용 마감일', '접수기간', '마감', '접수 마감일', '서류 마감'],
    department: ['부서', '팀'],
    experience: ['경력', '경력사항'],
    education: ['학력'],
    workplace: ['근무형태', '근무 방식', '재택근무'],
    apply: ['지원 방법', '접수 방법'],
  },
  apply: ['지원하기', '즉시 지원', '입사지원', '홈페이지 지원'],
  vacancy: ['채용', '채용공고', '모집', '주요업무', '자격요건'],
  sections: ['주요업무', '자격요건', '우대사항', '혜택 및 복지', '복지', '담당업무', '지원자격', '채용절차'],
  employment: {
    full_time: ['정규직'],
    part_time: ['파트타임', '아르바이트'],
    contract: ['계약직', '프리랜서'],
    temporary: ['임시직', '파견직'],
    internship: ['인턴'],
  },
  workplace: { remote: ['원격근무', '재택근무', '풀리모트'], hybrid: ['하이브리드'], onsite: ['출근', '사무실 근무', '상주'] },
  listing: ['채용', '인재채용', '채용공고 목록', '검색결과', '채용정보'],
  login: ['로그인', '회원가입'],
  notFound: ['페이지를 찾을 수 없습니다', '마감된 공고'],
  about: ['회사소개'],
  genericHeadings: ['채용 상세', '채용공고 상세', '채용정보 상세', '공고 상세', '상세 정보', '모집요강'],
};
