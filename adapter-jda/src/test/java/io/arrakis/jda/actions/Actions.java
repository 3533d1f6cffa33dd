package io.arrakis.jda.actions;

import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.EntitySelect;
import io.arrakis.discord.MessageFlag;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.StringSelect;
import io.arrakis.discord.action.DiscordAction;
import java.util.List;
import java.util.Optional;

/** Sample actions of every kind for the tests. */
final class Actions {
  static final long GUILD = 81384788765712384L;
  static final long USER = 80351110224678912L;
  static final long ROLE = 1131231931311313133L;
  static final long CHANNEL = 41771983423143937L;
  static final long MESSAGE = 1234567890123456789L;

  /** An id above 2^63: negative as a Java long, still a valid unsigned snowflake. */
  static final long HIGH_ID = 0xF000_0000_0000_0001L;

  private Actions() {}

  /** A message using every part the encoder knows. */
  static MessagePayload richMessage() {
    return MessagePayload.builder()
        .content("Your position changed — \"#12\" ✨")
        .embed(
            Embed.builder()
                .title("Your Position")
                .description("You are **Fedaykin**.\nLine two")
                .url("https://sietch.example/p/12")
                .color(0xFFD700)
                .field("Status", "Fedaykin", true)
                .field("Position", "#12")
                .footer("Get notified of changes with /alerts")
                .thumbnailUrl("https://cdn.example/p.png")
                .build())
        .embed(Embed.builder().description("a second, minimal embed").color(0).build())
        .row(
            Button.secondary("directory:prev:1", "Prev"),
            Button.primary("directory:next:2", "Next").asDisabled(),
            Button.link("https://example.org", "Docs").withEmoji("📜"),
            new Button(
                Button.Style.DANGER,
                "",
                Optional.of("alerts_toggle_position:42"),
                Optional.empty(),
                Optional.of("🔕"),
                false))
        .row(
            new StringSelect(
                "directory_tier",
                List.of(
                    StringSelect.Option.of("All tiers", "all"),
                    new StringSelect.Option("Naib", "naib", Optional.of("ranks 1-7"), true),
                    StringSelect.Option.of("Fedaykin", "fedaykin")),
                Optional.of("Tier"),
                0,
                2,
                true))
        .row(EntitySelect.of(EntitySelect.Kind.ROLE, "wizard:role:s1"))
        .row(
            new EntitySelect(
                EntitySelect.Kind.CHANNEL, "wizard:channel", Optional.of("Pick"), 1, 3, false))
        .flag(MessageFlag.SUPPRESS_EMBEDS)
        .flag(MessageFlag.SUPPRESS_NOTIFICATIONS)
        .build();
  }

  static DiscordAction.AddRole addRole() {
    return new DiscordAction.AddRole(
        "1190000000000000000:role.add:" + ROLE, GUILD, USER, ROLE, "eligibility sync: rank 12");
  }

  static DiscordAction.RemoveRole removeRole() {
    return new DiscordAction.RemoveRole("sync-2026-11-28.r1", GUILD, USER, ROLE, "");
  }

  static DiscordAction.SendDirectMessage directMessage() {
    return new DiscordAction.SendDirectMessage(
        "alert:position_update:" + USER + ":7", USER, richMessage(), "alert:position_update");
  }

  static DiscordAction.PostToChannel post() {
    return new DiscordAction.PostToChannel(
        "the-door:join:" + USER, GUILD, CHANNEL, MessagePayload.text("Welcome to the Sietch"));
  }

  static DiscordAction.EditMessage edit() {
    return new DiscordAction.EditMessage(
        "census:2026-48:edit", GUILD, CHANNEL, MESSAGE, richMessage());
  }

  static DiscordAction.DeleteMessage delete() {
    return new DiscordAction.DeleteMessage("census:2026-48:delete", GUILD, CHANNEL, MESSAGE);
  }

  static DiscordAction.CreateRole createRole() {
    return new DiscordAction.CreateRole(
        "setup:role:fedaykin", GUILD, "Fedaykin", 0xC0FFEE, true, false, "community setup");
  }

  static DiscordAction.EditRole editRole() {
    return new DiscordAction.EditRole(
        "takeover:role:" + ROLE, GUILD, ROLE, "Naib", 0xFFD700, "migration");
  }

  static DiscordAction.CreateChannel createChannel() {
    return new DiscordAction.CreateChannel(
        "setup:channel:the-door", GUILD, "the-door", CHANNEL, "joins and leaves", "setup");
  }

  static DiscordAction.CreateChannel createChannelWithoutCategory() {
    return new DiscordAction.CreateChannel("setup:channel:census", GUILD, "census", 0, "", "setup");
  }

  static DiscordAction.RequestMembers requestMembers() {
    return new DiscordAction.RequestMembers("mirror:refill:" + GUILD, GUILD);
  }

  static List<DiscordAction> everyKind() {
    return List.of(
        addRole(),
        removeRole(),
        directMessage(),
        post(),
        edit(),
        delete(),
        createRole(),
        editRole(),
        createChannel(),
        createChannelWithoutCategory(),
        requestMembers());
  }
}
