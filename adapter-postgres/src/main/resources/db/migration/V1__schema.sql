-- Sietch data model (spec §19). Runs as the migration role, which owns everything created here.
-- Conventions: UUID keys unless stated; timestamptz; token amounts numeric(78,0) in base units;
-- addresses lower-case text with a CHECK; Discord snowflakes bigint. Every tenant table carries
-- community_id (never the nil UUID) and gets row-level security in V2.

create schema if not exists app;

-- ---------------------------------------------------------------------------------------------
-- Global tables (no community_id, no RLS)
-- ---------------------------------------------------------------------------------------------

create table communities (
  id                                uuid primary key
                                    check (id <> '00000000-0000-0000-0000-000000000000'),
  guild_id                          bigint not null unique,
  name                              text not null,
  preset                            text not null,
  is_active                         boolean not null default false,
  deployed_at                       timestamptz,
  chain_id                          bigint not null,
  token_address                     text check (token_address ~ '^0x[0-9a-f]{40}$'),
  token_symbol                      text not null,
  token_decimals                    int not null check (token_decimals between 0 and 77),
  scan_start_block                  bigint not null check (scan_start_block >= 0),
  eligible_count                    int not null check (eligible_count >= 0),
  naib_seats                        int not null check (naib_seats >= 0),
  waitlist_min                      int not null check (waitlist_min >= 0),
  waitlist_max                      int not null check (waitlist_max >= 0),
  at_risk_band                      int not null check (at_risk_band >= 0),
  grace_hours                       int not null check (grace_hours >= 0),
  admin_role_id                     bigint,
  channel_the_door                  bigint,
  channel_census                    bigint,
  channel_announcements             bigint,
  activity_channel_ids              bigint[] not null default '{}',
  launch_date                       date not null,
  og_window_days                    int not null check (og_window_days >= 0),
  activity_points_message           numeric not null,
  activity_points_reaction_given    numeric not null,
  activity_points_reaction_received numeric not null,
  activity_decay_rate               numeric not null check (activity_decay_rate >= 0),
  activity_decay_period_hours       int not null check (activity_decay_period_hours > 0),
  activity_message_cooldown_s       int not null check (activity_message_cooldown_s >= 0),
  activity_reaction_cooldown_s      int not null check (activity_reaction_cooldown_s >= 0),
  nym_change_cooldown_days          int not null check (nym_change_cooldown_days >= 0),
  bio_max_length                    int not null check (bio_max_length >= 0),
  default_alert_frequency           text not null
                                    check (default_alert_frequency in ('1_per_week', '2_per_week', '3_per_week', 'daily')),
  naib_threat_margin_pct            int not null check (naib_threat_margin_pct >= 0),
  command_cooldown_s                int not null check (command_cooldown_s >= 0),
  coexistence_mode                  text not null
                                    check (coexistence_mode in ('shadow', 'parallel', 'primary', 'exclusive')),
  incumbent_bot_id                  bigint,
  parallel_role_prefix              text not null,
  created_at                        timestamptz not null default now(),
  updated_at                        timestamptz not null default now()
);
create index communities_active on communities (id) where is_active;

create table chains (
  chain_id             bigint primary key,
  name                 text not null,
  rpc_urls             text[] not null default '{}',
  log_window_blocks    int not null default 10000 check (log_window_blocks > 0),
  window_pause_ms      int not null default 200 check (window_pause_ms >= 0),
  balance_batch_size   int not null default 100 check (balance_batch_size > 0),
  request_timeout_ms   int not null default 30000 check (request_timeout_ms > 0),
  retries              int not null default 2 check (retries >= 0),
  retry_delay_ms       int not null default 1000 check (retry_delay_ms >= 0),
  unhealthy_after      int not null default 3 check (unhealthy_after > 0)
);

create table chain_scan_state (
  chain_id           bigint not null,
  token_address      text not null check (token_address ~ '^0x[0-9a-f]{40}$'),
  last_scanned_block bigint not null check (last_scanned_block >= 0),
  updated_at         timestamptz not null default now(),
  primary key (chain_id, token_address)
);

create table chain_burners (
  chain_id         bigint not null,
  token_address    text not null check (token_address ~ '^0x[0-9a-f]{40}$'),
  address          text not null check (address ~ '^0x[0-9a-f]{40}$'),
  first_burn_block bigint not null,
  tx_hash          text not null check (tx_hash ~ '^0x[0-9a-f]{64}$'),
  primary key (chain_id, token_address, address)
);

create table chain_candidates (
  chain_id         bigint not null,
  token_address    text not null check (token_address ~ '^0x[0-9a-f]{40}$'),
  address          text not null check (address ~ '^0x[0-9a-f]{40}$'),
  first_seen_block bigint not null,
  primary key (chain_id, token_address, address)
);

