/** Gateway events as values, and the port that decodes them from Discord's JSON. */
package io.arrakis.discord.gateway;
