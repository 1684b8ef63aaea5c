// The Korean name a fan knows for the banks that issue virtual accounts (PortOne's `Bank` codes).
// Codes not listed are shown as PortOne sends them.
const BANK_NAMES: Record<string, string> = {
  KDB: 'KDB산업은행',
  IBK: 'IBK기업은행',
  KOOKMIN: 'KB국민은행',
  SUHYUP: '수협은행',
  NONGHYUP: 'NH농협은행',
  LOCAL_NONGHYUP: '지역농축협',
  WOORI: '우리은행',
  STANDARD_CHARTERED: 'SC제일은행',
  CITI: '한국씨티은행',
  DAEGU: 'iM뱅크(대구)',
  BUSAN: '부산은행',
  KWANGJU: '광주은행',
  JEJU: '제주은행',
  JEONBUK: '전북은행',
  KYONGNAM: '경남은행',
  KFCC: '새마을금고',
  SHINHYUP: '신협',
  SAVINGS_BANK: '저축은행',
  POST: '우체국',
  HANA: '하나은행',
  SHINHAN: '신한은행',
  K_BANK: '케이뱅크',
  KAKAO: '카카오뱅크',
  TOSS: '토스뱅크',
};

export function koreanBankName(code: string): string {
  return BANK_NAMES[code] ?? code;
}
