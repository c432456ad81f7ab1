/** Turkish vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const tr: LanguageVocabulary = {
  code: 'tr',
  labels: {
    title: ['pozisyon', 'pozisyon adı', 'iş unvanı', 'unvan'],
    company: ['şirket', 'firma', 'işveren', 'kurum', 'şirket adı'],
    location: ['konum', 'lokasyon', 'şehir', 'çalışma yeri', 'iş yeri', 'adres', 'il'],
    employment: ['çalışma şekli', 'istihdam türü', 'çalışma türü', 'iş tipi', 'çalışma tercihi', 'çalışma tipi', 'pozisyon tipi'],
    workplace: ['çalışma modeli', 'çalışma tercihi'],
    salary: ['maaş', 'ücret', 'maaş aralığı', 'brüt maaş'],
    datePosted: ['yayın tarihi', 'yayınlanma tarihi', 'ilan tarihi', 'güncelleme tarihi'],
    validThrough: ['son başvuru tarihi', 'bitiş tarihi', 'son başvuru'],
    department: ['departman', 'bölüm', 'birim'],
    experience: ['deneyim', 'tecrübe', 'pozisyon seviyesi'],
    education: ['eğitim seviyesi', 'eğitim', 'öğrenim durumu'],
    apply: ['başvuru'],
  },
  apply: ['başvur', 'hemen başvur', 'başvuru yap', 'kolay başvur', 'ilana başvur'],
  vacancy: ['iş ilanı', 'ilan', 'aranıyor', 'arıyoruz', 'iş tanımı', 'aranan nitelikler', 'genel nitelikler'],
  sections: ['iş tanımı', 'aranan nitelikler', 'genel nitelikler', 'sorumluluklar', 'yan haklar', 'neler sunuyoruz', 'gereksinimler'],
  employment: {
    full_time: ['tam zamanlı', 'süresiz'],
    part_time: ['yarı zamanlı', 'part time'],
    contract: ['sözleşmeli', 'serbest çalışan', 'proje bazlı'],
    temporary: ['geçici', 'dönemsel', 'mevsimlik'],
    internship: ['stajyer', 'staj'],
    volunteer: ['gönüllü'],
  },
  workplace: {
    remote: ['uzaktan', 'evden çalışma', 'tamamen uzaktan'],
    hybrid: ['hibrit', 'hybrid'],
    onsite: ['iş yerinde', 'ofisten'],
  },
  listing: ['iş ilanları', 'açık pozisyonlar', 'kariyer', 'arama sonuçları'],
  login: ['giriş yap', 'üye ol', 'oturum aç'],
  notFound: ['sayfa bulunamadı', 'ilan yayından kaldırıldı', 'ilan süresi doldu'],
  about: ['hakkında'],
  genericHeadings: ['ilan detayı', 'iş ilanı detayı'],
  deadline: ['son başvuru tarihi', 'son başvuru'],
};
