import type { SeedData } from '@trellis/plugin-sdk';

const company = (name: string) => ({ $lookup: { name } });
const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Sample records: fictitious companies (domains under the reserved `.example` TLD, phones in 555-01xx). */
export const seed: SeedData = [
  {
    entity: 'company',
    records: [
      { name: 'Bluefin Robotics', website: 'https://bluefin-robotics.example', industry: 'manufacturing', employees: 420, annualRevenue: usd(86_000_000) },
      { name: 'Copperleaf Software', website: 'https://copperleaf.example', industry: 'software', employees: 95, annualRevenue: usd(14_500_000) },
      { name: 'Ledgerly Financial', website: 'https://ledgerly.example', industry: 'finance', employees: 1_300, annualRevenue: usd(310_000_000) },
      { name: 'Meadowbrook Health', website: 'https://meadowbrook-health.example', industry: 'healthcare', employees: 2_750, annualRevenue: usd(540_000_000) },
      { name: 'Harbor & Pine Outfitters', website: 'https://harborandpine.example', industry: 'retail', employees: 180, annualRevenue: usd(22_000_000) },
      { name: 'Quillstone Labs', website: 'https://quillstone.example', industry: 'software', employees: 12 },
    ],
  },
  {
    entity: 'person',
    records: [
      { firstName: 'Amara', lastName: 'Okafor', title: 'VP of Operations', email: 'amara.okafor@bluefin-robotics.example', phone: '+1 (555) 010-0142', company: company('Bluefin Robotics') },
      { firstName: 'Jonas', lastName: 'Lindqvist', title: 'Procurement Manager', email: 'jonas.lindqvist@bluefin-robotics.example', phone: '+1 (555) 010-0178', company: company('Bluefin Robotics') },
      { firstName: 'Priya', lastName: 'Raman', title: 'CTO', email: 'priya@copperleaf.example', phone: '+1 (555) 010-0116', company: company('Copperleaf Software') },
      { firstName: 'Marcus', lastName: 'Bell', title: 'Head of IT', email: 'marcus.bell@ledgerly.example', phone: '+1 (555) 010-0193', company: company('Ledgerly Financial') },
      { firstName: 'Elena', lastName: 'Vasquez', title: 'Chief Medical Information Officer', email: 'e.vasquez@meadowbrook-health.example', company: company('Meadowbrook Health') },
      { firstName: 'Tom', lastName: 'Whitaker', title: 'Store Systems Lead', email: 'tom@harborandpine.example', phone: '+1 (555) 010-0127', company: company('Harbor & Pine Outfitters') },
      { firstName: 'Yuki', lastName: 'Tanaka', title: 'Founder', email: 'yuki@quillstone.example', company: company('Quillstone Labs') },
      { firstName: 'Sam', lastName: 'Doyle', title: 'Independent consultant', email: 'sam.doyle@mailbox.example', phone: '+44 20 7946 0958' },
    ],
  },
  {
    entity: 'opportunity',
    records: [
      { name: 'Bluefin – fleet telemetry rollout', amount: usd(240_000), stage: 'negotiation', probability: 70, closeDate: '2026-03-31', company: company('Bluefin Robotics'), notes: 'Pilot on two assembly lines went well; legal is reviewing the MSA.' },
      { name: 'Bluefin – spare parts portal', amount: usd(38_500), stage: 'qualified', probability: 30, closeDate: '2026-05-15', company: company('Bluefin Robotics') },
      { name: 'Copperleaf – team plan upgrade', amount: usd(12_000), stage: 'won', probability: 100, closeDate: '2026-01-20', company: company('Copperleaf Software') },
      { name: 'Ledgerly – compliance reporting', amount: usd(415_000), stage: 'proposal', probability: 45, closeDate: '2026-04-30', company: company('Ledgerly Financial'), notes: 'Needs SOC 2 report before sign-off.' },
      { name: 'Meadowbrook – patient intake forms', amount: usd(96_000), stage: 'new', probability: 10, closeDate: '2026-06-30', company: company('Meadowbrook Health') },
      { name: 'Harbor & Pine – loyalty program', amount: usd(54_000), stage: 'lost', probability: 0, closeDate: '2026-01-10', company: company('Harbor & Pine Outfitters'), notes: 'Went with an in-house build.' },
      { name: 'Harbor & Pine – holiday campaign', amount: usd(18_750), stage: 'qualified', probability: 40, closeDate: '2026-09-01', company: company('Harbor & Pine Outfitters') },
      { name: 'Quillstone – starter subscription', amount: usd(2_400), stage: 'new', company: company('Quillstone Labs') },
    ],
  },
];
