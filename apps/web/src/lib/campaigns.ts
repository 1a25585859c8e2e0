/** The campaigns of the user's county, and which one a page shows (`?campaignId=`, default the newest). */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { apiGet } from '../api/http';
import type { CampaignListView, CampaignView } from '../api/types';

export const ALL_CAMPAIGNS = 'all';

export function useCampaigns(): { campaigns: CampaignView[] | undefined; error: unknown } {
  const [campaigns, setCampaigns] = useState<CampaignView[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    apiGet<CampaignListView>('/campaigns', { signal: controller.signal })
      .then((list) => setCampaigns(list.items))
      .catch((caught: unknown) => {
        if (caught instanceof DOMException && caught.name === 'AbortError') return;
        setError(caught);
        setCampaigns([]);
      });
    return () => controller.abort();
  }, []);
  return { campaigns, error };
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
