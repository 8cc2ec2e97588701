/**
 * How two dossiers relate (XR-…). Each side reads the relation from its own point of view: the
 * customer dossier shows "诉讼案卷 LS-…", the case file "涉诉客户档案 FC-…".
 */
export const dossierLinkRelations = ['same-customer', 'litigation', 'rental-sale', 'sales-service', 'copy-of', 'other'] as const;
export type DossierLinkRelation = (typeof dossierLinkRelations)[number];

interface Label {
  zh: string;
  en: string;
}

export interface RelationLabels {
  /** The relation as chosen when linking (this dossier … the other). */
  name: Label;
  /** What the other dossier is, seen from the first dossier of the pair. */
  forward: Label;
  /** What the first dossier is, seen from the other. */
  backward: Label;
  rule: string;
}

export const relationLabels: Record<DossierLinkRelation, RelationLabels> = {
  'same-customer': {
    name: { zh: '同一客户', en: 'Same customer' },
    forward: { zh: '同一客户的档案', en: 'Same customer’s dossier' },
    backward: { zh: '同一客户的档案', en: 'Same customer’s dossier' },
    rule: 'XR-01',
  },
  litigation: {
    name: { zh: '诉讼（本档 → 诉讼案卷）', en: 'Litigation (this → case file)' },
    forward: { zh: '诉讼案卷', en: 'Litigation case file' },
    backward: { zh: '涉诉客户档案', en: 'Customer dossier of the case' },
    rule: 'XR-02',
  },
  'rental-sale': {
    name: { zh: '租转售（租赁期档案 → 出售后档案）', en: 'Rental → sale' },
    forward: { zh: '出售后的客户档案', en: 'Dossier after the sale' },
    backward: { zh: '租赁期档案', en: 'Rental-period dossier' },
    rule: 'XR-04',
  },
  'sales-service': {
    name: { zh: '销售转售后（新车档案 → 售后档案）', en: 'Sales → service' },
    forward: { zh: '售后档案', en: 'Service dossier' },
    backward: { zh: '销售档案', en: 'Sales dossier' },
    rule: 'XR-05',
  },
  'copy-of': {
    name: { zh: '复印件（本档为复印件 → 原件档案）', en: 'Copy of (this → original)' },
    forward: { zh: '原件所在档案', en: 'Dossier with the originals' },
    backward: { zh: '复印件所在档案', en: 'Dossier with the copies' },
    rule: 'XR-12',
  },
  other: {
    name: { zh: '其他关联', en: 'Other' },
    forward: { zh: '相关档案', en: 'Related dossier' },
    backward: { zh: '相关档案', en: 'Related dossier' },
    rule: '',
  },
};
