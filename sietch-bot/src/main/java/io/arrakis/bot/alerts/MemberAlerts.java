package io.arrakis.bot.alerts;

import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Reading a member's preferences and seat, shared by the command and its controls. */
final class MemberAlerts {
  private final Repositories repos;

  MemberAlerts(Repositories repos) {
    this.repos = repos;
  }

  /**
   * The stored preferences, or the onboarding defaults (spec §13.1) for a member who has none yet
   * (created before preferences existed); the defaults are saved on the first change.
   */
  AlertPreferences preferences(CommunityConfig community, MemberId member, Instant now) {
    return repos
        .alerts()
        .preferences(community.id(), member)
        .orElseGet(
            () ->
                AlertPreferences.defaults(
                    member, community.members().defaultAlertFrequency(), weekStart(now)));
  }

  boolean holdsSeat(CommunityId community, MemberId member) {
    return repos.seats().open(community).stream().anyMatch(s -> s.memberId().equals(member));
  }

  /** Monday 00:00 UTC of {@code now}'s week. */
  static Instant weekStart(Instant now) {
    return now.atZone(ZoneOffset.UTC)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .truncatedTo(ChronoUnit.DAYS)
        .toInstant();
  }
}
