/** Vietnamese vocabulary for heuristics. @module */
import type { LanguageVocabulary } from './types.js';

export const vi: LanguageVocabulary = {
  code: 'vi',
  labels: {
    title: ['vị trí', 'chức danh', 'vị trí tuyển dụng'],
    company: ['công ty', 'tên công ty', 'nhà tuyển dụng', 'đơn vị'],
    location: ['địa điểm', 'địa điểm làm việc', 'nơi làm việc', 'địa chỉ', 'khu vực'],
    employment: ['hình thức', 'hình thức làm việc', 'loại hình', 'loại hình công việc'],
    salary: ['mức lương', 'lương', 'thu nhập'],
    datePosted: ['ngày đăng', 'ngày đăng tuyển', 'cập nhật'],
    validThrough: ['hạn nộp hồ sơ', 'hạn nộp', 'hạn chót', 'ngày hết hạn'],
    department: ['phòng ban', 'bộ phận'],
    experience: ['kinh nghiệm', 'yêu cầu kinh nghiệm'],
    education: ['học vấn', 'bằng cấp', 'trình độ'],
    workplace: ['hình thức làm việc', 'hình thức'],
    apply: ['cách thức ứng tuyển', 'ứng tuyển'],
  },
  apply: ['ứng tuyển', 'ứng tuyển ngay', 'nộp hồ sơ', 'nộp đơn'],
  vacancy: ['tuyển dụng', 'tuyển', 'mô tả công việc', 'yêu cầu công việc', 'quyền lợi'],
  sections: ['mô tả công việc', 'yêu cầu công việc', 'yêu cầu ứng viên', 'quyền lợi', 'phúc lợi'],
  employment: {
    full_time: ['toàn thời gian', 'chính thức'],
    part_time: ['bán thời gian', 'part-time'],
    contract: ['hợp đồng', 'freelancer', 'cộng tác viên'],
    temporary: ['thời vụ', 'tạm thời'],
    internship: ['thực tập', 'thực tập sinh'],
  },
  workplace: { remote: ['làm việc từ xa', 'từ xa'], hybrid: ['kết hợp', 'linh hoạt'], onsite: ['làm việc tại văn phòng', 'tại văn phòng'] },
  listing: ['tuyển dụng', 'việc làm', 'cơ hội nghề nghiệp', 'kết quả tìm kiếm'],
  login: ['đăng nhập', 'đăng ký'],
  notFound: ['không tìm thấy trang', 'tin tuyển dụng đã hết hạn'],
  about: ['về'],
  genericHeadings: ['chi tiết công việc'],
};
