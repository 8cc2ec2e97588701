import { z } from 'zod';
import { bilingual } from './validation';

/**
 * Confidentiality levels (密级): an ordered scale, lowest first; a level's rank is its position.
 * What a level means is carried by flags rather than by its name, so a company that renames its
 * levels (or uses its letter grades) keeps the rules:
 * - `classified` (秘密 and above by default): copying, excerpting and exporting need an approval
 *   record, exports carry a watermark, every view is audited;
 * - `marked` (机密 and above, CF-01): marked in every listing's remark column and on every printed
 *   page, stored separately, held by a named custodian.
 */
export interface ConfidentialityLevel {
  name: string;
  /** The name in the English interface, if the archive gives one. */
  nameEn?: string | null | undefined;
  /** The company letter grade (CF-03: A/B/C), shown instead of the name when chosen. */
  grade: string | null;
  classified: boolean;
  marked: boolean;
}

export type LevelLabelling = 'name' | 'grade';

export const defaultLevels: ConfidentialityLevel[] = [
  { name: '公开', nameEn: 'Public', grade: null, classified: false, marked: false },
  { name: '内部', nameEn: 'Internal', grade: 'C', classified: false, marked: false },
  { name: '秘密', nameEn: 'Confidential', grade: 'B', classified: true, marked: false },
  { name: '机密', nameEn: 'Secret', grade: 'A', classified: true, marked: true },
  { name: '绝密', nameEn: 'Top secret', grade: null, classified: true, marked: true },
];

/** The default level of new customer dossiers: 内部. */
export const DEFAULT_DOSSIER_LEVEL = 1;

const levelSchema = z.strictObject({
  name: z.string().trim().min(1, bilingual('密级名称不能为空', 'A level needs a name')).max(16),
  nameEn: z.string().trim().max(24).nullable().optional(),
  grade: z.string().trim().min(1).max(8).nullable(),
  classified: z.boolean(),
  marked: z.boolean(),
});

export const levelScaleSchema = z
  .array(levelSchema)
  .min(2, bilingual('密级至少要有 2 级', 'The scale needs at least 2 levels'))
  .max(9, bilingual('密级最多 9 级', 'The scale has at most 9 levels'))
  .superRefine((levels, ctx) => {
    const names = levels.map((l) => l.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', ...bilingual('密级名称不能重复', 'Level names must differ') });
    const grades = levels.flatMap((l) => (l.grade ? [l.grade] : []));
    if (new Set(grades).size !== grades.length) ctx.addIssue({ code: 'custom', ...bilingual('字母等级不能重复', 'Letter grades must differ') });
    levels.forEach((level, i) => {
      const below = levels[i - 1];
      if (level.marked && !level.classified) ctx.addIssue({ code: 'custom', path: [i], ...bilingual(`“${level.name}”需标注则必须是涉密级`, `"${level.name}" is marked, so it must be classified`) });
      if (below?.classified && !level.classified) ctx.addIssue({ code: 'custom', path: [i], ...bilingual('涉密级之上的密级也必须是涉密级', 'Every level above a classified level must be classified') });
      if (below?.marked && !level.marked) ctx.addIssue({ code: 'custom', path: [i], ...bilingual('需标注的密级之上也必须标注', 'Every level above a marked level must be marked') });
    });
  });

/** The level at a rank; a rank beyond the scale counts as its top level, never as a lower one. */
export function levelAt(levels: readonly ConfidentialityLevel[], rank: number): ConfidentialityLevel {
  const level = levels[Math.max(0, Math.min(rank, levels.length - 1))];
  if (!level) throw new RangeError('empty confidentiality scale');
  return level;
}

export function levelLabel(levels: readonly ConfidentialityLevel[], rank: number, labelling: LevelLabelling = 'name', language: 'zh' | 'en' = 'zh'): string {
  const level = levelAt(levels, rank);
  if (labelling === 'grade' && level.grade) return level.grade;
  return language === 'en' && level.nameEn ? level.nameEn : level.name;
}

/** The remark a listing shows for a dossier of this level (CF-01): the level's name when marked. */
export function levelRemark(levels: readonly ConfidentialityLevel[], rank: number): string | null {
  const level = levelAt(levels, rank);
  return level.marked ? level.name : null;
}

/** A level given by its name (`机密`), its letter grade (`A`) or its rank (`3`), as the CLI accepts it. */
export function parseLevel(levels: readonly ConfidentialityLevel[], text: string): number | null {
  const value = text.trim();
  const byName = levels.findIndex((l) => l.name === value || (l.grade !== null && l.grade.toUpperCase() === value.toUpperCase()));
  if (byName >= 0) return byName;
  if (/^\d+$/.test(value) && Number(value) < levels.length) return Number(value);
  return null;
}
