package io.arrakis.testkit.domain;

import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.Repositories;

class InMemoryGuildMemberMirrorContractTest extends AbstractGuildMemberMirrorContractTest {
  private final GuildMemberMirror mirror = new InMemoryGuildMemberMirror();
  private final GuildPresenceRepository presence = new InMemoryGuildPresenceRepository();

  @Override
  protected Repositories repositories() {
    return InMemoryRepositories.create().asRepositories();
  }

  @Override
  protected GuildMemberMirror mirror() {
    return mirror;
  }

  @Override
  protected GuildPresenceRepository presence() {
    return presence;
  }
}
