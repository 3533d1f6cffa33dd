package io.arrakis.bot.profile;

import io.arrakis.bot.Answer;
import io.arrakis.bot.ComponentHandler;
import io.arrakis.bot.ComponentInvocation;
import io.arrakis.bot.Replies;
import io.arrakis.discord.Button;
import io.arrakis.discord.Embed;
import io.arrakis.discord.InteractionResponse;
import io.arrakis.discord.MessagePayload;
import io.arrakis.discord.Modal;
import io.arrakis.domain.audit.AuditEvent;
import io.arrakis.domain.audit.AuditType;
import io.arrakis.domain.common.CommunityId;
import io.arrakis.domain.common.Decision;
import io.arrakis.domain.community.CommunityConfig;
import io.arrakis.domain.port.Repositories;
import io.arrakis.domain.profile.BioSanitizer;
import io.arrakis.domain.profile.NymPolicy;
import io.arrakis.domain.profile.PictureType;
import io.arrakis.domain.profile.PictureUrlPolicy;
import io.arrakis.domain.profile.Profile;
import io.arrakis.state.SessionStore;
import io.arrakis.state.StateUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The DM edit wizard of spec §8.3 behind {@code /profile edit}: a menu (nym, bio, picture, done)
 * whose every change saves at once and re-renders the menu in place. Session {@code
 * sess:profile-edit:{communityId}:{userId}}, 15-minute sliding; keyed by the clicking user. It
 * never creates a profile.
 */
public final class ProfileEditWizard implements ComponentHandler {
  static final String NYM = "edit_nym";
  static final String BIO = "edit_bio";
  static final String PFP = "edit_pfp";
  static final String PFP_UPLOAD = "edit_pfp_upload";
  static final String PFP_GENERATE = "edit_pfp_generate";
  static final String PFP_REMOVE = "edit_pfp_remove";
  static final String PFP_BACK = "edit_pfp_back";
  static final String DONE = "edit_done";
  static final String MODAL_NYM = "edit_modal_nym";
  static final String MODAL_BIO = "edit_modal_bio";
  static final String MODAL_PFP = "edit_modal_pfp";

  static final Duration TTL = Duration.ofMinutes(15);
  static final String EXPIRED = "This edit session expired. Run /profile edit again.";
  static final String SAVED = "Profile saved.";
  static final String MENU_TITLE = "Edit your profile";

  private final Repositories repos;
  private final SessionStore sessions;

  public ProfileEditWizard(Repositories repos, SessionStore sessions) {
    this.repos = Objects.requireNonNull(repos, "repos");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
  }

  @Override
  public Set<String> prefixes() {
    return Set.of(
        NYM,
        BIO,
        PFP,
        PFP_UPLOAD,
        PFP_GENERATE,
        PFP_REMOVE,
        PFP_BACK,
        DONE,
        MODAL_NYM,
        MODAL_BIO,
        MODAL_PFP);
  }

  static String sessionType(CommunityId community) {
    return "profile-edit:" + community;
  }

