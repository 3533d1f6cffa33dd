/**
 * {@code /alerts} (spec §15.10, §13.1): a member's notification preferences, with toggle buttons,
 * the frequency select and "disable all", each control carrying the owner's member id.
 */
@NullMarked
package io.arrakis.bot.alerts;

import org.jspecify.annotations.NullMarked;
