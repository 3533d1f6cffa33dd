package io.arrakis.state;

import java.util.Optional;

/** Keeps each shard's {@link GatewayCheckpoint} across ingestor processes. */
public interface GatewayCheckpointStore {

  /** The checkpoint of a shard, if one was saved and has not expired. */
  Optional<GatewayCheckpoint> load(int shardId) throws StateUnavailableException;

  /** Saves a checkpoint; a later save for the same shard replaces it. */
  void save(GatewayCheckpoint checkpoint) throws StateUnavailableException;

  /** Forgets a shard's checkpoint (its session was invalidated). */
  void clear(int shardId) throws StateUnavailableException;
}
