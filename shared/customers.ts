import { isOrganisationCode, isResidentIdNumber } from './id-codes';

/** A customer is a person or an organisation (DS-20/22: 单位客户 with ownership and supervising body). */
export const customerKinds = ['person', 'organisation'] as const;
export type CustomerKind = (typeof customerKinds)[number];

/** What a timeline record is (IN-14 visits and calls, letters, complaints; IN-15 major changes). */
export const customerRecordKinds = ['visit', 'call', 'letter', 'complaint', 'major-change', 'other'] as const;
export type CustomerRecordKind = (typeof customerRecordKinds)[number];

export const customerKindLabels: Record<CustomerKind, { zh: string; en: string }> = {
  person: { zh: '个人', en: 'Person' },
  organisation: { zh: '单位', en: 'Organisation' },
};

export const customerRecordKindLabels: Record<CustomerRecordKind, { zh: string; en: string }> = {
  visit: { zh: '走访', en: 'Visit' },
  call: { zh: '电话', en: 'Call' },
  letter: { zh: '来函/去函', en: 'Letter' },
  complaint: { zh: '投诉', en: 'Complaint' },
  'major-change': { zh: '重大变化', en: 'Major change' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * Whether the customer a dossier names is a person or an organisation: organisations for a
 * company customer dossier, or when the ID code is an organisation's (and no resident ID number).
 */
export function customerKindOf(subjectKind: string, idCode: string | null): CustomerKind {
  if (subjectKind === 'customer-org') return 'organisation';
  const code = idCode?.replace(/[\s-]/g, '').toUpperCase() ?? '';
  return code && !isResidentIdNumber(code) && isOrganisationCode(code) ? 'organisation' : 'person';
}
