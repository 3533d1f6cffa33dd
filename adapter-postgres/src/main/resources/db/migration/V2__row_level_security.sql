-- Row-level security (spec §19): every tenant table is enabled and FORCED (so even the table owner
-- is subject to it unless it has BYPASSRLS), with one policy per operation comparing community_id
-- with the transaction's community. app.current_community_id() reads the transaction setting
-- app.community_id and raises when it is unset or empty: a query without a community context
-- fails closed, it never sees or writes any tenant row.

create function app.current_community_id() returns uuid
  language plpgsql stable
as $$
declare
  v text := current_setting('app.community_id', true);
begin
  if v is null or v = '' then
    raise exception 'no community context: app.community_id is not set in this transaction'
      using errcode = '42501';
  end if;
  return v::uuid;
end
$$;

do $$
declare
  t text;
begin
  foreach t in array array[
    'community_roles', 'community_tiers', 'eligibility_snapshots', 'eligibility_ranking',
    'eligibility_overrides', 'sync_health', 'wallet_links', 'verification_sessions',
    'role_revocation_pending', 'member_profiles', 'badges', 'member_badges', 'member_activity',
    'naib_seats', 'waitlist_registrations', 'threshold_snapshots', 'notification_preferences',
    'alert_history', 'tier_history', 'story_fragments', 'weekly_digests', 'water_sharer_grants',
    'migration_states', 'shadow_comparisons', 'audit_log']
  loop
    execute format('alter table %I add constraint %I check '
                   '(community_id <> ''00000000-0000-0000-0000-000000000000'')', t, t || '_not_nil');
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format('create policy tenant_select on %I for select '
                   'using (community_id = app.current_community_id())', t);
    execute format('create policy tenant_insert on %I for insert '
                   'with check (community_id = app.current_community_id())', t);
    execute format('create policy tenant_update on %I for update '
                   'using (community_id = app.current_community_id()) '
                   'with check (community_id = app.current_community_id())', t);
    execute format('create policy tenant_delete on %I for delete '
                   'using (community_id = app.current_community_id())', t);
  end loop;
end
$$;
