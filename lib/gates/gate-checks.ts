// The gate's checks, in the order their reasons are shown. A container passes when every check passes.
// To add a check: write a GateCheck (gate-check.ts) in its own file, one line here, its codes in
// docs/gates.md.
import { checkDeclarationReleased } from './check-declaration-released';
import { checkNoOpenAlert } from './check-no-open-alert';
import { checkNoSuspectScan } from './check-no-suspect-scan';
import { checkPermitsSatisfied } from './check-permits-satisfied';
import { checkSealIntact } from './check-seal-intact';
import type { GateCheck } from './gate-check';

export const GATE_CHECKS: readonly GateCheck[] = [checkDeclarationReleased, checkPermitsSatisfied, checkSealIntact, checkNoOpenAlert, checkNoSuspectScan];
