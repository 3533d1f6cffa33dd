/**
 * {@code /verify} (spec §7, §15.16): the nonce session, the message to sign, the signature modal,
 * EIP-191 signer recovery ({@link io.arrakis.bot.verify.Eip191}), wallet linking and the first
 * onboarding DM.
 */
@NullMarked
package io.arrakis.bot.verify;

import org.jspecify.annotations.NullMarked;
