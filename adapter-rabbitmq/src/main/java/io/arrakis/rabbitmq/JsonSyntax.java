package io.arrakis.rabbitmq;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Checks that a body labelled JSON is one well-formed JSON value, by streaming over its tokens (no
 * tree is built). A body that fails can never be handled, so it goes straight to the DLQ.
 */
final class JsonSyntax {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonSyntax() {}

  /** Empty when the body is valid JSON, else what is wrong with it. */
  static Optional<String> problem(byte[] body) {
    if (body.length == 0) {
      return Optional.of("empty body");
    }
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        return Optional.of("empty body");
      }
      parser.skipChildren();
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        return Optional.of("trailing content after the JSON value");
      }
      return Optional.empty();
    } catch (JsonProcessingException ex) {
      return Optional.of("not JSON: " + ex.getOriginalMessage());
    } catch (IOException ex) {
      return Optional.of("unreadable body: " + ex.getMessage());
    }
  }
}
