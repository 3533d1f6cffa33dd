package io.arrakis.ingestor;

import dagger.BindsInstance;
import dagger.Component;
import javax.inject.Singleton;

@Singleton
@Component(modules = IngestorModule.class)
interface IngestorComponent {
  Ingestor ingestor();

  @Component.Factory
  interface Factory {
    IngestorComponent create(@BindsInstance IngestorConfig config);
  }
}
