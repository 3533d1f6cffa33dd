package io.arrakis.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Matches {@code METHOD /a/{b}/c} templates against decoded path segments. */
final class Router {
  /** A route: method, template (for logs and fault matching), its parts and its handler. */
  record Route(
      String method, String template, String[] parts, Function<Http.Call, Http.Reply> handler) {}

  private final List<Route> routes = new ArrayList<>();

  Route add(String method, String template, Function<Http.Call, Http.Reply> handler) {
    String[] parts = template.replaceFirst("^/", "").split("/");
    Route r = new Route(method, template, parts, handler);
    routes.add(r);
    return r;
  }

  /**
   * The matching route with its parameters, or null; {@code pathExists[0]} if only the method
   * differs.
   */
  Route match(Http.Call call, boolean[] pathExists) {
    for (Route r : routes) {
      Map<String, String> params = matchParts(r.parts(), call.segments);
      if (params != null) {
        if (r.method().equals(call.method)) {
          call.params = params;
          call.route = r;
          return r;
        }
        pathExists[0] = true;
      }
    }
    return null;
  }

  private static Map<String, String> matchParts(String[] parts, List<String> segs) {
    if (parts.length != segs.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.startsWith("{")) {
        params.put(p.substring(1, p.length() - 1), segs.get(i));
      } else if (!p.equals(segs.get(i))) {
        return null;
      }
    }
    return params;
  }
}
