-- Flyway callback: runs after every migrate, so tables added by later migrations are granted too.
-- The application role gets plain DML on the schema and nothing else: it owns nothing, so it cannot
-- alter or disable row-level security, and the append-only tables lose UPDATE and DELETE.
grant usage on schema ${schema} to ${app_role};
grant usage on schema app to ${app_role};
revoke all on function app.current_community_id() from public;
grant execute on function app.current_community_id() to ${app_role};
grant select, insert, update, delete on all tables in schema ${schema} to ${app_role};
revoke all on table ${schema}.${flyway:table} from ${app_role};
revoke update, delete, truncate on table ${schema}.audit_log, ${schema}.tier_history from ${app_role};
grant usage, select on all sequences in schema ${schema} to ${app_role};
