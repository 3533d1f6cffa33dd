package io.arrakis.domain.common;

import java.util.UUID;

/** Source of new row ids; injectable so tests get predictable ids. */
@FunctionalInterface
public interface IdGenerator {
  UUID next();

  static IdGenerator random() {
    return UUID::randomUUID;
  }
}
