-- The worker's mirror of guild members and their Discord role ids (fed by the gateway events; the
-- worker has no bot token and no gateway cache), and whether the bot is in the guild at all.
-- Both are tenant tables with the same row-level security as every table of V2.

create table guild_members (
  community_id    uuid     not null references communities (id),
  discord_user_id bigint   not null,
  role_ids        bigint[] not null default '{}',
  is_bot          boolean  not null default false,
  updated_at      timestamptz not null default now(),
  primary key (community_id, discord_user_id)
);

-- "who holds one of these roles" (the managed roles) without scanning every member
create index guild_members_role_ids on guild_members using gin (role_ids);

create table guild_presence (
  community_id     uuid        not null primary key references communities (id),
  in_guild         boolean     not null,
  active_when_left boolean     not null,
  changed_at       timestamptz not null
);

do $$
declare
  t text;
begin
  foreach t in array array['guild_members', 'guild_presence']
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
