package io.arrakis.domain.badges;

import java.util.Optional;

/** A catalogue row ({@code badges}). {@code criteria} empty = manual badge. */
public record BadgeDefinition(
    String id,
    String name,
    String description,
    BadgeCategory category,
    String emoji,
    Optional<CriteriaType> criteria,
    Optional<String> criteriaValue,
    int displayOrder) {}
