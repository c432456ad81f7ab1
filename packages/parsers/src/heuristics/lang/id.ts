/** Indonesian vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const id: LanguageVocabulary = {
  code: 'id',
  labels: {
    title: ['posisi', 'jabatan'],
    company: ['perusahaan', 'nama perusahaan', 'instansi'],
    location: ['lokasi', 'lokasi kerja', 'penempatan', 'kota', 'alamat'],
    employment: ['tipe pekerjaan', 'jenis pekerjaan', 'status kerja', 'jenis kontrak'],
    salary: ['gaji', 'kisaran gaji', 'upah'],
    datePosted: ['tanggal posting', 'diposting', 'tanggal dipublikasikan'],
    validThrough: ['batas lamaran', 'batas waktu', 'tanggal tutup', 'berlaku hingga'],
    department: ['departemen', 'divisi'],
    experience: ['pengalaman', 'pengalaman kerja'],
    education: ['pendidikan', 'pendidikan minimal'],
    workplace: ['tipe pekerjaan', 'sistem kerja', 'model kerja'],
    apply: ['cara melamar'],
  },
  apply: ['lamar', 'lamar sekarang', 'kirim lamaran'],
  vacancy: ['lowongan', 'lowongan kerja', 'kami mencari', 'deskripsi pekerjaan', 'kualifikasi'],
  sections: ['deskripsi pekerjaan', 'kualifikasi', 'tanggung jawab', 'persyaratan', 'benefit'],
  employment: {
    full_time: ['penuh waktu', 'karyawan tetap'],
    part_time: ['paruh waktu'],
    contract: ['kontrak', 'lepas'],
    temporary: ['sementara'],
    internship: ['magang'],
  },
  workplace: { remote: ['kerja jarak jauh', 'dari rumah'], hybrid: ['hibrida'], onsite: ['kerja di kantor', 'wfo', 'di kantor'] },
  listing: ['lowongan kerja', 'karir', 'hasil pencarian'],
  login: ['masuk', 'daftar'],
  notFound: ['halaman tidak ditemukan', 'lowongan sudah ditutup'],
  about: ['tentang'],
};
