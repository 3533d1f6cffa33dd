/**
 * The admin commands {@code /admin-stats}, {@code /admin-badge}, {@code /admin-water-share} and the
 * member command {@code /water-share} (spec §9, §10, §15.13, §15.14, §15.17, §15.20), with their
 * autocompletes. Badge and grant changes return role and DM {@link
 * io.arrakis.discord.action.DiscordAction}s; nothing here calls Discord.
 */
@NullMarked
package io.arrakis.bot.admin;

import org.jspecify.annotations.NullMarked;
