package io.arrakis.postgres;

import io.arrakis.domain.port.GuildMemberMirror;
import io.arrakis.domain.port.GuildPresenceRepository;
import io.arrakis.domain.port.Repositories;
import io.arrakis.testkit.domain.AbstractGuildMemberMirrorContractTest;

class JdbiGuildMemberMirrorContractIT extends AbstractGuildMemberMirrorContractTest {
  @Override
  protected Repositories repositories() {
    return TestDatabase.get().postgres.repositories();
  }

  @Override
  protected GuildMemberMirror mirror() {
    return TestDatabase.get().postgres.guildMembers();
  }

  @Override
  protected GuildPresenceRepository presence() {
    return TestDatabase.get().postgres.guildPresence();
  }
}
