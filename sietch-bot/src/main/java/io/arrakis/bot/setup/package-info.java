/**
 * The admin setup wizard ({@code /onboard}, {@code /resume}, spec §15.5, §15.12), coexistence
 * migration ({@code /admin-migrate}, §15.18) and the takeover ({@code /admin-takeover}, §15.19).
 * Every piece of conversation state lives in Redis through {@link io.arrakis.state.SessionStore};
 * handlers never call Discord and never open transactions.
 */
package io.arrakis.bot.setup;
