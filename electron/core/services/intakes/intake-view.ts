import type { IntakeLineRecord, IntakeRecord } from '../../../../db/repositories/intakes';
import type { Db } from '../../../../db/open';
import type { IntakeDetail, IntakeDossierView, IntakeView } from '../../../../shared/contract';
import type { TypeDefinition } from '../../../../shared/dossier-types';
import { findType } from '../types/type-catalog';

const person = (p: { login: string; displayName: string }) => ({ login: p.login, displayName: p.displayName });

/** Turns book entries into what readers see; type names and field labels from the current type definitions. */
export class IntakeViews {
  private readonly types = new Map<string, TypeDefinition | null>();

  constructor(private readonly db: Db) {}

  view(record: IntakeRecord): IntakeView {
    const dossiers = record.dossiers.map((line) => this.line(line));
    return {
      id: record.id,
      handedOverAt: record.handedOverAt,
      recordedAt: record.recordedAt,
      fromDepartment: { code: record.fromDepartment.code, name: record.fromDepartment.name },
      handedBy: { name: record.handedByName, user: record.handedByUser ? person(record.handedByUser) : null },
      receivedBy: person(record.receivedBy),
      shortageNote: record.hiddenDossiers > 0 ? null : record.shortageNote,
      handedBySignature: { name: record.handedBySignature.name, drawn: record.handedBySignature.image !== undefined },
      receiverSignature: { name: record.receiverSignature.name, drawn: record.receiverSignature.image !== undefined },
      corrects: record.correctsId,
      correctedBy: record.correctedById,
      dossiers,
      hiddenDossiers: record.hiddenDossiers,
      workdaysLate: Math.max(0, ...dossiers.map((d) => d.workdaysLate ?? 0)),
      missingCount: dossiers.reduce((sum, d) => sum + d.missingCount, 0),
    };
  }

  detail(record: IntakeRecord): IntakeDetail {
    return { ...this.view(record), drawnSignatures: { handedBy: record.handedBySignature.image ?? null, receiver: record.receiverSignature.image ?? null } };
  }

  private line(line: IntakeLineRecord): IntakeDossierView {
    const definition = line.dossier.typeKey ? this.definition(line.dossier.typeKey) : null;
    const field = line.triggerField ? definition?.fields.find((f) => f.key === line.triggerField) : undefined;
    return {
      archiveNumber: line.dossier.archiveNumber,
      title: line.dossier.title,
      level: line.dossier.level,
      type: line.dossier.typeKey ? { key: line.dossier.typeKey, name: definition?.name ?? line.dossier.typeKey, nameEn: definition?.nameEn ?? null } : null,
      openedHere: line.openedHere,
      triggerDate: line.triggerDate,
      triggerField: line.triggerField ? { key: line.triggerField, label: field?.label ?? line.triggerField } : null,
      deadline: line.deadline,
      workdaysLate: line.workdaysLate,
      items: line.items,
      missingCount: line.missingCount,
    };
  }

  private definition(key: string): TypeDefinition | null {
    if (!this.types.has(key)) this.types.set(key, findType(this.db, key)?.definition ?? null);
    return this.types.get(key) ?? null;
  }
}
