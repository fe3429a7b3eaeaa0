import { Loading, useCanAccess, useGetIdentity } from 'react-admin';
import type { Identity } from '../auth/authProvider';
import { CompanyEdit } from './CompanyEdit';
import { CompanyShow } from './CompanyShow';

/** `/company`: the admin edits the settings, everyone else reads them. */
export const CompanyPage = () => {
  const { identity, isPending } = useGetIdentity();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'company', action: 'edit' });
  if (isPending || checking || !identity) return <Loading />;
  const { companyId } = identity as Identity;
  return canAccess ? <CompanyEdit id={companyId} /> : <CompanyShow id={companyId} />;
};
