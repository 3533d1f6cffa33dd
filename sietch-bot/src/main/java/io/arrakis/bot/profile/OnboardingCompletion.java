package io.arrakis.bot.profile;

import io.arrakis.bot.ComponentInvocation;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.domain.activity.ActivityBalance;
import io.arrakis.domain.alerts.AlertPreferences;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.badges.BadgeDefinition;
import io.arrakis.domain.badges.MemberBadge;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.IdGenerator;
import io.arrakis.domain.common.MemberId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.naib.NaibCouncil;
import io.arrakis.domain.naib.SeatCandidate;
import io.arrakis.domain.naib.SeatChange;
import io.arrakis.domain.naib.SeatEvaluation;
import io.arrakis.domain.naib.SeatRecord;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.Profile;
import io.arrakis.domain.profile.TenureCategory;
import io.arrakis.domain.roles.DesiredRoles;
import io.arrakis.domain.roles.RoleFacts;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.domain.waitlist.ClosedReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Onboarding completion (spec §8.2), inside the dispatcher's one transaction: re-check, create the
 * profile with its activity row and alert preferences, close an active waitlist registration
 * ({@code onboarded}), award the automatic badges ({@code og}, {@code founding-fedaykin}), seat
 * evaluation (fill and bump only, §5.2) and the role actions. The user is in a DM, so the roles
 * they hold are unknown: every desired role is granted (granting a held role changes nothing) and
 * the roles onboarding ends (Taqwa; Fedaykin when seated) are removed.
 */
final class OnboardingCompletion {
  static final String NOT_ELIGIBLE = "Your wallet is no longer eligible; onboarding stopped.";
  static final String NYM_TAKEN = "That nym was taken in the meantime. Choose another one.";
  static final String ROLE_REASON = "Sietch: onboarding";
  static final String BADGE_OG = "og";
  static final String BADGE_FOUNDING_FEDAYKIN = "founding-fedaykin";
  static final int COLOR_WELCOME = 0x2ECC71;

  /** What completion decided. */
  sealed interface Result {}

  record Created(
      Profile profile, Optional<Integer> seat, MessagePayload message, List<DiscordAction> actions)
      implements Result {}

  record NymTaken(String reason) implements Result {}

  record Stopped(String reason) implements Result {}

  private final Repositories repos;

  OnboardingCompletion(Repositories repos) {
    this.repos = repos;
  }

  static boolean hasProfile(Repositories repos, CommunityId community, UserId user) {
    return repos.profiles().byUser(community, user).isPresent();
  }

