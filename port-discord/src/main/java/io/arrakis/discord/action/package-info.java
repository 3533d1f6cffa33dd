/** Privileged Discord actions: decided by workers, executed by the token-holding ingestor. */
package io.arrakis.discord.action;