create table job_runs (
  id           uuid primary key,
  job_name     text not null,
  period_start timestamptz not null,
  status       text not null check (status in ('running', 'succeeded', 'failed')),
  attempts     int not null default 1 check (attempts >= 1),
  instance_id  text not null,
  started_at   timestamptz not null,
  finished_at  timestamptz,
  error        text,
  unique (job_name, period_start)
);

-- ---------------------------------------------------------------------------------------------
-- Tenant tables (community_id + RLS)
-- ---------------------------------------------------------------------------------------------

create table community_roles (
  community_id     uuid not null references communities (id),
  role_key         text not null check (role_key ~ '^[a-z_]+$'),
  discord_role_id  bigint,
  parallel_role_id bigint,
  primary key (community_id, role_key)
);

create table community_tiers (
  community_id uuid not null references communities (id),
  tier_id      text not null
               check (tier_id in ('hajra', 'ichwan', 'qanat', 'sihaya', 'mushtamal', 'sayyadina', 'usul', 'fedaykin', 'naib')),
  display_name text not null,
  min_balance  numeric check (min_balance > 0),
  emoji        text not null,
  sort_order   int not null,
  primary key (community_id, tier_id)
);

create table eligibility_snapshots (
  id             uuid primary key,
  community_id   uuid not null references communities (id),
  block_number   bigint not null check (block_number >= 0),
  ranked_count   int not null check (ranked_count >= 0),
  eligible_count int not null check (eligible_count >= 0),
  summary        jsonb not null,
  -- the snapshot whose ranking is in eligibility_ranking (exactly one per community after a sync)
  is_current     boolean not null default false,
  created_at     timestamptz not null
);
create unique index eligibility_snapshots_one_current
  on eligibility_snapshots (community_id) where is_current;
create index eligibility_snapshots_by_age on eligibility_snapshots (community_id, created_at);

create table eligibility_ranking (
  community_id uuid not null references communities (id),
  address      text not null check (address ~ '^0x[0-9a-f]{40}$'),
  snapshot_id  uuid not null references eligibility_snapshots (id),
  -- position in the stored ranking: ranked entries by rank, then unranked override entries
  ordinal      int not null check (ordinal >= 1),
  rank         int check (rank >= 1),
  balance      numeric(78, 0) not null check (balance >= 0),
  eligible     boolean not null,
  via_override boolean not null,
  tier         text check (tier in ('hajra', 'ichwan', 'qanat', 'sihaya', 'mushtamal', 'sayyadina', 'usul', 'fedaykin', 'naib')),
  primary key (community_id, address),
  unique (community_id, ordinal)
);
create index eligibility_ranking_by_rank on eligibility_ranking (community_id, rank);

create table eligibility_overrides (
  id           uuid primary key,
  community_id uuid not null references communities (id),
  address      text not null check (address ~ '^0x[0-9a-f]{40}$'),
  action       text not null check (action in ('add', 'remove')),
  reason       text not null,
  created_by   text not null,
  created_at   timestamptz not null,
  expires_at   timestamptz,
  active       boolean not null
);
create unique index eligibility_overrides_one_active
  on eligibility_overrides (community_id, address) where active;

create table sync_health (
  community_id         uuid primary key references communities (id),
  last_attempt_at      timestamptz,
  last_success_at      timestamptz,
  last_failure_at      timestamptz,
  consecutive_failures int not null check (consecutive_failures >= 0),
  in_grace_period      boolean not null,
  last_synced_block    bigint,
  last_error           text
);

create table wallet_links (
  community_id    uuid not null references communities (id),
  discord_user_id bigint not null,
  wallet_address  text not null check (wallet_address ~ '^0x[0-9a-f]{40}$'),
  verified_at     timestamptz not null,
  session_id      uuid,
  primary key (community_id, discord_user_id),
  unique (community_id, wallet_address)
);

create table verification_sessions (
  id              uuid primary key,
  community_id    uuid not null references communities (id),
  discord_user_id bigint not null,
  username        text not null,
  nonce           text not null unique,
  message         text not null,
  status          text not null check (status in ('pending', 'completed', 'expired', 'failed', 'cancelled')),
  attempts        int not null default 0 check (attempts between 0 and 3),
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  completed_at    timestamptz,
  wallet_address  text check (wallet_address ~ '^0x[0-9a-f]{40}$'),
  error_code      text
);
create unique index verification_sessions_one_pending
  on verification_sessions (community_id, discord_user_id) where status = 'pending';

