package io.arrakis.domain.badges;

import io.arrakis.domain.tiers.Tier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What automatic criteria look at for one member.
 *
 * @param profilesBefore number of profiles (active or not) created before this member's
 */
public record BadgeFacts(
    Instant profileCreatedAt,
    LocalDate launchDate,
    int ogWindowDays,
    BigDecimal peakActivity,
    Optional<Tier> tier,
    int activeBadgeCount,
    long profilesBefore,
    Instant now) {}
