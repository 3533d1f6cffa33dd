package io.arrakis.system;

import static io.arrakis.system.SietchSystem.JSON;
import static io.arrakis.system.SietchSystem.ephemeral;
import static io.arrakis.system.SietchSystem.field;
import static io.arrakis.system.SietchSystem.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.ChainHoldings;
import io.arrakis.domain.eligibility.EligibilityRanker;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.Holding;
import io.arrakis.domain.eligibility.Ranking;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.port.VerificationSession;
import io.arrakis.domain.profile.WalletLink;
import io.arrakis.domain.tiers.TierPolicy;
import io.arrakis.emulator.InteractionRef;
import io.arrakis.worker.DemoCommunity;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /verify} end to end (spec §7, §15.16): a member runs {@code /verify start}, presses the
 * real Submit signature button, gets the modal, and submits a real secp256k1 {@code personal_sign}
 * signature of the shown message made here with a freshly generated key; the worker (its jar, no
 * token) recovers the signer, links the wallet in PostgreSQL, and the ingestor delivers the
 * onboarding DM. Also: another wallet's signature, the attempt limit, the submit rate limit and a
 * click on someone else's button.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyCommandsSystemIT {
  private static final int REDIS_DB = 24;

  /** The ingestor's database when a stock Redis has no database 25 (no other test uses 8). */
  private static final int FALLBACK_REDIS_DB = 8;

  private static final Duration ANSWER = Duration.ofSeconds(10);
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  private SietchSystem sys;
  private PrivateRedis privateRedis;

  /** Ranked first (eligible) in the community's ranking once the test starts. */
  private final Key eligibleKey = Key.generate();

  @BeforeAll
  void start() throws Exception {
    String workerRedisUrl;
    int ingestorDb;
    if (AppProcess.hasDatabase(REDIS_DB + 1)) {
      ingestorDb = REDIS_DB;
      workerRedisUrl = "redis://127.0.0.1:6379/" + (REDIS_DB + 1);
      AppProcess.flushRedis(REDIS_DB + 1);
    } else {
      // a stock Redis has 16 databases, all taken by other system tests: the worker's sessions
      // and limits go to a private redis-server, so no other test's flush can touch them
      ingestorDb = FALLBACK_REDIS_DB;
      privateRedis = PrivateRedis.start("verify-redis");
      workerRedisUrl = privateRedis.url();
    }
    sys = SietchSystem.start("verify", ingestorDb, workerRedisUrl);
    SietchSystem.Run registered = sys.registerCommands();
    assertThat(registered.exitCode()).as(registered.output()).isZero();
    rankFirst(eligibleKey.address());
    sys.startWorker("verify-worker");
  }

  @AfterAll
  void stop() throws Exception {
    if (sys != null) {
      sys.close();
    }
    if (privateRedis != null) {
      privateRedis.close();
    }
  }

  // ---- the tests

  @Test
  void aRealSignatureLinksTheWalletAndTheOnboardingDmArrives() throws Exception {
    long user = sys.members.get(3);
    JsonNode started = message(run(user, "start"));
    assertThat(ephemeral(started)).isTrue();
    assertThat(embed(started).path("title").asText()).isEqualTo("Wallet Verification");
    assertThat(field(embed(started), "Max attempts")).isEqualTo("3");
    String toSign = signedText(started);
    assertThat(toSign)
        .startsWith("Sietch wallet verification\n\nI am linking this wallet to Discord user ")
        .contains("in the community \"Demo Sietch\"")
        .containsPattern("\nNonce: [0-9a-f]{32}\nExpires: \\S+Z$");
    String submit = buttonId(started);
    assertThat(submit).startsWith("verify_submit:");

    JsonNode pressed = click(user, submit, started);
    assertThat(pressed.path("callback_type").asInt()).as("a modal").isEqualTo(9);
    String modalId = callbackBody(pressed).path("data").path("custom_id").asText();
    assertThat(modalId).isEqualTo("verify_modal:" + submit.substring("verify_submit:".length()));

    JsonNode linked =
        message(
            submitModal(user, modalId, started, eligibleKey.address(), eligibleKey.sign(toSign)));
    assertThat(ephemeral(linked)).isTrue();
    assertThat(embed(linked).path("title").asText()).isEqualTo("Wallet Verified");

    Optional<WalletLink> stored =
        inCommunity(() -> repos().walletLinks().byUser(sys.community, new UserId(user)));
    assertThat(stored).map(WalletLink::wallet).contains(eligibleKey.address());
    UUID sessionId = UUID.fromString(submit.substring("verify_submit:".length()));
    VerificationSession session =
        inCommunity(() -> repos().verificationSessions().byId(sys.community, sessionId))
            .orElseThrow();
    assertThat(session.status()).isEqualTo(VerificationSession.Status.COMPLETED);
    assertThat(session.attempts()).isEqualTo(1);

    List<JsonNode> dms = awaitDms(user, 2);
    JsonNode verified = dmTitled(dms, "Wallet verified");
    assertThat(field(embed(verified), "Position")).isEqualTo("#1");
    assertThat(field(embed(verified), "Status")).startsWith("Eligible — Naib tier");
    JsonNode welcome = dmTitled(dms, "Welcome to Demo Sietch");
    assertThat(buttonId(welcome)).isEqualTo("onboarding_start:" + sys.community);
    assertThat(embed(welcome).path("description").asText())
        .contains("Your wallet is never shown with your nym");

    Thread.sleep(3_100); // the per-user command cooldown of spec §1.1
    JsonNode status = message(run(user, "status"));
    assertThat(field(embed(status), "Linked wallet")).startsWith(eligibleKey.address().value());
    assertThat(field(embed(status), "Latest session")).startsWith("completed");

    // single use: the same button again
    assertThat(content(click(user, submit, started))).contains("no longer active");
    sys.assertWorkersAlive();
  }

  @Test
  void wrongSignaturesAreRefusedAndTheThirdFailureEndsTheSession() throws Exception {
    long user = sys.members.get(4);
    Key own = Key.generate();
    Key other = Key.generate();
    JsonNode started = message(run(user, "start"));
    String toSign = signedText(started);
    String modalId = buttonId(started).replace("verify_submit:", "verify_modal:");

    assertThat(content(submitModal(user, modalId, started, own.address(), other.sign(toSign))))
        .isEqualTo(
            "That signature was made by a different wallet than "
                + own.address().truncated()
                + ". 2 attempt(s) left.");
    assertThat(
            content(
                submitModal(user, modalId, started, own.address(), own.sign(toSign + "tampered"))))
        .endsWith("1 attempt(s) left.");
    assertThat(content(submitModal(user, modalId, started, own.address(), other.sign(toSign))))
        .isEqualTo("Too many failed attempts. Run /verify start to begin again.");
    // even the right signature is refused now
    assertThat(content(submitModal(user, modalId, started, own.address(), own.sign(toSign))))
        .isEqualTo("Too many failed attempts. Run /verify start to begin again.");

    UUID sessionId = UUID.fromString(modalId.substring("verify_modal:".length()));
    VerificationSession session =
        inCommunity(() -> repos().verificationSessions().byId(sys.community, sessionId))
            .orElseThrow();
    assertThat(session.status()).isEqualTo(VerificationSession.Status.FAILED);
    assertThat(session.attempts()).isEqualTo(3);
    assertThat(session.errorCode()).contains("MAX_ATTEMPTS");
    assertThat(inCommunity(() -> repos().walletLinks().byUser(sys.community, new UserId(user))))
        .isEmpty();
  }

  @Test
  void theFourthSubmitInAMinuteIsRateLimitedAndConsumesNoAttempt() throws Exception {
    long user = sys.members.get(5);
    Key own = Key.generate();
    JsonNode started = message(run(user, "start"));
    String toSign = signedText(started);
    String modalId = buttonId(started).replace("verify_submit:", "verify_modal:");

    for (int i = 0; i < 3; i++) {
      JsonNode malformed = submitModal(user, modalId, started, own.address(), "0x1234");
      assertThat(content(malformed))
          .as("%s", malformed)
          .isEqualTo("That isn't a valid wallet address / signature.");
    }
    JsonNode fourth = submitModal(user, modalId, started, own.address(), own.sign(toSign));
    assertThat(content(fourth))
        .as("%s", fourth)
        .isEqualTo("Too many requests. Please wait a moment.");

    UUID sessionId = UUID.fromString(modalId.substring("verify_modal:".length()));
    VerificationSession session =
        inCommunity(() -> repos().verificationSessions().byId(sys.community, sessionId))
            .orElseThrow();
    assertThat(session.status()).isEqualTo(VerificationSession.Status.PENDING);
    assertThat(session.attempts()).isZero();
  }

  @Test
  void someoneElsesSubmitButtonIsRefused() throws Exception {
    long owner = sys.members.get(6);
    long intruder = sys.members.get(0);
    JsonNode started = message(run(owner, "start"));

    JsonNode pressed = click(intruder, buttonId(started), started);

    assertThat(pressed.path("callback_type").asInt()).isEqualTo(4);
    assertThat(content(pressed)).isEqualTo("This control belongs to someone else.");
    assertThat(ephemeral(message(pressed))).isTrue();
  }

  // ---- the user's actions

  private JsonNode run(long user, String subcommand) throws Exception {
    pace();
    InteractionRef ref = sys.command(user, "verify", subcommand, Map.of());
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  private ObjectNode on(long user, String customId, JsonNode message) {
    ObjectNode req = JSON.createObjectNode();
    req.put("guild_id", Long.toUnsignedString(sys.guild));
    req.put("channel_id", message.path("channel_id").asText());
    req.put("user_id", Long.toUnsignedString(user));
    req.put("custom_id", customId);
    req.put("message_id", message.path("id").asText());
    return req;
  }

  private JsonNode click(long user, String customId, JsonNode message) throws Exception {
    pace();
    InteractionRef ref = sys.emulator.control().button(on(user, customId, message));
    return sys.awaitConversation(ref, c -> c.path("acknowledged").asBoolean(), ANSWER);
  }

  private JsonNode submitModal(
      long user, String modalId, JsonNode source, Address wallet, String signature)
      throws Exception {
    pace();
    ObjectNode req = on(user, modalId, source);
    req.putObject("fields").put("wallet_address", wallet.value()).put("signature", signature);
    InteractionRef ref = sys.emulator.control().modalSubmit(req);
    return sys.awaitConversation(ref, SietchSystem::answered, ANSWER);
  }

  /** Stays under the 5 interactions per second and user of spec §1.1. */
  private static void pace() throws InterruptedException {
    Thread.sleep(300);
  }

  private List<JsonNode> awaitDms(long user, int count) throws InterruptedException {
    long deadline = System.nanoTime() + ANSWER.toNanos();
    List<JsonNode> dms = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      dms.clear();
      sys.emulator.control().directMessages(user).forEach(dms::add);
      if (dms.size() >= count) {
        return dms;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("expected " + count + " DMs to " + user + ", got " + dms);
  }

  // ---- reading answers

  private static JsonNode embed(JsonNode message) {
    return message.path("embeds").get(0);
  }

  private static String content(JsonNode conversation) {
    return message(conversation).path("content").asText();
  }

  /** The text between the code fences of the embed's description. */
  private static String signedText(JsonNode message) {
    String description = embed(message).path("description").asText();
    int from = description.indexOf("```\n") + 4;
    int to = description.indexOf("\n```", from);
    return description.substring(from, to);
  }

  private static String buttonId(JsonNode message) {
    return message.path("components").get(0).path("components").get(0).path("custom_id").asText();
  }

  private static JsonNode callbackBody(JsonNode conversation) {
    for (JsonNode e : conversation.path("events")) {
      if (e.path("kind").asText().equals("callback")) {
        return e.path("body");
      }
    }
    throw new AssertionError("no callback in " + conversation);
  }

  private static JsonNode dmTitled(List<JsonNode> dms, String title) {
    return dms.stream()
        .filter(m -> m.path("embeds").size() > 0 && embed(m).path("title").asText().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no DM '" + title + "' in " + dms));
  }

  // ---- the database

  private <T> T inCommunity(Supplier<T> work) {
    return sys.db.postgres.unitOfWork().inCommunity(sys.community, work);
  }

  private Repositories repos() {
    return sys.db.postgres.repositories();
  }

  /** Commits the demo ranking again with {@code wallet} on top. */
  private void rankFirst(Address wallet) {
    CommunityConfig community =
        sys.db
            .postgres
            .unitOfWork()
            .withoutCommunity(() -> repos().communities().find(sys.community))
            .orElseThrow();
    List<Holding> holdings = new ArrayList<>();
    holdings.add(new Holding(wallet, DemoCommunity.balance(1).add(BigInteger.TEN.pow(18))));
    for (int rank = 1; rank <= DemoCommunity.WALLETS; rank++) {
      holdings.add(new Holding(DemoCommunity.wallet(rank), DemoCommunity.balance(rank)));
    }
    Ranking ranking =
        new EligibilityRanker(
                community.eligibility(),
                new TierPolicy(
                    community.eligibility(),
                    community.tierThresholds(),
                    community.token().decimals()))
            .rank(new ChainHoldings(1_001L, holdings, Set.of()), List.of(), Map.of());
    inCommunity(
        () -> {
          repos()
              .eligibility()
              .commit(
                  sys.community,
                  new EligibilitySnapshot(UUID.randomUUID(), 1_001L, Instant.now(), ranking));
          return null;
        });
  }

  // ---- a wallet

  /**
   * A secp256k1 key signing like a wallet's {@code personal_sign}: keccak256 of the EIP-191
   * prefixed text, RFC 6979 deterministic k, low s, v = 27 + R's y parity. Independent of the bot's
   * recovery code.
   */
  private record Key(BigInteger secret, Address address) {
    static Key generate() {
      SecureRandom random = new SecureRandom();
      BigInteger d;
      do {
        d = new BigInteger(256, random);
      } while (d.signum() == 0 || d.compareTo(N) >= 0);
      byte[] pub = CURVE.getG().multiply(d).normalize().getEncoded(false);
      byte[] hash = keccak(java.util.Arrays.copyOfRange(pub, 1, pub.length));
      return new Key(d, new Address("0x" + HexFormat.of().formatHex(hash, 12, 32)));
    }

    String sign(String text) {
      byte[] body = text.getBytes(StandardCharsets.UTF_8);
      byte[] prefix =
          ("\u0019Ethereum Signed Message:\n" + body.length).getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[prefix.length + body.length];
      System.arraycopy(prefix, 0, all, 0, prefix.length);
      System.arraycopy(body, 0, all, prefix.length, body.length);
      byte[] hash = keccak(all);
      HMacDSAKCalculator k = new HMacDSAKCalculator(new SHA256Digest());
      k.init(N, secret, hash);
      BigInteger e = new BigInteger(1, hash);
      while (true) {
        BigInteger kv = k.nextK();
        ECPoint r = CURVE.getG().multiply(kv).normalize();
        BigInteger rx = r.getAffineXCoord().toBigInteger().mod(N);
        BigInteger s = kv.modInverse(N).multiply(e.add(rx.multiply(secret))).mod(N);
        if (rx.signum() == 0 || s.signum() == 0) {
          continue;
        }
        int recId = r.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0;
        if (s.compareTo(N.shiftRight(1)) > 0) {
          s = N.subtract(s);
          recId ^= 1;
        }
        return "0x" + hex32(rx) + hex32(s) + String.format("%02x", 27 + recId);
      }
    }

    private static byte[] keccak(byte[] in) {
      KeccakDigest digest = new KeccakDigest(256);
      digest.update(in, 0, in.length);
      byte[] out = new byte[32];
      digest.doFinal(out, 0);
      return out;
    }

    private static String hex32(BigInteger v) {
      byte[] out = new byte[32];
      byte[] raw = v.toByteArray();
      int n = Math.min(raw.length, 32);
      System.arraycopy(raw, raw.length - n, out, 32 - n, n);
      return HexFormat.of().formatHex(out);
    }
  }
}
