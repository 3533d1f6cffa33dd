package io.arrakis.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The dependency rules of architecture section 2, checked on the compiled production classes of
 * every module (this module depends on all of them). A rule that matches no class fails, so a
 * renamed package cannot make a rule pass vacuously.
 */
class ArchitectureTest {
  private static final String PORT_MESSAGING = "io.arrakis.messaging..";
  private static final String PORT_DISCORD = "io.arrakis.discord..";
  private static final String PORT_STATE = "io.arrakis.state..";
  private static final String DOMAIN = "io.arrakis.domain..";
  private static final String[] ADAPTERS = {
    "io.arrakis.rabbitmq..",
    "io.arrakis.jda..",
    "io.arrakis.redis..",
    "io.arrakis.postgres..",
    "io.arrakis.evm.."
  };
  private static final String[] INFRASTRUCTURE_LIBRARIES = {
    "net.dv8tion..", "com.rabbitmq..", "redis.clients..", "org.jdbi..", "com.zaxxer..",
    "org.postgresql..", "org.flywaydb..", "dagger..", "com.fasterxml..", "com.google.gson..",
    "org.eclipse.jetty..", "io.micrometer..", "io.github.resilience4j.."
  };

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arrakis");
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }

  @Test
  void portsDependOnTheJdkOnly() {
    for (String port : List.of(PORT_MESSAGING, PORT_DISCORD, PORT_STATE)) {
      check(
          classes()
              .that()
              .resideInAPackage(port)
              .should()
              .onlyDependOnClassesThat()
              .resideInAnyPackage("java..", port));
    }
  }

  @Test
  void theDomainNeverSeesAdaptersOrInfrastructureLibraries() {
    check(
        noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE_LIBRARIES));
  }

  @Test
  void theDomainDependsOnTheJdkPortsLoggingAndNullnessAnnotationsOnly() {
    check(
        classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..",
                DOMAIN,
                PORT_MESSAGING,
                "io.arrakis.discord..",
                "io.arrakis.state..",
                "org.slf4j..",
                "org.jspecify.."));
  }

  @Test
  void theBotsBehaviourSeesPortsAndTheDomainOnly() {
    check(
        classes()
            .that()
            .resideInAPackage("io.arrakis.bot..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "java..",
                "io.arrakis.bot..",
                DOMAIN,
                PORT_DISCORD,
                PORT_STATE,
                "org.slf4j..",
                "org.jspecify..",
                // secp256k1 signer recovery for /verify: pure computation, no I/O
                "org.bouncycastle..",
                // the generated avatar PNG (JDK, headless): in-memory drawing and encoding only
                "javax.imageio..")
            .allowEmptyShould(false));
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    check(
        slices()
            .matching("io.arrakis.(rabbitmq|jda|redis|postgres|evm)..")
            .should()
            .notDependOnEachOther()
            .allowEmptyShould(false));
  }

  @Test
  void adaptersDoNotDependOnTheEmulatorOrTheTestkit() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.arrakis.emulator..", "io.arrakis.testkit.."));
  }

  @Test
  void noJavaUtilLogging() {
    check(NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
  }

  @Test
  void noStandardStreamsOutsideCommandLineEntryPoints() {
    check(
        noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Main")
            .and()
            .haveSimpleNameNotEndingWith("Cli")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("services log through slf4j; only command-line entry points print"));
  }

  @Test
  void loggersArePrivateStaticFinal() {
    check(
        fields()
            .that()
            .haveRawType(Logger.class)
            .should()
            .bePrivate()
            .andShould()
            .beStatic()
            .andShould()
            .beFinal());
  }
}
