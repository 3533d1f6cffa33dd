/**
 * The read-mostly member commands: {@code /stats} (spec §15.1), {@code /leaderboard} (§15.7),
 * {@code /naib} (§15.11) and {@code /badges} (§15.9) with its {@code nym} autocomplete (§16). They
 * never show a wallet or a Discord mention next to a nym (§1.1, pseudonymity).
 */
@NullMarked
package io.arrakis.bot.member;

import org.jspecify.annotations.NullMarked;
