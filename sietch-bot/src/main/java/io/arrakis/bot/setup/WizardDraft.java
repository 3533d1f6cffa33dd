package io.arrakis.bot.setup;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.MemberSettings;
import io.arrakis.domain.community.RoleBinding;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.SietchPreset;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The wizard's draft configuration as flat strings (the "W" settings of spec §2), read from a
 * configuration and applied back to one at deploy.
 */
final class WizardDraft {
  static final String ADMIN_ROLE = "admin";
  static final String THE_DOOR = "the_door";
  static final String CENSUS = "census";
  static final String ANNOUNCEMENTS = "announcements";

  private WizardDraft() {}

  static Map<String, String> of(CommunityConfig c) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("chain", Long.toString(c.token().chainId()));
    c.token().tokenAddress().ifPresent(a -> d.put("token", a.value()));
    d.put("symbol", c.token().symbol());
    d.put("decimals", Integer.toString(c.token().decimals()));
    d.put("scan", Long.toString(c.token().scanStartBlock()));
    EligibilityRules r = c.eligibility();
    d.put("n", Integer.toString(r.eligibleCount()));
    d.put("seats", Integer.toString(r.naibSeats()));
    d.put("wlMin", Integer.toString(r.waitlistMin()));
    d.put("wlMax", Integer.toString(r.waitlistMax()));
    d.put("grace", Integer.toString(r.graceHours()));
    d.put("launch", c.members().launchDate().toString());
    for (Tier t : Tier.balanceTiers()) {
      d.put("tier." + t.id(), c.tierThresholds().minimumOf(t).toPlainString());
    }
    c.roles()
        .bindings()
        .forEach(
            (k, b) -> b.discordRoleId().ifPresent(id -> d.put("role." + k.key(), id.toString())));
    c.adminRoleId().ifPresent(id -> d.put("role." + ADMIN_ROLE, id.toString()));
    c.incumbentBotId().ifPresent(id -> d.put("incumbent", id.toString()));
    c.channels().theDoor().ifPresent(id -> d.put("ch." + THE_DOOR, id.toString()));
    c.channels().census().ifPresent(id -> d.put("ch." + CENSUS, id.toString()));
    c.channels().announcements().ifPresent(id -> d.put("ch." + ANNOUNCEMENTS, id.toString()));
    return d;
  }

  static Optional<Snowflake> snowflake(WizardSession s, String key) {
    return s.draft(key).map(v -> new Snowflake(Long.parseUnsignedLong(v)));
  }

  static EligibilityRules rules(WizardSession s, CommunityConfig base) {
    int n = Integer.parseInt(s.draftOr("n", "69"));
    return new EligibilityRules(
        n,
        Integer.parseInt(s.draftOr("seats", "7")),
        Integer.parseInt(s.draftOr("wlMin", "70")),
        Integer.parseInt(s.draftOr("wlMax", "100")),
        Math.min(base.eligibility().atRiskBand(), n),
        Integer.parseInt(s.draftOr("grace", "24")));
  }

  static TokenConfig token(WizardSession s) {
    return new TokenConfig(
        Long.parseLong(s.draftOr("chain", Long.toString(TokenConfig.BERACHAIN))),
        s.draft("token").flatMap(Address::parse),
        s.draftOr("symbol", "BGT"),
        Integer.parseInt(s.draftOr("decimals", "18")),
        Long.parseLong(s.draftOr("scan", "0")));
  }

  static TierThresholds tiers(WizardSession s) {
    Map<Tier, BigDecimal> m = new EnumMap<>(Tier.class);
    TierThresholds defaults = TierThresholds.sietchDefaults();
    for (Tier t : Tier.balanceTiers()) {
      m.put(t, s.draft("tier." + t.id()).map(BigDecimal::new).orElse(defaults.minimumOf(t)));
    }
    return new TierThresholds(m);
  }

  /** The draft applied to {@code base}: everything the wizard edits, active, with {@code mode}. */
  static CommunityConfig apply(WizardSession s, CommunityConfig base) {
    Map<RoleKey, RoleBinding> bindings = new EnumMap<>(RoleKey.class);
    for (RoleKey key : RoleKey.values()) {
      RoleBinding existing = base.roles().bindings().getOrDefault(key, RoleBinding.unset());
      Optional<Snowflake> role = snowflake(s, "role." + key.key());
      if (role.isPresent() || existing.parallelRoleId().isPresent()) {
        bindings.put(key, new RoleBinding(role, existing.parallelRoleId()));
      }
    }
    ChannelConfig channels =
        new ChannelConfig(
            snowflake(s, "ch." + THE_DOOR),
            snowflake(s, "ch." + CENSUS),
            snowflake(s, "ch." + ANNOUNCEMENTS),
            base.channels().activityChannelIds());
    MemberSettings m = base.members();
    MemberSettings members =
        new MemberSettings(
            LocalDate.parse(s.draftOr("launch", m.launchDate().toString())),
            m.ogWindowDays(),
            m.nymChangeCooldownDays(),
            m.bioMaxLength(),
            m.defaultAlertFrequency(),
            m.naibThreatMarginPct(),
            m.commandCooldownSeconds());
    Optional<Snowflake> incumbent = snowflake(s, "incumbent");
    boolean keepMode = base.active() && incumbent.equals(base.incumbentBotId());
    return new CommunityConfig(
        base.id(),
        base.guildId(),
        base.name(),
        base.preset(),
        true,
        token(s),
        rules(s, base),
        tiers(s),
        new RoleMapping(bindings),
        snowflake(s, "role." + ADMIN_ROLE),
        channels,
        base.activity(),
        members,
        keepMode ? base.coexistenceMode() : SietchPreset.initialMode(incumbent),
        incumbent,
        base.parallelRolePrefix());
  }
}
