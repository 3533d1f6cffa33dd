/** Scheduled jobs of spec §18: each a {@link io.arrakis.bot.jobs.ScheduledJob} the worker runs. */
@NullMarked
package io.arrakis.bot.jobs;

import org.jspecify.annotations.NullMarked;
