// The colour on the archive's header (廉情预警): today's warning of one cadre with every warning beneath it on hover.
import { useEffect, useRef } from 'react';
import { useGqlQuery } from '../../api/query';
import { WarningTag } from '../../components/WarningTag';
import { CadreWarningsDocument } from './queries';

/** `stamp` changes when the archive's records do (a record entered, reviewed, deleted): the colour is read again. */
export function CadreWarningTag({ id, stamp }: { id: string; stamp?: string }) {
  const q = useGqlQuery(CadreWarningsDocument, { id });
  const seen = useRef(stamp);
  const { refetch } = q;
  useEffect(() => {
    if (seen.current === stamp) return;
    seen.current = stamp;
    void refetch();
  }, [stamp, refetch]);
  const cadre = q.data?.cadre;
  if (!cadre) return null;
  if (!cadre.warning) return <span className="lz-muted lz-cf-nowarning" data-testid="archive-warning-none">无预警</span>;
  return <WarningTag warning={cadre.warning} details={cadre.warnings} testId="archive-warning" />;
}
