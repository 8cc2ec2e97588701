import type { Db } from '../../../../db/open';
import type { Settings, SystemSettings } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import type { ErrorIssue } from '../../../../shared/errors';
import { invalidInput } from '../../invalid-input';
import { currentTypes } from '../types/type-catalog';

/**
 * What the schemas of the registers' settings cannot see, because it depends on the archive: the
 * dossier types and their date fields and checklists, the confidentiality scale, and what a
 * routing rule without approvers would mean. Department codes in the violation rules are not
 * checked: the defaults name 销售部 (XSB) and 售后服务部 (SHB), which an archive may not have, and a
 * code without a department simply matches nobody.
 */
export function checkRegisterSettings(db: Db, changes: Partial<SystemSettings>, before: Settings): void {
  const types = new Map(currentTypes(db).map((type) => [type.definition.key, type.definition]));
  const issues = [
    ...routingProblems(changes),
    ...intakeDeadlineProblems(changes, types),
    ...loanPeriodProblems(changes, types, before),
    ...violationRuleProblems(changes, types),
  ];
  if (issues.length > 0) throw invalidInput(issues);
}

type Types = ReadonlyMap<string, TypeDefinition>;

const issue = (path: string, message: string, messageEn: string): ErrorIssue => ({ path, message, messageEn });
const noType = (path: string, key: string, prefix = { zh: '', en: '' }): ErrorIssue =>
  issue(path, `${prefix.zh}没有档案类型“${key}”`, `${prefix.en}${prefix.en ? 'there' : 'There'} is no dossier type "${key}"`);
const nameEn = (type: TypeDefinition) => type.nameEn ?? type.name;

/** A rule without approvers adds nobody to the route: only a rule that asks for the assistance notice does something without them. */
function routingProblems({ approvalRouting }: Partial<SystemSettings>): ErrorIssue[] {
  return (approvalRouting ?? []).flatMap((rule, index) =>
    rule.approvers.length === 0 && !rule.requiresAssistanceNotice
      ? [issue(`approvalRouting.${index}.approvers`, `规则“${rule.label}”没有审批人：至少指定一位审批人`, `The rule "${rule.label}" has no approver: name at least one`)]
      : [],
  );
}

function intakeDeadlineProblems({ intakeDeadlines }: Partial<SystemSettings>, types: Types): ErrorIssue[] {
  return Object.entries(intakeDeadlines ?? {}).flatMap(([key, deadline]) => {
    const type = types.get(key);
    if (!type) return [noType(`intakeDeadlines.${key}`, key)];
    if (deadline.triggerField === null) return [];
    const dates = type.fields.filter((f) => f.kind === 'date');
    const field = type.fields.find((f) => f.key === deadline.triggerField);
    if (field?.kind === 'date') return [];
    const offered = dates.length > 0 ? { zh: `（可选：${dates.map((f) => f.label).join('、')}）`, en: ` (there is: ${dates.map((f) => f.labelEn ?? f.label).join(', ')})` } : null;
    const path = `intakeDeadlines.${key}.triggerField`;
    if (field) {
      return [issue(path, `“${type.name}”的字段“${field.label}”不是日期字段：期限只能从日期字段起算${offered?.zh ?? ''}`, `Field "${field.labelEn ?? field.label}" of "${nameEn(type)}" is not a date: a deadline runs from a date field${offered?.en ?? ''}`)];
    }
    return [
      offered
        ? issue(path, `“${type.name}”没有字段“${deadline.triggerField}”：期限只能从该类型的日期字段起算${offered.zh}`, `"${nameEn(type)}" has no field "${deadline.triggerField}": a deadline runs from a date field of the type${offered.en}`)
        : issue(path, `“${type.name}”没有字段“${deadline.triggerField}”：此类型没有日期字段，起算日期只能在每次签收时填写`, `"${nameEn(type)}" has no field "${deadline.triggerField}": the type has no date field, so the date is given at each hand-over`),
    ];
  });
}

function loanPeriodProblems({ loanPeriods }: Partial<SystemSettings>, types: Types, before: Settings): ErrorIssue[] {
  if (!loanPeriods) return [];
  const top = before.levels.length - 1;
  return [
    ...Object.keys(loanPeriods.byLevel)
      .filter((rank) => Number(rank) > top)
      .map((rank) => issue(`loanPeriods.byLevel.${rank}`, `没有第 ${rank} 级密级（密级表共 ${top + 1} 级：0–${top}）`, `There is no level ${rank} (the scale has ${top + 1} levels: 0–${top})`)),
    ...Object.keys(loanPeriods.byType)
      .filter((key) => !types.has(key))
      .map((key) => noType(`loanPeriods.byType.${key}`, key)),
  ];
}

/** Types a rule names must exist; the checklist items it names must be items of those types (of any type, when it names none). */
function violationRuleProblems({ violationRules }: Partial<SystemSettings>, types: Types): ErrorIssue[] {
  return (violationRules?.rules ?? []).flatMap((rule, index) => {
    const prefix = { zh: `规则 ${rule.code}：`, en: `Rule ${rule.code}: ` };
    const unknown = (rule.types ?? []).filter((key) => !types.has(key));
    const problems = unknown.map((key) => noType(`violationRules.rules.${index}.types`, key, prefix));
    if (problems.length > 0) return problems;
    const named = (rule.types ?? [...types.keys()]).flatMap((key) => types.get(key) ?? []);
    const strangers = (rule.items ?? []).filter((item) => !named.some((type) => type.checklist.some((c) => c.key === item)));
    for (const item of strangers) {
      const which = rule.types ? { zh: `“${named.map((t) => t.name).join('”或“')}”`, en: `"${named.map(nameEn).join('" or "')}"` } : { zh: '任何档案类型', en: 'any dossier type' };
      problems.push(issue(`violationRules.rules.${index}.items`, `${prefix.zh}“${item}”不是${which.zh}的必备材料`, `${prefix.en}"${item}" is not a checklist item of ${which.en}`));
    }
    return problems;
  });
}
