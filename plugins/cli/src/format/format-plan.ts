/** The server's plan preview as lines: numbered steps, destructive ones flagged. */
import type { MetadataPreview } from '../api-types.js';
import type { ServerProblem } from '../api.js';

export function formatProblems(problems: ServerProblem[]): string[] {
  return problems.map((p) => `${p.path || '/'}: ${p.message}${p.code ? ` [${p.code}]` : ''}`);
}

export function formatPlan(preview: MetadataPreview): string[] {
  if (preview.steps.length === 0) return ['No database changes.'];
  const width = String(preview.steps.length).length;
  const lines = preview.steps.map(
    (step, i) => `${String(i + 1).padStart(width)}. ${step.destructive ? '[DESTRUCTIVE] ' : ''}${step.description}`,
  );
  const destructive = preview.steps.filter((s) => s.destructive).length;
  lines.push(
    destructive > 0
      ? `${preview.steps.length} step(s), ${destructive} destructive (data is moved aside, see the plan).`
      : `${preview.steps.length} step(s), none destructive.`,
  );
  return lines;
}
