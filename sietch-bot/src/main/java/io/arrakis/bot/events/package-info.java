/**
 * The gateway events of spec §17 (guild create/delete, member add/update/remove, member chunks,
 * messages and reactions), and the guild member mirror they keep for role reconciliation.
 */
package io.arrakis.bot.events;
