import { findDossierById } from '../../../../db/repositories/dossiers';
import { listDepartments } from '../../../../db/repositories/departments';
import type { Db } from '../../../../db/open';
import type { SummaryNames } from '../../../../shared/audit-actions';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import type { Message } from '../../../../shared/errors';
import { levelAt, type ConfidentialityLevel } from '../../../../shared/levels';
import type { ActiveSession } from '../../session';
import { definitionOf } from '../dossiers/dossier-summary';
import { currentTypes } from '../types/type-catalog';

/** Keys under which events record a confidentiality rank. */
const RANK_KEYS = new Set(['clearance', 'level', 'defaultDossierLevel']);

/**
 * The names behind the codes an event's summary records, looked up in the archive for a page of
 * events: type keys, department codes (by name), level ranks, and – for an event on a dossier or an
 * import – the labels of its type's fields and checklist items.
 */
export class SummaryNamer {
  private readonly departments: Map<string, string>;
  private readonly types: Map<string, TypeDefinition>;
  private readonly dossierTypes = new Map<number, TypeDefinition | null>();

  constructor(
    private readonly db: Db,
    private readonly session: ActiveSession,
  ) {
    this.departments = new Map(listDepartments(db).map((d) => [d.code, d.name]));
    this.types = new Map(currentTypes(db).map((t) => [t.definition.key, t.definition]));
  }

  /** The names for one event: its dossier's type (or the imported type) gives field and item labels. */
  forEvent(action: string, target: { type: string; id: string } | null, summary: Record<string, unknown> | null): SummaryNames {
    const definition = this.definitionFor(target, summary);
    const levels = this.session.settings.levels;
    return {
      value: (key, value): Message | null => {
        if (RANK_KEYS.has(key) && typeof value === 'number') return value < levels.length ? levelName(levelAt(levels, value)) : null;
        if (typeof value !== 'string') return null;
        // Levels and types recorded by name (older events, and dossier:create) still read in English.
        if (RANK_KEYS.has(key)) {
          const level = levels.find((l) => l.name === value);
          return level ? levelName(level) : null;
        }
        if (key === 'department' || key === 'departmentCode' || (key === 'parent' && action.startsWith('department:'))) {
          const name = this.departments.get(value);
          return name ? same(`${name}（${value}）`) : null;
        }
        if (key === 'type') {
          const type = this.types.get(value) ?? [...this.types.values()].find((t) => t.name === value);
          return type ? { zh: type.name, en: type.nameEn ?? type.name } : null;
        }
        if (key === 'checklistItem') {
          const item = definition?.checklist.find((c) => c.key === value);
          return item ? { zh: item.name, en: item.nameEn ?? item.name } : null;
        }
        return null;
      },
      label: (parent, key): Message | null => {
        if (parent !== 'fields') return null;
        const field = definition?.fields.find((f) => f.key === key);
        return field ? { zh: field.label, en: field.labelEn ?? field.label } : null;
      },
    };
  }

  private definitionFor(target: { type: string; id: string } | null, summary: Record<string, unknown> | null): TypeDefinition | null {
    if (target?.type === 'dossier' && target.id !== '') {
      const id = Number(target.id);
      if (!this.dossierTypes.has(id)) {
        const record = findDossierById(this.db, id);
        this.dossierTypes.set(id, record ? definitionOf(this.db, record) : null);
      }
      return this.dossierTypes.get(id) ?? null;
    }
    return typeof summary?.type === 'string' ? (this.types.get(summary.type) ?? null) : null;
  }
}

const same = (text: string): Message => ({ zh: text, en: text });
const levelName = (level: ConfidentialityLevel): Message => ({ zh: level.name, en: level.nameEn ?? level.name });
