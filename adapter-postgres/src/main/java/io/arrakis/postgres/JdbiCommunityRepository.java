package io.arrakis.postgres;

import static io.arrakis.postgres.Sql.optLongBoxed;

import io.arrakis.domain.alerts.AlertFrequency;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Snowflake;
import io.arrakis.domain.community.ActivitySettings;
import io.arrakis.domain.community.ChannelConfig;
import io.arrakis.domain.community.CoexistenceMode;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.community.EligibilityRules;
import io.arrakis.domain.community.MemberSettings;
import io.arrakis.domain.community.RoleBinding;
import io.arrakis.domain.community.RoleMapping;
import io.arrakis.domain.community.TokenConfig;
import io.arrakis.domain.port.CommunityRepository;
import io.arrakis.domain.roles.RoleKey;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.domain.tiers.TierThresholds;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * {@code communities} (global) plus the community's {@code community_roles} and {@code
 * community_tiers} (tenant tables, read and written under the community's own context).
 */
final class JdbiCommunityRepository implements CommunityRepository {
  private final Session session;

  JdbiCommunityRepository(Session session) {
    this.session = session;
  }

  @Override
  public Optional<CommunityConfig> find(CommunityId id) {
    return session.global(
        h ->
            h.createQuery("select * from communities where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> header(rs))
                .findOne()
                .map(row -> complete(h, row)));
  }

  @Override
  public Optional<CommunityConfig> findByGuild(Snowflake guildId) {
    return session.global(
        h ->
            h.createQuery("select * from communities where guild_id = :guild")
                .bind("guild", guildId.value())
                .map((rs, ctx) -> header(rs))
                .findOne()
                .map(row -> complete(h, row)));
  }

  @Override
  public List<CommunityConfig> active() {
    return session.global(
        h ->
            h
                .createQuery("select * from communities where is_active order by created_at, id")
                .map((rs, ctx) -> header(rs))
                .list()
                .stream()
                .map(row -> complete(h, row))
                .toList());
  }

  @Override
  public void save(CommunityConfig c) {
    session.global(
        h -> {
          upsertHeader(h, c);
          session.switched(
              h,
              c.id(),
              () -> {
                replaceRoles(h, c);
                replaceTiers(h, c);
                return null;
              });
          return null;
        });
  }

  private static void upsertHeader(Handle h, CommunityConfig c) {
    h.createUpdate(
            """
            insert into communities (id, guild_id, name, preset, is_active, deployed_at, chain_id,
              token_address, token_symbol, token_decimals, scan_start_block, eligible_count,
              naib_seats, waitlist_min, waitlist_max, at_risk_band, grace_hours, admin_role_id,
              channel_the_door, channel_census, channel_announcements, activity_channel_ids,
              launch_date, og_window_days, activity_points_message, activity_points_reaction_given,
              activity_points_reaction_received, activity_decay_rate, activity_decay_period_hours,
              activity_message_cooldown_s, activity_reaction_cooldown_s, nym_change_cooldown_days,
              bio_max_length, default_alert_frequency, naib_threat_margin_pct, command_cooldown_s,
              coexistence_mode, incumbent_bot_id, parallel_role_prefix)
            values (:id, :guild, :name, :preset, :active, case when :active then now() end,
              :chain, :token, :symbol, :decimals, :scanStart, :n, :seats, :wlMin, :wlMax, :band,
              :grace, :adminRole, :door, :census, :announcements, :activityChannels, :launch,
              :ogDays, :pMsg, :pGiven, :pReceived, :decayRate, :decayHours, :msgCooldown,
              :reactCooldown, :nymCooldown, :bioMax, :frequency, :threatPct, :cmdCooldown, :mode,
              :incumbent, :prefix)
            on conflict (id) do update set guild_id = excluded.guild_id, name = excluded.name,
              preset = excluded.preset, is_active = excluded.is_active,
              deployed_at = coalesce(communities.deployed_at, excluded.deployed_at),
              chain_id = excluded.chain_id, token_address = excluded.token_address,
              token_symbol = excluded.token_symbol, token_decimals = excluded.token_decimals,
              scan_start_block = excluded.scan_start_block,
              eligible_count = excluded.eligible_count, naib_seats = excluded.naib_seats,
              waitlist_min = excluded.waitlist_min, waitlist_max = excluded.waitlist_max,
              at_risk_band = excluded.at_risk_band, grace_hours = excluded.grace_hours,
              admin_role_id = excluded.admin_role_id,
              channel_the_door = excluded.channel_the_door,
              channel_census = excluded.channel_census,
              channel_announcements = excluded.channel_announcements,
              activity_channel_ids = excluded.activity_channel_ids,
              launch_date = excluded.launch_date, og_window_days = excluded.og_window_days,
              activity_points_message = excluded.activity_points_message,
              activity_points_reaction_given = excluded.activity_points_reaction_given,
              activity_points_reaction_received = excluded.activity_points_reaction_received,
              activity_decay_rate = excluded.activity_decay_rate,
              activity_decay_period_hours = excluded.activity_decay_period_hours,
              activity_message_cooldown_s = excluded.activity_message_cooldown_s,
              activity_reaction_cooldown_s = excluded.activity_reaction_cooldown_s,
              nym_change_cooldown_days = excluded.nym_change_cooldown_days,
              bio_max_length = excluded.bio_max_length,
              default_alert_frequency = excluded.default_alert_frequency,
              naib_threat_margin_pct = excluded.naib_threat_margin_pct,
              command_cooldown_s = excluded.command_cooldown_s,
              coexistence_mode = excluded.coexistence_mode,
              incumbent_bot_id = excluded.incumbent_bot_id,
              parallel_role_prefix = excluded.parallel_role_prefix, updated_at = now()
            """)
        .bind("id", c.id().value())
        .bind("guild", c.guildId().value())
        .bind("name", c.name())
        .bind("preset", c.preset())
        .bind("active", c.active())
        .bind("chain", c.token().chainId())
        .bindByType(
            "token", c.token().tokenAddress().map(Address::value).orElse(null), String.class)
        .bind("symbol", c.token().symbol())
        .bind("decimals", c.token().decimals())
        .bind("scanStart", c.token().scanStartBlock())
        .bind("n", c.eligibility().eligibleCount())
        .bind("seats", c.eligibility().naibSeats())
        .bind("wlMin", c.eligibility().waitlistMin())
        .bind("wlMax", c.eligibility().waitlistMax())
        .bind("band", c.eligibility().atRiskBand())
        .bind("grace", c.eligibility().graceHours())
        .bindByType("adminRole", snowflake(c.adminRoleId()), Long.class)
        .bindByType("door", snowflake(c.channels().theDoor()), Long.class)
        .bindByType("census", snowflake(c.channels().census()), Long.class)
        .bindByType("announcements", snowflake(c.channels().announcements()), Long.class)
        .bind(
            "activityChannels",
            c.channels().activityChannelIds().stream()
                .map(Snowflake::value)
                .sorted()
                .toArray(Long[]::new))
        .bind("launch", c.members().launchDate())
        .bind("ogDays", c.members().ogWindowDays())
        .bind("pMsg", c.activity().pointsMessage())
        .bind("pGiven", c.activity().pointsReactionGiven())
        .bind("pReceived", c.activity().pointsReactionReceived())
        .bind("decayRate", c.activity().decayRate())
        .bind("decayHours", c.activity().decayPeriodHours())
        .bind("msgCooldown", c.activity().messageCooldownSeconds())
        .bind("reactCooldown", c.activity().reactionCooldownSeconds())
        .bind("nymCooldown", c.members().nymChangeCooldownDays())
        .bind("bioMax", c.members().bioMaxLength())
        .bind("frequency", c.members().defaultAlertFrequency().id())
        .bind("threatPct", c.members().naibThreatMarginPct())
        .bind("cmdCooldown", c.members().commandCooldownSeconds())
        .bind("mode", c.coexistenceMode().name().toLowerCase(Locale.ROOT))
        .bindByType("incumbent", snowflake(c.incumbentBotId()), Long.class)
        .bind("prefix", c.parallelRolePrefix())
        .execute();
  }

  private static void replaceRoles(Handle h, CommunityConfig c) {
    h.createUpdate("delete from community_roles where community_id = :c")
        .bind("c", c.id().value())
        .execute();
    for (Map.Entry<RoleKey, RoleBinding> e : c.roles().bindings().entrySet()) {
      h.createUpdate(
              """
              insert into community_roles (community_id, role_key, discord_role_id, parallel_role_id)
              values (:c, :key, :role, :parallel)
              """)
          .bind("c", c.id().value())
          .bind("key", e.getKey().key())
          .bindByType("role", snowflake(e.getValue().discordRoleId()), Long.class)
          .bindByType("parallel", snowflake(e.getValue().parallelRoleId()), Long.class)
          .execute();
    }
  }

  private static void replaceTiers(Handle h, CommunityConfig c) {
    h.createUpdate("delete from community_tiers where community_id = :c")
        .bind("c", c.id().value())
        .execute();
    for (Map.Entry<Tier, BigDecimal> e : c.tierThresholds().minimums().entrySet()) {
      Tier tier = e.getKey();
      h.createUpdate(
              """
              insert into community_tiers (community_id, tier_id, display_name, min_balance, emoji,
                sort_order)
              values (:c, :tier, :name, :min, :emoji, :order)
              """)
          .bind("c", c.id().value())
          .bind("tier", tier.id())
          .bind("name", tier.displayName())
          .bind("min", e.getValue())
          .bind("emoji", tier.emoji())
          .bind("order", tier.order())
          .execute();
    }
  }

  private CommunityConfig complete(Handle h, CommunityConfig header) {
    return session.switched(
        h,
        header.id(),
        () -> {
          Map<RoleKey, RoleBinding> roles = new EnumMap<>(RoleKey.class);
          h.createQuery(
                  "select role_key, discord_role_id, parallel_role_id from community_roles"
                      + " where community_id = :c")
              .bind("c", header.id().value())
              .map(
                  (rs, ctx) -> {
                    RoleKey key =
                        RoleKey.fromKey(rs.getString("role_key"))
                            .orElseThrow(() -> new IllegalStateException("unknown role key"));
                    roles.put(
                        key,
                        new RoleBinding(
                            optLongBoxed(rs, "discord_role_id").map(Snowflake::new),
                            optLongBoxed(rs, "parallel_role_id").map(Snowflake::new)));
                    return key;
                  })
              .list();
          Map<Tier, BigDecimal> minimums = new EnumMap<>(Tier.class);
          h.createQuery(
                  "select tier_id, min_balance from community_tiers where community_id = :c"
                      + " and min_balance is not null")
              .bind("c", header.id().value())
              .map(
                  (rs, ctx) ->
                      minimums.put(
                          Tier.fromId(rs.getString("tier_id")).orElseThrow(),
                          rs.getBigDecimal("min_balance")))
              .list();
          return new CommunityConfig(
              header.id(),
              header.guildId(),
              header.name(),
              header.preset(),
              header.active(),
              header.token(),
              header.eligibility(),
              new TierThresholds(minimums),
              new RoleMapping(roles),
              header.adminRoleId(),
              header.channels(),
              header.activity(),
              header.members(),
              header.coexistenceMode(),
              header.incumbentBotId(),
              header.parallelRolePrefix());
        });
  }

  /** The communities row, with default thresholds and no roles until {@link #complete}. */
  private static CommunityConfig header(ResultSet rs) throws SQLException {
    Array channels = rs.getArray("activity_channel_ids");
    Set<Snowflake> activityChannels = new HashSet<>();
    for (Long id : (Long[]) channels.getArray()) {
      activityChannels.add(new Snowflake(id));
    }
    return new CommunityConfig(
        new CommunityId(Sql.uuid(rs, "id")),
        new Snowflake(rs.getLong("guild_id")),
        rs.getString("name"),
        rs.getString("preset"),
        rs.getBoolean("is_active"),
        new TokenConfig(
            rs.getLong("chain_id"),
            Sql.optString(rs, "token_address").map(Address::new),
            rs.getString("token_symbol"),
            rs.getInt("token_decimals"),
            rs.getLong("scan_start_block")),
        new EligibilityRules(
            rs.getInt("eligible_count"),
            rs.getInt("naib_seats"),
            rs.getInt("waitlist_min"),
            rs.getInt("waitlist_max"),
            rs.getInt("at_risk_band"),
            rs.getInt("grace_hours")),
        TierThresholds.sietchDefaults(),
        RoleMapping.empty(),
        optLongBoxed(rs, "admin_role_id").map(Snowflake::new),
        new ChannelConfig(
            optLongBoxed(rs, "channel_the_door").map(Snowflake::new),
            optLongBoxed(rs, "channel_census").map(Snowflake::new),
            optLongBoxed(rs, "channel_announcements").map(Snowflake::new),
            activityChannels),
        new ActivitySettings(
            rs.getBigDecimal("activity_points_message"),
            rs.getBigDecimal("activity_points_reaction_given"),
            rs.getBigDecimal("activity_points_reaction_received"),
            rs.getBigDecimal("activity_decay_rate"),
            rs.getInt("activity_decay_period_hours"),
            rs.getInt("activity_message_cooldown_s"),
            rs.getInt("activity_reaction_cooldown_s")),
        new MemberSettings(
            rs.getObject("launch_date", LocalDate.class),
            rs.getInt("og_window_days"),
            rs.getInt("nym_change_cooldown_days"),
            rs.getInt("bio_max_length"),
            AlertFrequency.fromId(rs.getString("default_alert_frequency")).orElseThrow(),
            rs.getInt("naib_threat_margin_pct"),
            rs.getInt("command_cooldown_s")),
        CoexistenceMode.valueOf(rs.getString("coexistence_mode").toUpperCase(Locale.ROOT)),
        optLongBoxed(rs, "incumbent_bot_id").map(Snowflake::new),
        rs.getString("parallel_role_prefix"));
  }

  private static @Nullable Long snowflake(Optional<Snowflake> id) {
    return id.map(Snowflake::value).orElse(null);
  }
}
