package io.arrakis.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arrakis.emulator.World.Guild;
import io.arrakis.emulator.World.Member;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Dispatches a mix of events at a target rate across the connected shards, stage by stage, and
 * keeps an exact ledger: for every event, its type, shard, session and sequence number, so a test
 * can prove that every dispatch reached the consumer exactly once.
 *
 * <p>Payloads are pre-serialised templates with the unique id spliced in, so the generator costs
 * one small array copy per event, not a JSON serialisation.
 */
final class LoadGenerator {
  static final String[] TYPES = {
    "MESSAGE_CREATE", "GUILD_MEMBER_UPDATE", "MESSAGE_REACTION_ADD", "INTERACTION_CREATE"
  };
  static final long MAX_EVENTS = 5_000_000L;
  private static final String PLACEHOLDER = "__LOAD_ID__";

  /** One stage: {@code rate} events per second for {@code durationMs}. */
  record Stage(long durationMs, int rate) {}

  /** A run and its ledger. */
  static final class Run {
    final int id;
    final List<Stage> stages;
    final byte[] cycle;
    final long planned;
    final long[] seqs;
    final long[] keys;
    final int[] sessionRef;
    final byte[] types;
    final List<String> sessionIds = new ArrayList<>();
    int maxBacklog = 20_000;
    List<JsonNode> commands = List.of();
    boolean spreadUsers;
    int[] guildInteractions = new int[0];
    volatile long backpressureNanos;
    volatile long waitingSinceNanos;
    final List<Integer> sessionShards = new ArrayList<>();
    private final Map<String, Integer> sessionIndex = new HashMap<>();
    volatile long emitted;
    volatile long undeliverable;
    volatile boolean stop;
    volatile boolean finished;
    volatile long startNanos;
    volatile long endNanos;
    long replayedAtStart;

    Run(int id, List<Stage> stages, byte[] cycle, long planned) {
      this.id = id;
      this.stages = stages;
      this.cycle = cycle;
      this.planned = planned;
      this.seqs = new long[(int) planned];
      this.keys = new long[(int) planned];
      this.sessionRef = new int[(int) planned];
      this.types = new byte[(int) planned];
    }

    int sessionRef(GatewaySession s) {
      return sessionIndex.computeIfAbsent(
          s.id,
          k -> {
            sessionIds.add(k);
            sessionShards.add(s.shardId);
            return sessionIds.size() - 1;
          });
    }
  }

  private final World world;
  private final Gateway gateway;
  private final EmulatorControl control;
  private final Counters counters;

  LoadGenerator(World world, Gateway gateway, EmulatorControl control, Counters counters) {
    this.world = world;
    this.gateway = gateway;
    this.control = control;
    this.counters = counters;
  }

  /** Expands a weighted mix into a deterministic, evenly interleaved cycle of type indexes. */
  static byte[] cycle(Map<String, Integer> mix) {
    int[] w = new int[TYPES.length];
    int total = 0;
    for (int t = 0; t < TYPES.length; t++) {
      w[t] = Math.max(0, mix.getOrDefault(TYPES[t], 0));
      total += w[t];
    }
    if (total == 0) {
      throw new IllegalArgumentException("mix must give a positive weight to one of the types");
    }
    byte[] c = new byte[total];
    int[] current = new int[TYPES.length];
    for (int i = 0; i < total; i++) {
      int best = -1;
      for (int t = 0; t < TYPES.length; t++) {
        current[t] += w[t];
        if (w[t] > 0 && (best < 0 || current[t] > current[best])) {
          best = t;
        }
      }
      current[best] -= total;
      c[i] = (byte) best;
    }
    return c;
  }

  /** A template split around the placeholder: prefix + id + suffix. */
  private record Template(byte[] prefix, byte[] suffix, long guildId, int intent) {
    byte[] with(long id) {
      byte[] digits = Long.toUnsignedString(id).getBytes(StandardCharsets.US_ASCII);
      byte[] out = new byte[prefix.length + digits.length + suffix.length];
      System.arraycopy(prefix, 0, out, 0, prefix.length);
      System.arraycopy(digits, 0, out, prefix.length, digits.length);
      System.arraycopy(suffix, 0, out, prefix.length + digits.length, suffix.length);
      return out;
    }

    static Template of(ObjectNode node, long guildId, int intent) {
      String s = Json.string(node);
      int p = s.indexOf(PLACEHOLDER);
      return new Template(
          s.substring(0, p).getBytes(StandardCharsets.UTF_8),
          s.substring(p + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8),
          guildId,
          intent);
    }
  }

