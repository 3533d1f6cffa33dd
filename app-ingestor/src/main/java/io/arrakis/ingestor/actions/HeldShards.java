package io.arrakis.ingestor.actions;

import java.util.List;

/**
 * The shards this ingestor holds, asked once the gateway has started: with {@code SHARD_COUNT}
 * unset the count is Discord's recommendation, which the gateway learns when it logs in.
 */
@FunctionalInterface
public interface HeldShards {
  List<Integer> shardIds();
}