create table role_revocation_pending (
  community_id    uuid not null references communities (id),
  discord_user_id bigint not null,
  role_key        text not null check (role_key ~ '^[a-z_]+$'),
  pending_since   timestamptz not null,
  primary key (community_id, discord_user_id, role_key)
);

create table member_profiles (
  member_id           uuid primary key,
  community_id        uuid not null references communities (id),
  discord_user_id     bigint not null,
  nym                 text not null,
  bio                 text,
  pfp_type            text not null check (pfp_type in ('custom', 'generated', 'none')),
  pfp_url             text,
  pfp_seed            text,
  tier                text check (tier in ('hajra', 'ichwan', 'qanat', 'sihaya', 'mushtamal', 'sayyadina', 'usul', 'fedaykin', 'naib')),
  tier_updated_at     timestamptz,
  created_at          timestamptz not null,
  updated_at          timestamptz not null default now(),
  nym_last_changed_at timestamptz,
  is_former_naib      boolean not null default false,
  is_active           boolean not null default true,
  left_at             timestamptz,
  unique (community_id, discord_user_id)
);
create unique index member_profiles_nym on member_profiles (community_id, lower(nym));
create index member_profiles_created on member_profiles (community_id, created_at);

create table badges (
  community_id   uuid not null references communities (id),
  badge_id       text not null,
  name           text not null,
  description    text not null,
  category       text not null check (category in ('tenure', 'engagement', 'contribution', 'special')),
  emoji          text not null,
  criteria_type  text check (criteria_type in ('tenure_og', 'tenure_days', 'activity_peak', 'badge_count', 'tier', 'onboarding_order')),
  criteria_value text,
  display_order  int not null,
  primary key (community_id, badge_id)
);

create table member_badges (
  id            uuid primary key,
  community_id  uuid not null references communities (id),
  member_id     uuid not null,
  badge_id      text not null,
  awarded_at    timestamptz not null,
  awarded_by    text,
  award_reason  text,
  revoked       boolean not null default false,
  revoked_at    timestamptz,
  revoked_by    text,
  check (revoked = (revoked_at is not null)),
  unique (community_id, member_id, badge_id)
);

create table member_activity (
  community_id             uuid not null references communities (id),
  member_id                uuid not null,
  balance                  numeric not null check (balance >= 0),
  last_decay_at            timestamptz not null,
  total_messages           bigint not null default 0,
  total_reactions_given    bigint not null default 0,
  total_reactions_received bigint not null default 0,
  last_active_at           timestamptz,
  peak_balance             numeric not null,
  points_this_week         numeric not null,
  current_streak_days      int not null default 0,
  longest_streak_days      int not null default 0,
  last_active_day          date,
  primary key (community_id, member_id)
);

create table naib_seats (
  id                   uuid primary key,
  community_id         uuid not null references communities (id),
  seat_number          int not null check (seat_number >= 1),
  member_id            uuid not null,
  seated_at            timestamptz not null,
  unseated_at          timestamptz,
  unseat_reason        text check (unseat_reason in ('bumped', 'ineligible', 'left_server', 'manual')),
  bumped_by_member_id  uuid,
  balance_at_seating   numeric(78, 0) not null,
  balance_at_unseating numeric(78, 0),
  check ((unseated_at is null) = (unseat_reason is null)),
  -- one open record per seat and per member; deferred so one sync can close a record and open
  -- another on the same seat in any order within its transaction
  constraint naib_seats_one_open_per_seat
    exclude using btree (community_id with =, seat_number with =) where (unseated_at is null)
    deferrable initially deferred,
  constraint naib_seats_one_open_per_member
    exclude using btree (community_id with =, member_id with =) where (unseated_at is null)
    deferrable initially deferred
);
create index naib_seats_by_community on naib_seats (community_id, seated_at);

create table waitlist_registrations (
  id                       uuid primary key,
  community_id             uuid not null references communities (id),
  discord_user_id          bigint not null,
  wallet_address           text not null check (wallet_address ~ '^0x[0-9a-f]{40}$'),
  position_at_registration int not null,
  balance_at_registration  numeric(78, 0) not null,
  registered_at            timestamptz not null,
  notified                 boolean not null default false,
  notified_at              timestamptz,
  active                   boolean not null default true,
  closed_at                timestamptz,
  closed_reason            text check (closed_reason in ('unregistered', 'eligible', 'onboarded')),
  check (active = (closed_at is null)),
  check (notified = (notified_at is not null))
);
create unique index waitlist_one_active_per_user
  on waitlist_registrations (community_id, discord_user_id) where active;
create unique index waitlist_one_active_per_wallet
  on waitlist_registrations (community_id, wallet_address) where active;

