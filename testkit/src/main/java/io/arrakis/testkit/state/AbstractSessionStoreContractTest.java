package io.arrakis.testkit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} does. */
public abstract class AbstractSessionStoreContractTest
    extends AbstractStateContractTest<SessionStore> {
  private static final String JSON = "{\"step\":1,\"nym\":\"Usul ü\",\"bio\":\"line\\nnext\"}";

  @Test
  void givenNoSession_thenNothingIsFound() throws Exception {
    assertThat(store.get("onboarding:7", "42")).isEmpty();
    assertThat(store.touch("onboarding:7", "42", LONG)).isEmpty();
    assertThat(store.delete("onboarding:7", "42")).isFalse();
  }

  @Test
  void givenAStoredSession_thenItReadsBackAsStored() throws Exception {
    store.put("onboarding:7", "42", JSON, LONG);
    assertThat(store.get("onboarding:7", "42")).contains(JSON);
    assertThat(store.get("onboarding:7", "43")).isEmpty();
    assertThat(store.get("profile-edit:7", "42")).isEmpty();
    assertThat(store.get("onboarding:8", "42")).isEmpty();
  }

  @Test
  void givenTwoPuts_thenTheLaterReplacesTheEarlier() throws Exception {
    store.put("wizard:7", "42", "a", LONG);
    store.put("wizard:7", "42", "b", LONG);
    assertThat(store.get("wizard:7", "42")).contains("b");
  }

  @Test
  void givenALiveSession_whenPutIfAbsent_thenItIsKept() throws Exception {
    assertThat(store.putIfAbsent("onboarding:7", "42", "first", LONG)).isTrue();
    assertThat(store.putIfAbsent("onboarding:7", "42", "second", LONG)).isFalse();
    assertThat(store.get("onboarding:7", "42")).contains("first");
  }

  @Test
  void givenAnExpiredSession_whenPutIfAbsent_thenANewOneIsCreated() throws Exception {
    store.put("onboarding:7", "42", "old", SHORT);
    passTime(SHORT);
    assertThat(store.putIfAbsent("onboarding:7", "42", "new", LONG)).isTrue();
    assertThat(store.get("onboarding:7", "42")).contains("new");
  }

  @Test
  void givenRacingStarts_thenExactlyOneCreatesTheSession() throws Exception {
    List<Boolean> created = race(8, () -> store.putIfAbsent("onboarding:7", "42", "s", LONG));
    assertThat(created).containsOnlyOnce(true);
  }

  @Test
  void givenASession_thenItIsLiveRightAfterAndGoneAfterItsTtl() throws Exception {
    store.put("directory:7", "42", "page=2", SHORT);
    assertThat(store.get("directory:7", "42")).contains("page=2");
    passTime(SHORT);
    assertThat(store.get("directory:7", "42")).isEmpty();
  }

  @Test
  void givenATouchedSession_thenItsExpirySlides() throws Exception {
    store.put("onboarding:7", "42", JSON, SHORT);
    assertThat(store.touch("onboarding:7", "42", LONG)).contains(JSON);
    passTime(SHORT);
    assertThat(store.get("onboarding:7", "42")).contains(JSON);
  }

  @Test
  void givenATouchWithAShortTtl_thenTheSessionExpiresAfterIt() throws Exception {
    store.put("onboarding:7", "42", JSON, LONG);
    assertThat(store.touch("onboarding:7", "42", SHORT)).contains(JSON);
    passTime(SHORT);
    assertThat(store.get("onboarding:7", "42")).isEmpty();
  }

  @Test
  void givenAGet_thenTheExpiryDoesNotSlide() throws Exception {
    store.put("onboarding:7", "42", JSON, SHORT);
    assertThat(store.get("onboarding:7", "42")).contains(JSON);
    passTime(SHORT);
    assertThat(store.get("onboarding:7", "42")).isEmpty();
  }

  @Test
  void givenAnExpiredSession_whenTouched_thenNothingIsRevived() throws Exception {
    store.put("onboarding:7", "42", JSON, SHORT);
    passTime(SHORT);
    assertThat(store.touch("onboarding:7", "42", LONG)).isEmpty();
    assertThat(store.get("onboarding:7", "42")).isEmpty();
  }

  @Test
  void givenADeletedSession_thenItIsGone() throws Exception {
    store.put("profile-edit:7", "42", "x", LONG);
    assertThat(store.delete("profile-edit:7", "42")).isTrue();
    assertThat(store.get("profile-edit:7", "42")).isEmpty();
    assertThat(store.delete("profile-edit:7", "42")).isFalse();
  }

  @Test
  void givenTheBackendUnreachable_thenStateUnavailable() throws Exception {
    SessionStore down = unreachableStore();
    assertThatThrownBy(() -> down.get("onboarding:7", "42"))
        .isInstanceOf(StateUnavailableException.class);
    assertThatThrownBy(() -> down.put("onboarding:7", "42", "x", LONG))
        .isInstanceOf(StateUnavailableException.class);
    assertThatThrownBy(() -> down.touch("onboarding:7", "42", LONG))
        .isInstanceOf(StateUnavailableException.class);
  }
}
