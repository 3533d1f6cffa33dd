/**
 * {@code /directory} (spec §15.4): the paged member directory with its tier filter, sort and paging
 * controls; the viewer's page, filter and sort live in Redis ({@code
 * sess:directory:{communityId}:{userId}}).
 */
@NullMarked
package io.arrakis.bot.directory;

import org.jspecify.annotations.NullMarked;