create table threshold_snapshots (
  id                      uuid primary key,
  community_id            uuid not null references communities (id),
  seq                     bigint generated always as identity,
  snapshot_id             uuid not null,
  entry_threshold         numeric(78, 0) not null,
  eligible_count          int not null,
  waitlist_count          int not null,
  waitlist_top_balance    numeric(78, 0),
  waitlist_bottom_balance numeric(78, 0),
  gap_to_entry            numeric(78, 0) not null,
  created_at              timestamptz not null
);
create index threshold_snapshots_latest on threshold_snapshots (community_id, created_at desc, seq desc);

create table notification_preferences (
  community_id          uuid not null references communities (id),
  member_id             uuid not null,
  position_updates      boolean not null,
  at_risk_warnings      boolean not null,
  naib_alerts           boolean not null,
  frequency             text not null check (frequency in ('1_per_week', '2_per_week', '3_per_week', 'daily')),
  alerts_sent_this_week int not null check (alerts_sent_this_week >= 0),
  week_start            timestamptz not null,
  primary key (community_id, member_id)
);

create table alert_history (
  id                   uuid primary key,
  community_id         uuid not null references communities (id),
  seq                  bigint generated always as identity,
  recipient_discord_id bigint not null,
  member_id            uuid,
  recipient_type       text not null check (recipient_type in ('member', 'user')),
  alert_type           text not null
                       check (alert_type in ('position_update', 'at_risk_warning', 'naib_threat', 'naib_seated', 'naib_bump',
                                             'waitlist_eligible', 'tier_promotion', 'badge_award', 'eligibility_lost',
                                             'access_revoked')),
  payload              jsonb not null,
  critical             boolean not null,
  delivered            boolean not null,
  delivery_error       text,
  created_at           timestamptz not null,
  delivered_at         timestamptz,
  check ((recipient_type = 'member') = (member_id is not null))
);
create index alert_history_by_member on alert_history (community_id, member_id, alert_type, created_at desc, seq desc);

create table tier_history (
  id                uuid primary key default gen_random_uuid(),
  community_id      uuid not null references communities (id),
  member_id         uuid not null,
  old_tier          text,
  new_tier          text,
  balance_at_change numeric(78, 0) not null,
  rank_at_change    int,
  changed_at        timestamptz not null
);
create index tier_history_by_member on tier_history (community_id, member_id, changed_at);

create table story_fragments (
  id           uuid primary key,
  community_id uuid not null references communities (id),
  category     text not null check (category in ('fedaykin_join', 'naib_join')),
  text         text not null,
  usage_count  int not null default 0 check (usage_count >= 0)
);

create table weekly_digests (
  id           uuid primary key,
  community_id uuid not null references communities (id),
  week_id      text not null,
  channel_id   bigint not null,
  message_id   bigint,
  figures      jsonb not null,
  created_at   timestamptz not null,
  unique (community_id, week_id)
);

create table water_sharer_grants (
  id                  uuid primary key,
  community_id        uuid not null references communities (id),
  granter_member_id   uuid not null,
  recipient_member_id uuid not null,
  granted_at          timestamptz not null,
  revoked_at          timestamptz,
  revoked_by          text,
  check (granter_member_id <> recipient_member_id),
  -- a recipient receives at most once, ever (a revoked recipient never receives again)
  unique (community_id, recipient_member_id)
);
create unique index water_sharer_grants_one_active_per_granter
  on water_sharer_grants (community_id, granter_member_id) where revoked_at is null;

create table migration_states (
  community_id      uuid primary key references communities (id),
  mode              text not null check (mode in ('shadow', 'parallel', 'primary', 'exclusive')),
  strategy          text check (strategy in ('instant', 'gradual', 'parallel_forever', 'arrakis_primary')),
  mode_entered_at   timestamptz not null,
  shadow_started_at timestamptz,
  batch_size        int,
  duration_days     int,
  batches_total     int,
  batches_done      int not null default 0,
  next_batch_at     timestamptz
);

create table shadow_comparisons (
  id               uuid primary key,
  community_id     uuid not null references communities (id),
  compared_at      timestamptz not null,
  members_compared int not null check (members_compared >= 0),
  members_matched  int not null check (members_matched >= 0)
);

create table audit_log (
  id           uuid primary key default gen_random_uuid(),
  community_id uuid not null references communities (id),
  seq          bigint generated always as identity,
  event_type   text not null check (event_type ~ '^[a-z_]+$'),
  actor        text not null,
  payload      jsonb not null,
  created_at   timestamptz not null
);
create index audit_log_by_time on audit_log (community_id, created_at, seq);
