-- /admin-stats reads a community's recent tier changes by time; /admin-migrate sums recent shadow
-- comparisons by time (spec §15.13, §15.18).
create index tier_history_by_time on tier_history (community_id, changed_at);
create index shadow_comparisons_by_time on shadow_comparisons (community_id, compared_at);
alter table shadow_comparisons
  add constraint shadow_comparisons_matched_within_compared check (members_matched <= members_compared);
