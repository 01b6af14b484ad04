/** Roles people play in sessions, offered in pickers; anything else can still be typed. */
export const SESSION_ROLES = ['participant', 'facilitator', 'interviewer', 'kaumātua', 'kaitiaki', 'analyst'] as const;

/** The session roles, plus `extra` (a role the core suggested) when it is not one of them. */
export function roleOptions(extra?: string): string[] {
  const roles: string[] = [...SESSION_ROLES];
  if (extra && !roles.includes(extra)) roles.push(extra);
  return roles;
}

export const MODE_LABELS = { mainstream: 'Mainstream', tikanga: 'Tikanga-based' } as const;
