/** English vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const en: LanguageVocabulary = {
  code: 'en',
  labels: {
    title: ['job title', 'position title', 'position', 'role', 'vacancy', 'post', 'job', 'designation', 'title', 'name of the post', 'name of post', 'post name', 'job name', 'vacancy title', 'role title'],
    company: ['company', 'employer', 'organization', 'organisation', 'hiring organization', 'hiring company', 'company name', 'agency', 'institution', 'department / agency', 'recruiter', 'hiring entity', 'organization name', 'employing organization', 'employing organisation', 'hiring agency', 'employing agency', 'hiring institution', 'employer name', 'business name'],
    location: ['location', 'locations', 'job location', 'office', 'office location', 'work location', 'city', 'place of work', 'duty station', 'based in', 'region', 'country', 'address', 'work place', 'job address', 'primary location', 'place of posting', 'posting location', 'worksite', 'work site', 'duty location', 'job location(s)', 'locations of posting', 'work locations', 'place of employment', 'office address'],
    employment: ['employment type', 'job type', 'type', 'hours', 'contract type', 'contract', 'commitment', 'schedule', 'position type', 'work type', 'employment', 'job status', 'engagement', 'type of employment', 'working hours', 'appointment type', 'tenure', 'employee type', 'job schedule', 'time type', 'work schedule', 'employment status', 'worker type', 'position status', 'full/part time', 'full-time/part-time', 'contract length', 'employment basis', 'job category type', 'type of contract', 'nature of appointment', 'nature of employment'],
    workplace: ['workplace', 'workplace type', 'remote', 'remote job', 'remote position', 'remote eligible', 'work model', 'work arrangement', 'remote policy', 'remote work', 'work mode', 'work setting', 'remote type', 'location type', 'work location type', 'remote status', 'remote option', 'work style', 'working model', 'working arrangement', 'telework eligible', 'remote work allowed', 'telework', 'on-site/remote', 'flexible working'],
    salary: ['salary', 'compensation', 'pay', 'pay range', 'salary range', 'base salary', 'base pay', 'wage', 'wages', 'remuneration', 'pay scale', 'salary grade', 'offered salary', 'stipend', 'ctc', 'annual salary', 'hourly rate', 'rate', 'pay rate', 'starting salary', 'salary scale', 'emoluments', 'pay band', 'salary band', 'salary/wage', 'monthly salary', 'salary package', 'remuneration package', 'salary per annum', 'fellowship', 'honorarium', 'pay grade'],
    datePosted: ['date posted', 'posted', 'posted on', 'published', 'published on', 'publication date', 'posting date', 'opening date', 'open date', 'date opened', 'advertised', 'date advertised', 'listed on', 'start date of applications', 'job posting', 'date', 'date published', 'advertised on', 'posted date', 'date listed', 'first published', 'publish date', 'release date', 'advertisement date'],
    validThrough: ['closing date', 'apply by', 'deadline', 'application deadline', 'valid through', 'valid until', 'expires', 'expiry date', 'expiration date', 'closes', 'closing', 'last date', 'last date to apply', 'applications close', 'close date', 'end date', 'apply before', 'open until', 'unposting date', 'closing on', 'apply no later than', 'application closing date', 'job close date', 'posting end date', 'position closes', 'open till', 'last day to apply', 'application due', 'applications due', 'due date', 'closing date for applications', 'application end date', 'expiry', 'last date of application', 'last date for application', 'last date for receipt of applications'],
    department: ['department', 'team', 'division', 'business unit', 'function', 'category', 'job category', 'job function'],
    experience: ['experience', 'years of experience', 'experience required', 'minimum experience', 'work experience', 'seniority', 'seniority level', 'career level', 'experience level'],
    education: ['education', 'qualification', 'qualifications', 'degree', 'education level', 'minimum qualification', 'academic qualification'],
    apply: ['how to apply', 'to apply', 'apply at', 'apply'],
    applicationPeriod: ['opening and closing period', 'opening and closing dates', 'open & closing dates', 'open and closing dates', 'application period', 'posting period', 'advertising period', 'open period', 'application window', 'dates'],
  },
  apply: ['apply', 'apply now', 'apply for this job', 'apply for this position', 'apply for this role', 'apply online', 'apply here', 'apply today', 'easy apply', 'quick apply', 'submit application', 'submit your application', 'start application', 'start your application', 'i\'m interested', 'apply on company site', 'apply on company website', 'apply via', 'apply with linkedin', 'apply with indeed', 'send your cv', 'email your cv', 'apply by email', 'submit your cv', 'submit resume', 'apply for job', 'apply to job', 'apply to this job', 'apply now »', 'online application', 'submit an application'],
  vacancy: ['vacancy', 'vacancies', 'job opening', 'job offer', 'we are hiring', 'we\'re hiring', 'is hiring', 'job description', 'job summary', 'position summary', 'role overview', 'about the role', 'about the job', 'about the position', 'job requirements', 'recruitment'],
  sections: ['responsibilities', 'requirements', 'qualifications', 'what you\'ll do', 'what you will do', 'what we offer', 'what you bring', 'about the role', 'about the job', 'about the position', 'your role', 'your tasks', 'your profile', 'your mission', 'who you are', 'you have', 'nice to have', 'benefits', 'perks', 'duties', 'key responsibilities', 'job description', 'skills', 'the role', 'who we are looking for', 'essential criteria', 'desirable criteria', 'job duties', 'minimum qualifications', 'preferred qualifications'],
  employment: {
    full_time: ['full time', 'full-time', 'fulltime', 'permanent', 'regular'],
    part_time: ['part time', 'part-time', 'parttime', 'part time hours'],
    contract: ['contract', 'contractor', 'freelance', 'freelancer', 'consultant', 'self-employed'],
    temporary: ['temporary', 'temp', 'fixed term', 'fixed-term', 'seasonal', 'casual', 'fixed term contract', 'limited term', 'term appointment', 'term position', 'time-limited', 'not to exceed', 'maternity cover', 'locum', 'nte', 'term limited', 'term-limited'],
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
  deadline: ['applications close', 'apply by', 'apply before', 'closing date', 'applications must be received by', 'applications are due', 'submit your application by', 'deadline for applications', 'applications will be accepted until', 'accepting applications until', 'open until', 'applications close on', 'closes on', 'apply no later than', 'last date for submission', 'last date to apply', 'applications close at'],
};
