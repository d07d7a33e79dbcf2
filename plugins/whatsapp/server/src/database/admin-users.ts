/** Strapi's admin user tables, read (never written: Strapi manages its admins). */
export const ADMIN_TABLE = {
  users: 'admin_users',
  roles: 'admin_roles',
  userRoles: 'admin_users_roles_lnk',
} as const;

/** An admin user's name as Strapi's admin shows it: "First Last", else the username, else the e-mail. */
export const adminNameSql = (alias: string) =>
  `COALESCE(NULLIF(btrim(concat_ws(' ', ${alias}.firstname, ${alias}.lastname)), ''), ${alias}.username, ${alias}.email)`;
