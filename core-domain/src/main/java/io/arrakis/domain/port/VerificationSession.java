package io.arrakis.domain.port;

import io.arrakis.domain.common.Address;
import io.arrakis.domain.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code verification_sessions} row (spec §7.1): one attempt of a Discord user to prove control
 * of a wallet by signing {@code message}, which carries the single-use {@code nonce}. At most one
 * session per (community, user) is {@link Status#PENDING}; a pending session past {@code expiresAt}
 * counts as expired everywhere ({@link #effectiveStatus}).
 */
public record VerificationSession(
    UUID id,
    UserId userId,
    String username,
    String nonce,
    String message,
    Status status,
    int attempts,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> completedAt,
    Optional<Address> wallet,
    Optional<String> errorCode) {

  /** Spec §7.1: a session lives 15 minutes. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** Spec §7.1: at most 3 signature attempts. */
  public static final int MAX_ATTEMPTS = 3;

  /** The stored statuses; {@link #id()} is the column value. */
  public enum Status {
    PENDING,
    COMPLETED,
    EXPIRED,
    FAILED,
    CANCELLED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status ofId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  public VerificationSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(wallet, "wallet");
    Objects.requireNonNull(errorCode, "errorCode");
    if (attempts < 0 || attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("attempts must be 0.." + MAX_ATTEMPTS + ": " + attempts);
    }
  }

  /** A new pending session created at {@code now}, expiring {@link #LIFETIME} later. */
  public static VerificationSession start(
      UUID id, UserId user, String username, String nonce, String message, Instant now) {
    return new VerificationSession(
        id,
        user,
        username,
        nonce,
        message,
        Status.PENDING,
        0,
        now,
        now.plus(LIFETIME),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The status as every surface sees it: a pending session past its expiry is expired. */
  public Status effectiveStatus(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }

  public int attemptsLeft() {
    return MAX_ATTEMPTS - attempts;
  }

  public VerificationSession withAttempt() {
    return new VerificationSession(
        id,
        userId,
        username,
        nonce,
        message,
        status,
        attempts + 1,
        createdAt,
        expiresAt,
        completedAt,
        wallet,
        errorCode);
  }

  public VerificationSession completed(Address linked, Instant at) {
    return new VerificationSession(
        id,
        userId,
        username,
        nonce,
        message,
        Status.COMPLETED,
        attempts,
        createdAt,
        expiresAt,
        Optional.of(at),
        Optional.of(linked),
        Optional.empty());
  }

  public VerificationSession failed(String code) {
    return closed(Status.FAILED, Optional.of(code));
  }

  public VerificationSession expired() {
    return closed(Status.EXPIRED, errorCode);
  }

  public VerificationSession cancelled() {
    return closed(Status.CANCELLED, errorCode);
  }

  private VerificationSession closed(Status to, Optional<String> code) {
    return new VerificationSession(
        id,
        userId,
        username,
        nonce,
        message,
        to,
        attempts,
        createdAt,
        expiresAt,
        completedAt,
        wallet,
        code);
  }
}
