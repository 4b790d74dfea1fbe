// How roles and states read in the identity pages.

export const ROLE_LABEL = { TRADER: 'Trader', BROKER: 'Customs broker', OFFICER: 'Customs officer', ADMIN: 'Platform administrator', AGENCY_OFFICER: 'Agency officer', RISK_ANALYST: 'Risk analyst', IMAGE_ANALYST: 'Image analyst', TERMINAL_OPERATOR: 'Terminal operator' } as const;
