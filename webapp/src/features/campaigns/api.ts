import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../../lib/api';

/** A campaign document as the campaign API holds it (snake_case; version is read-only). */
export interface Campaign {
  client: string;
  campaign_name: string;
  status: 'active' | 'inactive';
  rules: unknown[];
  priority?: number;
  valid_from?: string;
  valid_to?: string;
  max_points_per_event?: number;
  description?: string;
  version: number;
  /** Who created the campaign (read-only; absent for campaigns stored before it was recorded). */
  created?: CampaignChange;
  /** Its latest changes, newest first (read-only). */
  changes?: CampaignChange[];
}

/** One write of a campaign: the version it made, by whom, through which channel and message, and when. */
export interface CampaignChange {
  version: number;
  principal?: string;
  channel?: string;
  message_id?: string;
  at: string;
}

export interface CampaignPage {
  items: Campaign[];
  count: number;
  next_cursor: string | null;
}

/** A campaign with the ETag its GET answered, for the If-Match of the next change. */
export interface Versioned {
  campaign: Campaign;
  etag: string;
}

export interface Evaluation {
  points: number;
  matched: { campaign: string; rule: number; points: number }[];
  skipped?: { client: string; campaign: string; reason: string }[];
}

export const campaignsKey = ['campaigns'] as const;
const one = (client: string, name: string) => ['campaigns', client, name] as const;
const path = (client: string, name: string, tail = '') => `/campaigns/${encodeURIComponent(name)}${tail}${query({ client })}`;

/** The If-Match value of a known version (the ETag is the quoted version). */
export const etagOf = (version: number) => `"${version}"`;

export function useCampaigns() {
  return useQuery({ queryKey: campaignsKey, queryFn: () => get<CampaignPage>(`/campaigns${query({ limit: 100 })}`) });
}

export async function fetchCampaign(client: string, name: string): Promise<Versioned> {
  const response = await request<Campaign>(path(client, name));
  return { campaign: response.body, etag: response.headers.get('ETag') ?? etagOf(response.body.version) };
}

export function useCampaign(client: string, name: string) {
  return useQuery({ queryKey: one(client, name), queryFn: () => fetchCampaign(client, name), staleTime: Infinity });
}

/** PATCH with If-Match: a change made meanwhile by someone else is a 412, never overwritten. */
export function usePatchCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (change: { client: string; name: string; etag: string; patch: Record<string, unknown> }): Promise<Versioned> => {
      const response = await request<Campaign>(path(change.client, change.name), {
        method: 'PATCH', body: change.patch, headers: { 'If-Match': change.etag },
      });
      return { campaign: response.body, etag: response.headers.get('ETag') ?? etagOf(response.body.version) };
    },
    onSuccess: (saved) => client.setQueryData(one(saved.campaign.client, saved.campaign.campaign_name), saved),
    onSettled: () => client.invalidateQueries({ queryKey: campaignsKey, exact: true }),
  });
}

export function useCreateCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (document: unknown) => (await request<Campaign>('/campaigns', { method: 'POST', body: document })).body,
    onSettled: () => client.invalidateQueries({ queryKey: campaignsKey, exact: true }),
  });
}

export function useDeleteCampaign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (campaign: { client: string; name: string }) => {
      await request<void>(path(campaign.client, campaign.name), { method: 'DELETE' });
    },
    onSettled: () => client.invalidateQueries({ queryKey: campaignsKey }),
  });
}

/** The dry run of one campaign on a purchase event, keyed by version so a saved change runs it again. */
export function useDryRun(campaign: Campaign | undefined, event: Record<string, unknown> | undefined) {
  return useQuery({
    queryKey: ['campaigns', campaign?.client, campaign?.campaign_name, 'dry-run', campaign?.version, event],
    queryFn: async () => (await request<Evaluation>(path(campaign!.client, campaign!.campaign_name, '/evaluate'), {
      method: 'POST', body: event,
    })).body,
    enabled: campaign !== undefined && event !== undefined,
    retry: false,
  });
}