  Result complete(ComponentInvocation in, OnboardingSession s) {
    CommunityConfig community = in.community();
    CommunityId id = community.id();
    UserId user = in.caller();
    Instant now = in.now();
    if (hasProfile(repos, id, user)) {
      return new Stopped(OnboardingWizard.alreadyMember(community));
    }
    Optional<RankingEntry> eligible = OnboardingWizard.eligibleEntry(repos, id, user);
    if (eligible.isEmpty()) {
      return new Stopped(NOT_ELIGIBLE);
    }
    String nym = s.nym().orElseThrow();
    if (!NymPolicy.validateFormat(nym).isAllowed() || repos.profiles().byNym(id, nym).isPresent()) {
      return new NymTaken(NYM_TAKEN);
    }
    RankingEntry entry = eligible.get();

    // 2. the profile, its activity row and alert preferences
    Profile profile =
        new Profile(
            s.memberId(),
            user,
            nym,
            s.bio(),
            s.pictureType(),
            s.pictureUrl(),
            s.pictureSeed(),
            entry.tier(),
            Optional.of(now),
            now,
            Optional.empty(),
            false,
            true,
            Optional.empty());
    long before = repos.profiles().countCreatedBefore(id, now);
    repos.profiles().save(id, profile);
    repos.activity().save(id, ActivityBalance.start(profile.memberId(), now));
    repos
        .alerts()
        .savePreferences(
            id,
            AlertPreferences.defaults(
                profile.memberId(), community.members().defaultAlertFrequency(), weekStart(now)));
    audit(
        id,
        user,
        AuditType.MEMBER_ONBOARDED,
        now,
        "member",
        profile.memberId(),
        "user",
        user,
        "tier",
        entry.tier().map(Tier::id).orElse("none"));

    // 3. an active waitlist registration ends here
    repos.waitlist().active(id).stream()
        .filter(r -> r.userId().equals(user))
        .forEach(r -> repos.waitlist().save(id, r.close(now, ClosedReason.ONBOARDED)));

    // 4. automatic badges that already apply
    Set<String> catalogue =
        repos.badges().catalogue(id).stream().map(BadgeDefinition::id).collect(Collectors.toSet());
    List<String> awarded = new ArrayList<>();
    if (TenureCategory.isOg(
        now, community.members().launchDate(), community.members().ogWindowDays())) {
      awarded.add(BADGE_OG);
    }
    if (before < community.eligibility().eligibleCount()) {
      awarded.add(BADGE_FOUNDING_FEDAYKIN);
    }
    awarded.removeIf(b -> !catalogue.contains(b));
    for (String badge : awarded) {
      repos
          .badges()
          .save(
              id,
              new MemberBadge(
                  UUID.randomUUID(),
                  profile.memberId(),
                  badge,
                  now,
                  Optional.empty(),
                  Optional.of("automatic at onboarding"),
                  Optional.empty()));
      audit(
          id,
          user,
          AuditType.BADGE_AWARDED,
          now,
          "badge",
          badge,
          "member",
          profile.memberId(),
          "by",
          AuditEvent.SYSTEM,
          "reason",
          "automatic at onboarding");
    }

    // 5. seats: fill and bump only
    List<DiscordAction> actions = new ArrayList<>();
    Optional<Integer> seat = seatEvaluation(in, profile, actions);

    // 6. the new member's roles
    TierPolicy tiers =
        new TierPolicy(
            community.eligibility(), community.tierThresholds(), community.token().decimals());
    Set<RoleKey> desired =
        new DesiredRoles(tiers)
            .of(
                new RoleFacts(
                    Optional.of(entry),
                    seat.isPresent(),
                    false,
                    false,
                    Optional.of(
                        new RoleFacts.ProfileFacts(
                            now, awarded.size(), false, false, BigDecimal.ZERO))),
                now);
    for (RoleKey key : desired) {
      addRole(in, user, key, actions);
    }
    removeRole(in, user, RoleKey.TAQWA, actions);
    if (seat.isPresent()) {
      removeRole(in, user, RoleKey.FEDAYKIN, actions);
    }
    return new Created(profile, seat, welcome(community, profile, seat), actions);
  }

  /** Spec §5.2 steps 2–6 in fill-and-bump mode; the new member's seat, if any. */
  private Optional<Integer> seatEvaluation(
      ComponentInvocation in, Profile newcomer, List<DiscordAction> actions) {
    CommunityConfig community = in.community();
    CommunityId id = community.id();
    Instant now = in.now();
    Ranking ranking =
        repos.eligibility().current(id).map(EligibilitySnapshot::ranking).orElse(Ranking.empty());
    Map<MemberId, Profile> members = new HashMap<>();
    Map<MemberId, RankingEntry> eligible = new HashMap<>();
    for (Profile p : repos.profiles().all(id)) {
      if (!p.active()) {
        continue;
      }
      members.put(p.memberId(), p);
      repos
          .walletLinks()
          .byUser(id, p.userId())
          .flatMap(link -> ranking.entry(link.wallet()))
          .filter(RankingEntry::eligible)
          .ifPresent(e -> eligible.put(p.memberId(), e));
    }
    List<SeatRecord> open = repos.seats().open(id);
    Map<MemberId, BigInteger> holders = new LinkedHashMap<>();
    for (SeatRecord s : open) {
      Optional.ofNullable(eligible.get(s.memberId()))
          .ifPresent(e -> holders.put(s.memberId(), e.balance()));
    }
    Set<MemberId> seated = open.stream().map(SeatRecord::memberId).collect(Collectors.toSet());
    List<SeatCandidate> candidates =
        eligible.entrySet().stream()
            .filter(e -> !seated.contains(e.getKey()))
            .map(e -> new SeatCandidate(e.getKey(), e.getValue().rank(), e.getValue().balance()))
            .toList();
    SeatEvaluation evaluation =
        new NaibCouncil(community.eligibility().naibSeats(), IdGenerator.random())
            .evaluate(
                NaibCouncil.Mode.FILL_AND_BUMP,
                open,
                holders,
                candidates,
                repos.seats().firstEverSeating(id),
                now);
    for (SeatChange change : evaluation.changes()) {
      if (change instanceof SeatChange.Seated s) {
        repos.seats().save(id, s.record());
        audit(
            id,
            in.caller(),
            AuditType.NAIB_SEATED,
            now,
            "member",
            s.record().memberId(),
            "seat",
            s.record().seatNumber(),
            "founding",
            s.founding());
        Profile p = members.get(s.record().memberId());
        if (p != null && !p.memberId().equals(newcomer.memberId())) {
          addRole(in, p.userId(), RoleKey.NAIB, actions);
          removeRole(in, p.userId(), RoleKey.FEDAYKIN, actions);
        }
      } else if (change instanceof SeatChange.Unseated u) {
        SeatRecord closed = u.record();
        repos.seats().save(id, closed);
        Profile p = members.get(closed.memberId());
        audit(
            id,
            in.caller(),
            AuditType.NAIB_UNSEATED,
            now,
            "member",
            closed.memberId(),
            "seat",
            closed.seatNumber(),
            "reason",
            closed
                .closure()
                .map(c -> c.reason().name().toLowerCase(java.util.Locale.ROOT))
                .orElse(""),
            "bumped_by",
            closed.closure().flatMap(c -> c.bumpedBy()).map(MemberId::toString).orElse(""));
        if (p != null) {
          repos.profiles().save(id, p.markedFormerNaib());
          removeRole(in, p.userId(), RoleKey.NAIB, actions);
          addRole(in, p.userId(), RoleKey.FORMER_NAIB, actions);
          if (eligible.containsKey(p.memberId())) {
            addRole(in, p.userId(), RoleKey.FEDAYKIN, actions);
          }
        }
      }
    }
    audit(
        id,
        in.caller(),
        AuditType.NAIB_SEATS_EVALUATED,
        now,
        "filled",
        evaluation.filled(),
        "bumped",
        evaluation.bumped(),
        "unseated",
        evaluation.unseated());
    return evaluation.seatOf(newcomer.memberId()).map(SeatRecord::seatNumber);
  }

