package io.arrakis.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.action.DiscordAction;
import io.arrakis.emulator.InteractionRef;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Privileged actions end to end: decided by a worker (or published as a worker would), executed by
 * the ingestor's jar with the bot token against the emulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsSystemIT {
  private static final int REDIS_DB = 3;
  private static final Duration WAIT = Duration.ofSeconds(15);

  private SietchSystem sys;
  private SietchSystem.ActionSender sender;
  private Connection amqp;
  private Channel channel;

  @BeforeAll
  void start() throws Exception {
    AppProcess.flushRedis(REDIS_DB + 1);
    sys = SietchSystem.start("acts", REDIS_DB, "redis://127.0.0.1:6379/" + (REDIS_DB + 1));
    assertThat(sys.registerCommands().exitCode()).isZero();
    sys.startWorker("acts-worker");
    sender = sys.actionSender();
    amqp = sys.broker.connect("actions-system-test");
    channel = amqp.createChannel();
    channel.queueDeclare("test.failed-actions", false, false, false, null);
    channel.queueBind("test.failed-actions", "arrakis.events", "action.failed.#");
  }

  @AfterAll
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    if (amqp != null) {
      amqp.close();
    }
    if (sys != null) {
      sys.close();
    }
  }

  @Test
  void registerWaitlistEndsWithTheMemberHoldingTheTaqwaRoleInDiscord() throws Exception {
    long member = sys.members.get(2); // linked to the wallet ranked 80
    InteractionRef ref = sys.command(member, "register-waitlist", "register", Map.of());

    sys.awaitConversation(ref, SietchSystem::answered, WAIT);

    await(
        () -> sys.emulator.control().memberRoles(sys.guild, member).contains(sys.taqwaRole),
        "member " + member + " gets the Taqwa role");
  }

  @Test
  void theSameActionDeliveredTwiceIsExecutedOnce() throws Exception {
    long member = sys.members.get(4);
    long role = sys.emulator.control().roleId(sys.guild, "Fremen");
    String id = "test-" + UUID.randomUUID() + ":role.add";
    DiscordAction add = new DiscordAction.AddRole(id, sys.guild, member, role, "system test");
    long added = sys.emulatorCounter("world.role_added");

    sender.send(add);
    await(() -> hasRole(member, role), "the role is given");
    // an operator takes it away; a second delivery of the same action must not give it back
    sys.emulator.control().updateMember(sys.guild, member, rolesWithout(member, role));
    sender.send(add);
    Thread.sleep(2000);

    assertThat(hasRole(member, role)).as("the duplicate was not executed").isFalse();
    assertThat(sys.emulatorCounter("world.role_added") - added).isEqualTo(1);
  }

  @Test
  void aRoleAboveTheBotsIsDeadLetteredWithTheReasonAndNoRequestIsSent() throws Exception {
    long member = sys.members.get(5);
    long admin = sys.emulator.control().roleId(sys.guild, "Admin");
    String id = "test-" + UUID.randomUUID() + ":role.add";
    long denied = sys.emulatorCounter("rest.role_hierarchy_denied");
    long added = sys.emulatorCounter("world.role_added");

    sender.send(new DiscordAction.AddRole(id, sys.guild, member, admin, "system test"));

    GetResponse dead = awaitMessage("arrakis.dlq", id);
    assertThat(String.valueOf(dead.getProps().getHeaders().get("x-error-class")))
        .isEqualTo("RoleAboveBot");
    assertThat(String.valueOf(dead.getProps().getHeaders().get("x-error-message"))).isNotBlank();
    assertThat(sys.emulatorCounter("rest.role_hierarchy_denied"))
        .as("no request reached Discord")
        .isEqualTo(denied);
    assertThat(sys.emulatorCounter("world.role_added")).isEqualTo(added);
    assertThat(hasRole(member, admin)).isFalse();
  }

  @Test
  void aDmToAMemberWithDmsClosedIsDeadLetteredAndReportedBackToTheWorkers() throws Exception {
    JsonNode user =
        sys.emulator
            .control()
            .createUser(
                SietchSystem.JSON
                    .createObjectNode()
                    .put("username", "closed")
                    .put("dms_open", false));
    long userId = Long.parseUnsignedLong(user.get("id").asText());
    sys.emulator
        .control()
        .addMember(
            sys.guild,
            SietchSystem.JSON.createObjectNode().put("user_id", user.get("id").asText()));
    String id = "test-" + UUID.randomUUID() + ":dm";

    sender.send(
        new DiscordAction.SendDirectMessage(
            id, userId, MessagePayload.text("You're in!"), "alert:waitlist_eligible"));

    GetResponse dead = awaitMessage("arrakis.dlq", id);
    assertThat(String.valueOf(dead.getProps().getHeaders().get("x-error-class")))
        .isEqualTo("DmClosed");
    GetResponse event = awaitMessage("test.failed-actions", id + ":failed");
    assertThat(event.getEnvelope().getRoutingKey()).isEqualTo("action.failed.dm.send");
    JsonNode body = SietchSystem.JSON.readTree(event.getBody());
    assertThat(body.path("action_id").asText()).isEqualTo(id);
    assertThat(body.path("purpose").asText()).isEqualTo("alert:waitlist_eligible");
    assertThat(body.path("error_class").asText()).isEqualTo("DmClosed");
    assertThat(sys.emulator.control().directMessages(userId)).isEmpty();
  }

  @Test
  void aDmToAMemberWithDmsOpenArrives() throws Exception {
    long member = sys.members.get(6);
    String id = "test-" + UUID.randomUUID() + ":dm";

    sender.send(
        new DiscordAction.SendDirectMessage(
            id, member, MessagePayload.text("Welcome to the sietch"), "test"));

    await(
        () ->
            sys.emulator
                .control()
                .directMessages(member)
                .toString()
                .contains("Welcome to the sietch"),
        "the DM arrives");
  }

  private boolean hasRole(long member, long role) {
    return sys.emulator.control().memberRoles(sys.guild, member).contains(role);
  }

  private JsonNode rolesWithout(long member, long role) {
    var roles = SietchSystem.JSON.createArrayNode();
    sys.emulator.control().memberRoles(sys.guild, member).stream()
        .filter(r -> r != role)
        .forEach(r -> roles.add(Long.toUnsignedString(r)));
    var req = SietchSystem.JSON.createObjectNode();
    req.set("roles", roles);
    return req;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not within " + WAIT + ": " + what);
  }

  private GetResponse awaitMessage(String queue, String messageId) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      GetResponse r = channel.basicGet(queue, true);
      if (r == null) {
        Thread.sleep(50);
      } else if (messageId.equals(r.getProps().getMessageId())) {
        return r;
      }
    }
    throw new AssertionError("no message " + messageId + " on " + queue);
  }
}
