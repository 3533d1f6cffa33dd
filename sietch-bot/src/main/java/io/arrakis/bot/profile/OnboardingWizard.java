package io.arrakis.bot.profile;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.Interaction;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.common.UserId;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.eligibility.EligibilitySnapshot;
import io.arrakis.domain.eligibility.RankingEntry;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.BioSanitizer;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.PictureUrlPolicy;
import io.arrakis.domain.tiers.Tier;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The DM onboarding wizard of spec §8.2, from the welcome DM's Start button on: nym (modal) →
 * picture (upload modal, generate, skip) → bio (modal or skip) → {@link OnboardingCompletion}.
 * Every control carries the community id (the dispatcher resolves the community from it in a DM);
 * the session is keyed by the clicking user, so nobody can drive another user's wizard.
 */
public final class OnboardingWizard implements ComponentHandler {
  static final String START = "onboarding_start";
  static final String PFP_UPLOAD = "onboarding_pfp_upload";
  static final String PFP_GENERATE = "onboarding_pfp_generate";
  static final String PFP_SKIP = "onboarding_pfp_skip";
  static final String BIO_ADD = "onboarding_bio_add";
  static final String BIO_SKIP = "onboarding_bio_skip";
  static final String MODAL_NYM = "onboarding_modal_nym";
  static final String MODAL_PFP = "onboarding_modal_pfp";
  static final String MODAL_BIO = "onboarding_modal_bio";
  static final String FIELD_NYM = "nym";
  static final String FIELD_PFP_URL = "pfp_url";
  static final String FIELD_BIO = "bio";

  static final Duration TTL = Duration.ofMinutes(15);

  static final String EXPIRED = "Your onboarding session expired. Press Start to begin again.";
  static final String NYM_FIRST = "Pick your nym first: press Start.";
  static final String PICTURE_TITLE = "Choose a profile picture";
  static final String BIO_TITLE = "Add a short bio?";
  static final String NO_ELIGIBLE_WALLET_PREFIX = "To join ";
  static final int COLOR = 0xC2913A;

  private final Repositories repos;
  private final SessionStore sessions;
  private final OnboardingCompletion completion;

