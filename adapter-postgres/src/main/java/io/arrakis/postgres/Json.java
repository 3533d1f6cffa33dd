package io.arrakis.postgres;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON writer for the {@code jsonb} columns (audit payloads, alert payloads, snapshot
 * summaries). Records become objects of their components; single-value records ({@code MemberId},
 * {@code Address}) their value; amounts strings, so no precision is lost; enums lower-case names.
 * The adapter only writes these documents, and reads single fields back with SQL operators.
 */
final class Json {
  private Json() {}

  static String object(Map<String, ?> fields) {
    StringBuilder out = new StringBuilder("{");
    Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, ?> e = it.next();
      string(out, e.getKey());
      out.append(':');
      value(out, e.getValue());
      if (it.hasNext()) {
        out.append(',');
      }
    }
    return out.append('}').toString();
  }

  static String write(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    value(out, value);
    return out.toString();
  }

  private static void value(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Optional<?> o) {
      value(out, o.orElse(null));
    } else if (value instanceof OptionalInt o) {
      out.append(o.isPresent() ? Integer.toString(o.getAsInt()) : "null");
    } else if (value instanceof OptionalLong o) {
      out.append(o.isPresent() ? Long.toString(o.getAsLong()) : "null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      string(out, value.toString());
    } else if (value instanceof Enum<?> e) {
      string(out, e.name().toLowerCase(Locale.ROOT));
    } else if (value instanceof Map<?, ?> m) {
      StringBuilder nested = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          nested.append(',');
        }
        first = false;
        string(nested, String.valueOf(e.getKey()));
        nested.append(':');
        value(nested, e.getValue());
      }
      out.append(nested).append('}');
    } else if (value instanceof Iterable<?> items) {
      out.append('[');
      boolean first = true;
      for (Object item : items) {
        if (!first) {
          out.append(',');
        }
        first = false;
        value(out, item);
      }
      out.append(']');
    } else if (value instanceof Record r) {
      record(out, r);
    } else {
      string(out, value.toString());
    }
  }

  private static void record(StringBuilder out, Record r) {
    RecordComponent[] components = r.getClass().getRecordComponents();
    if (components.length == 1 && components[0].getName().equals("value")) {
      value(out, read(r, components[0]));
      return;
    }
    out.append("{\"kind\":");
    string(out, r.getClass().getSimpleName());
    for (RecordComponent c : components) {
      out.append(',');
      string(out, c.getName());
      out.append(':');
      value(out, read(r, c));
    }
    out.append('}');
  }

  private static @Nullable Object read(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass(), e);
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }
}
