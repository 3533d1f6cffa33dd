/**
 * The domain's repositories on PostgreSQL: Flyway migrations, row-level security, Jdbi over a
 * HikariCP pool. Everything is package-private behind {@link io.arrakis.postgres.Postgres}.
 */
@NullMarked
package io.arrakis.postgres;

import org.jspecify.annotations.NullMarked;
