/** The campaigns of the user's county, and which one a page shows (`?campaignId=`, default the newest). */
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { useCampaignList } from '../api/queries';
import type { CampaignView } from '../api/views';

export const ALL_CAMPAIGNS = 'all';

/** The campaigns, or [] once loading them failed (the page then shows all campaigns and the error). */
export function useCampaigns(): { campaigns: CampaignView[] | undefined; error: unknown } {
  const list = useCampaignList();
  return { campaigns: list.isError ? (list.data ?? []) : list.data, error: list.error };
}

/** The chosen campaign id from the URL: undefined for all campaigns. */
export function useChosenCampaign(campaigns: CampaignView[] | undefined): [string | undefined, (id: string) => void, boolean] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('campaignId');
  const chosen = fromUrl === ALL_CAMPAIGNS ? undefined : (fromUrl ?? campaigns?.[0]?.id);
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('campaignId', id);
    next.delete('page');
    setParams(next, { replace: true });
  };
  // Named in the URL: the page need not wait for the list of campaigns to know what to load.
  const explicit = fromUrl !== null;
  return [chosen, choose, explicit];
}

export function campaignOptions(campaigns: CampaignView[] | undefined) {
  return [{ value: ALL_CAMPAIGNS, label: '全部整顿批次' }, ...(campaigns ?? []).map((campaign) => ({ value: campaign.id, label: `${campaign.name}（${dayjs(campaign.endsAt).format('YYYY-MM-DD')} 截止）` }))];
}