  /**
   * Per guild: one template per templated type, plus who acts: {@code userId}, or with {@code
   * spreadUsers} the ordinary {@code members} (not the bot, not the owner) in turn.
   */
  private record GuildTemplates(
      long guildId, long channelId, long userId, long[] members, Template[] byType) {}

  private List<GuildTemplates> templates() {
    List<GuildTemplates> out = new ArrayList<>();
    synchronized (world) {
      for (Guild g : world.guilds.values()) {
        World.Channel ch =
            g.channels.values().stream()
                .filter(c -> c.type == World.GUILD_TEXT)
                .findFirst()
                .orElse(null);
        Member m =
            g.members.values().stream()
                .filter(x -> x.userId != world.bot.id)
                .findFirst()
                .orElse(null);
        if (ch == null || m == null) {
          continue;
        }
        Template[] t = new Template[TYPES.length];
        ObjectNode msg = Payloads.message(world, 1L, ch, world.users.get(m.userId), "", null, 0);
        msg.put("id", PLACEHOLDER);
        t[0] = Template.of(msg, g.id, Gateway.INTENT_GUILD_MESSAGES);
        ObjectNode upd = Payloads.memberEvent(world, g, m);
        upd.put("nick", PLACEHOLDER);
        t[1] = Template.of(upd, g.id, Gateway.INTENT_GUILD_MEMBERS);
        ObjectNode r = Json.obj();
        r.put("user_id", Json.id(m.userId));
        r.put("type", 0);
        r.put("message_id", PLACEHOLDER);
        r.put("message_author_id", Json.id(world.bot.id));
        r.set("member", Payloads.member(world, m, true));
        r.putObject("emoji").putNull("id").put("name", "🔥");
        r.put("channel_id", Json.id(ch.id));
        r.put("burst", false);
        r.put("guild_id", Json.id(g.id));
        r.putArray("burst_colors");
        t[2] = Template.of(r, g.id, Gateway.INTENT_GUILD_MESSAGE_REACTIONS);
        long[] members =
            g.members.keySet().stream()
                .filter(u -> u != world.bot.id && u != g.ownerId)
                .mapToLong(Long::longValue)
                .toArray();
        out.add(new GuildTemplates(g.id, ch.id, m.userId, members, t));
      }
    }
    return out;
  }

  Run start(
      int id,
      List<Stage> stages,
      Map<String, Integer> mix,
      int maxBacklog,
      List<JsonNode> commands,
      boolean spreadUsers) {
    long planned = 0;
    for (Stage s : stages) {
      if (s.durationMs() <= 0 || s.rate() < 0) {
        throw new IllegalArgumentException("stage duration must be > 0 and rate >= 0");
      }
      planned += s.durationMs() * (long) s.rate() / 1000;
    }
    if (planned > MAX_EVENTS) {
      throw new IllegalArgumentException("a run may plan at most " + MAX_EVENTS + " events");
    }
    Run run = new Run(id, List.copyOf(stages), cycle(mix), planned);
    run.maxBacklog = maxBacklog;
    run.commands = List.copyOf(commands);
    run.spreadUsers = spreadUsers;
    List<GuildTemplates> gts = templates();
    if (gts.isEmpty()) {
      throw new IllegalArgumentException("the world has no guild with a text channel and a member");
    }
    run.guildInteractions = new int[gts.size()];
    Thread t = new Thread(() -> loop(run, gts), "emulator-load-" + id);
    t.setDaemon(true);
    run.replayedAtStart = counters.get("gateway.replayed");
    run.startNanos = System.nanoTime();
    t.start();
    return run;
  }

  private void loop(Run run, List<GuildTemplates> gts) {
    long base = 0;
    long i = 0;
    long[] rr = new long[1];
    try {
      for (Stage st : run.stages) {
        long stageStart = System.nanoTime();
        long stageTotal = st.durationMs() * (long) st.rate() / 1000;
        long stageEnd = stageStart + st.durationMs() * 1_000_000L;
        while (!run.stop) {
          long now = System.nanoTime();
          long target =
              now >= stageEnd
                  ? base + stageTotal
                  : base + (long) ((now - stageStart) / 1e9 * st.rate());
          target = Math.min(target, base + stageTotal);
          while (i < target && !run.stop) {
            emit(run, gts, i, rr);
            i++;
          }
          run.emitted = i;
          if (now >= stageEnd && i >= base + stageTotal) {
            break;
          }
          LockSupport.parkNanos(500_000);
        }
        base += stageTotal;
      }
    } finally {
      run.emitted = i;
      run.endNanos = System.nanoTime();
      run.finished = true;
    }
  }

