package io.arrakis.jda.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.arrakis.discord.Embed;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.ActionOutcome;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.emulator.EmulatorControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a planned restart the new ingestor resumes the old process's session: JDA then never
 * receives READY or GUILD_CREATE and knows no guild. The executor still executes every kind of
 * guild action, by REST without local checks, and Discord's answers decide. This also guards the
 * JDA internals {@link UncachedRequests} uses: it fails if a JDA upgrade breaks them.
 */
class JdaActionExecutorResumeIT {

  @Test
  void afterAResumeWithoutGuildCacheActionsAreExecutedByRest() throws Exception {
    try (EmulatedGateway gateway = EmulatedGateway.start(1, 1)) {
      EmulatorControl control = gateway.emulator.control();
      long guild = control.guildIds().get(0);
      gateway.connect(List.of(0));
      gateway.awaitGuild(guild);
      EmulatedGateway.await(
          () -> gateway.dispatches.stream().anyMatch(d -> d.type().equals("GUILD_CREATE")),
          "GUILD_CREATE through the tap");
      gateway.checkpointAndStop();
      long identifies = gateway.emulator.counters().get("gateway.identifies");

      gateway.connect(List.of(0));
      assertThat(gateway.emulator.counters().get("gateway.identifies"))
          .as("resumed, not identified")
          .isEqualTo(identifies);
      // The emulator counts a resume after it has sent RESUMED, so JDA may be up a moment before.
      EmulatedGateway.await(
          () -> gateway.emulator.counters().get("gateway.resumes") > 0, "the resume counted");
      assertThat(gateway.shards().getGuildById(guild)).as("no guild cache after a resume").isNull();
      JdaActionExecutor executor = new JdaActionExecutor(gateway.source, Duration.ofSeconds(10));

      long member = control.memberIds(guild).get(0);
      long fedaykin = control.roleId(guild, "Fedaykin");
      assertThat(
              executor.execute(
                  new DiscordAction.AddRole("resume:add", guild, member, fedaykin, "rank 9")))
          .isEqualTo(new ActionOutcome.Done(1, 204));
      assertThat(control.memberRoles(guild, member)).contains(fedaykin);
      assertThat(
              executor.execute(
                  new DiscordAction.RemoveRole("resume:remove", guild, member, fedaykin, "")))
          .isEqualTo(new ActionOutcome.Done(1, 204));
      assertThat(control.memberRoles(guild, member)).doesNotContain(fedaykin);

      // Without the cache there is no local hierarchy check: Discord's 403 decides.
      long admin = control.roleId(guild, "Admin");
      ActionOutcome above =
          executor.execute(new DiscordAction.AddRole("resume:above", guild, member, admin, ""));
      assertThat(above).isInstanceOf(ActionOutcome.Refused.class);
      assertThat(((ActionOutcome.Refused) above).errorClass()).isEqualTo("MissingPermission");
      assertThat(above.httpStatus()).isEqualTo(403);

      ActionOutcome nobody =
          executor.execute(new DiscordAction.AddRole("resume:nobody", guild, 4242L, fedaykin, ""));
      assertThat(((ActionOutcome.Refused) nobody).errorClass()).isEqualTo("UnknownMember");

      long channel = control.channelId(guild, "general");
      MessagePayload post =
          MessagePayload.builder()
              .content("The door opened")
              .embed(Embed.builder().title("Welcome").build())
              .build();
      assertThat(
              executor.execute(
                  new DiscordAction.PostToChannel("resume:post", guild, channel, post)))
          .isEqualTo(new ActionOutcome.Done(1, 200));
      JsonNode posted = control.channelMessages(channel).get(0);
      assertThat(posted.path("content").asText()).isEqualTo("The door opened");
      assertThat(posted.path("embeds").get(0).path("title").asText()).isEqualTo("Welcome");
      long message = Long.parseUnsignedLong(posted.path("id").asText());

      assertThat(
              executor.execute(
                  new DiscordAction.EditMessage(
                      "resume:edit", guild, channel, message, MessagePayload.text("It closed"))))
          .isEqualTo(new ActionOutcome.Done(1, 200));
      JsonNode edited = control.channelMessages(channel).get(0);
      assertThat(edited.path("content").asText()).isEqualTo("It closed");
      assertThat(edited.path("embeds")).isEmpty();

      assertThat(
              executor.execute(
                  new DiscordAction.DeleteMessage("resume:delete", guild, channel, message)))
          .isEqualTo(new ActionOutcome.Done(1, 204));
      assertThat(control.channelMessages(channel)).isEmpty();

      ActionOutcome unknownChannel =
          executor.execute(
              new DiscordAction.PostToChannel(
                  "resume:nochannel", guild, 12345L, MessagePayload.text("gm")));
      assertThat(((ActionOutcome.Refused) unknownChannel).errorClass()).isEqualTo("UnknownChannel");
      assertThat(unknownChannel.httpStatus()).isEqualTo(404);

      assertThat(gateway.jdaErrors()).as("JDA logged no ERROR").isEmpty();
    }
  }
}
