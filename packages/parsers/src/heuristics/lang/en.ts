/** English vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const en: LanguageVocabulary = {
  code: 'en',
  labels: {
    title: ['job title', 'position title', 'position', 'role', 'vacancy', 'post', 'job', 'designation', 'title'],
    company: ['company', 'employer', 'organization', 'organisation', 'hiring organization', 'hiring company', 'company name', 'agency', 'institution', 'department / agency', 'recruiter', 'hiring entity'],
    location: ['location', 'locations', 'job location', 'office', 'office location', 'work location', 'city', 'place of work', 'duty station', 'based in', 'region', 'country', 'address', 'work place', 'job address'],
    employment: ['employment type', 'job type', 'type', 'hours', 'contract type', 'contract', 'commitment', 'schedule', 'position type', 'work type', 'employment', 'job status', 'engagement', 'type of employment', 'working hours', 'appointment type', 'tenure'],
    workplace: ['workplace', 'workplace type', 'remote', 'remote job', 'remote position', 'remote eligible', 'work model', 'work arrangement', 'remote policy', 'remote work', 'work mode', 'work setting'],
    salary: ['salary', 'compensation', 'pay', 'pay range', 'salary range', 'base salary', 'base pay', 'wage', 'wages', 'remuneration', 'pay scale', 'salary grade', 'offered salary', 'stipend', 'ctc', 'annual salary', 'hourly rate', 'rate'],
    datePosted: ['date posted', 'posted', 'posted on', 'published', 'published on', 'publication date', 'posting date', 'opening date', 'open date', 'date opened', 'advertised', 'date advertised', 'listed on', 'start date of applications'],
    validThrough: ['closing date', 'apply by', 'deadline', 'application deadline', 'valid through', 'valid until', 'expires', 'expiry date', 'expiration date', 'closes', 'closing', 'last date', 'last date to apply', 'applications close', 'close date', 'end date', 'apply before', 'open until'],
    department: ['department', 'team', 'division', 'business unit', 'function', 'category', 'job category', 'job function'],
    experience: ['experience', 'years of experience', 'experience required', 'minimum experience', 'work experience', 'seniority', 'seniority level', 'career level', 'experience level'],
    education: ['education', 'qualification', 'qualifications', 'degree', 'education level', 'minimum qualification', 'academic qualification'],
    apply: ['how to apply', 'to apply', 'apply at', 'apply'],
    applicationPeriod: ['opening and closing period', 'opening and closing dates', 'open & closing dates', 'open and closing dates', 'application period', 'posting period', 'advertising period', 'open period', 'application window', 'dates'],
  },
  apply: ['apply', 'apply now', 'apply for this job', 'apply for this position', 'apply for this role', 'apply online', 'apply here', 'apply today', 'easy apply', 'quick apply', 'submit application', 'submit your application', 'start application', 'start your application', 'i\'m interested', 'apply on company site', 'apply on company website'],
  vacancy: ['vacancy', 'vacancies', 'job opening', 'job offer', 'we are hiring', 'we\'re hiring', 'is hiring', 'job description', 'job summary', 'position summary', 'role overview', 'about the role', 'about the job', 'about the position', 'job requirements', 'recruitment'],
  sections: ['responsibilities', 'requirements', 'qualifications', 'what you\'ll do', 'what you will do', 'what we offer', 'what you bring', 'about the role', 'about the job', 'about the position', 'your role', 'your tasks', 'your profile', 'your mission', 'who you are', 'you have', 'nice to have', 'benefits', 'perks', 'duties', 'key responsibilities', 'job description', 'skills', 'the role', 'who we are looking for', 'essential criteria', 'desirable criteria', 'job duties', 'minimum qualifications', 'preferred qualifications'],
  employment: {
    full_time: ['full time', 'full-time', 'fulltime', 'permanent', 'regular'],
    part_time: ['part time', 'part-time', 'parttime'],
    contract: ['contract', 'contractor', 'freelance', 'freelancer', 'consultant', 'self-employed'],
    temporary: ['temporary', 'temp', 'fixed term', 'fixed-term', 'seasonal', 'casual'],
    internship: ['internship', 'intern', 'trainee', 'apprenticeship', 'graduate program', 'work study', 'co-op'],
    volunteer: ['volunteer', 'unpaid'],
  },
  workplace: {
    remote: ['remote', 'fully remote', 'work from home', 'work from anywhere', 'telecommute', 'wfh', 'remote-first'],
    hybrid: ['hybrid', 'partially remote', 'partly remote'],
    onsite: ['on-site', 'onsite', 'on site', 'in office', 'in-office', 'in person', 'in-person', 'office-based'],
  },
  listing: ['jobs', 'job openings', 'open positions', 'open roles', 'openings', 'careers', 'career opportunities', 'vacancies', 'positions', 'current vacancies', 'current openings', 'all jobs', 'job search', 'search results', 'job listings', 'browse jobs', 'latest jobs', 'join our team', 'join the team', 'work with us', 'find jobs', 'search jobs', 'recommended jobs', 'similar jobs'],
  login: ['log in', 'login', 'sign in', 'signin', 'sign up', 'create account', 'forgot password'],
  notFound: ['page not found', 'not found', 'no longer available', 'no longer exists', 'no longer accepting applications', 'no longer open', 'job has expired', 'position has been filled', 'job is closed', 'posting has closed', 'this job has expired', 'job not found', 'this position is closed', 'vacancy has closed'],
  atEmployer: ['at', '@'],
  about: ['about', 'about us at', 'who is'],
  genericHeadings: ['we\'re hiring', 'we are hiring', 'join us', 'now hiring', 'job details', 'job description', 'vacancy details', 'job information', 'job summary', 'position details', 'overview', 'details', 'description', 'apply', 'share this job', 'similar jobs', 'related jobs', 'other jobs', 'job detail', 'home', 'menu', 'search', 'careers', 'jobs', 'notifications', 'messages', 'sign in', 'welcome', 'cookie settings', 'we value your privacy'],
};
