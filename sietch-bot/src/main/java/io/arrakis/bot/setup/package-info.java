/**
 * The admin setup wizard ({@code /onboard}, {@code /resume}, spec §15.5, §15.12), coexistence
 * migration ({@code /admin-migrate}, §15.18) and the takeover ({@code /admin-takeover}, §15.19).
 * Conversation state lives in Redis ({@link io.arrakis.state.SessionStore}, the wizard lock in
 * {@link io.arrakis.state.Leases}), migration state in PostgreSQL ({@code MigrationRepository});
 * handlers never call Discord (roles and channels are created and renamed through actions, their
 * ids learnt from gateway events by {@link io.arrakis.bot.setup.CreatedEntityHandler}) and never
 * open transactions of their own, but for that event handler.
 */
package io.arrakis.bot.setup;
