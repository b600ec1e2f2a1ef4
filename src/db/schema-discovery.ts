/**
 * Tables of issue 7's discovery features: recommendations (precomputed per article) and
 * first-party analytics (raw events, daily salts, hourly rollups). Kept apart from schema.ts so
 * the two features' tables read as one piece; `Database` in schema.ts extends these interfaces.
 */
import type { Generated } from 'kysely';
import type { Locale } from './schema.js';

/** One article's weighted terms for text similarity (TF over headline, dek, body; top terms). */
export interface RecommendationVectorsTable {
  article_id: number;
  locale: Locale;
  /** JSON `[[term, weight], ...]`: the article's strongest stemmed terms, stop words removed. */
  terms: string;
  updated_at: string;
}

/** An article's Recommended block as last computed: positions 0.., best first. */
export interface ArticleRecommendationsTable {
  article_id: number;
  position: number;
  recommended_id: number;
  score: number;
  /** 'pin' when an editor pinned it; 'ranked' when the ranking chose it. */
  reason: 'pin' | 'ranked';
  computed_at: string;
}

/** Editors' choices for one article's block: stories pinned (in order) or excluded. */
export interface RecommendationChoicesTable {
  article_id: number;
  target_id: number;
  kind: 'pin' | 'exclude';
  /** Order among pins (0 first); 0 for excludes. */
  position: number;
  created_at: string;
}

export const ANALYTICS_EVENT_KINDS = [
  'view',
  'engaged',
  'scroll',
  'rec_impression',
  'rec_click',
] as const;
export type AnalyticsEventKind = (typeof ANALYTICS_EVENT_KINDS)[number];

/** One accepted beacon event. Never an IP address; the visitor is a salted daily hash. */
export interface AnalyticsEventsTable {
  id: Generated<number>;
  received_at: string;
  kind: AnalyticsEventKind;
  /** Hex SHA-256 (truncated) of the day's salt, IP, user agent and site: unlinkable after 48 h. */
  visitor: string;
  /** The article page the event happened on; null on other pages (home, sections...). */
  article_id: number | null;
  locale: Locale;
  /** The article's section (looked up on the server), null off article pages. */
  section_id: number | null;
  path: string;
  /** The referrer's host name ('' = none or same site); only on views. */
  referrer_domain: string;
  /** utm_campaign of the page's URL ('' = none); only on views. */
  utm_campaign: string;
  /** engaged: seconds (1..5 a heartbeat); scroll: the quarter reached (1..4); else 0. */
  value: number;
  /** rec_impression / rec_click: the recommended story; else null. */
  target_article_id: number | null;
}

/** The salt of one UTC day; rows older than 48 hours are deleted. */
export interface AnalyticsSaltsTable {
  day: string;
  salt: string;
  created_at: string;
}

/** Hourly rollup per page article (0 = not an article page), locale and section (0 = none). */
export interface AnalyticsHourlyTable {
  /** ISO start of the UTC hour, e.g. 2026-11-28T16:00:00.000Z. */
  hour: string;
  article_id: number;
  locale: Locale;
  section_id: number;
  views: number;
  /** Visitors whose first view of this article that UTC day fell in this hour. */
  visitors: number;
  engaged_seconds: number;
  scroll_25: number;
  scroll_50: number;
  scroll_75: number;
  scroll_100: number;
  rec_impressions: number;
  rec_clicks: number;
}

/**
 * Hourly visitors per locale ('*' = all) and section (-1 = all, 0 = not an article page):
 * visitors first seen that UTC day, within that locale and section, in this hour. Summing a range
 * of hours gives the sum of daily unique visitors, which is what daily salts allow.
 */
export interface AnalyticsHourlyVisitorsTable {
  hour: string;
  locale: string;
  section_id: number;
  visitors: number;
}

/** Hourly views by referrer domain ('' = direct) and by UTM campaign, per locale and section. */
export interface AnalyticsHourlySourcesTable {
  hour: string;
  locale: Locale;
  section_id: number;
  /** 'referrer' or 'campaign'. */
  dimension: 'referrer' | 'campaign';
  value: string;
  views: number;
}

/**
 * One row (id 1): every event received before `folded_until` is counted in the hourly rollups,
 * and no event received after it (analytics/rollup.ts).
 */
export interface AnalyticsRollupStateTable {
  id: number;
  folded_until: string;
}

export interface DiscoveryTables {
  recommendation_vectors: RecommendationVectorsTable;
  article_recommendations: ArticleRecommendationsTable;
  recommendation_choices: RecommendationChoicesTable;
  analytics_events: AnalyticsEventsTable;
  analytics_salts: AnalyticsSaltsTable;
  analytics_hourly: AnalyticsHourlyTable;
  analytics_hourly_visitors: AnalyticsHourlyVisitorsTable;
  analytics_hourly_sources: AnalyticsHourlySourcesTable;
  analytics_rollup_state: AnalyticsRollupStateTable;
}
