// Who may do what. Checked on the server for every action, whatever the client shows.

export const ROLES = ['owner', 'agent', 'warehouse', 'finance', 'read_only'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  read: ['owner', 'agent', 'warehouse', 'finance', 'read_only'],
  'orders.write': ['owner', 'agent'],
  'returns.create': ['owner', 'agent'],
  'returns.review': ['owner', 'agent'], // approve, reject
  'returns.cancel': ['owner', 'agent'],
  'returns.label': ['owner', 'agent', 'warehouse'],
  'returns.receive': ['owner', 'warehouse'],
  'returns.inspect': ['owner', 'warehouse'],
  'returns.resolve': ['owner', 'finance'],
  // who owns a case: anyone who works cases may take one or hand it to a colleague
  'cases.assign': ['owner', 'agent', 'warehouse', 'finance'],
  // an internal note on a case: everyone who works cases (the warehouse notes what it found)
  'cases.note': ['owner', 'agent', 'warehouse', 'finance'],
  // photos and videos on a case: the team that talks to customers, and the warehouse at inspection
  'cases.evidence': ['owner', 'agent', 'warehouse'],
  // open a case for a customer (cancellation, address change, lost parcel, item problem, dispute ...)
  'cases.create': ['owner', 'agent'],
  // work a case: move it, offer, intercept, resolve (money beyond the case's own amount is goodwill,
  // held to the policy's per-role ceiling)
  'cases.resolve': ['owner', 'agent', 'finance'],
  // a replacement order: record its shipment, collect a price difference
  'replacements.write': ['owner', 'agent', 'warehouse'],
  // connections to outside systems: the owner sets them, finance and agents see their deliveries
  'integrations.write': ['owner'],
  'integrations.read': ['owner', 'agent', 'finance'],
  // store credit: issue a code (goodwill by hand), spend one at the store's checkout, void one
  'credit.issue': ['owner', 'agent', 'finance'],
  'credit.redeem': ['owner', 'agent'],
  'credit.void': ['owner', 'finance'],
  // write to customers (a reply from the case page) and take in their mail (inbound email)
  'messages.send': ['owner', 'agent'],
  // the store's own wording of its messages, per language, and when news may go out
  'messages.settings': ['owner', 'agent'],
  'policy.write': ['owner'],
  // a supplier's return terms bind the store's money: the owner sets them
  'suppliers.write': ['owner'],
  // claims against suppliers: built and followed by finance and the team that knows the cases
  'claims.write': ['owner', 'agent', 'finance'],
  // what a supplier credited: finance books it
  'claims.credit': ['owner', 'finance'],
  // the store's exchange rates: finance keeps them, the owner too
  'rates.write': ['owner', 'finance'],
  // disposition by cost: the store's cost tables and the actual cost of a route once known
  'disposition.write': ['owner', 'finance'],
  'tokens.write': ['owner'],
  'security.read': ['owner'],
  'users.write': ['owner'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
