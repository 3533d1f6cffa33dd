/**
 * Profiles and the DM wizards (spec §8, §15.8, §16): the onboarding wizard from the welcome DM's
 * Start button to a created profile, {@code /profile view|edit} with its nym autocomplete, and the
 * DM edit wizard. Wizard state lives in Redis through {@link io.arrakis.state.SessionStore}, never
 * in memory, so any worker can serve the next click.
 */
@NullMarked
package io.arrakis.bot.profile;

import org.jspecify.annotations.NullMarked;
