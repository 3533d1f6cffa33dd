package io.arrakis.worker;

import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = WorkerModule.class)
interface WorkerComponent {
  Worker worker();

  @Component.Factory
  interface Factory {
    WorkerComponent create(@BindsInstance WorkerConfig config);
  }
}
