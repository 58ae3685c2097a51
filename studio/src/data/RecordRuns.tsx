/** The record page's "Workflow runs" panel: the runs about this record, newest first, linking to each run. */
import { WorkflowRunList } from '../workflows-runs/WorkflowRunList.js';

export function RecordRuns({ entityName, id }: { entityName: string; id: string }) {
  return (
    <section className="card related-list record-runs" aria-labelledby="record-runs-title">
      <header className="related-header">
        <h2 id="record-runs-title">Workflow runs</h2>
      </header>
      <WorkflowRunList entity={entityName} recordId={id} compact idlePollMs={15_000} emptyText="No workflow has run on this record yet." />
    </section>
  );
}