  static String newSession(Instant now) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("started", now.toString());
    m.put("last", now.toString());
    return SessionCodec.encode(m);
  }

  @Override
  public Answer handle(ComponentInvocation in) throws StateUnavailableException {
    String type = sessionType(in.communityId());
    String user = in.caller().toString();
    Optional<String> live = sessions.touch(type, user, TTL);
    if (live.isEmpty()) {
      return Answer.error(EXPIRED);
    }
    Optional<Profile> found =
        repos.profiles().byUser(in.communityId(), in.caller()).filter(Profile::active);
    if (found.isEmpty()) {
      sessions.delete(type, user);
      return Answer.reply(Replies.notMember());
    }
    Profile p = found.get();
    Map<String, String> state = SessionCodec.decode(live.get());
    state.put("last", in.now().toString());
    sessions.put(type, user, SessionCodec.encode(state), TTL);
    CommunityConfig c = in.community();
    return switch (in.customId().prefix()) {
      case NYM -> {
        Decision can =
            NymPolicy.canChange(
                p.nymLastChangedAt(), in.now(), c.members().nymChangeCooldownDays());
        yield can instanceof Decision.Rejected r
            ? Answer.error(r.message())
            : Answer.of(
                new InteractionResponse.ShowModal(
                    Modal.of(
                        MODAL_NYM + ":" + c.id(),
                        "Change your nym",
                        Modal.TextInput.shortText(OnboardingWizard.FIELD_NYM, "Nym")
                            .length(3, 20)
                            .prefilled(p.nym()))));
      }
      case MODAL_NYM -> nymSubmitted(in, p);
      case BIO -> {
        Modal.TextInput input =
            Modal.TextInput.paragraph(OnboardingWizard.FIELD_BIO, "Bio (empty clears it)")
                .optional()
                .length(0, Math.max(1, Math.min(4000, c.members().bioMaxLength())));
        if (p.bio().isPresent() && !p.bio().get().isEmpty()) {
          input = input.prefilled(p.bio().get());
        }
        yield Answer.of(
            new InteractionResponse.ShowModal(
                Modal.of(MODAL_BIO + ":" + c.id(), "Edit your bio", input)));
      }
      case MODAL_BIO -> {
        String bio =
            BioSanitizer.sanitize(
                in.fields().getOrDefault(OnboardingWizard.FIELD_BIO, ""),
                c.members().bioMaxLength());
        Profile next =
            with(
                p,
                bio.isEmpty() ? Optional.empty() : Optional.of(bio),
                p.pictureType(),
                p.pictureUrl(),
                p.pictureSeed());
        yield saved(in, p, next, "bio", bio.isEmpty() ? "Bio cleared." : "Bio saved.");
      }
      case PFP -> OnboardingWizard.show(in, pictureMenu(c, p, Optional.empty()));
      case PFP_UPLOAD ->
          Answer.of(
              new InteractionResponse.ShowModal(
                  Modal.of(
                      MODAL_PFP + ":" + c.id(),
                      "Profile picture",
                      Modal.TextInput.shortText(OnboardingWizard.FIELD_PFP_URL, "Image URL")
                          .length(10, 500)
                          .withPlaceholder(
                              "https://cdn.discordapp.com/… or https://i.imgur.com/…"))));
      case MODAL_PFP -> {
        String url = in.fields().getOrDefault(OnboardingWizard.FIELD_PFP_URL, "").strip();
        Decision valid = PictureUrlPolicy.validate(url);
        yield valid instanceof Decision.Rejected r
            ? Answer.error(r.message())
            : saved(
                in,
                p,
                with(p, p.bio(), PictureType.CUSTOM, Optional.of(url), Optional.empty()),
                "picture",
                "Picture saved.");
      }
      case PFP_GENERATE ->
          saved(
              in,
              p,
              with(
                  p,
                  p.bio(),
                  PictureType.GENERATED,
                  Optional.empty(),
                  Optional.of(GeneratedPicture.newSeed())),
              "picture",
              "New picture generated.");
      case PFP_REMOVE ->
          saved(
              in,
              p,
              with(p, p.bio(), PictureType.NONE, Optional.empty(), Optional.empty()),
              "picture",
              "Picture removed.");
      case PFP_BACK -> OnboardingWizard.show(in, menu(c, p, ""));
      case DONE -> {
        sessions.delete(type, user);
        yield Answer.of(new InteractionResponse.UpdateMessage(MessagePayload.text(SAVED)));
      }
      default -> Answer.reply(Replies.staleControl());
    };
  }

  private Answer nymSubmitted(ComponentInvocation in, Profile p) {
    CommunityConfig c = in.community();
    Decision can =
        NymPolicy.canChange(p.nymLastChangedAt(), in.now(), c.members().nymChangeCooldownDays());
    if (can instanceof Decision.Rejected r) {
      return Answer.error(r.message());
    }
    String nym = in.fields().getOrDefault(OnboardingWizard.FIELD_NYM, "").strip();
    if (nym.equals(p.nym())) {
      return OnboardingWizard.show(in, menu(c, p, "Your nym is unchanged."));
    }
    Decision valid =
        NymPolicy.validate(
            nym,
            repos
                .profiles()
                .byNym(c.id(), nym)
                .filter(other -> !other.memberId().equals(p.memberId()))
                .isPresent());
    if (valid instanceof Decision.Rejected r) {
      return Answer.error(r.message());
    }
    return saved(in, p, p.withNym(nym, in.now()), "nym", "Nym changed to " + nym + ".");
  }

  private Answer saved(
      ComponentInvocation in, Profile before, Profile after, String field, String notice) {
    repos.profiles().save(in.communityId(), after);
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("member", after.memberId().toString());
    payload.put("fields", field);
    repos
        .auditLog()
        .append(
            in.communityId(),
            new AuditEvent(AuditType.PROFILE_UPDATED, in.caller().toString(), payload),
            in.now());
    return OnboardingWizard.show(in, menu(in.community(), after, notice));
  }

  private static Profile with(
      Profile p,
      Optional<String> bio,
      PictureType type,
      Optional<String> url,
      Optional<String> seed) {
    return new Profile(
        p.memberId(),
        p.userId(),
        p.nym(),
        bio,
        type,
        url,
        seed,
        p.tier(),
        p.tierUpdatedAt(),
        p.createdAt(),
        p.nymLastChangedAt(),
        p.formerNaib(),
        p.active(),
        p.leftAt());
  }

  /**
   * The menu as the {@code /profile edit} DM: a queued action, which carries no files, so a
   * generated picture is named (the Picture field) but not shown until the menu is re-rendered.
   */
  static MessagePayload menu(CommunityConfig c, Profile p) {
    return menu(c, p, "", false);
  }

  /** The menu re-rendered in answer to a button or modal, with the picture. */
  static MessagePayload menu(CommunityConfig c, Profile p, String notice) {
    return menu(c, p, notice, true);
  }

  /** The menu: current nym, bio and picture type, and the four buttons. */
  private static MessagePayload menu(
      CommunityConfig c, Profile p, String notice, boolean withGeneratedPicture) {
    String cid = c.id().toString();
    Embed.Builder embed =
        Embed.builder()
            .title(MENU_TITLE)
            .color(ProfileCards.COLOR)
            .description("Your profile in " + c.name() + ". Changes are saved at once.")
            .field("Nym", p.nym(), true)
            .field("Picture", OnboardingWizard.pictureLabel(p.pictureType()), true)
            .field("Bio", p.bio().filter(b -> !b.isBlank()).orElse("—"));
    p.pictureUrl()
        .filter(u -> p.pictureType() == PictureType.CUSTOM)
        .ifPresent(embed::thumbnailUrl);
    MessagePayload.Builder message = MessagePayload.builder();
    if (withGeneratedPicture) {
      GeneratedPicture.of(p).ifPresent(png -> GeneratedPicture.show(png, embed, message));
    }
    return message
        .content(notice)
        .embed(embed.build())
        .row(
            Button.primary(NYM + ":" + cid, "Change nym"),
            Button.primary(BIO + ":" + cid, "Edit bio"),
            Button.primary(PFP + ":" + cid, "Picture"),
            Button.of(Button.Style.SUCCESS, DONE + ":" + cid, "Done"))
        .build();
  }

  static MessagePayload pictureMenu(CommunityConfig c, Profile p, Optional<String> notice) {
    String cid = c.id().toString();
    Embed.Builder embed =
        Embed.builder()
            .title("Profile picture")
            .color(ProfileCards.COLOR)
            .description(
                "Now: "
                    + OnboardingWizard.pictureLabel(p.pictureType())
                    + ". Upload a Discord or Imgur link, generate a new picture, or remove it.");
    p.pictureUrl()
        .filter(u -> p.pictureType() == PictureType.CUSTOM)
        .ifPresent(embed::thumbnailUrl);
    MessagePayload.Builder message = MessagePayload.builder();
    GeneratedPicture.of(p).ifPresent(png -> GeneratedPicture.show(png, embed, message));
    return message
        .content(notice.orElse(""))
        .embed(embed.build())
        .row(
            Button.primary(PFP_UPLOAD + ":" + cid, "Upload"),
            Button.secondary(PFP_GENERATE + ":" + cid, "Generate"),
            Button.danger(PFP_REMOVE + ":" + cid, "Remove"),
            Button.secondary(PFP_BACK + ":" + cid, "Back"))
        .build();
  }
}