  static MessagePayload welcome(
      CommunityConfig community, Profile profile, Optional<Integer> seat) {
    String title =
        seat.map(n -> "Welcome to the council, " + profile.nym() + " — you hold Naib seat #" + n)
            .orElse("Welcome, " + profile.nym());
    Embed.Builder embed =
        Embed.builder()
            .title(title)
            .color(COLOR_WELCOME)
            .description(
                "Your profile in "
                    + community.name()
                    + " is ready. Your wallet is never shown with your nym.")
            .field(
                "Tier",
                profile.tier().map(t -> t.emoji() + " " + t.displayName()).orElse("None"),
                true)
            .field("Picture", OnboardingWizard.pictureLabel(profile.pictureType()), true)
            .footer("See it with /profile view · change it with /profile edit");
    profile.bio().ifPresent(b -> embed.field("Bio", b));
    profile.pictureUrl().ifPresent(embed::thumbnailUrl);
    MessagePayload.Builder message = MessagePayload.builder();
    GeneratedPicture.of(profile).ifPresent(png -> GeneratedPicture.show(png, embed, message));
    return message.embed(embed.build()).build();
  }

  private static void addRole(
      ComponentInvocation in, UserId user, RoleKey key, List<DiscordAction> actions) {
    role(in, key)
        .ifPresent(
            role ->
                actions.add(
                    new DiscordAction.AddRole(
                        actionId(in, DiscordAction.Kind.ROLE_ADD, user, role),
                        in.community().guildId().value(),
                        user.value(),
                        role.value(),
                        ROLE_REASON)));
  }

  private static void removeRole(
      ComponentInvocation in, UserId user, RoleKey key, List<DiscordAction> actions) {
    role(in, key)
        .ifPresent(
            role ->
                actions.add(
                    new DiscordAction.RemoveRole(
                        actionId(in, DiscordAction.Kind.ROLE_REMOVE, user, role),
                        in.community().guildId().value(),
                        user.value(),
                        role.value(),
                        ROLE_REASON)));
  }

  private static Optional<Snowflake> role(ComponentInvocation in, RoleKey key) {
    return in.community().roles().writableRole(key, in.community().coexistenceMode());
  }

  /** {@code {interactionId}:role.add:{userId}:{roleId}}: a redelivery decides the same ids. */
  static String actionId(
      ComponentInvocation in, DiscordAction.Kind kind, UserId user, Snowflake role) {
    return Long.toUnsignedString(in.interaction().context().interactionId())
        + ":"
        + kind.key()
        + ":"
        + Long.toUnsignedString(user.value())
        + ":"
        + role;
  }

  /** Monday 00:00 UTC of the week containing {@code now} (the weekly alert budget's start). */
  static Instant weekStart(Instant now) {
    return now.atZone(ZoneOffset.UTC)
        .toLocalDate()
        .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  private void audit(
      CommunityId community, UserId actor, AuditType type, Instant at, Object... keyValues) {
    Map<String, String> payload = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      payload.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
    }
    repos.auditLog().append(community, new AuditEvent(type, actor.toString(), payload), at);
  }
}
