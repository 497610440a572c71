import { useParams } from 'react-router-dom';
import { CanAccess } from 'react-admin';
import { AccessDenied } from '../layout/AccessDenied.js';
import { ReportEditor } from './ReportEditor.js';

/** `/reports/:id`: the editor, for whoever may open reports at all (the server checks the rest). */
export function ReportEdit() {
  const { id } = useParams<{ id: string }>();
  return <ReportEditor key={id} id={id ?? ''} />;
}

/** `/reports/:id/show`: the same report, read only. */
export function ReportShow() {
  const { id } = useParams<{ id: string }>();
  return (
    <CanAccess action="show" resource="reports" accessDenied={<AccessDenied />}>
      <ReportEditor key={id} id={id ?? ''} readOnly />
    </CanAccess>
  );
}
