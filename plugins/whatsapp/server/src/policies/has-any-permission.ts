type PolicyContext = { state: { userAbility?: { can(action: string, subject?: unknown): boolean } } };

/**
 * `plugin::whatsapp.has-any-permission`: the admin holds at least one of `config.actions`
 * (Strapi's `admin::hasPermissions` asks for all of them).
 */
export const hasAnyPermission = (context: PolicyContext, config: { actions?: string[] }) =>
  (config.actions ?? []).some((action) => Boolean(context.state.userAbility?.can(action)));
