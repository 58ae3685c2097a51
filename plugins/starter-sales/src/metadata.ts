import type { MetadataDocument } from '@trellis/metadata';

const stageOptions = [
  { value: 'new', label: 'New', color: 'gray' },
  { value: 'qualified', label: 'Qualified', color: 'blue' },
  { value: 'proposal', label: 'Proposal', color: 'purple' },
  { value: 'negotiation', label: 'Negotiation', color: 'orange' },
  { value: 'won', label: 'Won', color: 'green' },
  { value: 'lost', label: 'Lost', color: 'red' },
];

const industryOptions = [
  { value: 'software', label: 'Software' },
  { value: 'manufacturing', label: 'Manufacturing' },
  { value: 'retail', label: 'Retail' },
  { value: 'finance', label: 'Finance' },
  { value: 'healthcare', label: 'Healthcare' },
];

/** Records the acting user owns. */
const OWNED_BY_ME = { '==': [{ var: 'record.owner' }, { var: 'user.id' }] };
/** Records of one of the acting user's teams. */
const IN_MY_TEAMS = { in: [{ var: 'record.team' }, { var: 'user.teams' }] };

/** Companies, the people who work there, and the deals in progress with them; a sales rep and a sales manager role. */
export const metadata: MetadataDocument = {
  entities: {
    company: {
      label: 'Company',
      pluralLabel: 'Companies',
      plural: 'companies',
      description: 'An organisation you sell to.',
      displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
        website: { type: 'url', label: 'Website' },
        industry: { type: 'select', label: 'Industry', options: industryOptions },
        employees: { type: 'integer', label: 'Employees', description: 'Approximate headcount.', min: 0 },
        annualRevenue: { type: 'currency', label: 'Annual revenue', min: 0, defaultCurrency: 'USD' },
        people: { type: 'relation', label: 'People', target: 'person', cardinality: 'oneToMany', inverse: 'company' },
        opportunities: { type: 'relation', label: 'Opportunities', target: 'opportunity', cardinality: 'oneToMany', inverse: 'company' },
      },
      layouts: {
        form: {
          sections: [{ label: 'Company', columns: 2, fields: ['name', 'industry', 'website', 'employees', 'annualRevenue'] }],
        },
        list: {
          columns: ['name', 'industry', 'employees', 'annualRevenue', 'website'],
          sort: [{ field: 'name', direction: 'asc' }],
        },
      },
    },
    person: {
      label: 'Person',
      pluralLabel: 'People',
      plural: 'people',
      description: 'A contact at a company.',
      displayField: 'lastName',
      fields: {
        firstName: { type: 'text', label: 'First name', required: true, maxLength: 100 },
        lastName: { type: 'text', label: 'Last name', required: true, maxLength: 100 },
        email: { type: 'email', label: 'Email', unique: true },
        phone: { type: 'phone', label: 'Phone' },
        title: { type: 'text', label: 'Job title', maxLength: 200 },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'people' },
      },
      layouts: {
        form: {
          sections: [
            { label: 'Person', columns: 2, fields: ['firstName', 'lastName', 'title', 'company'] },
            { label: 'Contact details', columns: 2, fields: ['email', 'phone'] },
          ],
        },
        list: {
          columns: ['lastName', 'firstName', 'title', 'company', 'email', 'phone'],
          sort: [
            { field: 'lastName', direction: 'asc' },
            { field: 'firstName', direction: 'asc' },
          ],
        },
      },
    },
    opportunity: {
      label: 'Opportunity',
      pluralLabel: 'Opportunities',
      plural: 'opportunities',
      description: 'A potential deal with a company.',
      displayField: 'name',
      fields: {
        name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
        amount: { type: 'currency', label: 'Amount', min: 0, defaultCurrency: 'USD' },
        stage: { type: 'select', label: 'Stage', required: true, defaultValue: 'new', options: stageOptions },
        probability: { type: 'percent', label: 'Probability', description: 'Chance of winning the deal, in percent.', min: 0, max: 100 },
        closeDate: { type: 'date', label: 'Close date', description: 'When the deal is expected to close.' },
        company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'opportunities' },
        notes: { type: 'longText', label: 'Notes' },
      },
      layouts: {
        form: {
          sections: [
            { label: 'Deal', columns: 2, fields: ['name', 'company', 'amount', 'stage', 'probability', 'closeDate'] },
            { label: 'Notes', columns: 1, fields: ['notes'] },
          ],
        },
        list: {
          columns: ['name', 'company', 'stage', 'amount', 'probability', 'closeDate'],
          sort: [{ field: 'closeDate', direction: 'asc' }],
        },
      },
    },
  },
  workflows: {
    closingSoon: {
      label: 'Closing soon reminder',
      description: 'A week before an open deal’s close date, its owner gets a task to close it (or move the date).',
      trigger: { type: 'dateRelative', entity: 'opportunity', field: 'closeDate', offset: { amount: 7, unit: 'days' }, direction: 'before' },
      condition: { '!': { in: [{ var: 'record.stage' }, ['won', 'lost']] } },
      steps: [
        {
          key: 'closeTask',
          type: 'createTask',
          title: 'Close {{record.name}} by {{record.closeDate}}',
          description: 'The close date is a week away. Win it, or move the close date if it slipped.',
          dueAt: { var: 'record.closeDate' },
        },
      ],
    },
  },
  roles: {
    salesRep: {
      label: 'Sales rep',
      description: 'Works their own deals; sees every company and person.',
      entities: {
        company: { read: true },
        person: { read: true },
        opportunity: { read: OWNED_BY_ME, create: true, update: OWNED_BY_ME, delete: OWNED_BY_ME },
      },
    },
    salesManager: {
      label: 'Sales manager',
      description: 'Sees and edits every company, person and deal; deletes those of their teams.',
      manageUsers: false,
      entities: {
        company: { read: true, create: true, update: true, delete: IN_MY_TEAMS },
        person: { read: true, create: true, update: true, delete: IN_MY_TEAMS },
        opportunity: { read: true, create: true, update: true, delete: IN_MY_TEAMS },
      },
    },
  },
};
