-- Operator bootstrap: the two roles of adapter-postgres. Run once per cluster as a superuser:
--   psql "$ADMIN_URL" -v db=sietch \
--        -v migrator_password="$DATABASE_MIGRATION_PASSWORD" -v app_password="$DATABASE_PASSWORD" \
--        -f adapter-postgres/ops/roles.sql
-- Passwords come from the environment; nothing secret lives in this file. Idempotent.
select format('create role sietch_migrator login nosuperuser bypassrls password %L', :'migrator_password')
  where not exists (select 1 from pg_roles where rolname = 'sietch_migrator') \gexec
select format('alter role sietch_migrator login nosuperuser bypassrls password %L', :'migrator_password') \gexec
select format('create role sietch_app login nosuperuser nobypassrls password %L', :'app_password')
  where not exists (select 1 from pg_roles where rolname = 'sietch_app') \gexec
select format('alter role sietch_app login nosuperuser nobypassrls password %L', :'app_password') \gexec
grant connect, create on database :"db" to sietch_migrator;
grant connect on database :"db" to sietch_app;
