import type { RegisterKind } from '../../../../shared/contract';
import type { RegisterSourceMaker } from '../register-source';
import { approvalRegisterSource } from './approvals';
import { intakeRegisterSource } from './intakes';
import { kpiRegisterSource } from './kpi';
import { loanRegisterSource } from './loans';
import { violationRegisterSource } from './violations';

/** Every printable register by its kind. */
export const registerSources: Record<RegisterKind, RegisterSourceMaker> = {
  intake: intakeRegisterSource,
  consultations: loanRegisterSource('consultation'),
  loans: loanRegisterSource('loan'),
  approvals: approvalRegisterSource,
  kpi: kpiRegisterSource,
  violations: violationRegisterSource,
};
