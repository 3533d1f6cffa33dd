/**
 * The eligibility-sync job (spec §3, §18): runs the domain's sync per community under its lock and
 * tenant transaction, then performs the effects — role changes, channel posts and alert DMs as
 * privileged actions, audit rows — and records the DMs' delivery outcomes (spec §13.3).
 */
@NullMarked
package io.arrakis.bot.sync;

import org.jspecify.annotations.NullMarked;
