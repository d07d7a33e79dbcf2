import type { AuditAction } from '../../../../shared/audit';

/** An action as a translation key segment: keys are dotted paths, actions hold a dot. */
export const actionKey = (action: AuditAction) => action.replace('.', '-');
