/**
 * The IOCs view across profiles (`?profile=all#iocs`): every tenant's cached IOCs in one table with a
 * Tenant column, and every write sent to the profile its rows came from.
 */
import { sendMessage } from '../../lib/messages';
import { profileCache } from '../page/profile-caches';
import { useAllIocs } from '../page/use-all-iocs';
import { IocsView } from './IocsView';

const blocksOf = (profileId: string) => profileCache(profileId).blocks;

/** Writes across profiles always name a profile: without one, a row's tenant would be a guess. */
function tenantOfWrite(profileId: string | undefined): string {
  if (!profileId) throw new Error('Open the tenant to change this IOC: its profile is not known here.');
  return profileId;
}

export function AllProfilesIocs() {
  const all = useAllIocs();
  if (all.tenants === null || all.iocs === null || all.rows === null) return <p>Reading the local caches…</p>;
  const [settings] = all.tenants.map((tenant) => all.settingsOf(tenant.id));
  if (!settings) return <p class="hint">No profile is connected yet: connect one under Settings.</p>;
  return (
    <>
      {all.errors.map((error) => (
        <p key={error} class="error" data-tone="danger">
          {error}
        </p>
      ))}
      <IocsView
        iocs={all.iocs}
        stillReading={all.stillReading}
        settings={settings}
        across={{ rows: all.rows, settingsOf: all.settingsOf, blocksOf }}
        onDelete={async (targets, profileId) => {
          const id = tenantOfWrite(profileId);
          await sendMessage('deleteIocs', targets, id);
          await all.reload(id);
        }}
        onSubmit={(drafts, profileId) => sendMessage('submitIocs', drafts, tenantOfWrite(profileId))}
        onUpdate={(previous, draft, profileId) =>
          sendMessage('updateIoc', { previous, draft }, tenantOfWrite(profileId))
        }
      />
    </>
  );
}

/** What a view other than the IOCs says across profiles: each of them is about one profile. */
export function PickAProfile({ toDo }: { toDo: string }) {
  return (
    <p class="intro" role="status" aria-label="All profiles">
      This page shows every profile's IOCs together. Pick a profile in the header to {toDo}.
    </p>
  );
}
