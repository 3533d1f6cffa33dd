package io.arrakis.bot.setup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One setup-wizard session as stored in {@code sess:wizard:{communityId}:{userId}}: its id, owner,
 * state, visited states, the draft configuration ({@code d.*} keys) and times. Immutable; every
 * change returns a copy the caller stores.
 */
record WizardSession(Map<String, String> values) {
  WizardSession {
    values = Map.copyOf(values);
  }

  static WizardSession start(String sid, String user, Map<String, String> draft, Instant now) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sid", sid);
    m.put("user", user);
    m.put("state", WizardState.INIT.name());
    m.put("visited", WizardState.INIT.name());
    m.put("started", now.toString());
    m.put("updated", now.toString());
    draft.forEach((k, v) -> m.put("d." + k, v));
    return new WizardSession(m);
  }

  static WizardSession fromJson(String json) {
    return new WizardSession(FlatJson.read(json));
  }

  String toJson() {
    return FlatJson.write(new java.util.TreeMap<>(values));
  }

  String sid() {
    return values.get("sid");
  }

  String user() {
    return values.get("user");
  }

  WizardState state() {
    return WizardState.valueOf(values.get("state"));
  }

  Instant started() {
    return Instant.parse(values.get("started"));
  }

  List<String> visited() {
    String v = values.getOrDefault("visited", "");
    return v.isEmpty() ? List.of() : List.of(v.split(","));
  }

  Optional<String> error() {
    return Optional.ofNullable(values.get("error"));
  }

  Optional<String> draft(String key) {
    return Optional.ofNullable(values.get("d." + key)).filter(s -> !s.isEmpty());
  }

  String draftOr(String key, String fallback) {
    return draft(key).orElse(fallback);
  }

  WizardSession with(String key, String value) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.put(key, value);
    return new WizardSession(m);
  }

  WizardSession withDraft(String key, Optional<String> value) {
    Map<String, String> m = new LinkedHashMap<>(values);
    if (value.isPresent()) {
      m.put("d." + key, value.get());
    } else {
      m.remove("d." + key);
    }
    return new WizardSession(m);
  }

  WizardSession moveTo(WizardState state, Instant now) {
    List<String> visited = new ArrayList<>(visited());
    if (!visited.contains(state.name())) {
      visited.add(state.name());
    }
    return with("state", state.name())
        .with("visited", String.join(",", visited))
        .with("updated", now.toString());
  }

  WizardSession failed(String error, Instant now) {
    return moveTo(WizardState.FAILED, now).with("error", error);
  }

  int rolesPage() {
    return Integer.parseInt(values.getOrDefault("rolesPage", "1"));
  }
}
