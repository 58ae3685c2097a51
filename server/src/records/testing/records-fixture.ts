/** A document using every built-in field type and every relation cardinality, for record tests. */
import type { MetadataDocument } from '@trellis/metadata';

export function recordsDocument(): MetadataDocument {
  return {
    entities: {
      company: {
        label: 'Company',
        pluralLabel: 'Companies',
        plural: 'companies',
        fields: {
          name: { type: 'text', label: 'Name', required: true, maxLength: 200 },
          employees: { type: 'integer', label: 'Employees', min: 0 },
          revenue: { type: 'currency', label: 'Revenue', defaultCurrency: 'EUR' },
          people: { type: 'relation', label: 'People', target: 'person', cardinality: 'oneToMany', inverse: 'company' },
        },
      },
      person: {
        label: 'Person',
        pluralLabel: 'People',
        plural: 'people',
        fields: {
          name: { type: 'text', label: 'Name', required: true },
          email: { type: 'email', label: 'Email', unique: true },
          bio: { type: 'longText', label: 'Bio' },
          age: { type: 'integer', label: 'Age' },
          score: { type: 'decimal', label: 'Score', scale: 3 },
          salary: { type: 'currency', label: 'Salary' },
          ratio: { type: 'percent', label: 'Ratio' },
          active: { type: 'boolean', label: 'Active' },
          birthday: { type: 'date', label: 'Birthday' },
          lastSeen: { type: 'dateTime', label: 'Last seen' },
          status: {
            type: 'select',
            label: 'Status',
            options: [
              { value: 'lead', label: 'Lead' },
              { value: 'customer', label: 'Customer' },
              { value: 'churned', label: 'Churned' },
            ],
          },
          interests: {
            type: 'multiSelect',
            label: 'Interests',
            options: [
              { value: 'golf', label: 'Golf' },
              { value: 'chess', label: 'Chess' },
              { value: 'sailing', label: 'Sailing' },
            ],
          },
          phone: { type: 'phone', label: 'Phone' },
          website: { type: 'url', label: 'Website' },
          meta: { type: 'json', label: 'Meta' },
          company: { type: 'relation', label: 'Company', target: 'company', cardinality: 'manyToOne', inverse: 'people' },
          projects: { type: 'relation', label: 'Projects', target: 'project', cardinality: 'manyToMany', inverse: 'members' },
        },
      },
      project: {
        label: 'Project',
        pluralLabel: 'Projects',
        plural: 'projects',
        fields: {
          title: { type: 'text', label: 'Title', required: true },
          members: { type: 'relation', label: 'Members', target: 'person', cardinality: 'manyToMany', inverse: 'projects' },
        },
      },
      task: {
        label: 'Task',
        pluralLabel: 'Tasks',
        plural: 'tasks',
        fields: {
          title: { type: 'text', label: 'Title' },
          project: { type: 'relation', label: 'Project', target: 'project', cardinality: 'manyToOne', onDelete: 'restrict' },
        },
      },
    },
  };
}
