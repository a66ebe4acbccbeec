import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.js';
import { roleLabel } from '../../i18n/labels.js';
import { useSession } from '../../session/session-context.js';
import { AccountSection, PasswordSection } from './account-section.js';
import { TwoFactorSection } from './two-factor-section.js';

/** The signed-in user's own settings; while enrolment is due, only two-factor set-up. */
export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const enrolmentDue = session.me.twoFactorEnrolmentRequired;
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <div className="sections">
        {!enrolmentDue && <AccountSection />}
        <TwoFactorSection />
        {!enrolmentDue && <PasswordSection />}
        {!enrolmentDue && session.me.memberships.length > 0 && (
          <section className="card" aria-labelledby="my-memberships-title">
            <h2 id="my-memberships-title" className="section-title">
              {t('profile.memberships')}
            </h2>
            <ul className="plain-list">
              {session.me.memberships.map((membership) => (
                <li key={`${membership.organisationId}:${membership.role}`}>
                  {t('profile.membershipLine', {
                    role: roleLabel(membership.role),
                    organisation: membership.organisationName,
                  })}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
