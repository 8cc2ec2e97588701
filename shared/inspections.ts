/**
 * Custody inspections (保管检查, ST-02…ST-05): the checklist of the storeroom, what a finding on a
 * dossier may be, and the outcomes of a repair (修复). Shared by the core, the CLI and the screens.
 */

/** How often every place is inspected: every half-year (ST-02), or every quarter (ST-05's stricter text). */
export const inspectionIntervals = ['half-year', 'quarter'] as const;
export type InspectionInterval = (typeof inspectionIntervals)[number];

export const intervalMonths: Record<InspectionInterval, number> = { 'half-year': 6, quarter: 3 };

/** The checklist of an inspection, in the order of the printed record. */
export const checkItems = ['doors', 'windows', 'locks', 'ventilation', 'humidity', 'temperature', 'mould', 'pests', 'dust', 'fading', 'damage'] as const;
export type CheckItem = (typeof checkItems)[number];

/** Items read off an instrument: a reading goes with the verdict. */
export const measuredItems: Readonly<Partial<Record<CheckItem, { unit: string; min: number; max: number }>>> = {
  humidity: { unit: '%RH', min: 0, max: 100 },
  temperature: { unit: '℃', min: -40, max: 60 },
};

export const checkItemLabels: Record<CheckItem, { zh: string; en: string }> = {
  doors: { zh: '门', en: 'Doors' },
  windows: { zh: '窗', en: 'Windows' },
  locks: { zh: '柜、锁', en: 'Cabinets and locks' },
  ventilation: { zh: '通风', en: 'Ventilation' },
  humidity: { zh: '湿度', en: 'Humidity' },
  temperature: { zh: '温度', en: 'Temperature' },
  mould: { zh: '防潮防霉', en: 'Moisture and mould' },
  pests: { zh: '防虫防鼠', en: 'Insects, pests and rodents' },
  dust: { zh: '防尘', en: 'Dust' },
  fading: { zh: '字迹褪色', en: 'Faded writing' },
  damage: { zh: '材料破损', en: 'Damaged material' },
};

export const checkStatuses = ['ok', 'problem'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const checkStatusLabels: Record<CheckStatus, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'OK' },
  problem: { zh: '有问题', en: 'Problem' },
};

/** What was found on one dossier. */
export const findingKinds = ['faded', 'torn', 'mould', 'missing-pages', 'other'] as const;
export type FindingKind = (typeof findingKinds)[number];

export const findingKindLabels: Record<FindingKind, { zh: string; en: string }> = {
  faded: { zh: '字迹褪色', en: 'Faded writing' },
  torn: { zh: '破损', en: 'Torn' },
  mould: { zh: '霉变', en: 'Mould' },
  'missing-pages': { zh: '缺页', en: 'Missing pages' },
  other: { zh: '其他', en: 'Other' },
};

export const repairOutcomes = ['repaired', 'copy', 'irreparable'] as const;
export type RepairOutcome = (typeof repairOutcomes)[number];

export const repairOutcomeLabels: Record<RepairOutcome, { zh: string; en: string }> = {
  repaired: { zh: '已修复', en: 'Repaired' },
  copy: { zh: '以复制件替代', en: 'Replaced by a copy' },
  irreparable: { zh: '无法修复', en: 'Cannot be repaired' },
};

/** A place is "due" this many days before its inspection falls due. */
export const DUE_SOON_DAYS = 30;