  private void emit(Run run, List<GuildTemplates> gts, long i, long[] rr) {
    int type = run.cycle[(int) (i % run.cycle.length)];
    int guild = (int) (i % gts.size());
    GuildTemplates g = gts.get(guild);
    int idx = (int) i;
    run.types[idx] = (byte) type;
    if (type == 3) {
      awaitBacklog(run, gateway.routeFor(g.guildId(), 0));
      JsonNode cmd =
          run.commands.isEmpty() ? null : run.commands.get((int) (i % run.commands.size()));
      long user = g.userId();
      if (run.spreadUsers && g.members().length > 0) {
        // the guild's n-th interaction of the run: its members in turn (only this thread counts)
        user = g.members()[run.guildInteractions[guild]++ % g.members().length];
      }
      InteractionRef ref = control.loadInteraction(g.guildId(), g.channelId(), user, cmd);
      run.keys[idx] = ref.id();
      record(run, idx, ref.seq(), gateway.routeFor(g.guildId(), 0));
      return;
    }
    Template t = g.byType()[type];
    GatewaySession s = gateway.routeFor(t.guildId(), t.intent());
    awaitBacklog(run, s);
    long key = world.ids.next();
    run.keys[idx] = key;
    if (s == null) {
      record(run, idx, -1, null);
      return;
    }
    long seq = s.dispatch(Frames.head(TYPES[type]), t.with(key));
    record(run, idx, seq, s);
  }

  /**
   * Backpressure: a consumer that reads slower than the target rate makes the generator wait
   * instead of queueing without bound, so a very high rate means "as fast as it is absorbed".
   */
  private static void awaitBacklog(Run run, GatewaySession s) {
    if (s == null || s.backlog() <= run.maxBacklog) {
      return;
    }
    long t0 = System.nanoTime();
    run.waitingSinceNanos = t0;
    while (!run.stop && s.backlog() > run.maxBacklog) {
      LockSupport.parkNanos(100_000);
    }
    run.backpressureNanos += System.nanoTime() - t0;
    run.waitingSinceNanos = 0;
  }

  private static void record(Run run, int idx, long seq, GatewaySession s) {
    run.seqs[idx] = seq;
    if (seq < 0 || s == null) {
      run.sessionRef[idx] = -1;
      run.undeliverable++;
    } else {
      run.sessionRef[idx] = run.sessionRef(s);
    }
  }

