// /settings: your profile, your password and your sessions, one section each.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState, Skeleton } from '../../components/states';
import { profileQuery } from '../../lib/current-user';
import { PasswordForm } from './password-form';
import { ProfileForm } from './profile-form';
import { SessionsList } from './sessions-list';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card space-y-4 p-6">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SettingsPage() {
  const profile = useQuery(profileQuery());
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold tracking-tight">Settings</h1>
      {profile.isPending ? (
        <div className="card space-y-4 p-6" aria-busy="true" aria-label="Loading your profile">
          <Skeleton className="h-14 w-14 rounded-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : profile.isError ? (
        <ErrorState
          message="Your profile could not be loaded."
          onRetry={() => void profile.refetch()}
        />
      ) : (
        <>
          <Section id="settings-profile" title="Profile">
            <ProfileForm user={profile.data} />
          </Section>
          <Section id="settings-password" title="Password">
            <PasswordForm
              userInputs={[
                profile.data.username,
                profile.data.email,
                profile.data.first_name,
                profile.data.last_name,
              ]}
            />
          </Section>
        </>
      )}
      <Section id="settings-sessions" title="Your sessions">
        <SessionsList />
      </Section>
    </div>
  );
}
