package io.arrakis.discord;

/** Something that sits in an {@link ActionRow}: a button or a select menu. */
public sealed interface RowComponent permits Button, StringSelect, EntitySelect {}