  /** Summary of a run: counts per shard and type, sequence checks, achieved rate. */
  ObjectNode summary(Run run) {
    ObjectNode o = Json.obj();
    o.put("run_id", run.id);
    o.put("state", run.finished ? (run.stop ? "stopped" : "finished") : "running");
    o.put("planned", run.planned);
    long n = run.emitted;
    o.put("dispatched", n - run.undeliverable);
    o.put("undeliverable", run.undeliverable);
    long end = run.finished ? run.endNanos : System.nanoTime();
    double secs = (end - run.startNanos) / 1e9;
    o.put("elapsed_ms", (long) (secs * 1000));
    o.put("achieved_rate_per_s", secs > 0 ? Math.round(n / secs) : 0);
    o.put("replayed_during_run", counters.get("gateway.replayed") - run.replayedAtStart);
    Map<String, long[]> perShard = new LinkedHashMap<>();
    long[] perType = new long[TYPES.length];
    Map<Integer, Long> lastSeq = new HashMap<>();
    long violations = 0;
    for (int i = 0; i < n; i++) {
      perType[run.types[i]]++;
      int ref = run.sessionRef[i];
      if (ref < 0) {
        continue;
      }
      long[] c =
          perShard.computeIfAbsent(
              Integer.toString(run.sessionShards.get(ref)),
              k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
      c[0]++;
      c[1] = Math.min(c[1], run.seqs[i]);
      c[2] = Math.max(c[2], run.seqs[i]);
      Long prev = lastSeq.put(ref, run.seqs[i]);
      if (prev != null && run.seqs[i] <= prev) {
        violations++;
      }
    }
    ObjectNode shards = o.putObject("per_shard");
    perShard.forEach(
        (k, v) ->
            shards.putObject(k).put("events", v[0]).put("first_seq", v[1]).put("last_seq", v[2]));
    ObjectNode types = o.putObject("per_type");
    for (int t = 0; t < TYPES.length; t++) {
      if (perType[t] > 0) {
        types.put(TYPES[t], perType[t]);
      }
    }
    o.put("sequence_violations", violations);
    long since = run.waitingSinceNanos;
    long waiting = since == 0 ? 0 : System.nanoTime() - since;
    o.put("backpressure_wait_ms", (run.backpressureNanos + waiting) / 1_000_000);
    o.put("waiting_for_consumer", since != 0);
    if (perType[3] > 0) {
      o.set("interactions", interactionStats(run, n));
    }
    return o;
  }

  /** Response latencies of the run's interactions (µs precision, reported in ms). */
  private ObjectNode interactionStats(Run run, long n) {
    long[] first = new long[(int) perTypeCount(run, n, 3)];
    long[] last = new long[first.length];
    int answered = 0;
    int unanswered = 0;
    int forgotten = 0;
    for (int i = 0; i < n; i++) {
      if (run.types[i] != 3) {
        continue;
      }
      long[] t = control.interactionTimings(run.keys[i]);
      if (t == null) {
        forgotten++;
      } else if (t[0] < 0) {
        unanswered++;
      } else {
        first[answered] = t[0];
        last[answered] = t[1];
        answered++;
      }
    }
    ObjectNode o = Json.obj();
    o.put("created", first.length);
    o.put("answered", answered);
    o.put("unanswered", unanswered);
    o.put("forgotten", forgotten);
    o.set("callback_ms", percentiles(first, answered));
    o.set("last_response_ms", percentiles(last, answered));
    return o;
  }

  private static long perTypeCount(Run run, long n, int type) {
    long c = 0;
    for (int i = 0; i < n; i++) {
      if (run.types[i] == type) {
        c++;
      }
    }
    return c;
  }

  static ObjectNode percentiles(long[] micros, int count) {
    ObjectNode o = Json.obj();
    if (count == 0) {
      return o;
    }
    long[] a = java.util.Arrays.copyOf(micros, count);
    java.util.Arrays.sort(a);
    o.put("p50", a[(int) Math.min(count - 1, Math.floor(count * 0.50))] / 1000.0);
    o.put("p90", a[(int) Math.min(count - 1, Math.floor(count * 0.90))] / 1000.0);
    o.put("p99", a[(int) Math.min(count - 1, Math.floor(count * 0.99))] / 1000.0);
    o.put("max", a[count - 1] / 1000.0);
    return o;
  }

  /** The ledger as NDJSON: one line per event with its key, type, shard, session and seq. */
  static byte[] ledger(Run run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder sb = new StringBuilder(160);
    long n = run.emitted;
    for (int i = 0; i < n; i++) {
      sb.setLength(0);
      int ref = run.sessionRef[i];
      String type = TYPES[run.types[i]];
      sb.append("{\"i\":").append(i).append(",\"type\":\"").append(type).append('"');
      sb.append(",\"id\":\"").append(Long.toUnsignedString(run.keys[i])).append('"');
      if (ref >= 0) {
        String sid = run.sessionIds.get(ref);
        int shard = run.sessionShards.get(ref);
        String key =
            type.equals("INTERACTION_CREATE")
                ? Long.toUnsignedString(run.keys[i])
                : shard + ":" + sid + ":" + run.seqs[i];
        sb.append(",\"key\":\"").append(key).append('"');
        sb.append(",\"shard\":").append(shard);
        sb.append(",\"session_id\":\"").append(sid).append('"');
        sb.append(",\"seq\":").append(run.seqs[i]);
      } else {
        sb.append(",\"key\":null,\"shard\":null,\"seq\":null");
      }
      sb.append("}\n");
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
    }
    return out.toByteArray();
  }

  /**
   * The plan's load profile: 100/s → 1,000/s → 5,000/s spike → 1,000/s → 0, with base durations of
   * 60 s, 300 s, 60 s, 300 s, 60 s multiplied by {@code scale} (e.g. 0.05 for CI).
   */
  static List<Stage> planProfile(double scale) {
    long[][] base = {
      {60_000, 100}, {300_000, 1_000}, {60_000, 5_000}, {300_000, 1_000}, {60_000, 0}
    };
    List<Stage> out = new ArrayList<>();
    for (long[] b : base) {
      out.add(new Stage(Math.max(1, Math.round(b[0] * scale)), (int) b[1]));
    }
    return out;
  }

  static List<Stage> stages(JsonNode arr) {
    List<Stage> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      for (JsonNode s : arr) {
        out.add(new Stage(s.path("duration_ms").asLong(0), s.path("rate").asInt(0)));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("stages: at least one {duration_ms, rate} is required");
    }
    return out;
  }
}