  public OnboardingWizard(Repositories repos, SessionStore sessions) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.completion = new OnboardingCompletion(repos);
  }

  @Override
  public Set<String> prefixes() {
    return Set.of(
        START,
        PFP_UPLOAD,
        PFP_GENERATE,
        PFP_SKIP,
        BIO_ADD,
        BIO_SKIP,
        MODAL_NYM,
        MODAL_PFP,
        MODAL_BIO);
  }

  /** {@code sess:onboarding:{communityId}:{userId}}: the store adds {@code sess:}. */
  static String sessionType(CommunityId community) {
    return "onboarding:" + community;
  }

  @Override
  public Answer handle(ComponentInvocation in) throws StateUnavailableException {
    if (in.customId().prefix().equals(START)) {
      return start(in);
    }
    Optional<OnboardingSession> session = live(in);
    if (session.isEmpty()) {
      return expired(in.community());
    }
    OnboardingSession s = session.get();
    return switch (in.customId().prefix()) {
      case MODAL_NYM -> nymSubmitted(in, s);
      case PFP_UPLOAD -> needsNym(in, s, () -> Answer.of(pictureModal(in.community())));
      case MODAL_PFP -> needsNym(in, s, () -> pictureSubmitted(in, s));
      case PFP_GENERATE ->
          needsNym(
              in,
              s,
              () ->
                  toBio(
                      in,
                      s.withPicture(
                          PictureType.GENERATED,
                          Optional.empty(),
                          Optional.of(GeneratedPicture.newSeed()),
                          in.now())));
      case PFP_SKIP ->
          needsNym(
              in,
              s,
              () ->
                  toBio(
                      in,
                      s.withPicture(
                          PictureType.NONE, Optional.empty(), Optional.empty(), in.now())));
      case BIO_ADD -> needsNym(in, s, () -> Answer.of(bioModal(in.community())));
      case MODAL_BIO ->
          needsNym(
              in,
              s,
              () -> {
                String raw = in.fields().getOrDefault(FIELD_BIO, "");
                String bio = BioSanitizer.sanitize(raw, in.community().members().bioMaxLength());
                return finish(
                    in, s.withBio(bio.isEmpty() ? Optional.empty() : Optional.of(bio), in.now()));
              });
      case BIO_SKIP -> needsNym(in, s, () -> finish(in, s.withBio(Optional.empty(), in.now())));
      default -> expired(in.community());
    };
  }

  /** Start (and Try again): a fresh session if none is live, then the nym modal. */
  private Answer start(ComponentInvocation in) throws StateUnavailableException {
    CommunityConfig community = in.community();
    if (OnboardingCompletion.hasProfile(repos, community.id(), in.caller())) {
      sessions.delete(sessionType(community.id()), in.caller().toString());
      return Answer.error(alreadyMember(community));
    }
    if (eligibleEntry(repos, community.id(), in.caller()).isEmpty()) {
      return Answer.error(noEligibleWallet(community));
    }
    String type = sessionType(community.id());
    String user = in.caller().toString();
    if (live(in).isEmpty()) {
      sessions.put(type, user, OnboardingSession.start(in.now()).encode(), TTL);
    }
    return Answer.of(nymModal(community));
  }

  private Answer nymSubmitted(ComponentInvocation in, OnboardingSession s)
      throws StateUnavailableException {
    String nym = in.fields().getOrDefault(FIELD_NYM, "").strip();
    Decision decision =
        NymPolicy.validate(
            nym,
            repos
                .profiles()
                .byNym(in.communityId(), nym)
                .filter(p -> !p.userId().equals(in.caller()))
                .isPresent());
    if (decision instanceof Decision.Rejected rejected) {
      return Answer.reply(tryAgain(in.community(), rejected.message()));
    }
    if (s.step().equals(OnboardingSession.RETRY_NYM)) {
      return finish(in, s.withNym(nym, OnboardingSession.BIO, in.now()));
    }
    OnboardingSession next = s.withNym(nym, OnboardingSession.PICTURE, in.now());
    save(in, next);
    return show(in, pictureStep(in.community(), next, Optional.empty()));
  }

  private Answer pictureSubmitted(ComponentInvocation in, OnboardingSession s)
      throws StateUnavailableException {
    String url = in.fields().getOrDefault(FIELD_PFP_URL, "").strip();
    Decision decision = PictureUrlPolicy.validate(url);
    if (decision instanceof Decision.Rejected rejected) {
      MessagePayload retry = pictureStep(in.community(), s, Optional.of(rejected.message()));
      return Answer.reply(
          MessagePayload.builder()
              .content(rejected.message())
              .row(retry.components().get(0))
              .ephemeral()
              .build());
    }
    return toBio(
        in, s.withPicture(PictureType.CUSTOM, Optional.of(url), Optional.empty(), in.now()));
  }

  private Answer toBio(ComponentInvocation in, OnboardingSession next)
      throws StateUnavailableException {
    save(in, next);
    Optional<Tier> tier =
        eligibleEntry(repos, in.communityId(), in.caller()).flatMap(RankingEntry::tier);
    return show(in, bioStep(in.community(), next, tier));
  }

  private Answer finish(ComponentInvocation in, OnboardingSession s)
      throws StateUnavailableException {
    String type = sessionType(in.communityId());
    String user = in.caller().toString();
    OnboardingCompletion.Result result = completion.complete(in, s);
    if (result instanceof OnboardingCompletion.Created created) {
      sessions.delete(type, user);
      return show(in, created.message()).withActions(created.actions());
    }
    if (result instanceof OnboardingCompletion.NymTaken taken) {
      sessions.put(type, user, s.awaitingNewNym(in.now()).encode(), TTL);
      return Answer.reply(tryAgain(in.community(), taken.reason()));
    }
    sessions.delete(type, user);
    return Answer.error(((OnboardingCompletion.Stopped) result).reason());
  }

  private Answer needsNym(ComponentInvocation in, OnboardingSession s, Step next)
      throws StateUnavailableException {
    if (s.nym().isEmpty()) {
      return Answer.reply(
          MessagePayload.builder()
              .content(NYM_FIRST)
              .row(Button.primary(START + ":" + in.communityId(), "Start"))
              .ephemeral()
              .build());
    }
    return next.get();
  }

  private Optional<OnboardingSession> live(ComponentInvocation in)
      throws StateUnavailableException {
    return sessions
        .touch(sessionType(in.communityId()), in.caller().toString(), TTL)
        .flatMap(OnboardingSession::decode);
  }

  private void save(ComponentInvocation in, OnboardingSession session)
      throws StateUnavailableException {
    sessions.put(sessionType(in.communityId()), in.caller().toString(), session.encode(), TTL);
  }

  /**
   * A wizard step replaces the message whose button was pressed (one wizard message that moves on);
   * a modal opened elsewhere has no message to edit, so the step comes as a new DM message.
   */
  static Answer show(ComponentInvocation in, MessagePayload message) {
    boolean hasMessage =
        in.interaction() instanceof Interaction.ComponentInteraction
            || (in.interaction() instanceof Interaction.ModalSubmit m && m.messageId().isPresent());
    return Answer.of(
        hasMessage
            ? new InteractionResponse.UpdateMessage(message)
            : new InteractionResponse.Reply(message));
  }

  /** A wizard step that may touch Redis. */
  @FunctionalInterface
  private interface Step {
    Answer get() throws StateUnavailableException;
  }

  // ---- the messages and modals

  static Answer expired(CommunityConfig community) {
    return Answer.reply(
        MessagePayload.builder()
            .content(EXPIRED)
            .row(Button.primary(START + ":" + community.id(), "Start"))
            .ephemeral()
            .build());
  }

  static String alreadyMember(CommunityConfig community) {
    return "You're already a member of "
        + community.name()
        + ". Change your profile with /profile edit in the server.";
  }

  static String noEligibleWallet(CommunityConfig community) {
    return NO_ELIGIBLE_WALLET_PREFIX
        + community.name()
        + ", link an eligible wallet with /verify start in the server.";
  }

  static InteractionResponse.ShowModal nymModal(CommunityConfig community) {
    return new InteractionResponse.ShowModal(
        Modal.of(
            MODAL_NYM + ":" + community.id(),
            "Choose your nym",
            Modal.TextInput.shortText(FIELD_NYM, "Nym")
                .length(3, 20)
                .withPlaceholder("3–20 letters, digits, _ or -")));
  }

  static InteractionResponse.ShowModal pictureModal(CommunityConfig community) {
    return new InteractionResponse.ShowModal(
        Modal.of(
            MODAL_PFP + ":" + community.id(),
            "Profile picture",
            Modal.TextInput.shortText(FIELD_PFP_URL, "Image URL")
                .length(10, 500)
                .withPlaceholder("https://cdn.discordapp.com/… or https://i.imgur.com/…")));
  }

  static InteractionResponse.ShowModal bioModal(CommunityConfig community) {
    int max = Math.max(1, Math.min(4000, community.members().bioMaxLength()));
    return new InteractionResponse.ShowModal(
        Modal.of(
            MODAL_BIO + ":" + community.id(),
            "Your bio",
            Modal.TextInput.paragraph(FIELD_BIO, "Bio").length(1, max)));
  }

  /** Invalid or taken nym: the reason and Try again (the Start id, which reopens the modal). */
  static MessagePayload tryAgain(CommunityConfig community, String reason) {
    return MessagePayload.builder()
        .content(reason)
        .row(Button.primary(START + ":" + community.id(), "Try again"))
        .ephemeral()
        .build();
  }

  static MessagePayload pictureStep(
      CommunityConfig community, OnboardingSession s, Optional<String> problem) {
    String cid = community.id().toString();
    Embed.Builder embed =
        Embed.builder()
            .title(PICTURE_TITLE)
            .color(COLOR)
            .description(
                "Nice to meet you, **"
                    + s.nym().orElse("")
                    + "**. Upload a picture (a Discord or Imgur link), generate one from your"
                    + " member id, or skip for now.");
    problem.ifPresent(p -> embed.field("Problem", p));
    return MessagePayload.builder()
        .embed(embed.build())
        .row(
            Button.primary(PFP_UPLOAD + ":" + cid, "Upload"),
            Button.secondary(PFP_GENERATE + ":" + cid, "Generate"),
            Button.secondary(PFP_SKIP + ":" + cid, "Skip"))
        .build();
  }

  /** {@code tier}: the palette of the generated picture's preview (the ranking's, for now). */
  static MessagePayload bioStep(
      CommunityConfig community, OnboardingSession s, Optional<Tier> tier) {
    String cid = community.id().toString();
    Embed.Builder embed =
        Embed.builder()
            .title(BIO_TITLE)
            .color(COLOR)
            .description(
                "Up to "
                    + community.members().bioMaxLength()
                    + " characters about you. Links are removed.")
            .field("Picture", pictureLabel(s.pictureType()), true);
    MessagePayload.Builder message = MessagePayload.builder();
    if (s.pictureType() == PictureType.GENERATED && s.pictureSeed().isPresent()) {
      GeneratedPicture.show(
          GeneratedPicture.attachment(s.memberId(), s.pictureSeed().get(), tier), embed, message);
    }
    s.pictureUrl().ifPresent(embed::thumbnailUrl);
    return message
        .embed(embed.build())
        .row(
            Button.primary(BIO_ADD + ":" + cid, "Add bio"),
            Button.secondary(BIO_SKIP + ":" + cid, "Skip"))
        .build();
  }

  static String pictureLabel(PictureType type) {
    return switch (type) {
      case CUSTOM -> "Custom";
      case GENERATED -> "Generated";
      case NONE -> "None";
    };
  }

  /** The caller's linked wallet's entry in the current ranking, if it is eligible. */
  static Optional<RankingEntry> eligibleEntry(
      Repositories repos, CommunityId community, UserId user) {
    return repos
        .walletLinks()
        .byUser(community, user)
        .flatMap(
            link ->
                repos
                    .eligibility()
                    .current(community)
                    .map(EligibilitySnapshot::ranking)
                    .flatMap(r -> r.entry(link.wallet())))
        .filter(RankingEntry::eligible);
  }
}
