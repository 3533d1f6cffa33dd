/**
 * The slash-command handlers of spec §15: each decides its {@link io.arrakis.bot.Answer} from the
 * domain's ports; the dispatcher does what all commands share.
 */
@NullMarked
package io.arrakis.bot.commands;

import org.jspecify.annotations.NullMarked;
